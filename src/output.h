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
  bool random_name;		/* output_begin_stable fell back to a random name */
};

/* Pick the temporary name for PATH.  With RESERVE the name is created (mode
   0600) for us to write; else it is left free for a linker to create.  */
int output_begin (struct output *out, const char *path, bool reserve,
		  struct gl_error *err);
/* As output_begin without RESERVE, but the temporary name is the same on
   every run, ".NAME.gold-link" beside PATH, for a linker that records the
   name it writes (gold: the base version of a shared object without a
   soname); when that name is taken (a link of the same output running, or
   left by one killed), a random one, and OUT->random_name says so.  */
int output_begin_stable (struct output *out, const char *path,
			 struct gl_error *err);
/* Rename the temporary file into place.  */
int output_commit (struct output *out, struct gl_error *err);
/* Remove the temporary file.  */
void output_abort (struct output *out);
void output_free (struct output *out);

#endif
