/* What a Go object (go.o) says about itself: the evidence of its build mode
   and every TLS relocation it makes, gathered in one pass.  */
#include <config.h>

#include "goobj.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

/* What a symbol index means to the scan.  */
enum
{
  SYM_OTHER = 0,
  SYM_SLOT,			/* the Go TLS slot */
  SYM_UNUSED_TLS,		/* the second TLS symbol some arches carry */
  SYM_LIB_ENTRY			/* _rt0_<arch>_linux_lib */
};

static const char *
section_name (Elf *elf, size_t shstrndx, const GElf_Shdr *shdr)
{
  const char *name = elf_strptr (elf, shstrndx, shdr->sh_name);
  return name ? name : "";
}

static Elf_Scn *
find_symtab (Elf *elf, GElf_Shdr *shdr)
{
  Elf_Scn *scn = NULL;
  while ((scn = elf_nextscn (elf, scn)) != NULL)
    if (gelf_getshdr (scn, shdr) != NULL && shdr->sh_type == SHT_SYMTAB)
      return scn;
  return NULL;
}

bool
goobj_detect (Elf *elf, const struct gl_arch *arch)
{
  size_t shstrndx;
  if (elf_getshdrstrndx (elf, &shstrndx) != 0)
    return false;
  Elf_Scn *scn = NULL;
  GElf_Shdr shdr;
  while ((scn = elf_nextscn (elf, scn)) != NULL)
    {
      if (gelf_getshdr (scn, &shdr) == NULL)
	return false;
      const char *name = section_name (elf, shstrndx, &shdr);
      if (strcmp (name, ".note.go.buildid") == 0
	  || strcmp (name, ".note.go.pkg-list") == 0)
	return true;
    }
  /* Without the notes (a go.o linked with no -buildid), the slot decides.  */
  scn = find_symtab (elf, &shdr);
  if (scn == NULL || shdr.sh_entsize == 0)
    return false;
  Elf_Data *data = elf_getdata (scn, NULL);
  if (data == NULL)
    return false;
  size_t n = shdr.sh_size / shdr.sh_entsize;
  for (size_t i = 1; i < n; i++)
    {
      GElf_Sym sym;
      if (gelf_getsym (data, (int) i, &sym) == NULL)
	return false;
      const char *name = elf_strptr (elf, shdr.sh_link, sym.st_name);
      if (name != NULL && strcmp (name, arch->tls_slot) == 0)
	return true;
    }
  return false;
}

/* Per-type lookup: model of each relocation type, and its name.  */
struct tls_table
{
  unsigned char *model;
  const char **name;
  size_t size;
};

static void
tls_table_init (struct tls_table *t, const struct gl_arch *arch)
{
  unsigned max = 0;
  for (const struct gl_tls_reloc *r = arch->tls_relocs; r->name; r++)
    if (r->type > max)
      max = r->type;
  t->size = (size_t) max + 1;
  t->model = xcalloc (t->size, 1);
  t->name = xcalloc (t->size, sizeof *t->name);
  for (const struct gl_tls_reloc *r = arch->tls_relocs; r->name; r++)
    {
      t->model[r->type] = (unsigned char) r->model;
      t->name[r->type] = r->name;
    }
}

struct scan
{
  struct goobj *g;
  /* The plugin evidence under Go 1.20's names ("go:") and the older ones
     ("go."): which counts depends on the release that wrote go.o.  */
  bool plugin_tabs[2], addmoduledata[2];
  size_t build_version_sym;	/* runtime.buildVersion.str, or 0 */
  struct tls_table tls;
  unsigned char *symkind;	/* SYM_* per symbol index */
  size_t nsyms;
  Elf_Data *symdata;
  const char *strtab;
  size_t strtab_size;
};

static const char *
symbol_name (const struct scan *s, size_t index)
{
  GElf_Sym sym;
  if (index >= s->nsyms || gelf_getsym (s->symdata, (int) index, &sym) == NULL
      || sym.st_name >= s->strtab_size)
    return "?";
  return s->strtab + sym.st_name;
}

