/* gold-link-ar: the ar commands Go and build systems use, writing
   deterministic archives with a GNU symbol index.  */
#include <config.h>

#include "ar.h"
#include "arfile.h"
#include "cmdline.h"
#include "diag.h"
#include "goobj.h"
#include "inputs.h"
#include "mode.h"
#include "stage.h"
#include "tls.h"
#include "xalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

struct ar_command
{
  char op;			/* q r t d s x */
  bool create_quietly;		/* c */
  bool no_index;		/* S */
  bool verbose;			/* v */
  bool dates;			/* U: members keep dates (D: not) */
  const char *archive;
  char **files;
  int nfiles;
};

static int
usage_error (const char *what, const char *arg)
{
  fprintf (stderr, "%s: error: %s%s%s\n", gl_progname, what, arg ? " " : "",
	   arg ? arg : "");
  fprintf (stderr, "%s: note: usage: %s {q|r|t|d|s|x}[cSsvDU] ARCHIVE "
	   "[FILE...]; e.g. %s rcs libfoo.a foo.o\n", gl_progname,
	   gl_progname, gl_progname);
  return GL_EXIT_USAGE;
}

/* Read the key letters of ARG into CMD; -1 on an unknown one.  */
static int
parse_key (const char *arg, struct ar_command *cmd, char *bad)
{
  for (const char *p = arg; *p != '\0'; p++)
    switch (*p)
      {
      case 'q': case 'r': case 't': case 'd': case 'x': case 'p':
	if (cmd->op != '\0' && cmd->op != 's')
	  {
	    *bad = *p;
	    return -1;
	  }
	cmd->op = *p;
	break;
      case 's':
	if (cmd->op == '\0')
	  cmd->op = 's';
	break;
      case 'c':
	cmd->create_quietly = true;
	break;
      case 'S':
	cmd->no_index = true;
	break;
      case 'v':
	cmd->verbose = true;
	break;
      case 'D':
	cmd->dates = false;
	break;
      case 'U':
	/* Dates, clamped to SOURCE_DATE_EPOCH; never owners or modes.  */
	cmd->dates = true;
	break;
      case 'u': case 'o': case 'P': case 'l':
	/* -u/-o/-P/-l change nothing we do.  */
	break;
      case '-':
	break;
      default:
	*bad = *p;
	return -1;
      }
  return 0;
}

static int
parse_args (int argc, char **argv, struct ar_command *cmd)
{
  int i = 1;
  bool first = true;
  for (; i < argc; i++)
    {
      const char *a = argv[i];
      if (strcmp (a, "--plugin") == 0 || strcmp (a, "--target") == 0)
	{
	  i++;
	  continue;
	}
      if (strncmp (a, "--plugin=", 9) == 0 || strncmp (a, "--target=", 9) == 0
	  || strcmp (a, "-X64") == 0 || strcmp (a, "-X32_64") == 0)
	continue;
      if (strcmp (a, "--version") == 0 || strcmp (a, "-V") == 0)
	{
	  printf ("%s (gold-link) %s\n", gl_progname, PACKAGE_VERSION);
	  return GL_EXIT_OK;
	}
      if (strcmp (a, "--help") == 0 || strcmp (a, "-h") == 0)
	{
	  printf ("Usage: %s {q|r|t|d|s|x}[cSsvDU] ARCHIVE [FILE...]\n"
		  "  q  append FILEs      r  add or replace FILEs\n"
		  "  t  list members      d  delete members\n"
		  "  x  extract members   s  (re)write the symbol index\n"
		  "  c  create quietly    S  no symbol index\n"
		  "  v  verbose\n"
		  "  U  keep dates        D  zero dates (the default)\n"
		  "Archives have a GNU symbol index, zero uids and gids and "
		  "mode 644, and zero\ndates unless U: then each new "
		  "member's date is its file's, no later than\n"
		  "SOURCE_DATE_EPOCH when that is set.\n", gl_progname);
	  return GL_EXIT_OK;
	}
      if (a[0] == '-' || (first && cmd->op == '\0'))
	{
	  if (strncmp (a, "--", 2) == 0 && a[2] != '\0')
	    return usage_error ("unknown option", a);
	  char bad = 0;
	  if (parse_key (a, cmd, &bad) != 0)
	    {
	      char s[2] = { bad, 0 };
	      return usage_error ("unsupported key letter", s);
	    }
	  first = false;
	  continue;
	}
      break;
    }
  if (cmd->op == '\0')
    return usage_error ("no operation given", NULL);
  if (i >= argc)
    return usage_error ("no archive named", NULL);
  cmd->archive = argv[i++];
  cmd->files = argv + i;
  cmd->nfiles = argc - i;
  return -1;
}

/* A Go object headed for a c-archive is held to the TLS rules too.  */
static int
check_go_member (const struct ar_member *m, struct gl_error *err)
{
  if (m->elf == NULL)
    return 0;
  GElf_Ehdr ehdr;
  if (gelf_getehdr (m->elf, &ehdr) == NULL || ehdr.e_type != ET_REL)
    return 0;
  const struct gl_arch *arch = arch_by_machine (ehdr.e_machine,
						ehdr.e_ident[EI_CLASS],
						ehdr.e_ident[EI_DATA]);
  if (arch == NULL || !goobj_detect (m->elf, arch))
    return 0;
  struct goobj g;
  char *warning = NULL;
  int rc = goobj_scan (m->elf, m->path, arch, &g, err);
  if (rc == 0)
    {
      char *desc = tls_describe (&g);
      gl_verbosef ("%s: %s", m->path, desc);
      free (desc);
      rc = tls_check (&g, m->path, MODE_C_ARCHIVE, false, err, &warning);
    }
  if (warning != NULL)
    gl_warning (gl_progname, m->path, "%s", warning);
  free (warning);
  goobj_free (&g);
  return rc;
}

