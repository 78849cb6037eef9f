/* The context of one gold-link run: the options, and what each step of
   the flow (flow.c) decided, from the compiler-driver arguments to the
   output.  The steps decide; they never print.  What they decided and why
   reaches the front end through one callback, which alone talks to the
   user.  */
#ifndef GL_LINK_H
#define GL_LINK_H

#include <stdbool.h>

#include "arch.h"
#include "cmdline.h"
#include "diag.h"
#include "glue.h"
#include "goobj.h"
#include "inputs.h"
#include "libc.h"
#include "linker.h"
#include "mode.h"
#include "output.h"
#include "xalloc.h"

/* gold-link's own options (gold-link(1)).  */
struct link_options
{
  const char *buildmode;	/* --buildmode, or NULL: from flags and go.o */
  const char *cc;		/* --cc, or NULL */
  const char *linker;		/* --linker, or NULL */
  bool direct;			/* --direct: run the linker itself */
  bool no_linker_check;		/* --no-linker-check */
  bool dry_run;			/* --dry-run: decide, write and run nothing */
  bool keep_temps;		/* --keep-temps */
  bool no_stage;		/* --no-stage: host objects loose */
  bool response_file;		/* --response-file: always one */
  bool verbose;			/* -v: the driver is given -v too */
  bool audit;			/* --audit: the output, after the link */
};

/* What the flow tells the user.  */
enum link_say
{
  LINK_NOTE,		/* a decision and why (printed under -v) */
  LINK_COMMAND,		/* the command it runs (or, with --dry-run, would run) */
  LINK_WARNING,		/* a problem in FILE that does not stop the link */
  LINK_ANSWER,		/* the answer to a question (which ar?), for stdout */
  LINK_OUTPUT,		/* a line the linker wrote to its stderr, passed on
			   as it is */
  LINK_AUDIT		/* --audit: the output's report, for stdout */
};
typedef void link_tell_fn (enum link_say what, const char *file,
			   const char *text, void *arg);

struct link
{
  /* Given.  */
  struct link_options opt;
  const struct strvec *driver;	/* the driver arguments */
  link_tell_fn *tell;		/* may be NULL: nothing is told */
  void *tell_arg;

  /* Decided, step by step (flow.c lists the steps).  */
  struct cmdline cl;		/* what the driver arguments say */
  struct inputs ins;		/* one input per operand, in order */
  const char *output;		/* -o, else a.out */
  const struct gl_arch *arch;	/* the Go object's, else the inputs', else
				   GOARCH's or this machine's */
  struct goobj g;		/* the Go object's facts, when have_g */
  bool have_g;
  bool go_archive;		/* a C program containing a Go c-archive */
  enum gl_mode mode;
  struct glue glue;		/* the .init_array glue, when added */
  struct strvec *named_as;	/* per operand, the words the command names
				   it by when not its own (v != NULL): the
				   glue's copy of go.o; an archive of a run of
				   host objects, linked whole, for the run's
				   first, none for the rest */
  struct strvec cc;		/* the compiler driver's words */
  const char *cc_why;
  const struct gl_libc *libc;	/* the libc CC links against, or NULL when
				   it cannot say */
  bool no_interp;		/* a static link whose driver still names a
				   dynamic linker: the linker is told
				   --no-dynamic-linker */
  struct gl_ld_choice ld;	/* the linker */
  char *ld_dir;			/* where the driver finds exactly that linker */
  struct output out;		/* the output, under its temporary name */
  struct strvec cmd;		/* the command that links */
  int status;			/* the exit status, once a step ends the run */
  struct gl_error err;		/* why the run failed */
};

/* A context for one run over the driver arguments DRIVER (not copied)
   with options OPT.  */
void link_init (struct link *l, const struct link_options *opt,
		const struct strvec *driver, link_tell_fn *tell, void *tell_arg);

void link_free (struct link *l);

#endif
