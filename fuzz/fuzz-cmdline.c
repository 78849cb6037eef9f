/* Fuzz target: the bytes as response files, through what gold-link does to
   its command line: gold-link @r0 is expanded (cmdline.c, gcc's quoting,
   nested @files), split by gold-link's own option table (options.c) into
   its options and the driver's arguments, and the driver's arguments go
   through the library's link flow (flow.c) as --dry-run, with no mode and
   with --buildmode=c-shared: classified, dispatched, their operands
   opened.  gold-link's own options are not parsed: popt answers --help by
   exiting.

   The bytes are up to four response files r0..r3, separated by NUL bytes
   (the last keeps any further NULs).  They live in a temporary directory,
   and no word may name a file outside it: every '/' becomes '_', and every
   '@' becomes "@DIR/", so "@r1" names the second file.  */
#include <config.h>

#include "cmdline.h"
#include "fuzz.h"
#include "options.h"

#include <unistd.h>

#define NFILES 4

static char *dir;			/* the temporary directory */
static char *paths[NFILES];		/* DIR/r0 ... DIR/r3 */

static void
remove_dir (void)
{
  for (int i = 0; i < NFILES; i++)
    {
      unlink (paths[i]);
      free (paths[i]);
    }
  rmdir (dir);
  free (dir);
}

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  (void) argc;
  (void) argv;
  const char *tmp = getenv ("TMPDIR");
  dir = xasprintf ("%s/gold-link-fuzz.XXXXXX", tmp && *tmp ? tmp : "/tmp");
  if (mkdtemp (dir) == NULL)
    {
      perror ("fuzz-cmdline: mkdtemp");
      exit (1);
    }
  for (int i = 0; i < NFILES; i++)
    paths[i] = xasprintf ("%s/r%d", dir, i);
  atexit (remove_dir);
  return 0;
}

/* Write response file I from the N bytes at P, confined to DIR.  */
static void
write_response_file (int i, const uint8_t *p, size_t n)
{
  /* A new file each time: ext4 flushes a file truncated and rewritten
     when it is closed, which made this target wait on the disk.  */
  unlink (paths[i]);
  FILE *f = fopen (paths[i], "wb");
  if (f == NULL)
    {
      perror (paths[i]);
      abort ();
    }
  for (size_t k = 0; k < n; k++)
    if (p[k] == '@')
      fprintf (f, "@%s/", dir);
    else
      fputc (p[k] == '/' ? '_' : p[k], f);
  if (fclose (f) != 0)
    abort ();
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  size_t start = 0;
  for (int i = 0; i < NFILES; i++)
    {
      const uint8_t *nul = NULL;
      if (i < NFILES - 1 && start < size)
	nul = memchr (data + start, '\0', size - start);
      size_t end = nul ? (size_t) (nul - data) : start < size ? size : start;
      write_response_file (i, data + start, end - start);
      start = nul ? end + 1 : end;
    }

  struct strvec args = { 0 }, own = { 0 }, driver = { 0 };
  struct gl_error err = { 0 };
  char *argv[] = { "gold-link", NULL, NULL };
  argv[1] = xasprintf ("@%s", paths[0]);
  int rc = cmdline_expand_response_files (2, argv, &args, &err);
  fuzz_check_status ("cmdline_expand_response_files", rc, &err);
  if (rc == 0)
    {
      cmdline_split (&args, options_table, &own, &driver);
      /* The flow reads the driver arguments from words 0..n-1.  */
      const char **words = xcalloc (driver.n + 1, sizeof *words);
      for (size_t i = 0; i < driver.n; i++)
	words[i] = driver.v[i];
      struct link_options plain = { .linker = "bfd" };
      struct link_options c_shared = { .buildmode = "c-shared",
				       .linker = "bfd" };
      fuzz_link (&plain, words);
      fuzz_link (&c_shared, words);
      free (words);
    }
  gl_error_clear (&err);
  strvec_free (&args);
  strvec_free (&own);
  strvec_free (&driver);
  free (argv[1]);
  return 0;
}
