/* The .init_array glue: a c-shared or c-archive go.o without an
   .init_array entry for the library entry gets one, in a staged copy.  */
#ifndef GL_GLUE_H
#define GL_GLUE_H

#include <stdbool.h>

#include "arch.h"
#include "diag.h"
#include "goobj.h"
#include "inputs.h"

struct glue
{
  char *copy;			/* the staged copy of go.o; NULL: none needed */
  bool stack_note;		/* the copy also got an empty .note.GNU-stack */
};

/* Does G need an .init_array entry for its library entry?  Never when it
   has one already: a second one would start the Go runtime twice.  */
bool glue_init_array_needed (const struct goobj *g);

/* For the Go object GO (scanned into G) of a c-shared or c-archive link:
   if it has no .init_array entry for ARCH's library entry, write a copy of
   it into the staging directory with one added (a new .init_array and its
   relocation against the entry's LOCAL symbol), and set OUT->copy to its
   path.  OUT->copy stays NULL when no glue is needed.  -1 with ERR set
   when G has no library entry or the copy cannot be written.  */
int glue_init_array (const struct input *go, const struct goobj *g,
		     const struct gl_arch *arch, struct glue *out,
		     struct gl_error *err);
void glue_free (struct glue *glue);

#endif
