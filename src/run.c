/* Running the compiler driver or linker: spawn, forward signals, wait, and
   turn its end into gold-link's exit status.  */
#include <config.h>

#include "run.h"
#include "stage.h"
#include "xalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

int
run_command (char *const argv[], int *status, struct gl_error *err)
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
  pid_t pid;
  int rc = posix_spawnp (&pid, argv[0], NULL, &attr, argv, environ);
  posix_spawnattr_destroy (&attr);
  if (rc != 0)
    {
      stage_block_signals (false);
      gl_error_set (err, GL_EXIT_INPUT, NULL, NULL, "cannot run '%s': %s",
		    argv[0], strerror (rc));
      if (rc == ENOENT)
	gl_error_note (err, "install it, or name another compiler driver "
		       "with --cc or GOLD_LINK_CC");
      return -1;
    }
  stage_set_child (pid);
  stage_block_signals (false);

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

/* ENVIRON with LC_ALL=C in front, so that version texts are not translated.  */
static char **
c_locale_environ (void)
{
  size_t n = 0;
  while (environ[n] != NULL)
    n++;
  char **env = xcalloc (n + 2, sizeof *env);
  size_t k = 0;
  env[k++] = (char *) "LC_ALL=C";
  for (size_t i = 0; i < n; i++)
    if (strncmp (environ[i], "LC_ALL=", 7) != 0)
      env[k++] = environ[i];
  env[k] = NULL;
  return env;
}

int
run_capture (char *const argv[], char **out, int *status,
	     struct gl_error *err)
{
  int fds[2] = { -1, -1 };
  posix_spawn_file_actions_t fa;
  char **env = NULL;
  int rc = -1;
  pid_t pid;
  *out = NULL;
  if (pipe2 (fds, O_CLOEXEC) != 0)
    {
      gl_error_set (err, GL_EXIT_INPUT, NULL, NULL, "cannot run '%s': %s",
		    argv[0], strerror (errno));
      return -1;
    }
  posix_spawn_file_actions_init (&fa);
  posix_spawn_file_actions_addopen (&fa, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2 (&fa, fds[1], 1);
  posix_spawn_file_actions_adddup2 (&fa, fds[1], 2);
  env = c_locale_environ ();
  int e = posix_spawnp (&pid, argv[0], &fa, NULL, argv, env);
  posix_spawn_file_actions_destroy (&fa);
  close (fds[1]);
  if (e != 0)
    {
      gl_error_set (err, GL_EXIT_INPUT, NULL, NULL, "cannot run '%s': %s",
		    argv[0], strerror (e));
      goto out;
    }

  size_t len = 0, cap = 4096;
  char *buf = xmalloc (cap);
  for (;;)
    {
      if (cap - len < 1024)
	buf = xrealloc (buf, cap *= 2);
      ssize_t n = read (fds[0], buf + len, cap - len - 1);
      if (n > 0)
	len += (size_t) n;
      else if (n == 0 || errno != EINTR)
	break;
    }
  buf[len] = '\0';
  *out = buf;

  int ws;
  while (waitpid (pid, &ws, 0) < 0)
    if (errno != EINTR)
      {
	gl_error_set (err, GL_EXIT_INPUT, NULL, NULL, "waiting for '%s': %s",
		      argv[0], strerror (errno));
	goto out;
      }
  *status = WIFEXITED (ws) ? WEXITSTATUS (ws)
    : WIFSIGNALED (ws) ? 128 + WTERMSIG (ws) : 1;
  rc = 0;

out:
  if (rc != 0)
    {
      free (*out);
      *out = NULL;
    }
  close (fds[0]);
  free (env);
  return rc;
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
