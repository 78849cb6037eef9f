/* Running the compiler driver or linker: spawn, forward signals, wait, and
   turn its end into gold-link's exit status.  */
#include <config.h>

#include "run.h"
#include "stage.h"
#include "xalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

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
  /* Its own process group, as ninja does: a signal for us reaches the
     driver and everything it started (collect2, the linker), and only
     through us, so that we clean up after them.  */
  posix_spawnattr_setpgroup (&attr, 0);
  posix_spawnattr_setflags (&attr, POSIX_SPAWN_SETSIGMASK
			    | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP);

  /* No signal may slip between the spawn and recording the child.  */
  stage_block_signals (true);
  int rc = posix_spawnp (pid, argv[0], actions, &attr, argv, envp);
  posix_spawnattr_destroy (&attr);
  if (rc == 0)
    stage_set_child (*pid);
  stage_block_signals (false);
  return rc;
}

/* After a signal: the driver has ended, but what it started (collect2, the
   linker) may still be on its way out, and must be gone before we remove
   the output it writes.  Wait for the process group PGID to empty; after
   two seconds, kill what is left.  We are their subreaper (stage_init),
   so the orphans are ours to reap.  */
static void
stop_group (pid_t pgid)
{
  const struct timespec tick = { 0, 10 * 1000 * 1000 };
  for (int i = 0; kill (-pgid, 0) == 0; i++)
    {
      while (waitpid (-pgid, NULL, WNOHANG) > 0)
	continue;
      if (kill (-pgid, 0) != 0)
	break;
      if (i == 200)
	kill (-pgid, SIGKILL);
      else if (i > 400)
	break;
      nanosleep (&tick, NULL);
    }
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
	gl_error_errno (err, NULL, errno, "waiting for '%s'", argv[0]);
	return -1;
      }
  stage_set_child (0);
  if (stage_caught_signal () != 0)
    stop_group (pid);
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
      gl_error_errno (err, NULL, rc, "cannot run '%s'", argv[0]);
      if (rc == ENOENT)
	gl_error_note (err, "install it, or name another compiler driver "
		       "with --cc or GOLD_LINK_CC");
      return rc == E2BIG ? RUN_TOO_LONG : -1;
    }
  return wait_child (pid, argv, status, err);
}

/* Lines from BUF (LEN bytes, LEN < CAP) to FN: each complete one, then,
   at the end (AT_END), what is left.  Returns how many bytes stay.  */
static size_t
give_lines (char *buf, size_t len, bool at_end, run_line_fn *fn, void *arg)
{
  size_t done = 0;
  for (;;)
    {
      char *nl = memchr (buf + done, '\n', len - done);
      if (nl == NULL && !(at_end && done < len))
	break;
      size_t end = nl != NULL ? (size_t) (nl - buf) + 1 : len;
      char saved = buf[end];
      buf[end] = '\0';
      fn (buf + done, end - done, arg);
      buf[end] = saved;
      done = end;
    }
  memmove (buf, buf + done, len - done);
  return len - done;
}

int
run_command_lines (char *const argv[], int *status, run_line_fn *fn,
		   void *arg, struct gl_error *err)
{
  int fds[2];
  if (pipe2 (fds, O_CLOEXEC) != 0)
    return gl_error_errno (err, NULL, errno, "cannot run '%s'", argv[0]);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init (&actions);
  posix_spawn_file_actions_adddup2 (&actions, fds[1], STDERR_FILENO);
  pid_t pid;
  int rc = spawn_child (argv, &actions, environ, &pid);
  posix_spawn_file_actions_destroy (&actions);
  close (fds[1]);
  if (rc != 0)
    {
      close (fds[0]);
      gl_error_errno (err, NULL, rc, "cannot run '%s'", argv[0]);
      if (rc == ENOENT)
	gl_error_note (err, "install it, or name another compiler driver "
		       "with --cc or GOLD_LINK_CC");
      return rc == E2BIG ? RUN_TOO_LONG : -1;
    }
  /* The child's end, as a descriptor to poll beside the pipe: a process
     it started may keep the pipe open after it ended.  Without pidfds,
     the pipe is read to its end.  */
  int pidfd = -1;
#ifdef SYS_pidfd_open
  pidfd = (int) syscall (SYS_pidfd_open, pid, 0);
#endif
  size_t cap = 8192, len = 0;
  char *buf = xmalloc (cap);
  bool ended = false;
  while (!ended)
    {
      struct pollfd p[2] = { { fds[0], POLLIN, 0 }, { pidfd, POLLIN, 0 } };
      if (poll (p, pidfd >= 0 ? 2 : 1, -1) < 0)
	{
	  if (errno == EINTR)
	    continue;
	  break;
	}
      if (p[0].revents == 0 && (p[1].revents & POLLIN) != 0)
	{
	  /* It ended and the pipe is empty for now: take what a last
	     write may still have put there, and no more.  */
	  fcntl (fds[0], F_SETFL, O_NONBLOCK);
	  ended = true;
	}
      if (cap - len < 4096)
	buf = xrealloc (buf, cap *= 2);
      ssize_t got;
      do
	{
	  got = read (fds[0], buf + len, cap - len - 1);
	  if (got > 0)
	    {
	      len += (size_t) got;
	      /* A line longer than a megabyte goes on in pieces.  */
	      len = give_lines (buf, len, len >= (1u << 20), fn, arg);
	      if (cap - len < 4096)
		buf = xrealloc (buf, cap *= 2);
	    }
	}
      while (ended && got > 0);
      if (got == 0 || (got < 0 && errno != EINTR && errno != EAGAIN))
	break;
    }
  give_lines (buf, len, true, fn, arg);
  free (buf);
  close (fds[0]);
  if (pidfd >= 0)
    close (pidfd);
  return wait_child (pid, argv, status, err);
}

