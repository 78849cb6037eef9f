/* bench-standin: the stand-in compiler driver or linker of the bench's
   "gl own" rows, which measure gold-link's own work.

   Copied by bench/bench.sh as prep/standin-cc (the real program is gcc) and
   prep/standin-ld.KIND (ld.KIND).  A query (--version, -v, -V, -Wl,--version,
   -Wl,-v, -print-*, -dump*, -###) is answered by the real program, exec'd
   with the same arguments; anything else is a link, which only creates the
   file named by -o.  A shell script did this before, and its own start
   (~1 ms, three times per link) was counted as gold-link's.  */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int
is_query (const char *a)
{
  static const char *const exact[] = {
    "--version", "-v", "-V", "-Wl,--version", "-Wl,-v", "-###", NULL
  };
  for (const char *const *e = exact; *e != NULL; e++)
    if (strcmp (a, *e) == 0)
      return 1;
  return strncmp (a, "-print-", 7) == 0 || strncmp (a, "-dump", 5) == 0;
}

int
main (int argc, char **argv)
{
  const char *base = strrchr (argv[0], '/');
  base = base != NULL ? base + 1 : argv[0];
  char real[64];
  if (strncmp (base, "standin-ld.", 11) == 0)
    snprintf (real, sizeof real, "ld.%s", base + 11);
  else
    snprintf (real, sizeof real, "gcc");

  for (int i = 1; i < argc; i++)
    if (is_query (argv[i]))
      {
	argv[0] = real;
	execvp (real, argv);
	fprintf (stderr, "bench-standin: %s: %s\n", real, strerror (errno));
	return 127;
      }

  for (int i = 1; i < argc; i++)
    {
      const char *out = NULL;
      if (strcmp (argv[i], "-o") == 0 && i + 1 < argc)
	out = argv[++i];
      else if (strncmp (argv[i], "-o", 2) == 0 && argv[i][2] != '\0')
	out = argv[i] + 2;
      if (out == NULL)
	continue;
      int fd = open (out, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
      if (fd < 0 || close (fd) != 0)
	{
	  fprintf (stderr, "bench-standin: %s: %s\n", out, strerror (errno));
	  return 1;
	}
    }
  return 0;
}