/* Account one relocation; INIT_ARRAY when it patches .init_array.  */
static inline void
scan_reloc (struct scan *s, unsigned type, size_t symi, bool init_array)
{
  struct goobj *g = s->g;
  unsigned char kind = symi < s->nsyms ? s->symkind[symi] : SYM_OTHER;
  if (init_array && kind == SYM_LIB_ENTRY)
    g->init_entries++;
  if (type >= s->tls.size || s->tls.model[type] == GL_TLS_NONE)
    return;
  enum gl_tls_model model = s->tls.model[type];
  const char *name = s->tls.name[type];
  if (model == GL_TLS_OTHER)
    {
      if (g->dynamic_count++ == 0)
	g->dynamic_type = name;
    }
  else if (kind != SYM_SLOT)
    {
      if (g->stray_count++ == 0)
	{
	  g->stray_type = name;
	  g->stray_target = xstrdup (symi == 0 ? "(no symbol)"
				     : symbol_name (s, symi));
	}
    }
  else if (model == GL_TLS_LE)
    {
      if (g->le_count++ == 0)
	g->le_type = name;
    }
  else if (g->ie_count++ == 0)
    g->ie_type = name;
}

/* Walk one SHT_REL/SHT_RELA section with the class's own types: go.o has
   hundreds of thousands of relocations and this is the hot loop.  */
static int
scan_relocs (struct scan *s, Elf *elf, Elf_Scn *scn, const GElf_Shdr *shdr,
	     bool init_array)
{
  bool rela = shdr->sh_type == SHT_RELA;
  if (s->g->arch->mips64_r_info)
    {
      /* r_info is a 32-bit symbol index, then the bytes ssym, type3, type2
	 and type.  libelf (0.188) converts it as one 64-bit number, wrong
	 for a little-endian file: read the file's own bytes.  Go writes
	 type2 and type3 as R_MIPS_NONE.  */
      Elf_Data *raw = elf_rawdata (scn, NULL);
      if (raw == NULL)
	return -1;
      const unsigned char *p = raw->d_buf;
      size_t size = rela ? 24 : 16;
      bool msb = s->g->arch->elfdata == ELFDATA2MSB;
      for (size_t off = 0; p != NULL && off + size <= raw->d_size;
	   off += size)
	{
	  const unsigned char *i = p + off + 8;
	  size_t sym = msb
	    ? (size_t) i[0] << 24 | i[1] << 16 | i[2] << 8 | i[3]
	    : (size_t) i[3] << 24 | i[2] << 16 | i[1] << 8 | i[0];
	  scan_reloc (s, i[7], sym, init_array);
	}
      return 0;
    }
  Elf_Data *d = elf_getdata (scn, NULL);
  if (d == NULL)
    return -1;
#define SCAN_ARRAY(TYPE, R_SYM, R_TYPE)					\
  do									\
    {									\
      const TYPE *r = d->d_buf;						\
      size_t n = d->d_size / sizeof *r;					\
      for (size_t i = 0; i < n; i++)					\
	scan_reloc (s, R_TYPE (r[i].r_info), R_SYM (r[i].r_info),	\
		    init_array);					\
    }									\
  while (0)

  if (gelf_getclass (elf) == ELFCLASS64)
    {
      if (rela)
	SCAN_ARRAY (Elf64_Rela, ELF64_R_SYM, ELF64_R_TYPE);
      else
	SCAN_ARRAY (Elf64_Rel, ELF64_R_SYM, ELF64_R_TYPE);
    }
  else if (rela)
    SCAN_ARRAY (Elf32_Rela, ELF32_R_SYM, ELF32_R_TYPE);
  else
    SCAN_ARRAY (Elf32_Rel, ELF32_R_SYM, ELF32_R_TYPE);
#undef SCAN_ARRAY
  return 0;
}