static int
list_members (const struct ar_set *set, bool verbose)
{
  for (size_t i = 0; i < set->n; i++)
    if (verbose)
      {
	char when[32] = "";
	time_t t = (time_t) set->v[i].date;
	struct tm tm;
	if (gmtime_r (&t, &tm) != NULL)
	  strftime (when, sizeof when, "%b %e %H:%M %Y", &tm);
	printf ("rw-r--r-- 0/0 %8zu %s %s\n", set->v[i].size, when,
		set->v[i].name);
      }
    else
      printf ("%s\n", set->v[i].name);
  return fflush (stdout) == 0 ? 0 : 1;
}

static bool
named (const struct ar_command *cmd, const char *name)
{
  if (cmd->nfiles == 0)
    return true;
  for (int i = 0; i < cmd->nfiles; i++)
    {
      const char *base = strrchr (cmd->files[i], '/');
      if (strcmp (base ? base + 1 : cmd->files[i], name) == 0)
	return true;
    }
  return false;
}

static int
extract_members (const struct ar_command *cmd, const struct ar_set *set,
		 struct gl_error *err)
{
  for (size_t i = 0; i < set->n; i++)
    {
      const struct ar_member *m = &set->v[i];
      if (!named (cmd, m->name))
	continue;
      if (cmd->verbose)
	printf ("x - %s\n", m->name);
      int fd = open (m->name, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
      if (fd < 0 || write (fd, m->data, m->size) != (ssize_t) m->size
	  || close (fd) != 0)
	return gl_error_errno (err, m->name, errno, "cannot extract");
    }
  return 0;
}

static int
run_ar (const struct ar_command *cmd, struct gl_error *err)
{
  struct ar_set set = { .dates = cmd->dates };
  int rc = -1;
  struct stat st;
  bool exists = stat (cmd->archive, &st) == 0;

  if (exists)
    {
      if (ar_set_add_archive (&set, cmd->archive, err) != 0)
	goto out;
    }
  else if (cmd->op == 't' || cmd->op == 'x' || cmd->op == 'd'
	   || cmd->op == 'p')
    {
      gl_error_errno (err, cmd->archive, errno, "cannot open");
      goto out;
    }
  else if (!cmd->create_quietly)
    fprintf (stderr, "%s: creating %s\n", gl_progname, cmd->archive);

  switch (cmd->op)
    {
    case 't':
      rc = list_members (&set, cmd->verbose);
      goto out;
    case 'x':
      rc = extract_members (cmd, &set, err);
      goto out;
    case 'p':
      for (size_t i = 0; i < set.n; i++)
	if (named (cmd, set.v[i].name))
	  fwrite (set.v[i].data, 1, set.v[i].size, stdout);
      rc = 0;
      goto out;
    case 'd':
      for (size_t i = set.n; i-- > 0;)
	if (named (cmd, set.v[i].name))
	  {
	    if (cmd->verbose)
	      printf ("d - %s\n", set.v[i].name);
	    ar_set_remove (&set, i);
	  }
      break;
    case 'q':
    case 'r':
      for (int i = 0; i < cmd->nfiles; i++)
	{
	  if (ar_set_add_file (&set, cmd->files[i], err) != 0
	      || (cmd->dates && ar_member_date (cmd->files[i],
						&set.v[set.n - 1].date,
						err) != 0)
	      || (set.v[set.n - 1].elf != NULL
		  && inputs_check_image (set.v[set.n - 1].elf, cmd->files[i],
					 err) != 0)
	      || check_go_member (&set.v[set.n - 1], err) != 0)
	    goto out;
	  long old = -1;
	  if (cmd->op == 'r')
	    {
	      old = ar_set_find (&set, set.v[set.n - 1].name);
	      if (old == (long) set.n - 1)
		old = -1;
	    }
	  if (cmd->verbose)
	    printf ("%c - %s\n", old >= 0 ? 'r' : 'a', cmd->files[i]);
	  if (old >= 0)
	    ar_set_replace_with_last (&set, (size_t) old);
	}
      break;
    default:			/* 's': rewrite with an index */
      break;
    }
  rc = ar_write_file (cmd->archive, &set, !cmd->no_index, err);

out:
  ar_set_free (&set);
  return rc;
}

int
ar_main (int argc, char **argv)
{
  const char *base = strrchr (argv[0], '/');
  gl_progname = base ? base + 1 : argv[0];
  elf_version (EV_CURRENT);
  struct gl_error err = { 0 };
  /* @FILE arguments, as GNU ar reads them.  */
  struct strvec args = { 0 };
  if (cmdline_expand_response_files (argc, argv, &args, &err) != 0)
    {
      gl_error_print (gl_progname, &err);
      int status = err.status;
      gl_error_clear (&err);
      strvec_free (&args);
      return status;
    }
  struct ar_command cmd = { 0 };
  int status = parse_args ((int) args.n, args.v, &cmd);
  if (status >= 0)
    {
      strvec_free (&args);
      return status;
    }
  stage_init (false);
  status = run_ar (&cmd, &err) == 0 ? GL_EXIT_OK : GL_EXIT_INPUT;
  if (err.status != 0)
    {
      gl_error_print (gl_progname, &err);
      status = err.status;
      gl_error_clear (&err);
    }
  stage_cleanup ();
  strvec_free (&args);
  int sig = stage_caught_signal ();
  return sig ? 128 + sig : status;
}
