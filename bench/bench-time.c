/* bench-time: run one command and append its wall-clock time, peak resident
   set size and exit status to a file, for bench/bench.sh.

   usage: bench-time RESULT-FILE COMMAND [ARG...]

   Appends "SECONDS MAXRSS-KB STATUS" to RESULT-FILE and exits with the
   command's status (128+N after signal N).  The shell has no clock finer
   than a second and /usr/bin/time rounds to 10 ms, which is a tenth of a
   mold link; this measures with CLOCK_MONOTONIC around fork and wait4.
   MAXRSS is wait4's ru_maxrss, the figure /usr/bin/time -v prints as
   "Maximum resident set size": the largest single process of the tree, not
   a sum.  bench-time is a child subreaper, so processes that outlive their
   parent are counted too: mold forks, and its parent exits as soon as the
   output is complete while the child that did the work is still unmapping.
   The time stops when COMMAND exits; its stragglers are then waited for
   (so they do not slow the next command) and their peak counted.  */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double
seconds_between (const struct timespec *a, const struct timespec *b)
{
  return (double) (b->tv_sec - a->tv_sec)
    + (double) (b->tv_nsec - a->tv_nsec) / 1e9;
}

int
main (int argc, char **argv)
{
  if (argc < 3)
    {
      fprintf (stderr, "usage: bench-time RESULT-FILE COMMAND [ARG...]\n");
      return 2;
    }
  /* Open the result file first: a failure here must not cost a run.  */
  FILE *result = fopen (argv[1], "a");
  if (result == NULL)
    {
      fprintf (stderr, "bench-time: %s: %s\n", argv[1], strerror (errno));
      return 2;
    }

  if (prctl (PR_SET_CHILD_SUBREAPER, 1) != 0)
    {
      fprintf (stderr, "bench-time: prctl: %s\n", strerror (errno));
      return 2;
    }

  struct timespec start, end;
  clock_gettime (CLOCK_MONOTONIC, &start);
  pid_t pid = fork ();
  if (pid < 0)
    {
      fprintf (stderr, "bench-time: fork: %s\n", strerror (errno));
      return 2;
    }
  if (pid == 0)
    {
      fclose (result);
      execvp (argv[2], argv + 2);
      fprintf (stderr, "bench-time: %s: %s\n", argv[2], strerror (errno));
      _exit (127);
    }

  int ws;
  struct rusage ru;
  while (wait4 (pid, &ws, 0, &ru) < 0)
    if (errno != EINTR)
      {
	fprintf (stderr, "bench-time: wait4: %s\n", strerror (errno));
	return 2;
      }
  clock_gettime (CLOCK_MONOTONIC, &end);
  long maxrss = ru.ru_maxrss;

  /* Stragglers reparented to us.  */
  int ws_other;
  struct rusage ru_other;
  for (;;)
    {
      if (wait4 (-1, &ws_other, 0, &ru_other) < 0)
	{
	  if (errno == EINTR)
	    continue;
	  break;
	}
      if (ru_other.ru_maxrss > maxrss)
	maxrss = ru_other.ru_maxrss;
    }

  int status = WIFEXITED (ws) ? WEXITSTATUS (ws)
    : WIFSIGNALED (ws) ? 128 + WTERMSIG (ws) : 1;
  fprintf (result, "%.6f %ld %d\n", seconds_between (&start, &end),
	   maxrss, status);
  if (fclose (result) != 0)
    {
      fprintf (stderr, "bench-time: %s: %s\n", argv[1], strerror (errno));
      return 2;
    }
  return status;
}
