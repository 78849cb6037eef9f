/* The audit of a linked output (SPEC "What it does", step 6): what a
   packager must know about a Go executable or shared library, read from
   the ELF file alone, as a report and a list of findings.  Nothing here
   prints: auditfmt.c renders a report as a table or as JSON.  */
#ifndef GL_AUDIT_H
#define GL_AUDIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arch.h"
#include "diag.h"
#include "xalloc.h"

enum audit_kind
{
  AUDIT_EXE,			/* ET_EXEC with an interpreter */
  AUDIT_PIE,			/* ET_DYN with an interpreter */
  AUDIT_STATIC,			/* ET_EXEC without one */
  AUDIT_STATIC_PIE,		/* ET_DYN, DF_1_PIE, no interpreter */
  AUDIT_SHARED_LIB,		/* any other ET_DYN: c-shared, a C library */
  AUDIT_GO_PLUGIN,		/* go:plugin.tabs (go.plugin.tabs) */
  AUDIT_GO_SHARED_LIB		/* .note.go.abihash / .note.go.pkg-list */
};

enum audit_severity
{
  AUDIT_INFO,
  AUDIT_WARNING,
  AUDIT_ERROR
};

enum audit_relro
{
  AUDIT_RELRO_NONE,
  AUDIT_RELRO_PARTIAL,		/* PT_GNU_RELRO */
  AUDIT_RELRO_FULL		/* PT_GNU_RELRO and BIND_NOW */
};

/* How the Go TLS slot's offset from the thread pointer is fixed.  */
enum audit_tls_model
{
  AUDIT_TLS_NONE,		/* no slot: not Go, or no TLS at all */
  AUDIT_TLS_LE,			/* fixed in the output (an executable) */
  AUDIT_TLS_IE			/* filled in by the loader (a TPOFF
				   relocation of a GOT entry) */
};

/* A tri-state: the file may not say (a stripped symbol table).  */
enum audit_answer
{
  AUDIT_UNKNOWN = -1,
  AUDIT_NO = 0,
  AUDIT_YES = 1
};

struct audit_finding
{
  enum audit_severity severity;
  const char *code;		/* a stable word: "textrel", "execstack" */
  char *message;
};

struct audit_report
{
  char *file;
  const struct gl_arch *arch;
  enum audit_kind kind;
  bool go;			/* Go built it (a Go note, section or slot) */

  char *go_version;		/* "go1.26.8", or NULL */
  char *go_buildid;		/* .note.go.buildid's description, or NULL */
  bool go_buildid_in_note;	/* ... inside a PT_NOTE segment */
  bool go_buildinfo;		/* .go.buildinfo */
  char *gnu_buildid;		/* NT_GNU_BUILD_ID in hex, or NULL */

  /* PT_TLS and the Go TLS slot.  */
  bool tls_segment;
  uint64_t tls_memsz, tls_align;
  bool slot_defined;		/* the slot symbol is defined here */
  bool slot_offset_known;
  int64_t slot_offset;		/* from the thread pointer */
  enum audit_tls_model model;
  enum audit_answer cgo;	/* x_cgo_init: runtime/cgo sets up TLS */
  bool slot_checked;		/* the no-cgo rule applied ... */
  int64_t slot_expected;	/* ... and this is where Go puts it */

  bool static_tls;		/* DF_STATIC_TLS */
  bool textrel;			/* DT_TEXTREL or DF_TEXTREL */
  bool gnu_stack;		/* PT_GNU_STACK present */
  bool execstack;		/* PF_X on it, or no PT_GNU_STACK */
  enum audit_relro relro;
  bool bind_now;		/* DT_BIND_NOW, DF_BIND_NOW or DF_1_NOW */
  char *soname, *rpath, *runpath;
  struct strvec needed;

  /* Libraries: .init_array entries that run the Go runtime's library
     entry (_rt0_<arch>_linux_lib); AUDIT_UNKNOWN when the entry symbol
     cannot be looked up, AUDIT_NO when the output has none.  */
  enum audit_answer lib_entry;
  size_t init_entries;

  struct audit_finding *findings;
  size_t nfindings;
};

/* Audit the ELF file PATH into R.  -1 with ERR set (GL_EXIT_INPUT) when
   it cannot be read, is not an ELF file, is damaged or is not a linked
   output; then R holds nothing to free.  */
int audit_file (const char *path, struct audit_report *r,
		struct gl_error *err);
/* The same for an image in memory of SIZE bytes, named PATH.  */
int audit_image (const char *path, void *image, size_t size,
		 struct audit_report *r, struct gl_error *err);
void audit_free (struct audit_report *r);

/* Has R a finding of severity error?  */
bool audit_has_error (const struct audit_report *r);

const char *audit_kind_name (enum audit_kind kind);
const char *audit_severity_name (enum audit_severity severity);
const char *audit_relro_name (enum audit_relro relro);
const char *audit_model_name (enum audit_tls_model model);

#endif
