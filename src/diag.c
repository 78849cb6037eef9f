/* Errors as values: modules fill a struct gl_error, only front ends print.
   Opening an input file is here too, so that its failures read the same
   from every module.  */
#include <config.h>

#include "diag.h"
#include "xalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <libelf.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

const char *gl_progname = "gold-link";
int gl_verbose;

void
gl_error_set (struct gl_error *err, int status, const char *file,
	      const char *member, const char *fmt, ...)
{
  gl_error_clear (err);
  err->status = status;
  err->file = file ? xstrdup (file) : NULL;
  err->member = member ? xstrdup (member) : NULL;
  va_list ap;
  va_start (ap, fmt);
  err->message = xvasprintf (fmt, ap);
  va_end (ap);
}

void
gl_error_note (struct gl_error *err, const char *fmt, ...)
{
  free (err->note);
  va_list ap;
  va_start (ap, fmt);
  err->note = xvasprintf (fmt, ap);
  va_end (ap);
}

void
gl_error_clear (struct gl_error *err)
{
  free (err->file);
  free (err->member);
  free (err->message);
  free (err->note);
  err->file = err->member = err->message = err->note = NULL;
  err->status = 0;
}

/* File names may hold newlines and other control characters: print those
   as C escapes, so that one diagnostic stays one line.  */
static void
put_escaped (const char *s)
{
  for (const unsigned char *p = (const unsigned char *) s; *p != '\0'; p++)
    if (*p == '\n')
      fputs ("\\n", stderr);
    else if (*p == '\t')
      fputs ("\\t", stderr);
    else if (*p < 0x20 || *p == 0x7f)
      fprintf (stderr, "\\%03o", *p);
    else
      fputc (*p, stderr);
}

void
gl_error_print (const char *prog, const struct gl_error *err)
{
  fprintf (stderr, "%s: error: ", prog);
  if (err->file != NULL)
    {
      put_escaped (err->file);
      if (err->member != NULL)
	{
	  fputc ('(', stderr);
	  put_escaped (err->member);
	  fputc (')', stderr);
	}
      fputs (": ", stderr);
    }
  put_escaped (err->message ? err->message : "unknown error");
  fputc ('\n', stderr);
  if (err->note != NULL)
    {
      fprintf (stderr, "%s: note: ", prog);
      put_escaped (err->note);
      fputc ('\n', stderr);
    }
}

void
gl_warning (const char *prog, const char *file, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  char *message = xvasprintf (fmt, ap);
  va_end (ap);
  fprintf (stderr, "%s: warning: ", prog);
  if (file != NULL)
    {
      put_escaped (file);
      fputs (": ", stderr);
    }
  put_escaped (message);
  fputc ('\n', stderr);
  free (message);
}

void
gl_verbosef (const char *fmt, ...)
{
  if (!gl_verbose)
    return;
  va_list ap;
  va_start (ap, fmt);
  fprintf (stderr, "%s: ", gl_progname);
  vfprintf (stderr, fmt, ap);
  fputc ('\n', stderr);
  va_end (ap);
}

/* Set ERR, bad input, to FMT with AP, then ": SUFFIX" unless SUFFIX is
   NULL.  */
static void
set_input_error (struct gl_error *err, const char *file, const char *member,
		 const char *suffix, const char *fmt, va_list ap)
{
  char *what = xvasprintf (fmt, ap);
  if (suffix != NULL)
    gl_error_set (err, GL_EXIT_INPUT, file, member, "%s: %s", what, suffix);
  else
    gl_error_set (err, GL_EXIT_INPUT, file, member, "%s", what);
  free (what);
}

int
gl_error_errno (struct gl_error *err, const char *file, int errnum,
		const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  set_input_error (err, file, NULL, strerror (errnum), fmt, ap);
  va_end (ap);
  return -1;
}

static const char damaged_note[] =
  "the file is truncated or damaged; rebuild it";

int
gl_error_damaged (struct gl_error *err, const char *file, const char *member,
		  const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  set_input_error (err, file, member, NULL, fmt, ap);
  va_end (ap);
  gl_error_note (err, "%s", damaged_note);
  return -1;
}

int
gl_error_libelf (struct gl_error *err, const char *file, const char *member,
		 const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  set_input_error (err, file, member, elf_errmsg (-1), fmt, ap);
  va_end (ap);
  gl_error_note (err, "%s", damaged_note);
  return -1;
}

int
gl_open_regular (const char *path, struct stat *st, struct gl_error *err)
{
  int fd = open (path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0)
    {
      int e = errno;
      gl_error_errno (err, path, e, "cannot open");
      gl_error_note (err, e == ENOENT ? "check the path; inputs are relative "
		     "to the current directory"
		     : "check that the file is readable");
      return -1;
    }
  if (fstat (fd, st) != 0)
    {
      gl_error_errno (err, path, errno, "cannot stat");
      close (fd);
      return -1;
    }
  if (!S_ISREG (st->st_mode))
    {
      gl_error_set (err, GL_EXIT_INPUT, path, NULL,
		    S_ISDIR (st->st_mode) ? "is a directory, not a file"
		    : "is not a regular file");
      gl_error_note (err, "name objects (.o), archives (.a), shared "
		     "libraries (.so) or linker scripts");
      close (fd);
      return -1;
    }
  return fd;
}
