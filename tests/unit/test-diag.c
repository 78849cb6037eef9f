/* The error vocabulary (diag.c): gl_error_errno, gl_error_damaged and
   gl_open_regular on a regular file, a directory, a FIFO, a device and a
   missing path; each error compared whole, as gold-link prints it.  */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "unit.h"

struct open_row
{
  int line;
  const char *path;
  const char *want;		/* "ok", or the error as printed */
};

#define NOTE_PATH "gold-link: note: check the path; inputs are relative to " \
  "the current directory\n"
#define NOTE_KIND "gold-link: note: name objects (.o), archives (.a), " \
  "shared libraries (.so) or linker scripts\n"

static const struct open_row open_rows[] = {
  { __LINE__, "file", "ok" },
  { __LINE__, "dir", "gold-link: error: dir: is a directory, not a file\n"
    NOTE_KIND "exit 1" },
  { __LINE__, "fifo", "gold-link: error: fifo: is not a regular file\n"
    NOTE_KIND "exit 1" },
  { __LINE__, "/dev/null", "gold-link: error: /dev/null: is not a regular "
    "file\n" NOTE_KIND "exit 1" },
  { __LINE__, "missing", "gold-link: error: missing: cannot open: No such "
    "file or directory\n" NOTE_PATH "exit 1" },
  { __LINE__, "file/below", "gold-link: error: file/below: cannot open: Not "
    "a directory\ngold-link: note: check that the file is readable\n"
    "exit 1" },
};

static void
check_open (const struct open_row *r)
{
  struct gl_error err = { 0 };
  struct stat st;
  int fd = gl_open_regular (r->path, &st, &err);
  char *got = fd >= 0 ? xstrdup ("ok") : unit_error_text (&err);
  CHECK_ROW_STR (r->line, got, r->want);
  if (fd >= 0)
    {
      CHECK (st.st_size == 5);
      CHECK ((fcntl (fd, F_GETFD) & FD_CLOEXEC) != 0);
      close (fd);
    }
  free (got);
  gl_error_clear (&err);
}

int
main (void)
{
  /* The files, in a directory of our own.  */
  char dir[] = "/tmp/gold-link-test-diag.XXXXXX";
  if (mkdtemp (dir) == NULL || chdir (dir) != 0)
    {
      perror ("test-diag: mkdtemp");
      return 1;
    }
  int fd = open ("file", O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0 || write (fd, "hello", 5) != 5 || close (fd) != 0
      || mkdir ("dir", 0755) != 0 || mkfifo ("fifo", 0644) != 0)
    {
      perror ("test-diag: setup");
      return 1;
    }
  for (size_t i = 0; i < sizeof open_rows / sizeof open_rows[0]; i++)
    check_open (&open_rows[i]);

  struct gl_error err = { 0 };
  char *got;
  CHECK (gl_error_errno (&err, "out", ENOSPC, "cannot write %d bytes",
			 42) == -1);
  got = unit_error_text (&err);
  CHECK_STR (got, "gold-link: error: out: cannot write 42 bytes: No space "
	     "left on device\nexit 1");
  free (got);
  gl_error_clear (&err);

  CHECK (gl_error_damaged (&err, "lib.a", "m.o", "bad header at %d",
			   8) == -1);
  got = unit_error_text (&err);
  CHECK_STR (got, "gold-link: error: lib.a(m.o): bad header at 8\n"
	     "gold-link: note: the file is truncated or damaged; rebuild it\n"
	     "exit 1");
  free (got);
  gl_error_clear (&err);

  unlink ("file");
  unlink ("fifo");
  rmdir ("dir");
  if (chdir ("/") != 0 || rmdir (dir) != 0)
    perror ("test-diag: cleanup");
  return unit_report ("test-diag");
}
