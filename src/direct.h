/* Direct links: a raw linker (ld.bfd, ld.gold, ld.lld, mold) run with
   gold-link's own C runtime glue instead of through a compiler driver.  */
#ifndef GL_DIRECT_H
#define GL_DIRECT_H

#include "arch.h"
#include "cmdline.h"
#include "crt.h"
#include "diag.h"
#include "linker.h"
#include "mode.h"
#include "xalloc.h"

/* What kind of output the C runtime glue is for: from the mode, else the
   flags (-shared, -no-pie, -static, -static-pie), else PIE.  */
enum crt_link direct_link_kind (enum gl_mode mode, const struct cmdline *cl);

/* Translate the driver arguments of CL into raw linker arguments, appended
   to CMD in order: -Wl, and -Xlinker unwrapped, -l/-L joined with a
   separate value, -rdynamic as --export-dynamic, -T/-u/-e/-z kept with
   their value, the output (-o X, -oX) renamed to OUTPUT, compile-only
   flags and warnings dropped, and the mode flags, -fuse-ld= and -v left
   out (gold-link decides those).  Options that change the C runtime glue
   (-static-libgcc, -nostdlib, -nostartfiles, -nodefaultlibs) are ORed into
   *CRT_FLAGS as CRT_* bits; -pthread's -lpthread is appended to LATE, which
   goes after the user's libraries.  An option only a compiler driver
   understands (-flto, -fsanitize=, anything unknown) is an error naming
   it: -1 with ERR set, and CMD and LATE may hold part of the result.  */
int direct_translate (const struct cmdline *cl, const char *output,
		      struct strvec *cmd, struct strvec *late,
		      unsigned *crt_flags, struct gl_error *err);

/* The raw command for LD: its mode flags, emulation and dynamic linker,
   the crt objects (asked of the compiler CC), the driver arguments of CL
   translated for the linker (-Wl, and -Xlinker unwrapped, -rdynamic as
   --export-dynamic, compile-only flags dropped), then gcc's library
   sequence.  CL holds the full driver command, as linker_build_command
   makes it without a compiler; OUTPUT is the file to write.  An option
   only a compiler driver understands (-flto, -fsanitize=, ...) is an
   error.  */
int direct_build_command (const struct gl_ld_choice *ld,
			  const struct strvec *cc, const struct gl_arch *arch,
			  enum gl_mode mode, const struct cmdline *cl,
			  const char *output, struct strvec *cmd,
			  struct gl_error *err);

#endif