static int
scan_symbols (struct scan *s, Elf *elf, Elf_Scn *symscn,
	      const GElf_Shdr *symshdr, const char *path, struct gl_error *err)
{
  struct goobj *g = s->g;
  const struct gl_arch *arch = g->arch;
  s->symdata = elf_getdata (symscn, NULL);
  if (s->symdata == NULL)
    return gl_error_libelf (err, path, NULL, "cannot read the symbol table");
  Elf_Scn *strscn = elf_getscn (elf, symshdr->sh_link);
  Elf_Data *strdata = strscn ? elf_getdata (strscn, NULL) : NULL;
  if (strdata == NULL)
    return gl_error_libelf (err, path, NULL, "cannot read the symbol names");
  /* A SHT_NOBITS section has a size but no bytes.  */
  if (strdata->d_buf == NULL || strdata->d_size == 0)
    return gl_error_damaged (err, path, NULL,
			     "the symbol name table is empty");
  s->strtab = strdata->d_buf;
  s->strtab_size = strdata->d_size;
  if (s->strtab[s->strtab_size - 1] != '\0')
    return gl_error_damaged (err, path, NULL,
			     "the symbol name table is not NUL-terminated");
  s->nsyms = s->symdata->d_size / gelf_fsize (elf, ELF_T_SYM, 1, EV_CURRENT);
  s->symkind = xcalloc (s->nsyms + 1, 1);
  bool unused_undefined = false;

  for (size_t i = 1; i < s->nsyms; i++)
    {
      GElf_Sym sym;
      if (gelf_getsym (s->symdata, (int) i, &sym) == NULL)
	return gl_error_libelf (err, path, NULL, "cannot read a symbol");
      if (sym.st_name >= s->strtab_size)
	return gl_error_damaged (err, path, NULL, "symbol %zu has a name "
				 "outside the name table", i);
      const char *name = s->strtab + sym.st_name;
      bool defined = sym.st_shndx != SHN_UNDEF;
      if (strcmp (name, arch->tls_slot) == 0)
	{
	  s->symkind[i] = SYM_SLOT;
	  g->slot_symbols++;
	  g->slot_defined = g->slot_defined || defined;
	  g->slot_global = GELF_ST_BIND (sym.st_info) != STB_LOCAL;
	}
      else if (arch->tls_unused != NULL && strcmp (name, arch->tls_unused) == 0)
	{
	  s->symkind[i] = SYM_UNUSED_TLS;
	  unused_undefined = unused_undefined || !defined;
	}
      else if (GELF_ST_TYPE (sym.st_info) == STT_TLS && defined)
	{
	  if (g->stray_tls_symbol == NULL)
	    g->stray_tls_symbol = xstrdup (name);
	}
      else if (strcmp (name, arch->lib_entry) == 0 && defined)
	{
	  s->symkind[i] = SYM_LIB_ENTRY;
	  g->lib_entry = true;
	  g->lib_entry_sym = i;
	}
      else if (strncmp (name, "go", 2) == 0
	       && (name[2] == ':' || name[2] == '.'))
	{
	  bool renamed = name[2] == ':';
	  if (strcmp (name + 3, "plugin.tabs") == 0)
	    s->plugin_tabs[renamed] = true;
	  else if (strcmp (name + 3, "link.addmoduledata") == 0 && defined)
	    s->addmoduledata[renamed] = true;
	}
      else if (strcmp (name, "x_cgo_init") == 0)
	g->cgo_init = true;
      else if (strcmp (name, "runtime.buildVersion.str") == 0 && defined)
	s->build_version_sym = i;
    }
  /* A -linkshared executable names the slot undefined; where the slot is
     runtime.tls_g, which only the runtime's assembly (in the library)
     touches, it names just the other symbol, undefined (arm64, ppc64le).  */
  g->slot_in_shlib = g->slot_symbols > 0 ? !g->slot_defined
    : unused_undefined;
  return 0;
}

/* A uvarint as encoding/binary writes it; 0 bytes read on a bad one.  */
static size_t
read_uvarint (const unsigned char *p, size_t len, size_t *value)
{
  size_t v = 0;
  for (size_t i = 0; i < len && i < 9; i++)
    {
      v |= (size_t) (p[i] & 0x7f) << (7 * i);
      if ((p[i] & 0x80) == 0)
	{
	  *value = v;
	  return i + 1;
	}
    }
  return 0;
}

