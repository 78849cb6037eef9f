/* Reproducible output: what on a link's command line and in its inputs
   makes the output's bytes depend on something besides the inputs'
   contents (a place, a random number), told under -v.  */
#ifndef GL_REPRO_H
#define GL_REPRO_H

#include <stdbool.h>

#include <gelf.h>

#include "arch.h"
#include "cmdline.h"
#include "inputs.h"
#include "mode.h"
#include "xalloc.h"

/* What a link's reproducibility depends on.  */
struct repro_link
{
  const struct cmdline *cl;	/* the driver arguments */
  Elf *go;			/* go.o, or NULL */
  const struct inputs *ins;	/* the operands, classified */
  enum gl_mode mode;
  enum gl_ld ld;		/* the linker chosen */
  const char *output;		/* the output as the command names it */
  bool random_tmp;		/* the linker writes a randomly named file */
};

/* Push onto NOTES one sentence for each thing that makes the output of
   the link R differ from a link of the same inputs elsewhere or at
   another time, and what to do about it.  */
void repro_notes (const struct repro_link *r, struct strvec *notes);

#endif
