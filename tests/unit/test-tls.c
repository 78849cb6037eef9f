/* Unit test of the Go-object scan and the TLS rules on one object:
     test-tls FILE MODE ok|error:TEXT|warn:TEXT [LE IE]
   checks the verdict for MODE and, when given, the counted relocations.  */
#include <config.h>

#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include "goobj.h"
#include "mode.h"
#include "tls.h"
#include "unit.h"
#include "xalloc.h"

static enum gl_mode
mode_by_name (const char *name)
{
  for (int m = MODE_EXE; m <= MODE_EXE_LINKSHARED; m++)
    if (strcmp (mode_name ((enum gl_mode) m), name) == 0)
      return (enum gl_mode) m;
  fprintf (stderr, "unknown mode %s\n", name);
  exit (2);
}

int
main (int argc, char **argv)
{
  if (argc != 4 && argc != 6)
    {
      fprintf (stderr, "usage: test-tls FILE MODE EXPECT [LE IE]\n");
      return 2;
    }
  elf_version (EV_CURRENT);
  const char *path = argv[1];
  enum gl_mode mode = mode_by_name (argv[2]);
  const char *expect = argv[3];
  int fd = open (path, O_RDONLY);
  Elf *elf = fd >= 0 ? elf_begin (fd, ELF_C_READ_MMAP, NULL) : NULL;
  GElf_Ehdr ehdr;
  if (elf == NULL || gelf_getehdr (elf, &ehdr) == NULL)
    {
      fprintf (stderr, "%s: cannot read\n", path);
      return 2;
    }
  const struct gl_arch *arch = arch_by_machine (ehdr.e_machine,
						ehdr.e_ident[EI_CLASS],
						ehdr.e_ident[EI_DATA]);
  CHECK (arch != NULL);
  CHECK (goobj_detect (elf, arch));

  struct goobj g;
  struct gl_error err = { 0 };
  char *warning = NULL;
  int rc = goobj_scan (elf, path, arch, &g, &err);
  CHECK (rc == 0);
  if (rc == 0)
    rc = tls_check (&g, path, mode, false, &err, &warning);
  char *desc = tls_describe (&g);
  printf ("%s: %s\n", path, desc);
  free (desc);
  if (err.message)
    printf ("error: %s\nnote: %s\n", err.message, err.note ? err.note : "");
  if (warning)
    printf ("warning: %s\n", warning);

  if (strcmp (expect, "ok") == 0)
    CHECK (rc == 0 && warning == NULL);
  else if (strncmp (expect, "error:", 6) == 0)
    {
      CHECK (rc == -1 && err.status == GL_EXIT_INPUT);
      CHECK (err.message != NULL && strstr (err.message, expect + 6) != NULL);
      CHECK (err.file != NULL && strcmp (err.file, path) == 0);
      CHECK (err.note != NULL);
    }
  else if (strncmp (expect, "warn:", 5) == 0)
    {
      CHECK (rc == 0);
      CHECK (warning != NULL && strstr (warning, expect + 5) != NULL);
    }
  else
    CHECK (!"bad EXPECT");
  if (argc == 6)
    {
      CHECK (g.le_count == strtoul (argv[4], NULL, 10));
      CHECK (g.ie_count == strtoul (argv[5], NULL, 10));
    }
  free (warning);
  goobj_free (&g);
  gl_error_clear (&err);
  elf_end (elf);
  close (fd);
  return unit_report ("test-tls");
}
