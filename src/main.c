/* gold-link: options and dispatch.  Run as gold-link-ar (or ar) it is the
   archiver; otherwise the external-linking driver for Go.  */
#include <config.h>

#include <errno.h>
#include <gelf.h>
#include <popt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ar.h"
#include "cmdline.h"
#include "diag.h"
#include "link.h"
#include "stage.h"
#include "xalloc.h"

enum
{
  OPT_BUILDMODE = 1,
  OPT_CC,
  OPT_LINKER,
  OPT_VERBOSE,
  OPT_VERSION
};

/* What popt fills: its strings and ints, turned into struct link_options
   once parsed.  */
struct options
{
  char *buildmode;		/* --buildmode */
  char *cc;			/* --cc */
  char *linker;			/* --linker */
  int direct;			/* --direct */
  int no_linker_check;		/* --no-linker-check */
  int dry_run;			/* --dry-run */
  int keep_temps;		/* --keep-temps */
  int no_stage;			/* --no-stage */
  int response_file;		/* --response-file */
};

static struct options opt;

static struct poptOption options[] = {
  { "buildmode", '\0', POPT_ARG_STRING, NULL, OPT_BUILDMODE,
    "build mode: exe, pie, c-shared, c-archive, shared or plugin "
    "(default: from the driver flags and go.o)", "MODE" },
  { "cc", '\0', POPT_ARG_STRING, NULL, OPT_CC,
    "compiler driver that runs the link (default: GOLD_LINK_CC, CC, the "
    "target's gcc)", "CC" },
  { "linker", '\0', POPT_ARG_STRING, NULL, OPT_LINKER,
    "bfd, gold, lld, mold, auto (the fastest known good here), or a "
    "linker's path (default: GOLD_LINK_LINKER, -fuse-ld=, "
    GL_DEFAULT_LINKER ")", "LINKER" },
  { "direct", '\0', POPT_ARG_NONE, &opt.direct, 0,
    "run the linker itself with gold-link's C runtime glue, not through "
    "the compiler driver", NULL },
  { "no-linker-check", '\0', POPT_ARG_NONE, &opt.no_linker_check, 0,
    "use the linker asked for even where it is known to break this mode",
    NULL },
  { "verbose", 'v', POPT_ARG_NONE, NULL, OPT_VERBOSE,
    "explain each decision and print the command; -v also reaches the "
    "driver", NULL },
  { "dry-run", '\0', POPT_ARG_NONE, &opt.dry_run, 0,
    "print the command and run nothing", NULL },
  { "keep-temps", '\0', POPT_ARG_NONE, &opt.keep_temps, 0,
    "keep the staging directory and say where it is", NULL },
  { "no-stage", '\0', POPT_ARG_NONE, &opt.no_stage, 0,
    "pass host objects to the linker loose instead of in one archive "
    "linked whole", NULL },
  { "response-file", '\0', POPT_ARG_NONE, &opt.response_file, 0,
    "pass the command to the driver or linker in a response file even when "
    "it is short (by default only when it is too long to run)", NULL },
  { "version", '\0', POPT_ARG_NONE, NULL, OPT_VERSION,
    "print the version and exit", NULL },
  POPT_AUTOHELP
  POPT_TABLEEND
};

static int
fail (struct gl_error *err)
{
  gl_error_print (gl_progname, err);
  int status = err->status ? err->status : GL_EXIT_INPUT;
  gl_error_clear (err);
  return status;
}

/* Parse gold-link's own options; -1 to go on, else an exit status.  */
static int
parse_own_options (struct strvec *own)
{
  poptContext con = poptGetContext ("gold-link", (int) own->n,
				    (const char **) own->v, options, 0);
  poptSetOtherOptionHelp (con, "[OPTION...] [gcc-driver argument...]");
  int rc, status = -1;
  while ((rc = poptGetNextOpt (con)) > 0)
    switch (rc)
      {
      case OPT_BUILDMODE:
	free (opt.buildmode);
	opt.buildmode = poptGetOptArg (con);
	break;
      case OPT_CC:
	free (opt.cc);
	opt.cc = poptGetOptArg (con);
	break;
      case OPT_LINKER:
	free (opt.linker);
	opt.linker = poptGetOptArg (con);
	break;
      case OPT_VERBOSE:
	gl_verbose++;
	break;
      case OPT_VERSION:
	printf ("gold-link %s\n", PACKAGE_VERSION);
	status = GL_EXIT_OK;
	break;
      }
  if (rc < -1)
    {
      fprintf (stderr, "gold-link: error: %s: %s\n",
	       poptBadOption (con, POPT_BADOPTION_NOALIAS), poptStrerror (rc));
      fprintf (stderr, "gold-link: note: gold-link --help lists the options\n");
      status = GL_EXIT_USAGE;
    }
  poptFreeContext (con);
  return status;
}

/* The one place that tells the user what the link decided.  */
static void
tell (enum link_say what, const char *file, const char *text, void *arg)
{
  (void) arg;
  switch (what)
    {
    case LINK_NOTE:
      gl_verbosef ("%s", text);
      break;
    case LINK_COMMAND:
      if (opt.dry_run)
	printf ("%s\n", text);
      else
	gl_verbosef ("run: %s", text);
      break;
    case LINK_WARNING:
      gl_warning (gl_progname, file, "%s", text);
      break;
    case LINK_ANSWER:
      printf ("%s\n", text);
      break;
    }
}

static bool
is_ar_name (const char *argv0)
{
  const char *base = strrchr (argv0, '/');
  base = base ? base + 1 : argv0;
  size_t n = strlen (base);
  return strcmp (base, "ar") == 0 || (n > 3 && strcmp (base + n - 3, "-ar") == 0);
}

int
main (int argc, char **argv)
{
  if (argc > 0 && is_ar_name (argv[0]))
    return ar_main (argc, argv);

  struct gl_error err = { 0 };
  struct strvec args = { 0 }, own = { 0 }, driver = { 0 };
  int status;
  elf_version (EV_CURRENT);

  if (cmdline_expand_response_files (argc, argv, &args, &err) != 0)
    {
      status = fail (&err);
      goto out;
    }
  cmdline_split (&args, options, &own, &driver);
  status = parse_own_options (&own);
  if (status >= 0)
    goto out;
  stage_init (opt.keep_temps);

  struct link_options lo = {
    .buildmode = opt.buildmode, .cc = opt.cc, .linker = opt.linker,
    .direct = opt.direct, .no_linker_check = opt.no_linker_check,
    .dry_run = opt.dry_run, .keep_temps = opt.keep_temps,
    .no_stage = opt.no_stage, .response_file = opt.response_file,
    .verbose = gl_verbose > 0
  };
  struct link l;
  link_init (&l, &lo, &driver, tell, NULL);
  status = link_run (&l);
  if (status < 0)
    status = l.err.status != 0 ? fail (&l.err) : GL_EXIT_INPUT;
  link_free (&l);

  int sig = stage_caught_signal ();
  const char *kept = stage_cleanup ();
  if (kept != NULL)
    fprintf (stderr, "gold-link: kept the staging directory %s\n", kept);
  else if (opt.keep_temps)
    fprintf (stderr, "gold-link: --keep-temps: nothing was staged\n");
  if (sig != 0)
    status = 128 + sig;

out:
  strvec_free (&args);
  strvec_free (&own);
  strvec_free (&driver);
  free (opt.buildmode);
  free (opt.cc);
  free (opt.linker);
  return status;
}
