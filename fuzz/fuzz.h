/* What every fuzz target defines, and the checks they share.  A target is
   built twice: with libFuzzer for make fuzz, and with replay.c's main for
   make check, which replays the corpus and every past finding.  */
#ifndef GL_FUZZ_H
#define GL_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sys/mman.h>
#include <unistd.h>

#include "diag.h"
#include "flow.h"
#include "xalloc.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* A module's status and its error agree: a failure always says what is
   wrong, a success leaves no error behind.  Anything else is a finding.  */
static inline void
fuzz_check_status (const char *what, int rc, const struct gl_error *err)
{
  bool explained = err->status != 0 && err->message != NULL;
  if ((rc != 0 && !explained) || (rc == 0 && err->status != 0))
    {
      fprintf (stderr, "fuzz: %s returned %d with error status %d (%s)\n",
	       what, rc, err->status, err->message ? err->message : "no message");
      abort ();
    }
}

/* A writable copy of exactly SIZE bytes: libelf may convert an image in
   place, and AddressSanitizer then sees any read past the end.  */
static inline void *
fuzz_image (const uint8_t *data, size_t size)
{
  void *image = xmalloc (size);
  if (size > 0)
    memcpy (image, data, size);
  return image;
}

/* The bytes as a real file for the link flow to open: a memory file, named
   by its /proc/self/fd path (PATH, of PATH_SIZE bytes).  Its fd is
   returned, to close.  */
static inline int
fuzz_file (const uint8_t *data, size_t size, char *path, size_t path_size)
{
  int fd = memfd_create ("fuzz-input", MFD_CLOEXEC);
  if (fd < 0 || (size > 0 && write (fd, data, size) != (ssize_t) size))
    {
      perror ("fuzz: memfd_create");
      abort ();
    }
  snprintf (path, path_size, "/proc/self/fd/%d", fd);
  return fd;
}

/* The library's own link flow over the driver arguments WORDS
   (NULL-terminated), with gold-link's options OPT, as --dry-run: whatever
   the inputs say, it ends with a status, and a failure says why.  The
   environment that chooses tools is cleared once, so that every input
   meets the same choices.  */
static inline void
fuzz_link (const struct link_options *opt, const char *const *words)
{
  static bool env_cleared;
  if (!env_cleared)
    {
      unsetenv ("CC");
      unsetenv ("GOLD_LINK_CC");
      unsetenv ("GOLD_LINK_LINKER");
      unsetenv ("GOARCH");
      env_cleared = true;
    }
  struct link_options o = *opt;
  o.dry_run = true;
  struct strvec driver = { 0 };
  strvec_init (&driver);
  for (; *words != NULL; words++)
    strvec_push (&driver, *words);
  struct link l;
  link_init (&l, &o, &driver, NULL, NULL);
  int rc = flow_run (&l);
  fuzz_check_status ("link_run", rc < 0 ? -1 : 0, &l.err);
  link_free (&l);
  strvec_free (&driver);
}

#endif
