/* Prints what crt_find finds, for tests/run-crt.sh to compare with gcc:
     test-crt GOARCH LINK [FLAG...] -- CC-WORD...
   LINK is exe, pie, shared, static or static-pie; FLAG is nostartfiles,
   nodefaultlibs, nostdlib or static-libgcc.  Prints "start PATH",
   "libdir DIR", "lib ARG" and "end PATH" lines in order, or the error on
   stderr and exits 1.
     test-crt info GOARCH
   prints the arch's ld emulation and dynamic linker, for the raw links.  */
#include <config.h>

#include <gelf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crt.h"

static void
usage (void)
{
  fprintf (stderr, "usage: test-crt GOARCH LINK [FLAG...] -- CC-WORD...\n"
	   "       test-crt info GOARCH\n");
  exit (2);
}

static const struct gl_arch *
arch_or_die (const char *goarch)
{
  const struct gl_arch *arch = arch_by_goarch (goarch);
  if (arch == NULL)
    {
      fprintf (stderr, "test-crt: unknown GOARCH %s\n", goarch);
      exit (2);
    }
  return arch;
}

static void
print_all (const char *what, const struct strvec *sv)
{
  for (size_t i = 0; i < sv->n; i++)
    printf ("%s %s\n", what, sv->v[i]);
}

int
main (int argc, char **argv)
{
  if (argc == 3 && strcmp (argv[1], "info") == 0)
    {
      const struct gl_arch *arch = arch_or_die (argv[2]);
      printf ("%s %s\n", arch->ld_emulation, arch->dynamic_linker);
      return 0;
    }
  if (argc < 5)
    usage ();
  elf_version (EV_CURRENT);
  const struct gl_arch *arch = arch_or_die (argv[1]);
  int link = -1;
  for (int l = CRT_EXE; l <= CRT_STATIC_PIE; l++)
    if (strcmp (argv[2], crt_link_name ((enum crt_link) l)) == 0)
      link = l;
  if (link < 0)
    usage ();

  unsigned flags = 0;
  int i = 3;
  for (; i < argc && strcmp (argv[i], "--") != 0; i++)
    if (strcmp (argv[i], "nostartfiles") == 0)
      flags |= CRT_NOSTARTFILES;
    else if (strcmp (argv[i], "nodefaultlibs") == 0)
      flags |= CRT_NODEFAULTLIBS;
    else if (strcmp (argv[i], "nostdlib") == 0)
      flags |= CRT_NOSTDLIB;
    else if (strcmp (argv[i], "static-libgcc") == 0)
      flags |= CRT_STATIC_LIBGCC;
    else
      usage ();
  if (i == argc)
    usage ();

  struct strvec cc = { 0 };
  strvec_init (&cc);
  for (i++; i < argc; i++)
    strvec_push (&cc, argv[i]);

  struct crt_glue glue;
  struct gl_error err = { 0 };
  int status = 0;
  if (crt_find (&cc, arch, (enum crt_link) link, flags, &glue, &err) != 0)
    {
      gl_error_print ("test-crt", &err);
      status = 1;
      /* Failure leaves the glue empty.  */
      if (glue.start.n + glue.libdirs.n + glue.libs.n + glue.end.n != 0)
	{
	  fprintf (stderr, "test-crt: glue not emptied on failure\n");
	  status = 3;
	}
    }
  print_all ("start", &glue.start);
  print_all ("libdir", &glue.libdirs);
  print_all ("lib", &glue.libs);
  print_all ("end", &glue.end);
  crt_free (&glue);
  strvec_free (&cc);
  gl_error_clear (&err);
  return status;
}
