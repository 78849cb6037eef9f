/* Deterministic GNU ar archives: members from files or from an existing
   archive, a GNU symbol index computed with libelf, written with libarchive.  */
#include <config.h>

#include "arfile.h"
#include "output.h"
#include "xalloc.h"

#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define AR_MAGIC "!<arch>\n"
#define AR_THIN_MAGIC "!<thin>\n"
#define AR_HEADER_SIZE 60
/* Names longer than this go to the "//" table (15 + the '/' terminator).  */
#define AR_SHORT_NAME_MAX 15
/* Members smaller than this are read into memory, larger ones mapped.  */
#define AR_READ_MAX (1u << 20)

static struct ar_mapping *
push_mapping (struct ar_set *set, struct ar_mapping m)
{
  if (set->nmaps == set->maps_cap)
    {
      set->maps_cap = set->maps_cap ? 2 * set->maps_cap : 16;
      set->maps = xrealloc (set->maps, set->maps_cap * sizeof *set->maps);
    }
  set->maps[set->nmaps] = m;
  return &set->maps[set->nmaps++];
}

static int
map_file (struct ar_set *set, const char *path, struct ar_mapping **out,
	  struct gl_error *err)
{
  struct stat st;
  int fd = gl_open_regular (path, &st, err);
  if (fd < 0)
    return -1;
  struct ar_mapping m = { .addr = NULL, .size = (size_t) st.st_size };
  if (m.size > 0 && m.size < AR_READ_MAX)
    {
      /* Read, not mapped: a process may have only some 65 000 mappings
	 (vm.max_map_count), and an archive may have more members.  */
      m.addr = xmalloc (m.size);
      m.read = true;
      size_t done = 0;
      while (done < m.size)
	{
	  ssize_t got = pread (fd, (char *) m.addr + done, m.size - done,
			       (off_t) done);
	  if (got <= 0 && !(got < 0 && errno == EINTR))
	    {
	      if (got < 0)
		gl_error_errno (err, path, errno, "cannot read");
	      else
		gl_error_set (err, GL_EXIT_INPUT, path, NULL, "cannot read: "
			      "the file shrank while being read");
	      free (m.addr);
	      close (fd);
	      return -1;
	    }
	  if (got > 0)
	    done += (size_t) got;
	}
    }
  else if (m.size > 0)
    {
      /* Private and writable: libelf may convert in place, never the file.  */
      m.addr = mmap (NULL, m.size, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
      if (m.addr == MAP_FAILED)
	{
	  gl_error_errno (err, path, errno, "cannot map");
	  close (fd);
	  return -1;
	}
    }
  close (fd);
  m.mapped = m.addr != NULL && !m.read;
  *out = push_mapping (set, m);
  return 0;
}

static struct ar_member *
push_member (struct ar_set *set, const char *name, const void *data,
	     size_t size, Elf *elf, const char *path)
{
  if (set->n == set->cap)
    {
      set->cap = set->cap ? 2 * set->cap : 16;
      set->v = xrealloc (set->v, set->cap * sizeof *set->v);
    }
  struct ar_member *m = &set->v[set->n++];
  m->name = xstrdup (name);
  m->data = data ? data : (const unsigned char *) "";
  m->size = size;
  m->elf = elf;
  m->path = xstrdup (path);
  m->date = 0;
  return m;
}

int
ar_set_add_file (struct ar_set *set, const char *path, struct gl_error *err)
{
  struct ar_mapping *m;
  if (map_file (set, path, &m, err) != 0)
    return -1;
  if (m->size >= SELFMAG && memcmp (m->addr, ELFMAG, SELFMAG) == 0)
    {
      m->elf = elf_memory (m->addr, m->size);
      if (m->elf == NULL || elf_kind (m->elf) != ELF_K_ELF)
	return gl_error_libelf (err, path, NULL, "not a valid ELF file");
    }
  const char *base = strrchr (path, '/');
  base = base ? base + 1 : path;
  push_member (set, base, m->addr, m->size, m->elf, path);
  return 0;
}

/* The size a member header at OFF declares: libelf reports a truncated
   member's size as what is left, so truncation shows only here.  -1 when
   the header is not whole or does not parse.  */
static int
member_header_size (const char *raw, size_t size, size_t off, size_t *msize)
{
  if (off > size || size - off < AR_HEADER_SIZE
      || memcmp (raw + off + 58, "`\n", 2) != 0)
    return -1;
  const char *p = raw + off + 48, *end = p + 10;
  if (p == end || *p < '0' || *p > '9')
    return -1;
  size_t v = 0;
  for (; p < end && *p >= '0' && *p <= '9'; p++)
    v = v * 10 + (size_t) (*p - '0');
  for (; p < end; p++)
    if (*p != ' ')
      return -1;
  *msize = v;
  return 0;
}

/* The name in the member header at OFF ("name/", or "/N" into the
   long-name table LONG of NLONG bytes), or NULL when it cannot be told.  */
static char *
member_header_name (const char *raw, size_t off, const char *longnames,
		    size_t nlong)
{
  const char *f = raw + off;
  if (f[0] == '/' && f[1] >= '0' && f[1] <= '9')
    {
      size_t at = strtoul (f + 1, NULL, 10);
      if (longnames == NULL || at >= nlong)
	return NULL;
      size_t n = 0;
      while (at + n < nlong && longnames[at + n] != '\n')
	n++;
      if (n > 0 && longnames[at + n - 1] == '/')
	n--;
      return xstrndup (longnames + at, n);
    }
  size_t n = 0;
  while (n < 16 && f[n] != '/')
    n++;
  while (n > 0 && f[n - 1] == ' ')
    n--;
  return n > 0 ? xstrndup (f, n) : NULL;
}

/* What is wrong with the member header at OFF, where libelf stopped or
   could not be followed; LAST is the member before it, or NULL.  */
static void
bad_member (const char *raw, size_t size, size_t off, const char *last,
	    const char *longnames, size_t nlong, const char *path,
	    struct gl_error *err)
{
  size_t msize;
  char *name = NULL;
  if (size - off < AR_HEADER_SIZE)
    gl_error_damaged (err, path, NULL, "truncated: the member header at "
		      "offset %zu has only %zu of %d bytes", off, size - off,
		      AR_HEADER_SIZE);
  else if (member_header_size (raw, size, off, &msize) != 0
	   || (name = member_header_name (raw, off, longnames, nlong)) == NULL)
    gl_error_damaged (err, path, NULL, "damaged member header at offset "
		      "%zu%s%s", off, last ? ", after member " : "",
		      last ? last : "");
  else if (msize > size - off - AR_HEADER_SIZE)
    gl_error_damaged (err, path, name, "truncated: the member of %zu bytes "
		      "has only %zu", msize, size - off - AR_HEADER_SIZE);
  else
    gl_error_libelf (err, path, name, "cannot read the member");
  free (name);
}

int
ar_walk (Elf *ar, size_t size, const char *path, ar_member_fn *fn, void *arg,
	 struct gl_error *err)
{
  const char *raw = elf_rawfile (ar, NULL);
  const char *longnames = NULL;	/* the "//" table, for messages */
  size_t nlong = 0;
  char *last = NULL;		/* the last member read, for messages */
  size_t end = 8;		/* just past the magic */
  size_t msize;
  int rc = -1;
  Elf_Cmd cmd = ELF_C_READ_MMAP;
  while (end < size)
    {
      Elf *e = elf_begin (-1, cmd, ar);
      if (e == NULL)
	break;
      Elf_Arhdr *h = elf_getarhdr (e);
      int64_t off = elf_getaroff (e);
      if (h == NULL || off < 0 || raw == NULL || (size_t) off > size)
	{
	  gl_error_libelf (err, path, NULL, "damaged member header");
	  elf_end (e);
	  goto out;
	}
      bool special = h->ar_name[0] == '/'
	&& (h->ar_name[1] == '\0' || strcmp (h->ar_name, "//") == 0
	    || strcmp (h->ar_name, "/SYM64/") == 0);
      if (member_header_size (raw, size, (size_t) off, &msize) != 0
	  || (!special && msize > size - (size_t) off - AR_HEADER_SIZE))
	{
	  bad_member (raw, size, (size_t) off, last, longnames, nlong, path,
		      err);
	  elf_end (e);
	  goto out;
	}
      if (msize > size - (size_t) off - AR_HEADER_SIZE)
	{
	  gl_error_damaged (err, path, NULL, "truncated: the archive's %s of "
			    "%zu bytes has only %zu",
			    strcmp (h->ar_name, "//") == 0 ? "long-name table"
			    : "symbol index", msize,
			    size - (size_t) off - AR_HEADER_SIZE);
	  elf_end (e);
	  goto out;
	}
      end = (size_t) off + AR_HEADER_SIZE + msize;
      end += end & 1;
      if (strcmp (h->ar_name, "//") == 0)
	{
	  longnames = raw + off + AR_HEADER_SIZE;
	  nlong = msize;
	}
      int keep = 0;
      if (!special && (keep = fn (e, h, arg, err)) < 0)
	{
	  elf_end (e);
	  goto out;
	}
      if (!special)
	{
	  free (last);
	  last = xstrdup (h->ar_name);
	}
      cmd = elf_next (e);
      if (!keep)
	elf_end (e);
      if (cmd == ELF_C_NULL)
	break;
    }
  /* libelf stops quietly at a member it cannot parse: what is there?  A
     final odd byte is padding.  */
  if (end < size && end + 1 != size)
    {
      if (raw == NULL)
	gl_error_libelf (err, path, NULL, "cannot read");
      else
	bad_member (raw, size, end, last, longnames, nlong, path, err);
      goto out;
    }
  rc = 0;

out:
  free (last);
  return rc;
}

int
ar_thin_members (const char *path, const char *raw, size_t size,
		 struct strvec *names, struct strvec *files,
		 struct gl_error *err)
{
  const char *longnames = NULL;
  size_t nlong = 0;
  size_t off = 8;		/* just past the magic */
  char *dir = xstrdup (path);
  char *slash = strrchr (dir, '/');
  if (slash != NULL)
    slash[1] = '\0';
  else
    dir[0] = '\0';
  int rc = -1;
  while (off < size && !(off + 1 == size && raw[off] == '\n'))
    {
      size_t msize;
      char *name = NULL;
      if (size - off < AR_HEADER_SIZE)
	{
	  gl_error_damaged (err, path, NULL, "truncated: the member header "
			    "at offset %zu has only %zu of %d bytes", off,
			    size - off, AR_HEADER_SIZE);
	  goto out;
	}
      const char *f = raw + off;
      bool names_table = memcmp (f, "// ", 3) == 0;
      bool index = memcmp (f, "/ ", 2) == 0 || memcmp (f, "/SYM64/ ", 8) == 0;
      if (member_header_size (raw, size, off, &msize) != 0
	  || (!names_table && !index
	      && (name = member_header_name (raw, off, longnames,
					     nlong)) == NULL))
	{
	  gl_error_damaged (err, path, NULL, "damaged member header at "
			    "offset %zu%s%s", off,
			    names->n > 0 ? ", after member " : "",
			    names->n > 0 ? names->v[names->n - 1] : "");
	  goto out;
	}
      if (name != NULL)
	{
	  /* A member is only a header: its bytes are in the file it names.  */
	  strvec_push_own (files, name[0] == '/' ? xstrdup (name)
			   : xasprintf ("%s%s", dir, name));
	  strvec_push_own (names, name);
	  off += AR_HEADER_SIZE;
	  continue;
	}
      if (msize > size - off - AR_HEADER_SIZE)
	{
	  gl_error_damaged (err, path, NULL, "truncated: the archive's %s of "
			    "%zu bytes has only %zu",
			    names_table ? "long-name table" : "symbol index",
			    msize, size - off - AR_HEADER_SIZE);
	  goto out;
	}
      if (names_table)
	{
	  longnames = f + AR_HEADER_SIZE;
	  nlong = msize;
	}
      off += AR_HEADER_SIZE + msize + (msize & 1);
    }
  rc = 0;

out:
  free (dir);
  return rc;
}

struct add_state
{
  struct ar_set *set;
  const char *path;
};

static int
add_member (Elf *e, const Elf_Arhdr *h, void *arg, struct gl_error *err)
{
  struct add_state *st = arg;
  size_t size = 0;
  char *raw = elf_rawfile (e, &size);
  if (raw == NULL && h->ar_size > 0)
    return gl_error_libelf (err, st->path, h->ar_name,
			    "cannot read the member");
  char *where = xasprintf ("%s(%s)", st->path, h->ar_name);
  /* Its date is kept, for an archive rewritten with dates.  */
  push_member (st->set, h->ar_name, raw, h->ar_size,
	       elf_kind (e) == ELF_K_ELF ? e : NULL, where)->date = h->ar_date;
  free (where);
  /* Member handles stay open for the symbol index; ar_set_free ends them.  */
  struct ar_set *set = st->set;
  set->member_elfs = xrealloc (set->member_elfs, (set->nmember_elfs + 1)
			       * sizeof *set->member_elfs);
  set->member_elfs[set->nmember_elfs++] = e;
  return 1;
}

/* Add every member of the archive M holds, the contents of PATH.  */
static int
add_archive_members (struct ar_set *set, struct ar_mapping *m,
		     const char *path, struct gl_error *err)
{
  if (m->size < 8 || memcmp (m->addr, AR_MAGIC, 8) != 0)
    {
      bool thin = m->size >= 8 && memcmp (m->addr, AR_THIN_MAGIC, 8) == 0;
      gl_error_set (err, GL_EXIT_INPUT, path, NULL,
		    thin ? "is a thin archive, which gold-link-ar cannot update"
		    : "is not an archive");
      gl_error_note (err, thin ? "rebuild it as a normal archive"
		     : "remove it or name another archive");
      return -1;
    }
  m->elf = elf_memory (m->addr, m->size);
  if (m->elf == NULL || elf_kind (m->elf) != ELF_K_AR)
    return gl_error_libelf (err, path, NULL, "not a valid archive");
  struct add_state st = { set, path };
  return ar_walk (m->elf, m->size, path, add_member, &st, err);
}

int
ar_set_add_archive (struct ar_set *set, const char *path,
		    struct gl_error *err)
{
  struct ar_mapping *m;
  if (map_file (set, path, &m, err) != 0)
    return -1;
  return add_archive_members (set, m, path, err);
}

int
ar_set_add_archive_image (struct ar_set *set, const char *path, void *image,
			  size_t size, struct gl_error *err)
{
  struct ar_mapping m = { .addr = image, .size = size };
  return add_archive_members (set, push_mapping (set, m), path, err);
}

long
ar_set_find (const struct ar_set *set, const char *name)
{
  for (size_t i = 0; i < set->n; i++)
    if (strcmp (set->v[i].name, name) == 0)
      return (long) i;
  return -1;
}

static void
member_free (struct ar_member *m)
{
  free (m->name);
  free (m->path);
}

void
ar_set_replace_with_last (struct ar_set *set, size_t i)
{
  member_free (&set->v[i]);
  set->v[i] = set->v[--set->n];
}

void
ar_set_remove (struct ar_set *set, size_t i)
{
  member_free (&set->v[i]);
  memmove (&set->v[i], &set->v[i + 1], (set->n - i - 1) * sizeof *set->v);
  set->n--;
}

void
ar_set_free (struct ar_set *set)
{
  for (size_t i = 0; i < set->n; i++)
    member_free (&set->v[i]);
  free (set->v);
  /* Members before their archive: libelf wants children ended first.  */
  for (size_t i = set->nmember_elfs; i-- > 0;)
    elf_end (set->member_elfs[i]);
  free (set->member_elfs);
  for (size_t i = 0; i < set->nmaps; i++)
    {
      elf_end (set->maps[i].elf);
      if (set->maps[i].read)
	free (set->maps[i].addr);
      else if (set->maps[i].mapped)
	munmap (set->maps[i].addr, set->maps[i].size);
    }
  free (set->maps);
  memset (set, 0, sizeof *set);
}

/* The names GNU ar puts in the index for one member, in symbol table order:
   defined symbols that are global, weak or unique (commons included).  */
static int
collect_symbols (const struct ar_member *m, struct strvec *names,
		 struct gl_error *err)
{
  if (m->elf == NULL)
    return 0;
  GElf_Ehdr ehdr;
  if (gelf_getehdr (m->elf, &ehdr) == NULL || ehdr.e_type != ET_REL)
    return 0;
  Elf_Scn *scn = NULL;
  GElf_Shdr shdr;
  while ((scn = elf_nextscn (m->elf, scn)) != NULL)
    {
      if (gelf_getshdr (scn, &shdr) == NULL)
	goto unreadable;
      if (shdr.sh_type != SHT_SYMTAB)
	continue;
      Elf_Data *d = elf_getdata (scn, NULL);
      if (d == NULL)
	goto unreadable;
      size_t n = d->d_size / gelf_fsize (m->elf, ELF_T_SYM, 1, EV_CURRENT);
      for (size_t i = shdr.sh_info; i < n; i++)
	{
	  GElf_Sym sym;
	  if (gelf_getsym (d, (int) i, &sym) == NULL)
	    goto unreadable;
	  int bind = GELF_ST_BIND (sym.st_info);
	  int type = GELF_ST_TYPE (sym.st_info);
	  if ((bind != STB_GLOBAL && bind != STB_WEAK
	       && bind != STB_GNU_UNIQUE) || sym.st_shndx == SHN_UNDEF
	      || type == STT_SECTION || type == STT_FILE)
	    continue;
	  const char *name = elf_strptr (m->elf, shdr.sh_link, sym.st_name);
	  if (name == NULL)
	    goto unreadable;
	  if (name[0] != '\0')
	    strvec_push (names, name);
	}
      break;
    }
  return 0;

unreadable:
  return gl_error_libelf (err, m->path, NULL,
			  "cannot read the symbol table");
}

static void
put_be (unsigned char *p, uint64_t v, int width)
{
  for (int i = width - 1; i >= 0; i--, v >>= 8)
    p[i] = (unsigned char) v;
}

/* libarchive's own text for a failed write is "Write error": say what the
   system said (a full disk, a file size limit).  NAME: the member being
   written, or NULL.  */
static int
write_failed (struct archive *a, const char *path, const char *name,
	      struct gl_error *err)
{
  int e = archive_errno (a);
  const char *why = archive_error_string (a);
  char *what = name != NULL ? xasprintf ("cannot write %s", name)
    : xstrdup ("cannot write");
  if (e > 0)
    gl_error_errno (err, path, e, "%s", what);
  else
    gl_error_set (err, GL_EXIT_INPUT, path, NULL, "%s: %s", what,
		  why != NULL ? why : "unknown error");
  free (what);
  gl_error_note (err, "check the free space and permissions where it is "
		 "written (TMPDIR for gold-link's staging directory) and "
		 "the file size limit (ulimit -f)");
  return -1;
}

int
ar_member_date (const char *path, long long *date, struct gl_error *err)
{
  struct stat st;
  if (stat (path, &st) != 0)
    return gl_error_errno (err, path, errno, "cannot read the date of");
  *date = (long long) st.st_mtime;
  const char *epoch = getenv ("SOURCE_DATE_EPOCH");
  if (epoch == NULL || epoch[0] == '\0')
    return 0;
  char *end;
  errno = 0;
  long long clamp = strtoll (epoch, &end, 10);
  if (errno != 0 || *end != '\0' || epoch[0] < '0' || epoch[0] > '9')
    {
      gl_error_set (err, GL_EXIT_USAGE, NULL, NULL, "SOURCE_DATE_EPOCH=%s "
		    "is not a number of seconds since 1970", epoch);
      gl_error_note (err, "set it to a whole number such as $(git log -1 "
		     "--format=%%ct), or unset it");
      return -1;
    }
  if (*date > clamp)
    *date = clamp;
  return 0;
}

static int
write_entry (struct archive *a, const char *name, const void *data,
	     size_t size, long long date, int mode, const char *path,
	     struct gl_error *err)
{
  struct archive_entry *e = archive_entry_new ();
  archive_entry_set_pathname (e, name);
  archive_entry_set_size (e, (la_int64_t) size);
  archive_entry_set_mtime (e, (time_t) date, 0);
  archive_entry_set_uid (e, 0);
  archive_entry_set_gid (e, 0);
  archive_entry_set_mode (e, mode);
  int rc = archive_write_header (a, e);
  archive_entry_free (e);
  if (rc == ARCHIVE_OK && size > 0
      && archive_write_data (a, data, size) != (la_ssize_t) size)
    rc = ARCHIVE_FATAL;
  if (rc != ARCHIVE_OK)
    return write_failed (a, path, name, err);
  return 0;
}

int
ar_write (int fd, const char *path, const struct ar_set *set, bool index,
	  struct gl_error *err)
{
  int rc = -1;
  unsigned char *symtab = NULL;
  char *names = NULL;
  size_t *first_sym = xcalloc (set->n + 1, sizeof *first_sym);
  struct strvec syms = { 0 };
  strvec_init (&syms);

