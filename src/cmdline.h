/* The gcc-style command line: @file expansion, gold-link's own options split
   from the compiler driver's, and what the driver's arguments ask for.  */
#ifndef GL_CMDLINE_H
#define GL_CMDLINE_H

#include <popt.h>
#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "xalloc.h"

/* Replace every readable "@FILE" in ARGV by the words in FILE, with gcc's
   quoting rules (blanks separate; '…', "…" and backslash quote), nested.
   An @FILE that cannot be opened stays as it is, as with gcc; as with gcc,
   the 2000th @-word is an error.  */
int cmdline_expand_response_files (int argc, char *const argv[],
				   struct strvec *out, struct gl_error *err);

/* Split ARGS into the words of gold-link's own options (OWN, for popt, with
   OWN->v[0] = ARGS->v[0]) and everything else (DRIVER), in order.  A word is
   ours when it names an option of OPTIONS (--name, --name=value, -v, -?);
   the values of the driver's separate-argument options (-o X, -Xlinker X)
   are never taken for ours.  */
void cmdline_split (const struct strvec *args, const struct poptOption *options,
		    struct strvec *own, struct strvec *driver);

/* What the compiler-driver arguments say.  */
struct cmdline
{
  const struct strvec *args;	/* the driver arguments (not owned) */
  size_t *operands;		/* indices of file operands, in order */
  size_t noperands;
  long output_index;		/* index of the word holding the output, or -1 */
  bool output_joined;		/* the output is in "-oFILE" */
  const char *output;		/* the output path, or NULL */
  size_t nlibs;			/* -l options */
  bool sources;			/* some operand is compiled (.c, -x c, ...) */
  bool no_link;			/* -c, -S, -E, -M, -print-*, -dump*, -### ... */
  bool shared, pie, no_pie, static_exe, static_pie, rdynamic;
  bool build_id;		/* the linker is given a --build-id */
  bool export_dynamic_symbol;	/* the linker is given the symbols to export
				   (cmd/link 1.21+ instead of -rdynamic) */
  bool strip_debug;		/* the linker is given -S (--strip-debug):
				   cmd/link 1.26+ for -w without -s */
  const char *print_prog_name;	/* -print-prog-name=X, --print-prog-name X */
  const char *fuse_ld;		/* value of the last -fuse-ld= */
};

int cmdline_classify (const struct strvec *args, struct cmdline *cl,
		      struct gl_error *err);
void cmdline_free (struct cmdline *cl);

/* True when the driver would treat PATH as a source file to compile.  */
bool cmdline_is_source_name (const char *path);

/* Does the driver argument at I take the next word as its value?  */
bool cmdline_takes_separate_value (const char *word);

#endif
