/* Which compiler driver runs the link (SPEC "Interfaces").  */
#ifndef GL_CC_H
#define GL_CC_H

#include "arch.h"
#include "diag.h"
#include "xalloc.h"

/* Choose the compiler driver: OPT_CC (--cc), else GOLD_LINK_CC, else $CC
   when it is not gold-link and targets ARCH, else ARCH's Debian cross gcc
   when ARCH is not this machine's, else gcc when it serves ARCH.  A
   compiler's target is what it prints for -dumpmachine.  Its words go to
   WORDS; *WHY says which rule chose it, and what was judged on the way is
   pushed to NOTES.  -1 with ERR set (naming ARCH_FROM, the file ARCH came
   from, or NULL) when --cc or GOLD_LINK_CC targets another architecture,
   or no compiler for ARCH is found.  ARCH NULL: no check.  */
int cc_choose (const char *opt_cc, const struct gl_arch *arch,
	       const char *arch_from, struct strvec *words, const char **why,
	       struct strvec *notes, struct gl_error *err);

#endif
