/* What a Go object (go.o) says about itself: the evidence of its build mode
   and every TLS relocation it makes, gathered in one pass.  */
#ifndef GL_GOOBJ_H
#define GL_GOOBJ_H

#include <gelf.h>
#include <stdbool.h>
#include <stddef.h>

#include "arch.h"
#include "diag.h"

struct goobj
{
  const struct gl_arch *arch;

  /* Sections.  */
  bool pkglist_note;		/* .note.go.pkg-list: -buildmode=shared */
  bool abihash_note;		/* .note.go.abihash: -buildmode=shared */
  bool data_rel_ro;		/* .data.rel.ro*: position-independent modes */

  /* Symbols.  */
  bool plugin_tabs;		/* go.plugin.tabs: a plugin with exports */
  bool addmoduledata;		/* go.link.addmoduledata: a Go module loaded
				   into a runtime it does not contain */
  bool lib_entry;		/* _rt0_<arch>_linux_lib */
  size_t lib_entry_sym;		/* its symbol index, for the glue */
  bool cgo_init;		/* x_cgo_init: runtime/cgo is linked in */
  size_t slot_symbols;		/* symbols named like the Go TLS slot */
  bool slot_defined;
  bool slot_global;
  bool slot_in_shlib;		/* left to a Go shared library (-linkshared) */
  char *stray_tls_symbol;	/* an STT_TLS symbol that is not Go's */

  /* TLS relocations against the slot, by model.  */
  size_t le_count, ie_count;
  const char *le_type, *ie_type;	/* the first type seen of each */
  /* TLS relocations against anything else, or of a model Go never uses.  */
  size_t stray_count;
  const char *stray_type;
  char *stray_target;
  size_t dynamic_count;
  const char *dynamic_type;

  /* .init_array relocations naming the library entry.  */
  size_t init_entries;
};

/* Cheap test: does ELF (an ET_REL) look like a Go object for ARCH?  */
bool goobj_detect (Elf *elf, const struct gl_arch *arch);

/* Gather everything above from ELF; -1 with ERR set on a damaged object,
   and then G holds nothing to free.  */
int goobj_scan (Elf *elf, const char *path, const struct gl_arch *arch,
		struct goobj *g, struct gl_error *err);
void goobj_free (struct goobj *g);

#endif
