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

  bool rela = shdr->sh_type == SHT_RELA;
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
    return gl_error_libelf (err, path, "cannot read the symbol table");
  Elf_Scn *strscn = elf_getscn (elf, symshdr->sh_link);
  Elf_Data *strdata = strscn ? elf_getdata (strscn, NULL) : NULL;
  if (strdata == NULL)
    return gl_error_libelf (err, path, "cannot read the symbol names");
  /* A SHT_NOBITS section has a size but no bytes.  */
  if (strdata->d_buf == NULL || strdata->d_size == 0)
    {
      gl_error_set (err, GL_EXIT_INPUT, path, NULL,
		    "the symbol name table is empty");
      gl_error_note (err, "the object is damaged; rebuild it");
      return -1;
    }
  s->strtab = strdata->d_buf;
  s->strtab_size = strdata->d_size;
  if (s->strtab[s->strtab_size - 1] != '\0')
    {
      gl_error_set (err, GL_EXIT_INPUT, path, NULL,
		    "the symbol name table is not NUL-terminated");
      gl_error_note (err, "the object is damaged; rebuild it");
      return -1;
    }
  s->nsyms = s->symdata->d_size / gelf_fsize (elf, ELF_T_SYM, 1, EV_CURRENT);
  s->symkind = xcalloc (s->nsyms + 1, 1);
  bool unused_undefined = false;

  for (size_t i = 1; i < s->nsyms; i++)
    {
      GElf_Sym sym;
      if (gelf_getsym (s->symdata, (int) i, &sym) == NULL)
	return gl_error_libelf (err, path, "cannot read a symbol");
      if (sym.st_name >= s->strtab_size)
	{
	  gl_error_set (err, GL_EXIT_INPUT, path, NULL,
			"symbol %zu has a name outside the name table", i);
	  gl_error_note (err, "the object is damaged; rebuild it");
	  return -1;
	}
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
      else if (strcmp (name, "go.plugin.tabs") == 0)
	g->plugin_tabs = true;
      else if (strcmp (name, "go.link.addmoduledata") == 0 && defined)
	g->addmoduledata = true;
      else if (strcmp (name, "x_cgo_init") == 0)
	g->cgo_init = true;
    }
  /* A -linkshared executable names the slot undefined; where the slot is
     runtime.tls_g, which only the runtime's assembly (in the library)
     touches, it names just the other symbol, undefined (arm64, ppc64le).  */
  g->slot_in_shlib = g->slot_symbols > 0 ? !g->slot_defined
    : unused_undefined;
  return 0;
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
    return gl_error_libelf (err, path, "cannot read the section headers");

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
  Elf_Scn *scn = NULL;
  GElf_Shdr shdr;
  while ((scn = elf_nextscn (elf, scn)) != NULL)
    {
      if (gelf_getshdr (scn, &shdr) == NULL)
	{
	  gl_error_libelf (err, path, "cannot read a section header");
	  goto out;
	}
      const char *name = section_name (elf, shstrndx, &shdr);
      if (strcmp (name, ".note.go.pkg-list") == 0)
	g->pkglist_note = true;
      else if (strcmp (name, ".note.go.abihash") == 0)
	g->abihash_note = true;
      else if (strncmp (name, ".data.rel.ro", 12) == 0)
	g->data_rel_ro = true;

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
	      gl_error_libelf (err, path, "cannot read relocations");
	      goto out;
	    }
	}
    }
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
  g->stray_tls_symbol = g->stray_target = NULL;
}
