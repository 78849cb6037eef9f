/* Which linker runs the link: the linkers gold-link knows, their limits,
   and the choice among them (SPEC "Linkers").  */
#ifndef GL_LINKER_H
#define GL_LINKER_H

#include <stdbool.h>

#include "arch.h"
#include "diag.h"
#include "mode.h"
#include "xalloc.h"

/* A linker: what it is, where, and why gold-link uses it.  */
struct gl_ld_choice
{
  enum gl_ld kind;
  char *path;			/* the program */
  char *version;		/* the first line of its -V text */
  char *why;			/* the rule that chose it, for -v */
  struct strvec flags;		/* options this link needs of this linker,
				   as the linker spells them (-Wl, through
				   the driver) */
};

const char *linker_kind_name (enum gl_ld kind);

/* The limit (arch/ data, or one that holds everywhere) that says KIND
   breaks one of MODES (1 << enum gl_mode bits) on ARCH with the libc named
   LIBC, or NULL.  LIBC NULL (not known): every limit holds.  */
const struct gl_ld_limit *linker_limit (enum gl_ld kind,
					const struct gl_arch *arch,
					unsigned modes, const char *libc);

/* Run PATH -V: which linker it is (never judged by its name), its version
   line, and whether it can link for ARCH.  */
int linker_identify (const char *path, const struct gl_arch *arch,
		     enum gl_ld *kind, char **version, bool *targets_arch,
		     struct gl_error *err);

/* The linker value a link asks for, in SPEC order: OPT_LINKER (--linker),
   else ENV_LINKER (GOLD_LINK_LINKER), else FUSE_LD (the command line's
   -fuse-ld=), else the configured default; empty strings count as unset.
   *ORIGIN says which, as "--linker=", "GOLD_LINK_LINKER=", "-fuse-ld=" or
   "default ".  */
const char *linker_request (const char *opt_linker, const char *env_linker,
			    const char *fuse_ld, const char **origin);

/* Choose the linker VALUE (from linker_request; ORIGIN says where it came
   from): bfd, gold, lld, mold, auto, or a program.  "auto" takes the
   fastest installed linker that no limit forbids for MODES and LIBC (as
   linker_limit); a linker named explicitly is refused when a limit
   forbids it, unless !CHECK.  MODE names the mode in messages.  */
int linker_choose (const char *value, const char *origin,
		   const struct gl_arch *arch, unsigned modes,
		   const char *libc, const char *mode, bool check,
		   struct gl_ld_choice *ld, struct gl_error *err);
void linker_choice_free (struct gl_ld_choice *ld);

/* Whether the driver may be given -v with linker LD for ARCH: gcc for
   powerpc passes the linker -V, which lld takes for --version, and the
   link writes nothing.  */
bool linker_driver_takes_v (const struct gl_arch *arch,
			    const struct gl_ld_choice *ld);

#endif