  /* The long-name table, GNU style: "name/\n" entries padded with '\n'.  */
  size_t names_size = 0;
  for (size_t i = 0; i < set->n; i++)
    if (strlen (set->v[i].name) > AR_SHORT_NAME_MAX)
      names_size += strlen (set->v[i].name) + 2;
  names = xmalloc (names_size + 2);
  size_t off = 0;
  for (size_t i = 0; i < set->n; i++)
    if (strlen (set->v[i].name) > AR_SHORT_NAME_MAX)
      off += (size_t) sprintf (names + off, "%s/\n", set->v[i].name);
  if (names_size & 1)
    names[names_size++] = '\n';

  /* Symbols per member, in member order.  */
  if (index)
    for (size_t i = 0; i < set->n; i++)
      {
	first_sym[i] = syms.n;
	if (collect_symbols (&set->v[i], &syms, err) != 0)
	  goto out;
      }
  first_sym[set->n] = syms.n;
  bool with_index = index && syms.n > 0;

  /* Lay out the members to learn their header offsets.  */
  size_t strings = 0;
  for (size_t i = 0; i < syms.n; i++)
    strings += strlen (syms.v[i]) + 1;
  int width = 4;
  size_t symtab_size = 0;
  uint64_t *offsets = xcalloc (set->n + 1, sizeof *offsets);
  for (int pass = 0; pass < 2; pass++)
    {
      symtab_size = with_index ? (size_t) width * (syms.n + 1) + strings : 0;
      symtab_size += symtab_size & 1;
      uint64_t pos = 8;
      if (with_index)
	pos += AR_HEADER_SIZE + symtab_size;
      if (names_size > 0)
	pos += AR_HEADER_SIZE + names_size;
      for (size_t i = 0; i < set->n; i++)
	{
	  offsets[i] = pos;
	  pos += AR_HEADER_SIZE + set->v[i].size + (set->v[i].size & 1);
	}
      if (set->n == 0 || offsets[set->n - 1] <= UINT32_MAX)
	break;
      width = 8;		/* GNU's /SYM64/ index */
    }

