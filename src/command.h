/* The command that links, made from the link's decisions: the compiler
   driver with the flags cmd/link would pass and the linker chosen, or
   with --direct the linker itself with gold-link's C runtime glue.  */
#ifndef GL_COMMAND_H
#define GL_COMMAND_H

#include "link.h"

/* The command for L writing OUTPUT, the driver finding the linker in
   LD_DIR (see stage_linker_dir; NULL: not staged), into CMD.  -1 with ERR
   set when --direct cannot translate an argument or find the glue.  */
int command_build (const struct link *l, const char *ld_dir,
		   const char *output, struct strvec *cmd,
		   struct gl_error *err);

#endif
