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

/* C++: the C++ driver of a compiler's family.  */
enum cc_cxx
{
  CC_CXX_FOUND,			/* a C++ driver, on PATH */
  CC_CXX_ALREADY,		/* the compiler is a C++ driver itself */
  CC_CXX_MISSING,		/* its C++ driver is not on PATH */
  CC_CXX_UNKNOWN		/* no C++ driver is known for its name */
};

/* The C++ driver named after the C driver WORD, malloc'd:
   [DIR/][TRIPLET-]C[-VERSION] becomes [DIR/][TRIPLET-]CXX[-VERSION] for
   gcc → g++, clang → clang++, cc → c++, icx → icpx, icc → icpc; NULL for
   any other name.  */
char *cc_cxx_name (const char *word);
/* Does WORD name a C++ driver ("g++-12", "clang++", "c++", "icpx")?  */
bool cc_is_cxx_name (const char *word);
/* Is the compiler of CC (its words) a C++ driver?  */
bool cc_is_cxx (const struct strvec *cc);
/* CC (a compiler's words) with its compiler's word, the first word that
   is not an option and names a C or C++ driver ("ccache gcc", "zig cc"),
   replaced by cc_cxx_name's, into CXX (appended): CC_CXX_FOUND; or
   CC_CXX_ALREADY or CC_CXX_UNKNOWN, CXX untouched.  Nothing is run.  */
int cc_cxx_words (const struct strvec *cc, struct strvec *cxx);

/* The C++ driver to link with instead of the compiler CC, which WHY_CC
   chose (cc_choose's *WHY), into CXX: $CXX when its compiler is exactly
   the one cc_cxx_words names (cmd/go exports CXX, "g++" when unset; CXX
   has its own flags) and it targets ARCH, else cc_cxx_words's words.
   CC_CXX_FOUND with *WHY set when that driver is on PATH; CC_CXX_MISSING
   with the missing driver's words in CXX; CC_CXX_ALREADY, CC_CXX_UNKNOWN
   as for cc_cxx_words.  What was judged on the way goes to NOTES.  */
enum cc_cxx cc_choose_cxx (const struct strvec *cc, const char *why_cc,
			   const struct gl_arch *arch, struct strvec *cxx,
			   const char **why, struct strvec *notes);

#endif
