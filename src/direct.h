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
