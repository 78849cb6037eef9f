/* The output file: written under a temporary name beside it and renamed
   into place only when everything succeeded.  */
#include <config.h>

#include "output.h"
#include "stage.h"
#include "xalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int
output_begin (struct output *out, const char *path, bool reserve,
	      struct gl_error *err)
{
  memset (out, 0, sizeof *out);
  out->path = xstrdup (path);
  struct stat st;
  if (lstat (path, &st) == 0)
    {
      if (S_ISDIR (st.st_mode))
	{
	  gl_error_set (err, GL_EXIT_INPUT, path, NULL,
			"the output is a directory");
	  gl_error_note (err, "name a file with -o");
	  return -1;
	}
      if (!S_ISREG (st.st_mode))
	{
	  /* /dev/null, a FIFO or a symlink: write it as the linker would.  */
	  out->in_place = true;
	  out->tmp = xstrdup (path);
	  return 0;
	}
    }

  char *dir_copy = xstrdup (path);
  char *base_copy = xstrdup (path);
  const char *dir = dirname (dir_copy);
  const char *base = basename (base_copy);
  char *templ = xasprintf ("%s/.%s.gold-link-XXXXXX", dir, base);
  free (dir_copy);
  free (base_copy);
  int fd = mkostemp (templ, O_CLOEXEC);
  if (fd < 0)
    {
      int e = errno;
      char *d = xstrdup (path);
      if (e == ENOENT)
	gl_error_set (err, GL_EXIT_INPUT, path, NULL,
		      "the output directory %s does not exist", dirname (d));
      else
	gl_error_errno (err, path, e, "cannot create the output in %s",
			dirname (d));
      free (d);
      gl_error_note (err, e == ENOENT ? "create the directory first"
		     : "check that the directory is writable");
      free (templ);
      return -1;
    }
  close (fd);
  stage_track (templ);
  if (!reserve)
    unlink (templ);
  out->tmp = templ;
  return 0;
}

int
output_begin_stable (struct output *out, const char *path,
		     struct gl_error *err)
{
  struct stat st;
  if (lstat (path, &st) == 0 && !S_ISREG (st.st_mode))
    return output_begin (out, path, false, err);
  char *dir_copy = xstrdup (path);
  char *base_copy = xstrdup (path);
  char *name = xasprintf ("%s/.%s.gold-link", dirname (dir_copy),
			  basename (base_copy));
  free (dir_copy);
  free (base_copy);
  /* Claimed with O_EXCL and left in place until the linker replaces it,
     so that another link of the same output meanwhile takes a random
     name instead of sharing this one.  gold writes into an existing
     file and keeps its mode, adding execute where it may read: created
     0666 less the umask, the claim ends with the mode of a new file.  */
  int fd = open (name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      free (name);
      if (output_begin (out, path, false, err) != 0)
	return -1;
      out->random_name = true;
      return 0;
    }
  close (fd);
  stage_track (name);
  memset (out, 0, sizeof *out);
  out->path = xstrdup (path);
  out->tmp = name;
  return 0;
}

int
output_commit (struct output *out, struct gl_error *err)
{
  if (out->in_place)
    return 0;
  if (rename (out->tmp, out->path) != 0)
    {
      gl_error_errno (err, out->path, errno,
		      "cannot rename the finished output into place");
      output_abort (out);
      return -1;
    }
  stage_untrack (out->tmp);
  return 0;
}

void
output_abort (struct output *out)
{
  if (out->tmp == NULL || out->in_place)
    return;
  unlink (out->tmp);
  stage_untrack (out->tmp);
}

void
output_free (struct output *out)
{
  free (out->path);
  free (out->tmp);
  out->path = out->tmp = NULL;
}
