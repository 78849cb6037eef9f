/* gold-link's own options: one popt table, read by cmdline_split to tell
   them from the driver's arguments and by options_parse.  */
#include <config.h>

#include "options.h"

#include <stdlib.h>

enum
{
  OPT_BUILDMODE = 1,
  OPT_CC,
  OPT_LINKER,
  OPT_DIRECT,
  OPT_NO_LINKER_CHECK,
  OPT_VERBOSE,
  OPT_DRY_RUN,
  OPT_KEEP_TEMPS,
  OPT_NO_STAGE,
  OPT_RESPONSE_FILE,
  OPT_AUDIT,
  OPT_VERSION,
  OPT_JSON
};

const struct poptOption options_table[] = {
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
  { "direct", '\0', POPT_ARG_NONE, NULL, OPT_DIRECT,
    "run the linker itself with gold-link's C runtime glue, not through "
    "the compiler driver", NULL },
  { "no-linker-check", '\0', POPT_ARG_NONE, NULL, OPT_NO_LINKER_CHECK,
    "use the linker asked for even where it is known to break this mode",
    NULL },
  { "verbose", 'v', POPT_ARG_NONE, NULL, OPT_VERBOSE,
    "explain each decision and print the command; -v also reaches the "
    "driver", NULL },
  { "dry-run", '\0', POPT_ARG_NONE, NULL, OPT_DRY_RUN,
    "print the command and run nothing", NULL },
  { "keep-temps", '\0', POPT_ARG_NONE, NULL, OPT_KEEP_TEMPS,
    "keep the staging directory and say where it is", NULL },
  { "no-stage", '\0', POPT_ARG_NONE, NULL, OPT_NO_STAGE,
    "pass host objects to the linker loose instead of in one archive "
    "linked whole", NULL },
  { "response-file", '\0', POPT_ARG_NONE, NULL, OPT_RESPONSE_FILE,
    "pass the command to the driver or linker in a response file even when "
    "it is short (by default only when it is too long to run)", NULL },
  { "audit", '\0', POPT_ARG_NONE, NULL, OPT_AUDIT,
    "audit the output after a successful link (as gold-link audit does); "
    "an error found exits 1 and keeps the output", NULL },
  { "version", '\0', POPT_ARG_NONE, NULL, OPT_VERSION,
    "print the version and exit", NULL },
  POPT_AUTOHELP
  POPT_TABLEEND
};

/* gold-link audit's own table.  */
static const struct poptOption audit_table[] = {
  { "json", '\0', POPT_ARG_NONE, NULL, OPT_JSON,
    "a JSON array, one object per file on one line, instead of the table",
    NULL },
  POPT_AUTOHELP
  POPT_TABLEEND
};

/* A string option given again replaces the first.  */
static void
replace (char **field, const char **link_field, poptContext con)
{
  free (*field);
  *field = poptGetOptArg (con);
  *link_field = *field;
}

int
options_parse (const struct strvec *own, struct options *opts,
	       struct gl_error *err)
{
  struct link_options *lo = &opts->link;
  poptContext con = poptGetContext ("gold-link", (int) own->n,
				    (const char **) own->v, options_table, 0);
  poptSetOtherOptionHelp (con, "[OPTION...] [gcc-driver argument...]");
  int rc;
  while ((rc = poptGetNextOpt (con)) > 0)
    switch (rc)
      {
      case OPT_BUILDMODE:
	replace (&opts->buildmode, &lo->buildmode, con);
	break;
      case OPT_CC:
	replace (&opts->cc, &lo->cc, con);
	break;
      case OPT_LINKER:
	replace (&opts->linker, &lo->linker, con);
	break;
      case OPT_DIRECT:
	lo->direct = true;
	break;
      case OPT_NO_LINKER_CHECK:
	lo->no_linker_check = true;
	break;
      case OPT_VERBOSE:
	opts->verbose++;
	lo->verbose = true;
	break;
      case OPT_DRY_RUN:
	lo->dry_run = true;
	break;
      case OPT_KEEP_TEMPS:
	lo->keep_temps = true;
	break;
      case OPT_NO_STAGE:
	lo->no_stage = true;
	break;
      case OPT_RESPONSE_FILE:
	lo->response_file = true;
	break;
      case OPT_AUDIT:
	lo->audit = true;
	break;
      case OPT_VERSION:
	opts->version = true;
	break;
      }
  if (rc < -1)
    {
      gl_error_set (err, GL_EXIT_USAGE, NULL, NULL, "%s: %s",
		    poptBadOption (con, POPT_BADOPTION_NOALIAS),
		    poptStrerror (rc));
      gl_error_note (err, "gold-link --help lists the options");
    }
  poptFreeContext (con);
  return rc < -1 ? -1 : 0;
}

int
options_parse_audit (int argc, char **argv, struct audit_options *ao,
		     struct gl_error *err)
{
  /* popt's usage line names argv[0].  */
  const char **args = xcalloc ((size_t) argc + 1, sizeof *args);
  args[0] = "gold-link audit";
  for (int i = 1; i < argc; i++)
    args[i] = argv[i];
  poptContext con = poptGetContext ("gold-link audit", argc, args,
				    audit_table, 0);
  poptSetOtherOptionHelp (con, "[--json] FILE...");
  int rc;
  while ((rc = poptGetNextOpt (con)) > 0)
    if (rc == OPT_JSON)
      ao->json = true;
  if (rc < -1)
    {
      gl_error_set (err, GL_EXIT_USAGE, NULL, NULL, "%s: %s",
		    poptBadOption (con, POPT_BADOPTION_NOALIAS),
		    poptStrerror (rc));
      gl_error_note (err, "gold-link audit --help lists the options");
    }
  else
    {
      const char *arg;
      while ((arg = poptGetArg (con)) != NULL)
	strvec_push (&ao->files, arg);
      if (ao->files.n == 0)
	{
	  gl_error_set (err, GL_EXIT_USAGE, NULL, NULL, "audit: no files");
	  gl_error_note (err, "name the executables and shared libraries to "
			 "audit");
	  rc = -2;
	}
    }
  poptFreeContext (con);
  free (args);
  return rc < -1 ? -1 : 0;
}

void
options_free (struct options *opts)
{
  free (opts->buildmode);
  free (opts->cc);
  free (opts->linker);
}
