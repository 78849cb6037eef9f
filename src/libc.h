/* Which C library a link uses, told by the compiler driver's own link
   line, and what that libc cannot run (arch/libc.def).  */
#ifndef GL_LIBC_H
#define GL_LIBC_H

#include <stdbool.h>

#include "arch.h"
#include "cmdline.h"
#include "diag.h"
#include "xalloc.h"

struct gl_libc_refusal
{
  unsigned modes;		/* 1 << enum gl_mode bits */
  const char *why;		/* NULL ends the list */
  const char *what_to_do;
};

struct gl_libc
{
  const char *name;
  const char *loader;		/* the start of its dynamic linker's file
				   name; NULL: any other */
  const struct gl_libc_refusal *refusals;
  const char *tested_on;	/* the GOARCHes whose tests link with it,
				   blank-separated; NULL: every one */
  const char *tested_by;	/* the test that does */
  unsigned tested_modes;	/* the modes it links there; 0: every one */
};

extern const struct gl_libc gl_libcs[];
extern const size_t gl_nlibcs;

/* What the driver CC (given ARCH's flags, and the target flags of the
   driver arguments CL) says about the link it would run, from one
   "CC ... -### -x c /dev/null -o /dev/null" (with AS_FLAG, such as
   "-static", unless NULL).  */
struct libc_probe
{
  const struct gl_libc *libc;	/* by its dynamic linker; NULL when the
				   driver named none */
  char *dynamic_linker;		/* malloc'd, or NULL */
  bool no_dynamic_linker;	/* its link line has --no-dynamic-linker */
};
int libc_probe (const struct strvec *cc, const struct gl_arch *arch,
		const struct cmdline *cl, const char *as_flag,
		struct libc_probe *probe, struct gl_error *err);
void libc_probe_free (struct libc_probe *probe);

/* The libc whose dynamic linker is the file PATH.  */
const struct gl_libc *libc_by_loader (const char *path);

/* LIBC's refusal for one of MODES, or NULL.  */
const struct gl_libc_refusal *libc_refusal (const struct gl_libc *libc,
					    unsigned modes);

#endif
