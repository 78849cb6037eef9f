/* The staging directory and every file gold-link must remove when the link
   fails or a signal arrives; signals are forwarded to the running linker.  */
#include <config.h>

#include "stage.h"
#include "xalloc.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <unistd.h>

static const int caught_signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };
#define NCAUGHT (sizeof caught_signals / sizeof caught_signals[0])

/* Read by the signal handler: change them only with the signals blocked.
   TRACKED are temporary outputs, always removed unless committed; STAGED
   are files in the staging directory, kept with it by --keep-temps.  */
struct path_list
{
  char **v;
  size_t n, cap;
};
static struct path_list tracked, staged;
static char *staging_dir;
static bool keep_staging;
static volatile sig_atomic_t child_pid;
static volatile sig_atomic_t caught;

void
stage_block_signals (bool block)
{
  sigset_t set;
  sigemptyset (&set);
  for (size_t i = 0; i < NCAUGHT; i++)
    sigaddset (&set, caught_signals[i]);
  sigprocmask (block ? SIG_BLOCK : SIG_UNBLOCK, &set, NULL);
}

/* Remove the staging directory and its files with async-signal-safe calls
   only (no opendir: it allocates).  */
static void
remove_staging_dir (void)
{
  if (staging_dir == NULL)
    return;
  /* Newest first: a subdirectory is registered before its files.  */
  for (size_t i = staged.n; i-- > 0;)
    if (unlink (staged.v[i]) != 0)
      rmdir (staged.v[i]);
  rmdir (staging_dir);
}

static void
on_signal (int sig)
{
  caught = sig;
  if (child_pid > 0)
    {
      /* The driver's process group gets the signal; the main flow cleans
	 up after it.  */
      kill (-(pid_t) child_pid, sig);
      return;
    }
  for (size_t i = 0; i < tracked.n; i++)
    unlink (tracked.v[i]);
  if (!keep_staging)
    remove_staging_dir ();
  _exit (128 + sig);
}

void
stage_init (bool keep)
{
  keep_staging = keep;
  /* The driver's children (collect2, the linker) become ours if it dies
     first, so that a signal's cleanup can wait for them (run.c).  */
  prctl (PR_SET_CHILD_SUBREAPER, 1);
  struct sigaction sa;
  memset (&sa, 0, sizeof sa);
  sa.sa_handler = on_signal;
  sigemptyset (&sa.sa_mask);
  for (size_t i = 0; i < NCAUGHT; i++)
    sigaddset (&sa.sa_mask, caught_signals[i]);
  for (size_t i = 0; i < NCAUGHT; i++)
    {
      struct sigaction old;
      /* A signal ignored by our parent (nohup) stays ignored.  */
      if (sigaction (caught_signals[i], NULL, &old) == 0
	  && old.sa_handler == SIG_IGN)
	continue;
      sigaction (caught_signals[i], &sa, NULL);
    }
}

int
stage_dir (const char **dir, struct gl_error *err)
{
  if (staging_dir == NULL)
    {
      const char *tmp = getenv ("TMPDIR");
      if (tmp == NULL || tmp[0] == '\0')
	tmp = "/tmp";
      char *templ = xasprintf ("%s/gold-link-XXXXXX", tmp);
      if (mkdtemp (templ) == NULL)
	{
	  gl_error_errno (err, tmp, errno,
			  "cannot make a staging directory");
	  gl_error_note (err, "set TMPDIR to a writable directory");
	  free (templ);
	  return -1;
	}
      stage_block_signals (true);
      staging_dir = templ;
      stage_block_signals (false);
    }
  *dir = staging_dir;
  return 0;
}

int
stage_subdir (const char *name, char **path, struct gl_error *err)
{
  const char *dir;
  if (stage_dir (&dir, err) != 0)
    return -1;
  char *p = xasprintf ("%s/%s", dir, name);
  if (mkdir (p, 0700) != 0 && errno != EEXIST)
    {
      gl_error_errno (err, p, errno, "cannot make a directory");
      free (p);
      return -1;
    }
  stage_add_staged (p);
  *path = p;
  return 0;
}

int
stage_linker_dir (const char *kind, const char *path, char **dir,
		  struct gl_error *err)
{
  if (stage_subdir ("bin", dir, err) != 0)
    return -1;
  char *link = xasprintf ("%s/ld.%s", *dir, kind);
  int rc = 0;
  if (symlink (path, link) != 0 && errno != EEXIST)
    {
      gl_error_errno (err, link, errno, "cannot make a link");
      rc = -1;
    }
  else
    stage_add_staged (link);
  free (link);
  if (rc != 0)
    {
      free (*dir);
      *dir = NULL;
    }
  return rc;
}

static void
list_add (struct path_list *l, const char *path)
{
  char *copy = xstrdup (path);
  stage_block_signals (true);
  if (l->n == l->cap)
    {
      l->cap = l->cap ? l->cap * 2 : 16;
      l->v = xrealloc (l->v, l->cap * sizeof *l->v);
    }
  l->v[l->n++] = copy;
  stage_block_signals (false);
}

static void
list_free (struct path_list *l, bool unlink_them)
{
  for (size_t i = 0; i < l->n; i++)
    {
      if (unlink_them)
	unlink (l->v[i]);
      free (l->v[i]);
    }
  free (l->v);
  l->v = NULL;
  l->n = l->cap = 0;
}

void
stage_track (const char *path)
{
  list_add (&tracked, path);
}

void
stage_add_staged (const char *path)
{
  list_add (&staged, path);
}

void
stage_untrack (const char *path)
{
  stage_block_signals (true);
  for (size_t i = 0; i < tracked.n; i++)
    if (strcmp (tracked.v[i], path) == 0)
      {
	free (tracked.v[i]);
	tracked.v[i] = tracked.v[--tracked.n];
	break;
      }
  stage_block_signals (false);
}

void
stage_set_child (pid_t pid)
{
  child_pid = pid;
}

int
stage_caught_signal (void)
{
  return caught;
}

/* Remove a directory tree we made (files, symlinks and subdirectories).  */
static void
remove_tree (const char *dir)
{
  DIR *d = opendir (dir);
  if (d != NULL)
    {
      struct dirent *e;
      while ((e = readdir (d)) != NULL)
	if (strcmp (e->d_name, ".") != 0 && strcmp (e->d_name, "..") != 0
	    && unlinkat (dirfd (d), e->d_name, 0) != 0
	    && (errno == EISDIR || errno == EPERM))
	  {
	    char *sub = xasprintf ("%s/%s", dir, e->d_name);
	    remove_tree (sub);
	    free (sub);
	  }
      closedir (d);
    }
  rmdir (dir);
}

const char *
stage_cleanup (void)
{
  stage_block_signals (true);
  list_free (&tracked, true);
  list_free (&staged, false);
  const char *kept = NULL;
  if (staging_dir != NULL)
    {
      if (keep_staging)
	kept = staging_dir;
      else
	{
	  remove_tree (staging_dir);
	  free (staging_dir);
	  staging_dir = NULL;
	}
    }
  stage_block_signals (false);
  return kept;
}
