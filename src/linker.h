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
   GOLD_LINK_CC, else $CC when it is not gold-link and targets ARCH, else
   ARCH's Debian cross gcc when ARCH is not this machine's, else gcc when
   it serves ARCH.  A compiler's target is what it prints for -dumpmachine.
   Its words go to WORDS; *WHY says which rule chose it.  -1 with ERR set
   (naming ARCH_FROM, the file ARCH came from, or NULL) when --cc or
   GOLD_LINK_CC targets another architecture, or no compiler for ARCH is
   found.  ARCH NULL: no check.  */
int linker_choose_cc (const char *opt_cc, const struct gl_arch *arch,
		      const char *arch_from, struct strvec *words,
		      const char **why, struct gl_error *err);

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
   breaks one of MODES (1 << enum gl_mode bits) on ARCH, or NULL.  */
const struct gl_ld_limit *linker_limit (enum gl_ld kind,
					const struct gl_arch *arch,
					unsigned modes);

/* Run PATH -V: which linker it is (never judged by its name), its version
   line, and whether it can link for ARCH.  */
int linker_identify (const char *path, const struct gl_arch *arch,
		     enum gl_ld *kind, char **version, bool *targets_arch,
		     struct gl_error *err);

/* Choose the linker (SPEC "Linkers"): REQUESTED (--linker or
   GOLD_LINK_LINKER; ORIGIN says which, e.g. "--linker="), else FUSE_LD (the
   command line's -fuse-ld=), else the configured default.  The value is
   bfd, gold, lld, mold, auto, or a program.  "auto" takes the fastest
   installed linker that no limit forbids for MODES; a linker named
   explicitly is refused when a limit forbids it, unless !CHECK.  MODE
   names the mode in messages.  */
int linker_choose (const char *requested, const char *origin,
		   const char *fuse_ld, const struct gl_arch *arch,
		   unsigned modes, const char *mode, bool check,
		   struct gl_ld_choice *ld, struct gl_error *err);
void linker_choice_free (struct gl_ld_choice *ld);

/* The link command through the compiler driver: CC words, the arch and
   mode flags cmd/link would pass that the arguments lack (GO_OBJECT: the
   link has go.o; GO_ARCHIVE: a C program with a Go c-archive, which gets
   the arch flags only), the linker LD
   (found through LD_DIR, see stage_linker_dir) with -fuse-ld, -z
   noexecstack, the driver arguments with the output renamed to OUTPUT, and
   -v when VERBOSE.  */
void linker_build_command (const struct strvec *cc, const struct gl_arch *arch,
			   enum gl_mode mode, bool go_object, bool go_archive,
			   const struct cmdline *cl,
			   const struct gl_ld_choice *ld, const char *ld_dir,
			   const char *output, bool verbose,
			   struct strvec *cmd);

/* Whether the driver may be given -v with linker LD for ARCH: gcc for
   powerpc passes the linker -V, which lld takes for --version, and the
   link writes nothing.  */
bool linker_driver_takes_v (const struct gl_arch *arch,
			    const struct gl_ld_choice *ld);

/* Split a command string such as "gcc -fuse-ld=lld" into words.  */
void linker_split_words (const char *s, struct strvec *words);

#endif
