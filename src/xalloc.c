/* Allocation that never returns NULL, and a growable vector of strings.  */
#include <config.h>

#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void
out_of_memory (void)
{
  static const char msg[] = "gold-link: error: out of memory\n";
  ssize_t r = write (STDERR_FILENO, msg, sizeof msg - 1);
  (void) r;
  exit (1);
}

void *
xmalloc (size_t size)
{
  void *p = malloc (size ? size : 1);
  if (p == NULL)
    out_of_memory ();
  return p;
}

void *
xcalloc (size_t n, size_t size)
{
  void *p = calloc (n ? n : 1, size ? size : 1);
  if (p == NULL)
    out_of_memory ();
  return p;
}

void *
xrealloc (void *p, size_t size)
{
  p = realloc (p, size ? size : 1);
  if (p == NULL)
    out_of_memory ();
  return p;
}

char *
xstrdup (const char *s)
{
  return xstrndup (s, strlen (s));
}

char *
xstrndup (const char *s, size_t n)
{
  char *p = xmalloc (n + 1);
  memcpy (p, s, n);
  p[n] = '\0';
  return p;
}

char *
xvasprintf (const char *fmt, va_list ap)
{
  char *s = NULL;
  if (vasprintf (&s, fmt, ap) < 0)
    out_of_memory ();
  return s;
}

char *
xasprintf (const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  char *s = xvasprintf (fmt, ap);
  va_end (ap);
  return s;
}

void
strvec_init (struct strvec *sv)
{
  sv->n = 0;
  sv->cap = 8;
  sv->v = xcalloc (sv->cap, sizeof *sv->v);
}

static void
strvec_reserve (struct strvec *sv, size_t extra)
{
  if (sv->v == NULL)
    strvec_init (sv);
  if (sv->n + extra + 1 <= sv->cap)
    return;
  while (sv->n + extra + 1 > sv->cap)
    sv->cap *= 2;
  sv->v = xrealloc (sv->v, sv->cap * sizeof *sv->v);
}

void
strvec_push_own (struct strvec *sv, char *s)
{
  strvec_reserve (sv, 1);
  sv->v[sv->n++] = s;
  sv->v[sv->n] = NULL;
}

void
strvec_pushf (struct strvec *sv, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  strvec_push_own (sv, xvasprintf (fmt, ap));
  va_end (ap);
}

void
strvec_push (struct strvec *sv, const char *s)
{
  strvec_push_own (sv, xstrdup (s));
}

void
strvec_append (struct strvec *sv, const struct strvec *from)
{
  for (size_t i = 0; i < from->n; i++)
    strvec_push (sv, from->v[i]);
}

void
strvec_push_words (struct strvec *sv, const char *s)
{
  while (*s != '\0')
    {
      s += strspn (s, " \t\n");
      if (*s == '\0')
	break;
      size_t n = strcspn (s, " \t\n");
      strvec_push_own (sv, xstrndup (s, n));
      s += n;
    }
}

int
strvec_contains (const struct strvec *sv, const char *s)
{
  for (size_t i = 0; i < sv->n; i++)
    if (strcmp (sv->v[i], s) == 0)
      return 1;
  return 0;
}

void
strvec_free (struct strvec *sv)
{
  if (sv->v != NULL)
    for (size_t i = 0; i < sv->n; i++)
      free (sv->v[i]);
  free (sv->v);
  sv->v = NULL;
  sv->n = sv->cap = 0;
}

bool
strvec_insert_sorted_own (struct strvec *sv, char *s, size_t max)
{
  size_t lo = 0, hi = sv->n;
  while (lo < hi)
    {
      size_t mid = lo + (hi - lo) / 2;
      int c = strcmp (sv->v[mid], s);
      if (c == 0)
	{
	  free (s);
	  return true;
	}
      if (c < 0)
	lo = mid + 1;
      else
	hi = mid;
    }
  if (sv->n == max)
    {
      free (s);
      return false;
    }
  strvec_push_own (sv, s);
  memmove (&sv->v[lo + 1], &sv->v[lo], (sv->n - 1 - lo) * sizeof *sv->v);
  sv->v[lo] = s;
  return true;
}
