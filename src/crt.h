/* The C runtime glue gcc's driver adds to a link, for running a raw linker
   directly: start and end files, library directories, libgcc and libc.  */
#ifndef GL_CRT_H
#define GL_CRT_H

#include "arch.h"
#include "diag.h"
#include "xalloc.h"

/* What the link makes; it picks the start and end files as gcc's
   *startfile and *endfile specs do (research/driver-anchors.md §2.1).  */
enum crt_link
{
  CRT_EXE,		/* -no-pie: crt1.o crti.o crtbegin.o ... crtend.o crtn.o */
  CRT_PIE,		/* -pie: Scrt1.o crti.o crtbeginS.o ... crtendS.o crtn.o */
  CRT_SHARED,		/* -shared: crti.o crtbeginS.o ... crtendS.o crtn.o */
  CRT_STATIC,		/* -static: crt1.o crti.o crtbeginT.o ... crtend.o crtn.o */
  CRT_STATIC_PIE	/* -static-pie: rcrt1.o crti.o crtbeginS.o ... crtendS.o crtn.o */
};

/* gcc's options that change the glue.  */
enum
{
  CRT_NOSTARTFILES = 1,		/* -nostartfiles: no start or end files */
  CRT_NODEFAULTLIBS = 2,	/* -nodefaultlibs: no libgcc or libc */
  CRT_NOSTDLIB = CRT_NOSTARTFILES | CRT_NODEFAULTLIBS,	/* -nostdlib */
  CRT_STATIC_LIBGCC = 4		/* -static-libgcc */
};

/* A raw link is
     LINKER [mode flags] START... -LLIBDIR... OBJECTS... LIBS... END...
   as gcc's collect2 line.  Paths are absolute and canonical (realpath);
   LIBDIRS has gcc's order with later duplicates dropped.  */
struct crt_glue
{
  struct strvec start;		/* crt1/Scrt1/rcrt1.o, crti.o, crtbegin*.o */
  struct strvec libdirs;	/* the directories gcc passes as -L, without "-L" */
  struct strvec libs;		/* e.g. -lgcc --push-state --as-needed -lgcc_s
				   --pop-state -lc ..., as linker arguments */
  struct strvec end;		/* crtend*.o, crtn.o */
};

/* Fill GLUE for a LINK with FLAGS to ARCH, asking the compiler driver CC
   (its words, e.g. {"gcc"} or {"aarch64-linux-gnu-gcc-12"}) once, with
   ARCH's cc_flags, for its search directories ("-print-search-dirs").  The
   start and end files are looked up there in order, as gcc's "%s" does,
   and must be ARCH's objects.  -1 with ERR set when the compiler cannot be
   run, or a file is missing or for another target; GLUE is then empty.
   crt_free releases GLUE either way.  */
int crt_find (const struct strvec *cc, const struct gl_arch *arch,
	      enum crt_link link, unsigned flags, struct crt_glue *glue,
	      struct gl_error *err);

void crt_free (struct crt_glue *glue);

/* "exe", "pie", "shared", "static", "static-pie": for -v and the tests.  */
const char *crt_link_name (enum crt_link link);

#endif
