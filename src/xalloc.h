/* Allocation that never returns NULL, and a growable vector of strings.  */
#ifndef GL_XALLOC_H
#define GL_XALLOC_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

void *xmalloc (size_t size);
void *xcalloc (size_t n, size_t size);
void *xrealloc (void *p, size_t size);
char *xstrdup (const char *s);
char *xstrndup (const char *s, size_t n);
char *xasprintf (const char *fmt, ...) __attribute__ ((format (printf, 1, 2)));
char *xvasprintf (const char *fmt, va_list ap) __attribute__ ((format (printf, 1, 0)));

/* A NULL-terminated, owned vector of strings (v[n] == NULL always).  */
struct strvec
{
  char **v;
  size_t n;
  size_t cap;
};

void strvec_init (struct strvec *sv);
void strvec_push (struct strvec *sv, const char *s);
void strvec_push_own (struct strvec *sv, char *s);
/* Push a string made as printf makes it.  */
void strvec_pushf (struct strvec *sv, const char *fmt, ...)
  __attribute__ ((format (printf, 2, 3)));
void strvec_append (struct strvec *sv, const struct strvec *from);
/* Push the blank-separated words of S ("gcc -m32") one by one.  */
void strvec_push_words (struct strvec *sv, const char *s);
int strvec_contains (const struct strvec *sv, const char *s);
/* Insert S (malloc'd, taken) into SV kept sorted by strcmp, once: a
   string already there, or one more when SV holds MAX, is freed.
   Returns false only for the latter (SV is full).  */
bool strvec_insert_sorted_own (struct strvec *sv, char *s, size_t max);
void strvec_free (struct strvec *sv);

#endif
