/* Deterministic GNU ar archives: members from files or from an existing
   archive, a GNU symbol index computed with libelf, written with libarchive.  */
#ifndef GL_ARFILE_H
#define GL_ARFILE_H

#include <gelf.h>
#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "xalloc.h"

struct ar_member
{
  char *name;			/* member name (a file's base name) */
  const unsigned char *data;	/* contents; points into a mapping */
  size_t size;
  Elf *elf;			/* for the symbol index; NULL if not ELF */
  char *path;			/* where it came from, for messages */
  long long date;		/* its date, written when the set has dates */
};

struct ar_mapping
{
  void *addr;
  size_t size;
  Elf *elf;
  /* addr is ours, read into malloc'd memory or mapped; neither: it is the
     caller's image.  */
  bool read, mapped;
};

struct ar_set
{
  struct ar_member *v;
  size_t n, cap;
  struct ar_mapping *maps;	/* what the members point into */
  size_t nmaps, maps_cap;
  Elf **member_elfs;		/* libelf handles of archive members */
  size_t nmember_elfs;
  bool dates;			/* write each member's date (ar's U key);
				   else every date is 0 */
};

/* Add the file PATH as a member named after its base name.  */
int ar_set_add_file (struct ar_set *set, const char *path,
		     struct gl_error *err);
/* Add every member of the archive PATH (its symbol index is dropped).  */
int ar_set_add_archive (struct ar_set *set, const char *path,
			struct gl_error *err);
/* The same for the SIZE bytes at IMAGE, named PATH in messages.  IMAGE must
   be writable (libelf may convert it in place) and outlive SET.  */
int ar_set_add_archive_image (struct ar_set *set, const char *path,
			      void *image, size_t size, struct gl_error *err);
/* Index of the first member called NAME, or -1.  */
long ar_set_find (const struct ar_set *set, const char *name);
/* Replace member I by the last member added, which is removed from the end.  */
void ar_set_replace_with_last (struct ar_set *set, size_t i);
void ar_set_remove (struct ar_set *set, size_t i);
void ar_set_free (struct ar_set *set);

/* The date a member added from a file gets under ar's U key: the file's
   modification time, but no later than SOURCE_DATE_EPOCH when that is set
   (reproducible-builds.org's clamping).  A SOURCE_DATE_EPOCH that is not
   a number of seconds is an error.  */
int ar_member_date (const char *path, long long *date, struct gl_error *err);

/* Write SET to the open file FD as a GNU archive: zero dates (each
   member's date when SET->dates), zero uids and gids, mode 644,
   a symbol index ("/", or "/SYM64/" past 4 GiB) when INDEX, long names in
   "//".  PATH names FD in messages.  */
int ar_write (int fd, const char *path, const struct ar_set *set, bool index,
	      struct gl_error *err);

/* Write SET as the archive PATH: under a temporary name beside it, with
   the mode a new file gets, renamed into place when complete.  */
int ar_write_file (const char *path, const struct ar_set *set, bool index,
		   struct gl_error *err);

/* Call FN on every member of the archive AR (of SIZE bytes) but the symbol
   index and long-name table.  FN keeps the member's Elf (returns 1) or lets
   it be ended (0), or fails (-1).  A member header that does not parse, or
   bytes past the last member, are reported as damage.  */
typedef int ar_member_fn (Elf *member, const Elf_Arhdr *hdr, void *arg,
			  struct gl_error *err);
int ar_walk (Elf *ar, size_t size, const char *path, ar_member_fn *fn,
	     void *arg, struct gl_error *err);

/* The members of the thin archive PATH, whose SIZE bytes are at RAW:
   their names as the archive gives them, in NAMES, and the files they
   are, in FILES (relative to the archive's directory unless absolute).
   Neither libelf nor libarchive reads thin archives.  */
int ar_thin_members (const char *path, const char *raw, size_t size,
		     struct strvec *names, struct strvec *files,
		     struct gl_error *err);

#endif
