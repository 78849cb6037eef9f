/* Unit test driver for the archive writer: test-arfile OUT FILE... writes
   the files as a deterministic archive; run-unit-arfile.sh compares it
   with what GNU ar makes of the same files.  */
#include <config.h>

#include <fcntl.h>
#include <unistd.h>

#include "arfile.h"
#include "unit.h"

int
main (int argc, char **argv)
{
  if (argc < 2)
    return 2;
  elf_version (EV_CURRENT);
  struct ar_set set = { 0 };
  struct gl_error err = { 0 };
  for (int i = 2; i < argc; i++)
    CHECK (ar_set_add_file (&set, argv[i], &err) == 0);
  CHECK (set.n == (size_t) (argc - 2));
  int fd = open (argv[1], O_WRONLY | O_CREAT | O_TRUNC, 0644);
  CHECK (fd >= 0);
  CHECK (ar_write (fd, argv[1], &set, true, &err) == 0);
  CHECK (close (fd) == 0);
  if (err.message)
    fprintf (stderr, "error: %s\n", err.message);
  ar_set_free (&set);
  gl_error_clear (&err);
  return unit_report ("test-arfile");
}
