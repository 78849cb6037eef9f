/* Response files out: measure a command against the kernel's limits and,
   when it is too long, write it to a file the program reads with @FILE.  */
#include <config.h>

#include "rspfile.h"
#include "cmdline.h"
#include "stage.h"

#include <errno.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

extern char **environ;

/* Linux caps the arguments and environment at a quarter of the stack
   limit, and never above 3/4 of the default 8 MiB stack, whatever the
   rlimit (fs/exec.c); glibc's sysconf does not know the cap.  */
#define KERNEL_ARG_CAP (6u << 20)
/* Room kept free, as POSIX advises for xargs.  */
#define ARG_HEADROOM 4096
/* What a gcc-like driver adds to COLLECT_GCC_OPTIONS beyond the options
   it was given (-mtune=, -march=, -dumpdir and so on).  */
#define COLLECT_SLACK 1024

void
rsp_limits (struct rsp_limits *lim)
{
  long arg_max = sysconf (_SC_ARG_MAX);
  long page = sysconf (_SC_PAGESIZE);
  size_t total = arg_max > 0 ? (size_t) arg_max : 131072;
  if (total > KERNEL_ARG_CAP)
    total = KERNEL_ARG_CAP;
  lim->total = total > 2 * ARG_HEADROOM ? total - ARG_HEADROOM : total / 2;
  lim->one = 32 * (size_t) (page > 0 ? page : 4096);
  /* An override, for a system whose real limit is lower (or, in tests,
     higher, so that the E2BIG retry runs).  */
  const char *env = getenv ("GOLD_LINK_ARG_MAX");
  if (env != NULL && *env != '\0')
    {
      char *end;
      errno = 0;
      unsigned long long v = strtoull (env, &end, 10);
      if (errno == 0 && *end == '\0' && v > 0)
	lim->total = v > SIZE_MAX ? SIZE_MAX : (size_t) v;
    }
}

static bool
is_linker_input (const char *word)
{
  return word[0] != '-' || strncmp (word, "-l", 2) == 0
    || strncmp (word, "-Wl,", 4) == 0;
}

/* The length of COLLECT_GCC_OPTIONS for a gcc-like driver given ARGV:
   each option, and the value of an option that takes the next word, as
   "'WORD' ".  Inputs, -l, -Wl, and -Xlinker with its value are not in it.
   When SKIP_L, -L options are left out (they are to go to the linker).  */
static size_t
collect_options_length (char *const argv[], bool skip_l)
{
  size_t len = strlen ("COLLECT_GCC_OPTIONS=") + COLLECT_SLACK;
  for (size_t i = 1; argv[i] != NULL; i++)
    {
      const char *w = argv[i];
      if (strcmp (w, "-Xlinker") == 0)
	{
	  i += argv[i + 1] != NULL;
	  continue;
	}
      if (is_linker_input (w))
	continue;
      bool takes_next = cmdline_takes_separate_value (w)
	&& argv[i + 1] != NULL;
      if (!(skip_l && strncmp (w, "-L", 2) == 0))
	len += strlen (w) + 3 + (takes_next ? strlen (argv[i + 1]) + 3 : 0);
      i += takes_next;
    }
  return len;
}

const char *
rsp_too_long (char *const argv[], bool via_cc, const struct rsp_limits *lim)
{
  size_t total = sizeof (char *);
  for (size_t i = 0; argv[i] != NULL; i++)
    {
      size_t len = strlen (argv[i]) + 1;
      if (len > lim->one)
	return "an argument is longer than the kernel takes (MAX_ARG_STRLEN)";
      total += len + sizeof (char *);
    }
  for (char **e = environ; *e != NULL; e++)
    total += strlen (*e) + 1 + sizeof (char *);
  if (total > lim->total)
    return "the arguments and environment exceed the kernel's limit "
      "(ARG_MAX)";
  if (via_cc && collect_options_length (argv, false) > lim->one)
    return "the compiler driver would pass its options to collect2 in "
      "COLLECT_GCC_OPTIONS, one string longer than the kernel takes";
  return NULL;
}

static void
put_quoted (FILE *f, const char *word)
{
  putc ('"', f);
  for (const char *p = word; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
	putc ('\\', f);
      putc (*p, f);
    }
  fputs ("\"\n", f);
}

int
rsp_write (const char *path, char *const argv[], struct gl_error *err)
{
  FILE *f = fopen (path, "we");
  if (f == NULL)
    {
      return gl_error_errno (err, path, errno, "cannot write");
    }
  for (size_t i = 1; argv[i] != NULL; i++)
    put_quoted (f, argv[i]);
  /* fclose reports a write error (a full disk) that fputs buffered.  */
  bool failed = ferror (f) != 0;
  int saved = errno;
  if (fclose (f) != 0 && !failed)
    {
      failed = true;
      saved = errno;
    }
  if (failed)
    {
      gl_error_errno (err, path, saved, "cannot write");
      gl_error_note (err, "check the space and permissions of the "
		     "directory (TMPDIR for the staging directory)");
      unlink (path);
      return -1;
    }
  return 0;
}

int
rsp_rewrite (struct strvec *cmd, bool via_cc, const char *name,
	     const struct rsp_limits *lim, size_t *moved,
	     struct gl_error *err)
{
  *moved = 0;
  struct strvec args = { 0 };
  strvec_init (&args);
  bool move_l = via_cc && collect_options_length (cmd->v, false) > lim->one;
  for (size_t i = 0; i < cmd->n; i++)
    {
      const char *w = cmd->v[i];
      if (i == 0 || !move_l || strncmp (w, "-L", 2) != 0)
	{
	  strvec_push (&args, w);
	  if (i > 0 && cmdline_takes_separate_value (w) && i + 1 < cmd->n)
	    strvec_push (&args, cmd->v[++i]);
	  continue;
	}
      strvec_push (&args, "-Xlinker");
      if (w[2] == '\0' && i + 1 < cmd->n)
	strvec_push_own (&args, xasprintf ("-L%s", cmd->v[++i]));
      else
	strvec_push (&args, w);
      (*moved)++;
    }

  const char *dir;
  int rc = -1;
  if (stage_dir (&dir, err) == 0)
    {
      char *path = xasprintf ("%s/%s", dir, name);
      stage_add_staged (path);
      rc = rsp_write (path, args.v, err);
      if (rc == 0)
	{
	  struct strvec out = { 0 };
	  strvec_init (&out);
	  strvec_push (&out, cmd->v[0]);
	  strvec_push_own (&out, xasprintf ("@%s", path));
	  strvec_free (cmd);
	  *cmd = out;
	}
      free (path);
    }
  strvec_free (&args);
  return rc;
}
