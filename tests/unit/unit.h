/* A minimal harness for the unit tests: CHECK records, main reports.  */
#ifndef GL_UNIT_H
#define GL_UNIT_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "xalloc.h"

static int unit_failures, unit_checks;

#define CHECK(cond)							\
  do									\
    {									\
      unit_checks++;							\
      if (!(cond))							\
	{								\
	  unit_failures++;						\
	  fprintf (stderr, "%s:%d: check failed: %s\n", __FILE__,	\
		   __LINE__, #cond);					\
	}								\
    }									\
  while (0)

/* Are GOT and WANT the same string (or both NULL)?  A failure is reported
   at FILE:LINE, as one line or, for a table row (ROW), both strings whole
   on lines of their own.  */
static inline void
unit_check_str (const char *file, int line, const char *got,
		const char *want, bool row)
{
  unit_checks++;
  if (got == NULL || want == NULL ? got == want : strcmp (got, want) == 0)
    return;
  unit_failures++;
  if (row)
    fprintf (stderr, "%s:%d: row failed\n got:\n%s\n want:\n%s\n", file,
	     line, got ? got : "(null)", want ? want : "(null)");
  else
    fprintf (stderr, "%s:%d: got '%s', want '%s'\n", file, line,
	     got ? got : "(null)", want ? want : "(null)");
}

#define CHECK_STR(got, want) \
  unit_check_str (__FILE__, __LINE__, (got), (want), false)

/* CHECK_STR for one row of a table: a failure names the row by the line it
   is written on (ROW_LINE) and shows both strings whole.  */
#define CHECK_ROW_STR(row_line, got, want) \
  unit_check_str (__FILE__, (row_line), (got), (want), true)

/* Append the blank-separated words of S to SV: a table row's command
   line.  */
static inline void
unit_words (struct strvec *sv, const char *s)
{
  while (*s != '\0')
    {
      size_t n = strcspn (s, " ");
      if (n > 0)
	strvec_push_own (sv, xstrndup (s, n));
      s += n;
      s += *s == ' ';
    }
}

/* The words of SV joined by single blanks, as a new string.  */
static inline char *
unit_join (const struct strvec *sv)
{
  size_t len = 1;
  for (size_t i = 0; i < sv->n; i++)
    len += strlen (sv->v[i]) + 1;
  char *s = xmalloc (len), *p = s;
  for (size_t i = 0; i < sv->n; i++)
    p += sprintf (p, "%s%s", i ? " " : "", sv->v[i]);
  *p = '\0';
  return s;
}

/* ERR as the front end prints it (gl_error_print, without the escaping),
   then the exit status it gives: "gold-link: error: FILE(MEMBER): MESSAGE",
   "gold-link: note: NOTE", "exit STATUS", one per line, as a new string.  */
static inline char *
unit_error_text (const struct gl_error *err)
{
  char *where = err->file == NULL ? xstrdup ("")
    : err->member == NULL ? xasprintf ("%s: ", err->file)
    : xasprintf ("%s(%s): ", err->file, err->member);
  char *note = err->note == NULL ? xstrdup ("")
    : xasprintf ("gold-link: note: %s\n", err->note);
  char *s = xasprintf ("gold-link: error: %s%s\n%sexit %d", where,
		       err->message ? err->message : "(no message)", note,
		       err->status);
  free (where);
  free (note);
  return s;
}

static int
unit_report (const char *name)
{
  printf ("%s: %d checks, %d failed\n", name, unit_checks, unit_failures);
  return unit_failures ? 1 : 0;
}

#endif
