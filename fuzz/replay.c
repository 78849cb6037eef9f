/* Replay inputs through a fuzz target without libFuzzer: each argument is a
   file, or a directory whose files are replayed in name order.  make check
   runs the seed corpus and every past finding through it.  */
#include <config.h>

#include "fuzz.h"

#include <dirent.h>
#include <errno.h>
#include <sys/stat.h>

static int
replay_file (const char *path)
{
  FILE *f = fopen (path, "rb");
  if (f == NULL)
    {
      fprintf (stderr, "replay: %s: %s\n", path, strerror (errno));
      return -1;
    }
  size_t cap = 4096, n = 0, got;
  uint8_t *buf = xmalloc (cap);
  while ((got = fread (buf + n, 1, cap - n, f)) > 0)
    if ((n += got) == cap)
      buf = xrealloc (buf, cap *= 2);
  int failed = ferror (f);
  fclose (f);
  if (failed)
    {
      fprintf (stderr, "replay: %s: cannot read\n", path);
      free (buf);
      return -1;
    }
  /* Exactly N bytes, as libFuzzer hands them over.  */
  uint8_t *data = fuzz_image (buf, n);
  free (buf);
  printf ("replay: %s (%zu bytes)\n", path, n);
  fflush (stdout);
  LLVMFuzzerTestOneInput (data, n);
  free (data);
  return 0;
}

static int
replay_dir (const char *dir, size_t *count)
{
  struct dirent **names;
  int n = scandir (dir, &names, NULL, alphasort);
  if (n < 0)
    {
      fprintf (stderr, "replay: %s: %s\n", dir, strerror (errno));
      return -1;
    }
  int rc = 0;
  for (int i = 0; i < n; i++)
    {
      char *path = xasprintf ("%s/%s", dir, names[i]->d_name);
      struct stat st;
      if (rc == 0 && stat (path, &st) == 0 && S_ISREG (st.st_mode))
	{
	  rc = replay_file (path);
	  (*count)++;
	}
      free (path);
      free (names[i]);
    }
  free (names);
  return rc;
}

int
main (int argc, char **argv)
{
  LLVMFuzzerInitialize (&argc, &argv);
  size_t count = 0;
  for (int i = 1; i < argc; i++)
    {
      struct stat st;
      int rc;
      if (stat (argv[i], &st) == 0 && S_ISDIR (st.st_mode))
	rc = replay_dir (argv[i], &count);
      else
	{
	  rc = replay_file (argv[i]);
	  count++;
	}
      if (rc != 0)
	return 1;
    }
  printf ("replay: %zu inputs, no finding\n", count);
  return 0;
}
