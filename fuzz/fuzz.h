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

#include "diag.h"
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

#endif
