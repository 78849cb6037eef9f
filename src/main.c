/* gold-link: options and dispatch.  Run as gold-link-ar (or ar) it is the
   archiver; otherwise the external-linking driver for Go, whose work is
   the link flow (flow.c).  This is the one place that prints what the
   flow decided.  */
#include <config.h>

#include <gelf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ar.h"
#include "audit.h"
#include "auditfmt.h"
#include "cmdline.h"
#include "diag.h"
#include "flow.h"
#include "options.h"
#include "stage.h"
#include "xalloc.h"

static int
fail (struct gl_error *err)
{
  gl_error_print (gl_progname, err);
  int status = err->status ? err->status : GL_EXIT_INPUT;
  gl_error_clear (err);
  return status;
}

/* Tell the user what the link decided: ARG is the link's options.  */
static void
tell (enum link_say what, const char *file, const char *text, void *arg)
{
  const struct link_options *lo = arg;
  switch (what)
    {
    case LINK_NOTE:
      gl_verbosef ("%s", text);
      break;
    case LINK_COMMAND:
      if (lo->dry_run)
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
    case LINK_OUTPUT:
      fputs (text, stderr);
      break;
    case LINK_AUDIT:
      fputs (text, stdout);
      break;
    }
}

/* gold-link audit [--json] FILE...: each file's report on stdout (a JSON
   array with --json), each unreadable file's error on stderr.  */
static int
audit_main (int argc, char **argv)
{
  struct gl_error err = { 0 };
  struct audit_options ao = { 0 };
  int status = GL_EXIT_OK;
  if (options_parse_audit (argc, argv, &ao, &err) != 0)
    {
      status = fail (&err);
      goto out;
    }
  if (ao.json)
    puts ("[");
  bool first = true;
  for (size_t i = 0; i < ao.files.n; i++)
    {
      struct audit_report r;
      if (audit_file (ao.files.v[i], &r, &err) != 0)
	{
	  fflush (stdout);
	  fail (&err);
	  status = GL_EXIT_INPUT;
	  continue;
	}
      char *text = ao.json ? auditfmt_json (&r) : auditfmt_human (&r);
      if (ao.json)
	printf ("%s%s", first ? "" : ",\n", text);
      else
	printf ("%s%s", first ? "" : "\n", text);
      first = false;
      free (text);
      if (audit_has_error (&r))
	status = GL_EXIT_INPUT;
      audit_free (&r);
    }
  if (ao.json)
    puts (first ? "]" : "\n]");
out:
  strvec_free (&ao.files);
  return status;
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

  elf_version (EV_CURRENT);
  if (argc > 1 && strcmp (argv[1], "audit") == 0)
    return audit_main (argc - 1, argv + 1);

  struct gl_error err = { 0 };
  struct strvec args = { 0 }, own = { 0 }, driver = { 0 };
  struct options opts = { 0 };
  int status;

  if (cmdline_expand_response_files (argc, argv, &args, &err) != 0)
    {
      status = fail (&err);
      goto out;
    }
  cmdline_split (&args, options_table, &own, &driver);
  if (options_parse (&own, &opts, &err) != 0)
    {
      status = fail (&err);
      goto out;
    }
  if (opts.version)
    {
      printf ("gold-link %s\n", PACKAGE_VERSION);
      status = GL_EXIT_OK;
      goto out;
    }
  gl_verbose = opts.verbose;
  stage_init (opts.link.keep_temps);

  struct link l;
  link_init (&l, &opts.link, &driver, tell, &opts.link);
  status = flow_run (&l);
  if (status < 0)
    status = l.err.status != 0 ? fail (&l.err) : GL_EXIT_INPUT;
  link_free (&l);

  int sig = stage_caught_signal ();
  const char *kept = stage_cleanup ();
  if (kept != NULL)
    fprintf (stderr, "gold-link: kept the staging directory %s\n", kept);
  else if (opts.link.keep_temps)
    fprintf (stderr, "gold-link: --keep-temps: nothing was staged\n");
  if (sig != 0)
    status = 128 + sig;

out:
  strvec_free (&args);
  strvec_free (&own);
  strvec_free (&driver);
  options_free (&opts);
  return status;
}