  if (with_index)
    {
      symtab = xcalloc (symtab_size, 1);
      put_be (symtab, syms.n, width);
      unsigned char *p = symtab + width;
      for (size_t i = 0; i < set->n; i++)
	for (size_t s = first_sym[i]; s < first_sym[i + 1]; s++, p += width)
	  put_be (p, offsets[i], width);
      for (size_t s = 0; s < syms.n; s++)
	{
	  size_t len = strlen (syms.v[s]) + 1;
	  memcpy (p, syms.v[s], len);
	  p += len;
	}
    }
  free (offsets);

  struct archive *a = archive_write_new ();
  if (archive_write_set_format_ar_svr4 (a) != ARCHIVE_OK
      /* Never pad to 10240-byte blocks: ar t would call that malformed.  */
      || archive_write_set_bytes_per_block (a, 0) != ARCHIVE_OK
      || archive_write_open_fd (a, fd) != ARCHIVE_OK)
    {
      write_failed (a, path, NULL, err);
      archive_write_free (a);
      goto out;
    }
  if (with_index
      && write_entry (a, width == 8 ? "/SYM64/" : "/", symtab, symtab_size,
		      0, 0, path, err) != 0)
    goto fail;
  if (names_size > 0
      && write_entry (a, "//", names, names_size, 0, 0, path, err) != 0)
    goto fail;
  for (size_t i = 0; i < set->n; i++)
    if (write_entry (a, set->v[i].name, set->v[i].data, set->v[i].size,
		     set->dates ? set->v[i].date : 0, AE_IFREG | 0644, path,
		     err) != 0)
      goto fail;
  if (archive_write_close (a) != ARCHIVE_OK)
    {
      write_failed (a, path, NULL, err);
      goto fail;
    }
  rc = 0;

fail:
  archive_write_free (a);
out:
  strvec_free (&syms);
  free (first_sym);
  free (symtab);
  free (names);
  return rc;
}

int
ar_write_file (const char *path, const struct ar_set *set, bool index,
	       struct gl_error *err)
{
  struct output out = { 0 };
  int fd = -1, rc = -1;
  if (output_begin (&out, path, true, err) != 0)
    goto out;
  /* The temporary file is new and empty: truncating it would only make
     ext4 flush it at close (its replace-by-truncate heuristic), which
     costs more than the write.  An output written in place is truncated.  */
  fd = open (out.tmp, O_WRONLY | O_CLOEXEC | (out.in_place ? O_TRUNC : 0));
  if (fd < 0)
    {
      gl_error_errno (err, out.tmp, errno, "cannot open");
      goto out;
    }
  if (ar_write (fd, path, set, index, err) != 0)
    goto out;
  /* mkstemp made it 0600; an archive gets what a new file would.  */
  mode_t mask = umask (0);
  umask (mask);
  if (!out.in_place)
    fchmod (fd, 0666 & ~mask);
  int closed = close (fd);
  fd = -1;
  if (closed != 0)
    {
      gl_error_errno (err, path, errno, "cannot write");
      goto out;
    }
  rc = output_commit (&out, err);

out:
  if (fd >= 0)
    close (fd);
  if (rc != 0)
    output_abort (&out);
  output_free (&out);
  return rc;
}
