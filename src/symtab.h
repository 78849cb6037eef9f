/* The symbol table of one ELF object file, visited symbol by symbol.  */
#ifndef GL_SYMTAB_H
#define GL_SYMTAB_H

#include <gelf.h>
#include <stdbool.h>

#include "diag.h"

/* Called for each symbol with a name; the name lives until the visit
   ends.  */
typedef void symtab_visit_fn (const char *name, const GElf_Sym *sym,
			      void *arg);

/* Visit the named symbols of the object PATH's SHT_SYMTAB (from its first
   global one when GLOBALS_ONLY, else every one, locals and STT_FILE
   included).  An object without a symbol table has none to visit: 0.
   -1 with ERR set when PATH cannot be opened or its table read.  */
int symtab_each (const char *path, bool globals_only, symtab_visit_fn *visit,
		 void *arg, struct gl_error *err);

#endif
