/* The README's support table, from the data gold-link decides by: for
   each architecture (the arch/ files) and libc (arch/libc.def), each build mode
   Go has there, the linkers in auto's order, auto's choice first and in
   bold, the ones a limit refuses struck through with the limit as a
   footnote.  Usage: support-table CHECK-ARCHES, the architectures whose
   cross test make check runs, as "arch/NAME" words (make check-cross runs
   the rest).  */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "arch.h"
#include "libc.h"
#include "linker.h"
#include "mode.h"

static const enum gl_mode modes[] = {
  MODE_EXE, MODE_PIE, MODE_C_SHARED, MODE_C_ARCHIVE, MODE_SHARED,
  MODE_PLUGIN, MODE_EXE_LINKSHARED
};
#define NMODES (sizeof modes / sizeof modes[0])

static const char *notes[64];
static size_t nnotes;

/* The footnote number of WHY.  */
static size_t
footnote (const char *why)
{
  for (size_t i = 0; i < nnotes; i++)
    if (strcmp (notes[i], why) == 0)
      return i + 1;
  if (nnotes < sizeof notes / sizeof notes[0])
    notes[nnotes++] = why;
  return nnotes;
}

static bool
in_words (const char *words, const char *w)
{
  size_t n = strlen (w);
  for (const char *p = words; p && (p = strstr (p, w)) != NULL; p += n)
    if ((p == words || p[-1] == ' ') && (p[n] == '\0' || p[n] == ' '))
      return true;
  return false;
}

/* One cell: the linkers for ARCH, LIBC and MODE.  */
static void
cell (const struct gl_arch *arch, const struct gl_libc *libc,
      enum gl_mode mode)
{
  if (!(arch->go_modes & (1u << mode)))
    {
      fputs (" — |", stdout);
      return;
    }
  if (arch->unsupported != NULL)
    {
      fputs (" refused |", stdout);
      return;
    }
  const struct gl_libc_refusal *r = libc_refusal (libc, 1u << mode);
  if (r != NULL)
    {
      printf (" refused[^%zu] |", footnote (r->why));
      return;
    }
  if (libc->tested_modes != 0 && !(libc->tested_modes & (1u << mode)))
    {
      fputs (" not tested |", stdout);
      return;
    }
  bool first = true;
  for (int k = LD_MOLD; k < LD_COUNT; k++)
    {
      if (k == LD_GOLD && arch->gold_target == NULL)
	continue;
      const struct gl_ld_limit *l = linker_limit ((enum gl_ld) k, arch,
						  1u << mode, libc->name);
      const char *name = linker_kind_name ((enum gl_ld) k);
      if (l != NULL)
	printf (" ~~%s~~[^%zu]", name, footnote (l->why));
      else if (first)
	{
	  printf (" **%s**", name);
	  first = false;
	}
      else
	printf (" %s", name);
    }
  fputs (" |", stdout);
}

int
main (int argc, char **argv)
{
  const char *check = argc > 1 ? argv[1] : "";
  fputs ("| arch | libc |", stdout);
  for (size_t m = 0; m < NMODES; m++)
    printf (" %s |", mode_name (modes[m]));
  fputs (" tested by |\n|---|---|", stdout);
  for (size_t m = 0; m < NMODES; m++)
    fputs ("---|", stdout);
  fputs ("---|\n", stdout);
  for (size_t a = 0; a < gl_narches; a++)
    {
      const struct gl_arch *arch = &gl_arches[a];
      for (size_t c = 0; c < gl_nlibcs; c++)
	{
	  const struct gl_libc *libc = &gl_libcs[c];
	  if (libc->tested_on != NULL
	      && !in_words (libc->tested_on, arch->goarch))
	    continue;
	  printf ("| %s | %s |", arch->goarch, libc->name);
	  for (size_t m = 0; m < NMODES; m++)
	    cell (arch, libc, modes[m]);
	  if (arch->unsupported != NULL)
	    printf (" not supported[^%zu] |\n", footnote (arch->unsupported));
	  else if (libc->tested_on != NULL)
	    printf (" `%s` |\n", libc->tested_by);
	  else
	    {
	      char word[64];
	      snprintf (word, sizeof word, "arch/%s", arch->goarch);
	      printf (" `%s`, make %s |\n", libc->tested_by,
		      in_words (check, word) ? "check" : "check-cross");
	    }
	}
    }
  fputs ("\nIn a cell: the linkers in `auto`'s order, its choice in bold; "
	 "struck through, a linker the limit in the footnote refuses; — a "
	 "mode Go does not have there; refused, a link gold-link refuses "
	 "whatever the linker.\n\n", stdout);
  for (size_t a = 0; a < gl_narches; a++)
    if (gl_arches[a].go_modes_note != NULL)
      printf ("- %s: %s.\n", gl_arches[a].goarch,
	      gl_arches[a].go_modes_note);
  putchar ('\n');
  for (size_t i = 0; i < nnotes; i++)
    printf ("[^%zu]: %s.\n", i + 1, notes[i]);
  return 0;
}
