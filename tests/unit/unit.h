/* A minimal harness for the unit tests: CHECK records, main reports.  */
#ifndef GL_UNIT_H
#define GL_UNIT_H

#include <stdio.h>
#include <string.h>

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

static int
unit_report (const char *name)
{
  printf ("%s: %d checks, %d failed\n", name, unit_checks, unit_failures);
  return unit_failures ? 1 : 0;
}

#endif