/* Go 1.18+ (runtime/debug's buildinfo, cmd/link's buildinfo()): a 32-byte
   header, "\xff Go buildinf:", the pointer size, flags with bit 1 set for
   inline strings, then the version as a uvarint length and its bytes.  */
char *
goobj_buildinfo_version (const unsigned char *buf, size_t len)
{
  static const char magic[] = "\xff Go buildinf:";
  if (buf == NULL || len < 33 || memcmp (buf, magic, 14) != 0
      || (buf[15] & 2) == 0)
    return NULL;
  size_t n;
  size_t used = read_uvarint (buf + 32, len - 32, &n);
  if (used == 0 || n == 0 || n > 256 || n > len - 32 - used)
    return NULL;
  return xstrndup ((const char *) buf + 32 + used, n);
}

/* runtime.buildVersion's bytes, "go1.19.8\0", for objects without
   .go.buildinfo (Go 1.19's -buildmode=shared).  */
static char *
symbol_version (Elf *elf, const GElf_Sym *sym)
{
  Elf_Scn *scn = elf_getscn (elf, sym->st_shndx);
  GElf_Shdr shdr;
  if (scn == NULL || gelf_getshdr (scn, &shdr) == NULL
      || shdr.sh_type == SHT_NOBITS)
    return NULL;
  Elf_Data *d = elf_rawdata (scn, NULL);
  if (d == NULL || d->d_buf == NULL || sym->st_value >= d->d_size
      || sym->st_size == 0 || sym->st_size > 256
      || sym->st_size > d->d_size - sym->st_value)
    return NULL;
  const char *v = (const char *) d->d_buf + sym->st_value;
  return xstrndup (v, strnlen (v, sym->st_size));
}

/* The DWARF producer of the first compilation unit, "Go cmd/compile
   go1.19.8; regabi": a Go 1.19 plugin has neither of the above.  Only the
   first 64 KiB are searched.  */
static char *
producer_version (const unsigned char *buf, size_t len)
{
  static const char key[] = "Go cmd/compile ";
  size_t window = len < 65536 ? len : 65536;
  const unsigned char *p = memmem (buf, window, key, sizeof key - 1);
  if (p == NULL)
    return NULL;
  const char *v = (const char *) p + sizeof key - 1;
  const char *end = (const char *) buf + len;
  size_t n = 0;
  while (v + n < end && v[n] != '\0' && v[n] != ';' && v[n] != ' ')
    n++;
  return n > 0 && n < 64 ? xstrndup (v, n) : NULL;
}

/* 26 for "go1.26.8", "go1.26rc1" or "go1.26.8 X:nodwarf5"; 0 otherwise.  */
static unsigned
release_minor (const char *version)
{
  if (version == NULL || strncmp (version, "go1.", 4) != 0)
    return 0;
  char *end;
  unsigned long minor = strtoul (version + 4, &end, 10);
  return end != version + 4 && minor < 1000 ? (unsigned) minor : 0;
}

bool
goobj_release_at_least (const struct goobj *g, unsigned minor)
{
  return g->go_minor != 0 && g->go_minor >= minor;
}

static const unsigned char *
section_bytes (Elf_Scn *scn, const GElf_Shdr *shdr, size_t *len)
{
  if (shdr->sh_type == SHT_NOBITS)
    return NULL;
  Elf_Data *d = elf_rawdata (scn, NULL);
  if (d == NULL || d->d_buf == NULL)
    return NULL;
  *len = d->d_size;
  return d->d_buf;
}

int
goobj_scan (Elf *elf, const char *path, const struct gl_arch *arch,
	    struct goobj *g, struct gl_error *err)
{
  memset (g, 0, sizeof *g);
  g->arch = arch;
  struct scan s = { .g = g };
  int rc = -1;
  size_t shstrndx, shnum;
  if (elf_getshdrstrndx (elf, &shstrndx) != 0
      || elf_getshdrnum (elf, &shnum) != 0)
    return gl_error_libelf (err, path, NULL,
			    "cannot read the section headers");

