/* The output file: written under a temporary name beside it and renamed
   into place only when everything succeeded.  */
#ifndef GL_OUTPUT_H
#define GL_OUTPUT_H

#include <stdbool.h>

#include "diag.h"

struct output
{
  char *path;			/* where the result goes */
  char *tmp;			/* what the writer writes; == path when in place */
  bool in_place;		/* not a regular file (/dev/null, a FIFO): no rename */
};

/* Pick the temporary name for PATH.  With RESERVE the name is created (mode
   0600) for us to write; else it is left free for a linker to create.  */
int output_begin (struct output *out, const char *path, bool reserve,
		  struct gl_error *err);
/* Rename the temporary file into place.  */
int output_commit (struct output *out, struct gl_error *err);
/* Remove the temporary file.  */
void output_abort (struct output *out);
void output_free (struct output *out);

#endif