/* Our environment with LC_ALL=C: a query's output is parsed, and a
   translated "libraries:" would not be found.  The strings stay environ's.  */
static char **
environ_c_locale (void)
{
  size_t n = 0;
  while (environ[n] != NULL)
    n++;
  char **envp = xcalloc (n + 2, sizeof *envp);
  size_t k = 0;
  for (size_t i = 0; i < n; i++)
    if (strncmp (environ[i], "LC_ALL=", 7) != 0)
      envp[k++] = environ[i];
  envp[k++] = (char *) "LC_ALL=C";
  envp[k] = NULL;
  return envp;
}

int
run_capture (char *const argv[], char **out, int *status,
	     struct gl_error *err)
{
  int fds[2] = { -1, -1 };
  char **envp = NULL;
  char *buf = NULL;
  posix_spawn_file_actions_t actions;
  bool have_actions = false;
  int ret = -1;

  *out = NULL;
  /* Close-on-exec: the child's only copies are its dup'ed stdout/stderr,
     so we see end-of-file when it exits.  */
  if (pipe2 (fds, O_CLOEXEC) != 0)
    {
      gl_error_errno (err, NULL, errno, "cannot run '%s'", argv[0]);
      goto out;
    }
  posix_spawn_file_actions_init (&actions);
  have_actions = true;
  posix_spawn_file_actions_addopen (&actions, STDIN_FILENO, "/dev/null",
				    O_RDONLY, 0);
  posix_spawn_file_actions_adddup2 (&actions, fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2 (&actions, fds[1], STDERR_FILENO);
  envp = environ_c_locale ();

  pid_t pid;
  int rc = spawn_child (argv, &actions, envp, &pid);
  close (fds[1]);
  fds[1] = -1;
  if (rc != 0)
    {
      gl_error_errno (err, NULL, rc, "cannot run '%s'", argv[0]);
      goto out;
    }

  size_t len = 0, cap = 8192;
  int read_errno = 0;
  buf = xmalloc (cap);
  for (;;)
    {
      if (cap - len < 4096)
	buf = xrealloc (buf, cap *= 2);
      ssize_t n = read (fds[0], buf + len, cap - len - 1);
      if (n > 0)
	len += (size_t) n;
      else if (n == 0)
	break;
      else if (errno != EINTR)
	{
	  read_errno = errno;
	  break;
	}
    }
  buf[len] = '\0';
  /* Closed before waiting, so a child still writing gets EPIPE.  */
  close (fds[0]);
  fds[0] = -1;
  if (wait_child (pid, argv, status, err) != 0)
    goto out;
  if (read_errno != 0)
    {
      gl_error_errno (err, NULL, read_errno,
		      "cannot read the output of '%s'", argv[0]);
      goto out;
    }
  *out = buf;
  buf = NULL;
  ret = 0;

out:
  if (fds[0] >= 0)
    close (fds[0]);
  if (fds[1] >= 0)
    close (fds[1]);
  if (have_actions)
    posix_spawn_file_actions_destroy (&actions);
  free (envp);
  free (buf);
  return ret;
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

char *
run_find_program (const char *name)
{
  if (strchr (name, '/') != NULL)
    return access (name, X_OK) == 0 ? xstrdup (name) : NULL;
  const char *path = getenv ("PATH");
  if (path == NULL)
    path = "/usr/bin:/bin";
  while (*path != '\0')
    {
      size_t n = strcspn (path, ":");
      char *full = xasprintf ("%.*s/%s", (int) n, n ? path : ".", name);
      if (access (full, X_OK) == 0)
	return full;
      free (full);
      path += n;
      path += *path == ':';
    }
  return NULL;
}

char *
run_self_path (void)
{
  return realpath ("/proc/self/exe", NULL);
}
