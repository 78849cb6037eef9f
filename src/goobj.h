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
  bool fipsinfo;		/* .go.fipsinfo: cmd/link 1.24+ patches the
				   output's FIPS checksum after the link */

  /* The Go release that wrote go.o, from .go.buildinfo (else the bytes of
     runtime.buildVersion, else the DWARF producer): "go1.26.8", or NULL when the object does not
     say.  */
  char *go_version;
  unsigned go_minor;		/* 26 for go1.26.8; 0 when unknown */

  /* Symbols.  */
  bool plugin_tabs;		/* go:plugin.tabs (go.plugin.tabs before Go
				   1.20): a plugin with exports */
  bool addmoduledata;		/* go:link.addmoduledata (go.link.… before
				   1.20): a Go module loaded into a runtime
				   it does not contain */
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

/* Is G from Go 1.MINOR or later?  False when the release is unknown.  */
bool goobj_release_at_least (const struct goobj *g, unsigned minor);

/* The release in a .go.buildinfo section's bytes (Go 1.18+ writes the
   version inline), as a new string, or NULL.  */
char *goobj_buildinfo_version (const unsigned char *buf, size_t len);

#endif
