/* Errors that point at the source: which Go package and file each host
   object (cmd/link's 000000.o, 000001.o ...) comes from, read from the
   object's own symbol table and go.o's; and, after a failed link, what
   the linker's stderr says went wrong, in those terms, with what to do.  */
#ifndef GL_EXPLAIN_H
#define GL_EXPLAIN_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "inputs.h"
#include "xalloc.h"

/* Where one host object comes from.  */
struct explain_origin
{
  bool host;			/* a host object (an ELF relocatable, not
				   go.o); the rest is empty otherwise */
  char *file;			/* the source file its first STT_FILE symbol
				   names (base name), or NULL */
  char *package;		/* the Go package path, or NULL */
  char hash[13];		/* cmd/cgo's hash in its _cgo_HASH_ and
				   _cgoexp_HASH_ symbols, or "" */
  bool runtime_cgo;		/* it defines x_cgo_init */
  bool cgo_names;		/* it defines _cgo_... or x_cgo_... */
};

/* The origins of the inputs, one per input (INS->v's order).  */
struct explain
{
  struct explain_origin *v;
  size_t n;
};

/* Read each host object's symbol table in INS: its source file (the
   STT_FILE symbol), cmd/cgo's hash, from which go.o's symbol table names
   the package (cmd/cgo names PKG._cgo_HASH_Cfunc_F there).  An object
   without the hash belongs to the package of the cgo objects around it
   (cmd/link copies each package's objects together, _cgo_export.c
   first) when one of them references what it defines: a .syso of a
   package without cgo that follows them is not claimed.  Best effort: an object that cannot be read is left unknown
   (the step that reads it for the link reports it).  */
void explain_origins (const struct inputs *ins, struct explain *x);
void explain_free (struct explain *x);

/* What input K is, for -v and errors (malloc'd): "cgo code of package P
   from x.go (x.cgo2.c)", "cgo code of package P from helper.c", "a host
   object from F"; NULL when nothing is known of it.  */
char *explain_describe (const struct explain *x, size_t k);

/* The shortest form for an error: "helper.c of package P", "x.go of
   package P" (malloc'd); the base name of PATH when nothing is known.  */
char *explain_short (const struct explain *x, size_t k, const char *path);

/* The name to stage input K (file PATH) under in an archive (malloc'd):
   "STEM-PKG-FILE.o" (PKG with '_' for '/') or "STEM-FILE.o", STEM its
   base name without ".o", so that the linkers' "ARCHIVE(MEMBER)" says
   where it comes from; its base name when nothing is known.  Characters
   other than letters, digits and "._-+" become '_'.  */
char *explain_member_name (const struct explain *x, size_t k,
			   const char *path);

/* The package path in a Go symbol name NAME that ends at END ("a/b%2ec"
   → "a/b.c"), malloc'd: Go escapes '.' in the last element, '%', '"'
   and control characters as %XX.  */
char *explain_unescape_package (const char *name, size_t len);

/* The linker's stderr (or the compiler driver's), line by line.  */
struct explain_watch
{
  struct strvec undefined;	/* undefined symbols, not the C++ runtime's:
				   each once, sorted */
  size_t more;			/* past those kept */
  struct strvec pic;		/* a "recompile with -fPIC" line and the
				   ">>>" lines after it (lld) */
  bool pic_open;
  bool no_ld;			/* gcc: "cannot find 'ld'" */
  char *bad_linker;		/* clang: the -fuse-ld= value it does not
				   know */
};

void explain_watch_init (struct explain_watch *w);
void explain_watch_free (struct explain_watch *w);
void explain_watch_line (struct explain_watch *w, const char *line,
			 size_t len);

/* What the link was, for explain_watch_explain.  */
struct explain_link
{
  const struct inputs *ins;
  const char *cc;		/* the compiler driver's first word */
  const char *fuse_ld;		/* the -fuse-ld= value it was given, or
				   NULL */
  const char *output;
};

/* After a link that failed with STATUS: when the watched lines show an
   undefined symbol that a host object references, a non-PIC host object
   in a shared output, or a linker that is not there, ERR says so in the
   terms of packages and files (status STATUS), with what to do, and
   true.  The host objects are read again (explain_origins, and their
   undefined symbols); one that cannot be read is passed over.  */
bool explain_watch_explain (const struct explain_watch *w,
			    const struct explain_link *link, int status,
			    struct gl_error *err);

#endif
