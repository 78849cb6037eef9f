/* Table of the linker precedence (linker_request, SPEC "Linkers"): --linker,
   then GOLD_LINK_LINKER, then the command line's -fuse-ld=, then the
   configured default; out comes ORIGIN VALUE, as the -v line names it.  */
#include <config.h>

#include <stdlib.h>

#include "cmdline.h"
#include "linker.h"
#include "unit.h"

struct linker_row
{
  int line;
  const char *opt;		/* --linker's value, or NULL */
  const char *env;		/* GOLD_LINK_LINKER, or NULL when unset */
  const char *words;		/* the driver's arguments (-fuse-ld=) */
  const char *want;		/* origin and value */
};
#define ROW(...) { __LINE__, __VA_ARGS__ }

#define DEFAULT "default " GL_DEFAULT_LINKER

static const struct linker_row rows[] = {
  /* Each source alone.  */
  ROW (NULL, NULL, "go.o", DEFAULT),
  ROW ("gold", NULL, "go.o", "--linker=gold"),
  ROW (NULL, "lld", "go.o", "GOLD_LINK_LINKER=lld"),
  ROW (NULL, NULL, "go.o -fuse-ld=mold", "-fuse-ld=mold"),

  /* Each wins over everything after it.  */
  ROW ("gold", "lld", "-fuse-ld=mold go.o", "--linker=gold"),
  ROW ("gold", "lld", "go.o", "--linker=gold"),
  ROW ("gold", NULL, "-fuse-ld=mold", "--linker=gold"),
  ROW (NULL, "lld", "-fuse-ld=mold", "GOLD_LINK_LINKER=lld"),
  ROW ("auto", "bfd", "-fuse-ld=gold", "--linker=auto"),
  ROW (NULL, "auto", "-fuse-ld=gold", "GOLD_LINK_LINKER=auto"),
  ROW (NULL, NULL, "-fuse-ld=auto", "-fuse-ld=auto"),

  /* Empty strings count as unset: the next source decides.  */
  ROW ("", "lld", "-fuse-ld=mold", "GOLD_LINK_LINKER=lld"),
  ROW ("", "", "-fuse-ld=mold", "-fuse-ld=mold"),
  ROW ("", "", "-fuse-ld=", DEFAULT),
  ROW ("", NULL, "go.o", DEFAULT),
  ROW (NULL, "", "go.o", DEFAULT),
  ROW (NULL, "", "-fuse-ld=bfd", "-fuse-ld=bfd"),
  ROW ("gold", "", "-fuse-ld=", "--linker=gold"),
  ROW (NULL, NULL, "-fuse-ld=", DEFAULT),

  /* The command line's last -fuse-ld= is the one the driver would use;
     an empty one after a named one clears it.  */
  ROW (NULL, NULL, "-fuse-ld=gold go.o -fuse-ld=lld", "-fuse-ld=lld"),
  ROW (NULL, NULL, "-fuse-ld=gold -fuse-ld=", DEFAULT),
  ROW (NULL, NULL, "-Wl,-fuse-ld=gold -Xlinker -fuse-ld=lld", DEFAULT),

  /* Programs are values like any other; they are not judged here.  */
  ROW ("/opt/bin/ld.lld", "x", "-fuse-ld=gold", "--linker=/opt/bin/ld.lld"),
  ROW (NULL, "/usr/bin/ld.bfd", "", "GOLD_LINK_LINKER=/usr/bin/ld.bfd"),
  ROW (NULL, NULL, "-fuse-ld=/opt/mold/bin/mold",
       "-fuse-ld=/opt/mold/bin/mold"),
};

static void
check_row (const struct linker_row *r)
{
  struct strvec words = { 0 };
  struct cmdline cl = { 0 };
  struct gl_error err = { 0 };
  strvec_init (&words);
  unit_words (&words, r->words);
  if (cmdline_classify (&words, &cl, &err) != 0)
    CHECK_ROW_STR (r->line, err.message, "(cmdline_classify succeeds)");
  else
    {
      const char *origin = NULL;
      const char *value = linker_request (r->opt, r->env, cl.fuse_ld,
					  &origin);
      char *got = xasprintf ("%s%s", origin ? origin : "(no origin)",
			     value ? value : "(no value)");
      CHECK_ROW_STR (r->line, got, r->want);
      free (got);
      /* The value is the caller's own string, not a copy to free.  */
      CHECK (value == r->opt || value == r->env || value == cl.fuse_ld
	     || strcmp (origin, "default ") == 0);
    }
  gl_error_clear (&err);
  cmdline_free (&cl);
  strvec_free (&words);
}

int
main (void)
{
  for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
    check_row (&rows[i]);
  return unit_report ("test-linker");
}
