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

#define CHECK_STR(got, want)						\
  do									\
    {									\
      const char *g_ = (got), *w_ = (want);				\
      unit_checks++;							\
      if (g_ == NULL || w_ == NULL ? g_ != w_ : strcmp (g_, w_) != 0)	\
	{								\
	  unit_failures++;						\
	  fprintf (stderr, "%s:%d: got '%s', want '%s'\n", __FILE__,	\
		   __LINE__, g_ ? g_ : "(null)", w_ ? w_ : "(null)");	\
	}								\
    }									\
  while (0)

/* CHECK_STR for one row of a table: a failure names the row by the line it
   is written on (ROW_LINE) and shows both strings whole.  */
#define CHECK_ROW_STR(row_line, got, want)				\
  do									\
    {									\
      const char *g_ = (got), *w_ = (want);				\
      unit_checks++;							\
      if (g_ == NULL || w_ == NULL ? g_ != w_ : strcmp (g_, w_) != 0)	\
	{								\
	  unit_failures++;						\
	  fprintf (stderr, "%s:%d: row failed\n got:\n%s\n want:\n%s\n",	\
		   __FILE__, (row_line), g_ ? g_ : "(null)",		\
		   w_ ? w_ : "(null)");					\
	}								\
    }									\
  while (0)

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
