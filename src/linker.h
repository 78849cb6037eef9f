/* Which compiler driver runs the link, and the exact command it is given.  */
#ifndef GL_LINKER_H
#define GL_LINKER_H

#include <stdbool.h>

#include "arch.h"
#include "cmdline.h"
#include "diag.h"
#include "mode.h"
#include "xalloc.h"

/* Choose the compiler driver (SPEC "Interfaces"): OPT_CC (--cc), else
   GOLD_LINK_CC, else $CC when it is not gold-link and suits ARCH, else
   ARCH's Debian cross gcc when ARCH is not this machine's, else gcc.  Its
   words go to WORDS; *WHY says which rule chose it.  */
void linker_choose_cc (const char *opt_cc, const struct gl_arch *arch,
		       struct strvec *words, const char **why);

/* The link command: CC words, the arch and mode flags cmd/link would pass
   that the arguments lack, the driver arguments with the output renamed to
   OUTPUT, and -v when VERBOSE.  */
void linker_build_command (const struct strvec *cc, const struct gl_arch *arch,
			   enum gl_mode mode, bool go_object,
			   const struct cmdline *cl, const char *output,
			   bool verbose, struct strvec *cmd);

/* Split a command string such as "gcc -fuse-ld=lld" into words.  */
void linker_split_words (const char *s, struct strvec *words);

#endif
