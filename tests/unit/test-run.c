/* Unit tests of run_capture: output of both streams in order, the C
   locale, exit statuses and signals, output larger than a pipe, and a
   command that does not exist.  */
#include <config.h>

#include <stdlib.h>

#include "run.h"
#include "unit.h"

/* Capture "sh -c SCRIPT"; *STATUS is its status, or -1 if it did not run.  */
static char *
capture_sh (const char *script, int *status, struct gl_error *err)
{
  char *argv[] = { (char *) "sh", (char *) "-c", (char *) script, NULL };
  char *out = NULL;
  if (run_capture (argv, &out, status, err) != 0)
    *status = -1;
  return out;
}

int
main (void)
{
  struct gl_error err = { 0 };
  int status;

  /* A translated locale must not reach the child; LANG stays.  */
  setenv ("LC_ALL", "de_DE.UTF-8", 1);
  setenv ("LANG", "fr_FR.UTF-8", 1);
  char *out = capture_sh ("echo out; echo err >&2; echo \"$LC_ALL $LANG\";"
			  " read x && echo stdin:$x; exit 3", &status, &err);
  CHECK (status == 3);
  CHECK_STR (out, "out\nerr\nC fr_FR.UTF-8\n");
  free (out);

  out = capture_sh ("kill -9 $$", &status, &err);
  CHECK (status == 128 + 9);
  CHECK_STR (out, "");
  free (out);

  /* Several times a pipe's capacity, so the child blocks until we read.  */
  out = capture_sh ("i=0; while [ $i -lt 20000 ]; do"
		    " echo 0123456789012345678901234567890123456789; "
		    " i=$((i+1)); done", &status, &err);
  CHECK (status == 0);
  CHECK (out != NULL && strlen (out) == 20000 * 41);
  free (out);

  char *missing[] = { (char *) "gold-link-no-such-command", NULL };
  out = (char *) "unchanged";
  if (run_capture (missing, &out, &status, &err) == 0)
    {
      /* Under valgrind posix_spawnp cannot report a failed exec: the
	 child runs and exits 127, as in a shell.  */
      CHECK (status == 127);
      free (out);
    }
  else
    {
      CHECK (out == NULL);
      CHECK_STR (err.message, "cannot run 'gold-link-no-such-command': "
		 "No such file or directory");
      CHECK (err.status == GL_EXIT_INPUT);
      CHECK (err.note == NULL);
    }
  gl_error_clear (&err);

  return unit_report ("test-run");
}