  GElf_Shdr symshdr;
  Elf_Scn *symscn = find_symtab (elf, &symshdr);
  if (symscn == NULL)
    {
      gl_error_set (err, GL_EXIT_INPUT, path, NULL, "has no symbol table");
      gl_error_note (err, "gold-link needs go.o as cmd/link writes it; "
		     "do not strip it");
      return -1;
    }
  size_t symtab_index = elf_ndxscn (symscn);
  if (scan_symbols (&s, elf, symscn, &symshdr, path, err) != 0)
    goto out;

  tls_table_init (&s.tls, arch);
  Elf_Scn *scn = NULL, *debug_info = NULL;
  GElf_Shdr shdr;
  while ((scn = elf_nextscn (elf, scn)) != NULL)
    {
      if (gelf_getshdr (scn, &shdr) == NULL)
	{
	  gl_error_libelf (err, path, NULL, "cannot read a section header");
	  goto out;
	}
      const char *name = section_name (elf, shstrndx, &shdr);
      if (strcmp (name, ".note.go.pkg-list") == 0)
	g->pkglist_note = true;
      else if (strcmp (name, ".note.go.abihash") == 0)
	g->abihash_note = true;
      else if (strncmp (name, ".data.rel.ro", 12) == 0)
	g->data_rel_ro = true;
      else if (strcmp (name, ".go.fipsinfo") == 0)
	g->fipsinfo = true;
      else if (strcmp (name, ".go.buildinfo") == 0 && g->go_version == NULL)
	{
	  size_t len = 0;
	  const unsigned char *b = section_bytes (scn, &shdr, &len);
	  g->go_version = goobj_buildinfo_version (b, len);
	}
      else if (strcmp (name, ".debug_info") == 0)
	debug_info = scn;

      if ((shdr.sh_type == SHT_RELA || shdr.sh_type == SHT_REL)
	  && shdr.sh_link == symtab_index)
	{
	  bool init_array = false;
	  GElf_Shdr target;
	  Elf_Scn *tscn = shdr.sh_info < shnum ? elf_getscn (elf, shdr.sh_info)
	    : NULL;
	  if (tscn != NULL && gelf_getshdr (tscn, &target) != NULL)
	    init_array = target.sh_type == SHT_INIT_ARRAY;
	  if (scan_relocs (&s, elf, scn, &shdr, init_array) != 0)
	    {
	      gl_error_libelf (err, path, NULL, "cannot read relocations");
	      goto out;
	    }
	}
    }
  if (g->go_version == NULL && s.build_version_sym != 0)
    {
      GElf_Sym sym;
      if (gelf_getsym (s.symdata, (int) s.build_version_sym, &sym) != NULL)
	g->go_version = symbol_version (elf, &sym);
    }
  if (g->go_version == NULL && debug_info != NULL
      && gelf_getshdr (debug_info, &shdr) != NULL)
    {
      size_t len = 0;
      const unsigned char *b = section_bytes (debug_info, &shdr, &len);
      if (b != NULL)
	g->go_version = producer_version (b, len);
    }
  g->go_minor = release_minor (g->go_version);
  /* Go 1.20 renamed the linker's symbols from "go." to "go:"; an object
     of unknown release may have either.  */
  bool renamed = goobj_release_at_least (g, 20);
  bool unknown = g->go_minor == 0;
  g->plugin_tabs = s.plugin_tabs[renamed] || (unknown && s.plugin_tabs[1]);
  g->addmoduledata = s.addmoduledata[renamed]
    || (unknown && s.addmoduledata[1]);
  rc = 0;

out:
  free (s.tls.model);
  free (s.tls.name);
  free (s.symkind);
  /* The caller frees G only after a success.  */
  if (rc != 0)
    goobj_free (g);
  return rc;
}

void
goobj_free (struct goobj *g)
{
  free (g->stray_tls_symbol);
  free (g->stray_target);
  free (g->go_version);
  g->stray_tls_symbol = g->stray_target = g->go_version = NULL;
}
