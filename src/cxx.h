/* C++ host objects: does the link need the C++ runtime (which object says
   so, by which symbol), the C++ driver that links it, and, after a failed
   link, the C++ runtime symbols the linker could not find.  */
#ifndef GL_CXX_H
#define GL_CXX_H

#include <stdbool.h>
#include <stddef.h>

#include "arch.h"
#include "diag.h"
#include "inputs.h"
#include "xalloc.h"

/* What a symbol is to the C++ runtime (libstdc++, or libc++ and
   libc++abi), most telling first.  */
enum cxx_what
{
  CXX_NOT = 0,			/* not the C++ runtime's */
  CXX_PERSONALITY,		/* __gxx_personality_v0 */
  CXX_ABI,			/* __cxa_* (not libc's __cxa_atexit ...) */
  CXX_NEW_DELETE,		/* the global operator new and delete */
  CXX_STD,			/* std:: */
  CXX_RTTI			/* typeinfo and vtables of std::,
				   __cxxabiv1::, fundamental types */
};

/* What NAME is to the C++ runtime, mangled (_ZNSt...) or as a linker
   prints it demangled (std::...); *LIBCXX (may be NULL) is set when it is
   libc++'s (std::__1).  */
enum cxx_what cxx_runtime_symbol (const char *name, bool *libcxx);

/* A few words on WHAT, for -v: "the C++ personality routine".  */
const char *cxx_what_name (enum cxx_what what);

/* The evidence that the link needs the C++ runtime: the first input that
   shows it.  */
struct cxx_need
{
  char *file;			/* an object, or an archive "A(MEMBER)" */
  char *symbol;			/* its most telling C++ runtime symbol */
  enum cxx_what what;
  size_t more;			/* its other C++ runtime symbols */
  bool in_index;		/* an archive's index defines SYMBOL */
  bool libcxx;			/* built against libc++ */
  size_t objects, archives;	/* how many were read */
};

/* Read the inputs INS for the C++ runtime: every ELF object's symbol table
   but the Go object's, for an undefined C++ runtime symbol that no other
   object defines; every archive's symbol index only (no member is read),
   for what C++ code defines (DW.ref.__gxx_personality_v0, std::
   instantiations), unless it defines the runtime itself.  Shared
   libraries, thin archives and -l libraries are not read.  NEED->file is
   NULL when nothing needs it.  -1 with ERR set when an input cannot be
   read again.  */
int cxx_scan (const struct inputs *ins, struct cxx_need *need,
	      struct gl_error *err);
void cxx_need_free (struct cxx_need *need);

/* When INS need the C++ runtime and the compiler driver CC (chosen by
   *WHY) is a C driver, link through its family's C++ driver
   (cc_choose_cxx): CC and *WHY are replaced.  Where there is none on
   PATH, CC stays when DRIVER (the driver arguments) names the C++ runtime
   (-lstdc++, -lc++); else -1 with ERR set, naming the object and the
   symbol.  What was decided and why goes to NOTES.  */
int cxx_choose (const struct inputs *ins, const struct strvec *driver,
		const struct gl_arch *arch, struct strvec *cc,
		const char **why, struct strvec *notes, struct gl_error *err);

/* The linker's stderr, line by line, for the C++ runtime symbols it
   reports undefined.  */
struct cxx_watch
{
  struct strvec symbols;	/* each one once, as the linker named it,
				   sorted */
  size_t count;			/* lines naming others, past those kept */
  bool libcxx;
};

void cxx_watch_init (struct cxx_watch *w);
void cxx_watch_free (struct cxx_watch *w);
/* The undefined symbol a line of a linker's stderr reports (malloc'd):
   bfd's "undefined reference to `SYM'", gold's "... to 'SYM'", lld's and
   mold's "undefined symbol: SYM"; else NULL.  */
char *cxx_linker_undefined (const char *line, size_t len);
void cxx_watch_line (struct cxx_watch *w, const char *line, size_t len);
/* After the link of OUTPUT through CC failed with STATUS: when the linker
   reported C++ runtime symbols undefined, ERR says which and what to do
   (its status STATUS), and true.  */
bool cxx_watch_explain (const struct cxx_watch *w, const struct strvec *cc,
			const char *output, int status, struct gl_error *err);

#endif
