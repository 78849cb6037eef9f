/* Running the compiler driver or linker: spawn, forward signals, wait, and
   turn its end into gold-link's exit status.  */
#include <config.h>

#include "run.h"
#include "stage.h"
#include "xalloc.h"

#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <spawn.h>
#include <string.h>
#include <sys/wait.h>

extern char **environ;

/* Start ARGV with ACTIONS (may be NULL) and environment ENVP, the child
   recorded for signal forwarding.  0, or the errno of the failed spawn.  */
static int
spawn_child (char *const argv[], const posix_spawn_file_actions_t *actions,
	     char *const envp[], pid_t *pid)
{
  posix_spawnattr_t attr;
  posix_spawnattr_init (&attr);
  /* The child starts with default dispositions and nothing blocked.  */
  sigset_t none, defaults;
  sigemptyset (&none);
  sigemptyset (&defaults);
  sigaddset (&defaults, SIGINT);
  sigaddset (&defaults, SIGTERM);
  sigaddset (&defaults, SIGHUP);
  sigaddset (&defaults, SIGQUIT);
  posix_spawnattr_setsigmask (&attr, &none);
  posix_spawnattr_setsigdefault (&attr, &defaults);
  posix_spawnattr_setflags (&attr, POSIX_SPAWN_SETSIGMASK
			    | POSIX_SPAWN_SETSIGDEF);

  /* No signal may slip between the spawn and recording the child.  */
  stage_block_signals (true);
  int rc = posix_spawnp (pid, argv[0], actions, &attr, argv, envp);
  posix_spawnattr_destroy (&attr);
  if (rc == 0)
    stage_set_child (*pid);
  stage_block_signals (false);
  return rc;
}

/* Wait for the child PID started from ARGV and set *STATUS.  */
static int
wait_child (pid_t pid, char *const argv[], int *status, struct gl_error *err)
{
  int ws;
  while (waitpid (pid, &ws, 0) < 0)
    if (errno != EINTR)
      {
	stage_set_child (0);
	gl_error_set (err, GL_EXIT_INPUT, NULL, NULL, "waiting for '%s': %s",
		      argv[0], strerror (errno));
	return -1;
      }
  stage_set_child (0);
  if (WIFEXITED (ws))
    *status = WEXITSTATUS (ws);
  else if (WIFSIGNALED (ws))
    *status = 128 + WTERMSIG (ws);
  else
    *status = 1;
  return 0;
}

int
run_command (char *const argv[], int *status, struct gl_error *err)
{
  pid_t pid;
  int rc = spawn_child (argv, NULL, environ, &pid);
  if (rc != 0)
    {
      gl_error_set (err, GL_EXIT_INPUT, NULL, NULL, "cannot run '%s': %s",
		    argv[0], strerror (rc));
      if (rc == ENOENT)
	gl_error_note (err, "install it, or name another compiler driver "
		       "with --cc or GOLD_LINK_CC");
      return -1;
    }
  return wait_child (pid, argv, status, err);
}

/* Quote WORD for a POSIX shell when it needs it.  */
static void
append_quoted (char **line, size_t *len, size_t *cap, const char *word,
	       bool blank)
{
  bool plain = word[0] != '\0';
  for (const char *p = word; *p && plain; p++)
    plain = strchr ("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
		    "0123456789-_./=,+:@%^", *p) != NULL;
  size_t need = *len + strlen (word) * 4 + 4;
  if (need > *cap)
    {
      while (need > *cap)
	*cap *= 2;
      *line = xrealloc (*line, *cap);
    }
  char *o = *line + *len;
  if (blank)
    *o++ = ' ';
  if (plain)
    o = stpcpy (o, word);
  else
    {
      *o++ = '\'';
      for (const char *p = word; *p; p++)
	if (*p == '\'')
	  o = stpcpy (o, "'\\''");
	else
	  *o++ = *p;
      *o++ = '\'';
    }
  *o = '\0';
  *len = (size_t) (o - *line);
}

char *
run_format_command (char *const argv[])
{
  size_t cap = 256, len = 0;
  char *line = xmalloc (cap);
  line[0] = '\0';
  for (size_t i = 0; argv[i] != NULL; i++)
    {
      append_quoted (&line, &len, &cap, argv[i], i > 0);
    }
  return line;
}
