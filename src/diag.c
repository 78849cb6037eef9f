/* Errors as values: modules fill a struct gl_error, only front ends print.  */
#include <config.h>

#include "diag.h"
#include "xalloc.h"

#include <libelf.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

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

int
gl_error_libelf (struct gl_error *err, const char *path, const char *what)
{
  gl_error_set (err, GL_EXIT_INPUT, path, NULL, "%s: %s", what,
		elf_errmsg (-1));
  gl_error_note (err, "the object is damaged; rebuild it");
  return -1;
}
