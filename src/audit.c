/* The audit of a linked output: kind, Go release and build IDs, the Go TLS
   slot, the dynamic section's flags and names, the stack and RELRO, and
   the findings a packager must act on, from the ELF file alone.  */
#include <config.h>

#include "audit.h"
#include "goobj.h"

#include <errno.h>
#include <gelf.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/* The Go notes: name "Go", these types (cmd/link's ELF notes).  */
enum
{
  GO_NOTE_PKGLIST = 1,
  GO_NOTE_ABIHASH = 2,
  GO_NOTE_BUILDID = 4
};

/* What the scan gathers before the report is judged.  */
struct scan
{
  Elf *elf;
  const char *path;
  struct audit_report *r;
  GElf_Ehdr ehdr;
  size_t shstrndx;
  bool interp, dynamic, go_notes, plugin_tabs[2], runtime_symbols;
  bool pie_flag;			/* DF_1_PIE */
  uint64_t dt_flags, dt_flags_1;
  bool relro_segment;
  /* The slot and the library entry, as symbols.  */
  bool slot_seen, slot_undefined, slot_global;
  uint64_t slot_value;
  bool entry_seen;
  uint64_t entry_value;
  bool symtab;				/* a .symtab was read */
  bool le_dynamic;			/* a dynamic relocation of local-exec
					   TLS: code patched at load time */
  bool ie_dynamic;			/* a TPOFF relocation of a GOT entry */
  struct load
  {
    uint64_t vaddr, memsz;
    bool writable;
  } *loads;				/* the PT_LOAD segments */
  size_t nloads;
  uint64_t init_array_addr, init_array_size;
  Elf_Scn *init_array;
  uint64_t *init_values;		/* each .init_array word's value */
  size_t ninit_values;
  uint64_t version_addr, version_size;	/* runtime.buildVersion.str */
  size_t version_shndx;
};

static void finding (struct audit_report *r, enum audit_severity severity,
		     const char *code, const char *fmt, ...)
  __attribute__ ((format (printf, 4, 5)));

static void
finding (struct audit_report *r, enum audit_severity severity,
	 const char *code, const char *fmt, ...)
{
  r->findings = xrealloc (r->findings,
			  (r->nfindings + 1) * sizeof *r->findings);
  struct audit_finding *f = &r->findings[r->nfindings++];
  f->severity = severity;
  f->code = code;
  va_list ap;
  va_start (ap, fmt);
  f->message = xvasprintf (fmt, ap);
  va_end (ap);
}

static const char *
section_name (const struct scan *s, const GElf_Shdr *shdr)
{
  const char *name = elf_strptr (s->elf, s->shstrndx, shdr->sh_name);
  return name ? name : "";
}

/* The bytes of a section that has them, or NULL.  */
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

static char *
hex (const unsigned char *p, size_t n)
{
  char *out = xmalloc (2 * n + 1);
  for (size_t i = 0; i < n; i++)
    {
      static const char digits[] = "0123456789abcdef";
      out[2 * i] = digits[p[i] >> 4];
      out[2 * i + 1] = digits[p[i] & 15];
    }
  out[2 * n] = '\0';
  return out;
}

/* The notes in DATA (ELF_T_NHDR): the GNU build ID, Go's build ID and
   the Go shared library's notes.  IN_SEGMENT: DATA is a PT_NOTE.  */
static void
scan_notes (struct scan *s, Elf_Data *data, bool in_segment)
{
  struct audit_report *r = s->r;
  size_t off = 0, next;
  GElf_Nhdr nhdr;
  size_t name_off, desc_off;
  while (off < data->d_size
	 && (next = gelf_getnote (data, off, &nhdr, &name_off, &desc_off)) > 0)
    {
      const char *name = (const char *) data->d_buf + name_off;
      const unsigned char *desc = (const unsigned char *) data->d_buf
	+ desc_off;
      off = next;
      if (nhdr.n_namesz == 4 && memcmp (name, "GNU", 4) == 0
	  && nhdr.n_type == NT_GNU_BUILD_ID && r->gnu_buildid == NULL
	  && nhdr.n_descsz > 0)
	r->gnu_buildid = hex (desc, nhdr.n_descsz);
      /* cmd/link writes the name "Go\0\0".  */
      else if ((nhdr.n_namesz == 4 || nhdr.n_namesz == 3)
	       && memcmp (name, "Go", 3) == 0)
	{
	  if (nhdr.n_type == GO_NOTE_BUILDID)
	    {
	      if (in_segment)
		r->go_buildid_in_note = true;
	      if (r->go_buildid == NULL)
		r->go_buildid = xstrndup ((const char *) desc,
					  strnlen ((const char *) desc,
						   nhdr.n_descsz));
	    }
	  else if (nhdr.n_type == GO_NOTE_PKGLIST
		   || nhdr.n_type == GO_NOTE_ABIHASH)
	    s->go_notes = true;
	}
    }
}

/* The header tables, each segment's and each section's bytes must lie in
   the file: libelf acts as if a table that does not fit were absent, and
   reads a section's bytes only when asked.  */
static int
check_layout (struct scan *s, struct gl_error *err)
{
  const GElf_Ehdr *e = &s->ehdr;
  size_t size = 0;
  if (elf_rawfile (s->elf, &size) == NULL)
    return gl_error_libelf (err, s->path, NULL, "cannot read");
  size_t phent = gelf_fsize (s->elf, ELF_T_PHDR, 1, EV_CURRENT);
  size_t shent = gelf_fsize (s->elf, ELF_T_SHDR, 1, EV_CURRENT);
  if (e->e_phnum != 0
      && (e->e_phentsize != phent || e->e_phoff > size
	  || e->e_phnum > (size - e->e_phoff) / phent))
    return gl_error_damaged (err, s->path, NULL, "the program header table "
			     "(%u entries of %u bytes at offset %llu) does "
			     "not fit in the file (%zu bytes)",
			     (unsigned) e->e_phnum, (unsigned) e->e_phentsize,
			     (unsigned long long) e->e_phoff, size);
  if (e->e_shoff != 0
      && (e->e_shentsize != shent || e->e_shoff > size
	  || (e->e_shnum == 0 && size - e->e_shoff < shent)
	  || e->e_shnum > (size - e->e_shoff) / shent))
    return gl_error_damaged (err, s->path, NULL, "the section header table "
			     "(%u entries of %u bytes at offset %llu) does "
			     "not fit in the file (%zu bytes)",
			     (unsigned) e->e_shnum, (unsigned) e->e_shentsize,
			     (unsigned long long) e->e_shoff, size);
  size_t shnum = 0;
  if (elf_getshdrnum (s->elf, &shnum) != 0)
    return gl_error_libelf (err, s->path, NULL,
			    "cannot read the section headers");
  if (e->e_shoff != 0 && shnum > (size - e->e_shoff) / shent)
    return gl_error_damaged (err, s->path, NULL, "the section header table "
			     "(%zu entries, the count in its first entry) "
			     "does not fit in the file (%zu bytes)", shnum,
			     size);
  size_t phnum = 0;
  if (elf_getphdrnum (s->elf, &phnum) != 0)
    return gl_error_libelf (err, s->path, NULL,
			    "cannot read the program headers");
  for (size_t i = 0; i < phnum; i++)
    {
      GElf_Phdr ph;
      if (gelf_getphdr (s->elf, (int) i, &ph) == NULL)
	return gl_error_libelf (err, s->path, NULL,
				"cannot read program header %zu", i);
      if (ph.p_offset > size || ph.p_filesz > size - ph.p_offset)
	return gl_error_damaged (err, s->path, NULL, "segment %zu (%llu "
				 "bytes at offset %llu) ends past the end of "
				 "the file (%zu bytes)", i,
				 (unsigned long long) ph.p_filesz,
				 (unsigned long long) ph.p_offset, size);
    }
  Elf_Scn *scn = NULL;
  while ((scn = elf_nextscn (s->elf, scn)) != NULL)
    {
      GElf_Shdr sh;
      if (gelf_getshdr (scn, &sh) == NULL)
	return gl_error_libelf (err, s->path, NULL,
				"cannot read a section header");
      if (sh.sh_type != SHT_NOBITS && sh.sh_type != SHT_NULL
	  && (sh.sh_offset > size || sh.sh_size > size - sh.sh_offset))
	return gl_error_damaged (err, s->path, NULL, "section %zu (%llu "
				 "bytes at offset %llu) ends past the end of "
				 "the file (%zu bytes)", elf_ndxscn (scn),
				 (unsigned long long) sh.sh_size,
				 (unsigned long long) sh.sh_offset, size);
    }
  return 0;
}

static int
scan_segments (struct scan *s, struct gl_error *err)
{
  struct audit_report *r = s->r;
  size_t phnum;
  if (elf_getphdrnum (s->elf, &phnum) != 0)
    return gl_error_libelf (err, s->path, NULL,
			    "cannot read the program headers");
  if (phnum == 0)
    {
      gl_error_set (err, GL_EXIT_INPUT, s->path, NULL, "has no program "
		    "headers: not a linked executable or shared library");
      gl_error_note (err, "audit the output of a link, not an object file");
      return -1;
    }
  for (size_t i = 0; i < phnum; i++)
    {
      GElf_Phdr ph;
      if (gelf_getphdr (s->elf, (int) i, &ph) == NULL)
	return gl_error_libelf (err, s->path, NULL,
				"cannot read program header %zu", i);
      switch (ph.p_type)
	{
	case PT_INTERP:
	  s->interp = true;
	  break;
	case PT_LOAD:
	  s->loads = xrealloc (s->loads, (s->nloads + 1) * sizeof *s->loads);
	  s->loads[s->nloads++] = (struct load) {
	    ph.p_vaddr, ph.p_memsz, (ph.p_flags & PF_W) != 0 };
	  break;
	case PT_DYNAMIC:
	  s->dynamic = true;
	  break;
	case PT_TLS:
	  r->tls_segment = true;
	  r->tls_memsz = ph.p_memsz;
	  r->tls_align = ph.p_align;
	  break;
	case PT_GNU_STACK:
	  r->gnu_stack = true;
	  r->execstack = (ph.p_flags & PF_X) != 0;
	  break;
	case PT_GNU_RELRO:
	  s->relro_segment = true;
	  break;
	case PT_NOTE:
	  {
	    Elf_Data *d = elf_getdata_rawchunk (s->elf, (int64_t) ph.p_offset,
						ph.p_filesz,
						ph.p_align == 8 ? ELF_T_NHDR8
						: ELF_T_NHDR);
	    if (d == NULL)
	      return gl_error_libelf (err, s->path, NULL, "cannot read the "
				      "notes of program header %zu", i);
	    scan_notes (s, d, true);
	  }
	  break;
	}
    }
  if (!r->gnu_stack)
    r->execstack = true;
  return 0;
}

/* DT_* entries of the dynamic section SCN, its names from section LINK.  */
static int
scan_dynamic (struct scan *s, Elf_Scn *scn, const GElf_Shdr *shdr,
	      struct gl_error *err)
{
  struct audit_report *r = s->r;
  Elf_Data *d = elf_getdata (scn, NULL);
  if (d == NULL)
    return gl_error_libelf (err, s->path, NULL,
			    "cannot read the dynamic section");
  size_t entsize = gelf_fsize (s->elf, ELF_T_DYN, 1, EV_CURRENT);
  size_t n = entsize ? d->d_size / entsize : 0;
  for (size_t i = 0; i < n; i++)
    {
      GElf_Dyn dyn;
      if (gelf_getdyn (d, (int) i, &dyn) == NULL)
	return gl_error_libelf (err, s->path, NULL,
				"cannot read dynamic entry %zu", i);
      if (dyn.d_tag == DT_NULL)
	break;
      const char *str = NULL;
      if (dyn.d_tag == DT_NEEDED || dyn.d_tag == DT_SONAME
	  || dyn.d_tag == DT_RPATH || dyn.d_tag == DT_RUNPATH)
	{
	  str = elf_strptr (s->elf, shdr->sh_link, dyn.d_un.d_val);
	  if (str == NULL)
	    return gl_error_damaged (err, s->path, NULL, "dynamic entry %zu "
				     "names a string outside the dynamic "
				     "string table", i);
	}
      switch (dyn.d_tag)
	{
	case DT_NEEDED:
	  strvec_push (&r->needed, str);
	  break;
	case DT_SONAME:
	  free (r->soname);
	  r->soname = xstrdup (str);
	  break;
	case DT_RPATH:
	  free (r->rpath);
	  r->rpath = xstrdup (str);
	  break;
	case DT_RUNPATH:
	  free (r->runpath);
	  r->runpath = xstrdup (str);
	  break;
	case DT_TEXTREL:
	  r->textrel = true;
	  break;
	case DT_BIND_NOW:
	  r->bind_now = true;
	  break;
	case DT_FLAGS:
	  s->dt_flags |= dyn.d_un.d_val;
	  break;
	case DT_FLAGS_1:
	  s->dt_flags_1 |= dyn.d_un.d_val;
	  break;
	}
    }
  return 0;
}

/* The symbols the audit looks for, in .symtab or .dynsym.  */
static int
scan_symbols (struct scan *s, Elf_Scn *scn, const GElf_Shdr *shdr,
	      struct gl_error *err)
{
  struct audit_report *r = s->r;
  const struct gl_arch *arch = r->arch;
  Elf_Data *d = elf_getdata (scn, NULL);
  if (d == NULL)
    return gl_error_libelf (err, s->path, NULL,
			    "cannot read the symbol table");
  size_t entsize = gelf_fsize (s->elf, ELF_T_SYM, 1, EV_CURRENT);
  size_t n = entsize ? d->d_size / entsize : 0;
  for (size_t i = 1; i < n; i++)
    {
      GElf_Sym sym;
      if (gelf_getsym (d, (int) i, &sym) == NULL)
	return gl_error_libelf (err, s->path, NULL, "cannot read a symbol");
      const char *name = elf_strptr (s->elf, shdr->sh_link, sym.st_name);
      if (name == NULL)
	return gl_error_damaged (err, s->path, NULL, "symbol %zu has a name "
				 "outside the name table", i);
      bool defined = sym.st_shndx != SHN_UNDEF;
      if (strcmp (name, arch->tls_slot) == 0
	  || (arch->tls_unused != NULL && !defined
	      && strcmp (name, arch->tls_unused) == 0))
	{
	  /* A -linkshared executable names the slot undefined (where the
	     slot is runtime.tls_g, only the other one).  */
	  if (defined && GELF_ST_TYPE (sym.st_info) == STT_TLS)
	    {
	      s->slot_seen = true;
	      s->slot_value = sym.st_value;
	      s->slot_global = GELF_ST_BIND (sym.st_info) != STB_LOCAL;
	    }
	  else if (!defined)
	    s->slot_undefined = true;
	}
      else if (strcmp (name, arch->lib_entry) == 0 && defined)
	{
	  s->entry_seen = true;
	  s->entry_value = sym.st_value;
	}
      else if (strcmp (name, "x_cgo_init") == 0)
	r->cgo = AUDIT_YES;
      else if (strncmp (name, "go", 2) == 0 && (name[2] == ':'
						|| name[2] == '.')
	       && strcmp (name + 3, "plugin.tabs") == 0)
	s->plugin_tabs[name[2] == ':'] = true;
      else if (strcmp (name, "runtime.buildVersion.str") == 0 && defined
	       && sym.st_size > 0)
	{
	  s->version_addr = sym.st_value;
	  s->version_size = sym.st_size;
	  s->version_shndx = sym.st_shndx;
	}
      else if (strncmp (name, "runtime.", 8) == 0)
	s->runtime_symbols = true;
    }
  return 0;
}

/* Is ADDR in a PT_LOAD segment that is not writable (code, read-only
   data)?  */
static bool
in_readonly_segment (const struct scan *s, uint64_t addr)
{
  for (size_t i = 0; i < s->nloads; i++)
    if (addr >= s->loads[i].vaddr
	&& addr - s->loads[i].vaddr < s->loads[i].memsz)
      return !s->loads[i].writable;
  return false;
}

/* Dynamic relocations: local-exec TLS patched into code at load time (a
   shared object built from non-PIC TLS code), and initial-exec GOT
   entries.  MIPS64's r_info layout is not libelf's; MIPS has no shared
   Go outputs, and TEXTREL is read from the dynamic section anyway.  */
static int
scan_dynamic_relocs (struct scan *s, Elf_Scn *scn, const GElf_Shdr *shdr,
		     struct gl_error *err)
{
  const struct gl_arch *arch = s->r->arch;
  if (arch->mips64_r_info)
    return 0;
  Elf_Data *d = elf_getdata (scn, NULL);
  if (d == NULL)
    return gl_error_libelf (err, s->path, NULL,
			    "cannot read dynamic relocations");
  bool rela = shdr->sh_type == SHT_RELA;
  size_t entsize = gelf_fsize (s->elf, rela ? ELF_T_RELA : ELF_T_REL, 1,
			       EV_CURRENT);
  size_t n = entsize ? d->d_size / entsize : 0;
  for (size_t i = 0; i < n; i++)
    {
      GElf_Rela rel;
      if (rela)
	{
	  if (gelf_getrela (d, (int) i, &rel) == NULL)
	    return gl_error_libelf (err, s->path, NULL,
				    "cannot read a dynamic relocation");
	}
      else
	{
	  GElf_Rel r;
	  if (gelf_getrel (d, (int) i, &r) == NULL)
	    return gl_error_libelf (err, s->path, NULL,
				    "cannot read a dynamic relocation");
	  rel.r_offset = r.r_offset;
	  rel.r_info = r.r_info;
	  rel.r_addend = 0;
	}
      unsigned type = s->ehdr.e_ident[EI_CLASS] == ELFCLASS64
	? (unsigned) GELF_R_TYPE (rel.r_info)
	: (unsigned) ELF32_R_TYPE ((Elf32_Word) rel.r_info);
      /* A thread-pointer offset written by the loader: into a GOT entry
	 (initial-exec), or into code, which is local-exec TLS.  */
      bool tls = type == arch->tls_dyn_ie;
      for (const struct gl_tls_reloc *t = arch->tls_relocs;
	   !tls && t->name; t++)
	tls = t->type == type;
      if (tls && in_readonly_segment (s, rel.r_offset))
	s->le_dynamic = true;
      else if (tls)
	s->ie_dynamic = true;
      /* .init_array filled at load time: a RELA addend is the value.  */
      size_t w = s->ehdr.e_ident[EI_CLASS] == ELFCLASS64 ? 8 : 4;
      if (rela && rel.r_offset >= s->init_array_addr
	  && (rel.r_offset - s->init_array_addr) / w < s->ninit_values)
	s->init_values[(rel.r_offset - s->init_array_addr) / w]
	  = (uint64_t) rel.r_addend;
    }
  return 0;
}

/* .init_array's words as the file holds them (REL, RELR and linkers that
   write RELA addends in place too), before the relocations say more.  */
static void
read_init_array (struct scan *s)
{
  GElf_Shdr shdr;
  size_t len = 0;
  if (s->init_array == NULL || gelf_getshdr (s->init_array, &shdr) == NULL)
    return;
  const unsigned char *p = section_bytes (s->init_array, &shdr, &len);
  if (p == NULL)
    return;
  bool is64 = s->ehdr.e_ident[EI_CLASS] == ELFCLASS64;
  bool msb = s->ehdr.e_ident[EI_DATA] == ELFDATA2MSB;
  size_t w = is64 ? 8 : 4;
  s->ninit_values = len / w;
  s->init_values = xcalloc (s->ninit_values + 1, sizeof *s->init_values);
  for (size_t i = 0; i < s->ninit_values; i++)
    {
      uint64_t v = 0;
      for (size_t b = 0; b < w; b++)
	v = v << 8 | p[i * w + (msb ? b : w - 1 - b)];
      s->init_values[i] = v;
    }
}

/* How many .init_array entries run the library entry.  */
static void
count_init_entries (struct scan *s)
{
  if (!s->entry_seen)
    return;
  for (size_t i = 0; i < s->ninit_values; i++)
    if (s->init_values[i] == s->entry_value)
      s->r->init_entries++;
}

/* runtime.buildVersion's bytes, for outputs without .go.buildinfo (Go
   1.19's shared libraries).  */
static char *
symbol_version (struct scan *s)
{
  Elf_Scn *scn = elf_getscn (s->elf, s->version_shndx);
  GElf_Shdr shdr;
  size_t len = 0;
  if (scn == NULL || gelf_getshdr (scn, &shdr) == NULL
      || s->version_addr < shdr.sh_addr || s->version_size > 256)
    return NULL;
  const unsigned char *p = section_bytes (scn, &shdr, &len);
  uint64_t off = s->version_addr - shdr.sh_addr;
  if (p == NULL || off >= len || s->version_size > len - off)
    return NULL;
  const char *v = (const char *) p + off;
  size_t n = strnlen (v, s->version_size);
  return n > 0 ? xstrndup (v, n) : NULL;
}

static int
scan_sections (struct scan *s, struct gl_error *err)
{
  struct audit_report *r = s->r;
  size_t shnum;
  if (elf_getshdrnum (s->elf, &shnum) != 0)
    return gl_error_libelf (err, s->path, NULL,
			    "cannot read the section headers");
  if (shnum == 0)
    return 0;
  if (elf_getshdrstrndx (s->elf, &s->shstrndx) != 0)
    return gl_error_libelf (err, s->path, NULL,
			    "cannot read the section names");
  Elf_Scn *scn = NULL, *symtab = NULL, *dynsym = NULL, *dynamic = NULL;
  GElf_Shdr shdr, symtab_shdr = { 0 }, dynsym_shdr = { 0 };
  GElf_Shdr dynamic_shdr = { 0 };
  while ((scn = elf_nextscn (s->elf, scn)) != NULL)
    {
      if (gelf_getshdr (scn, &shdr) == NULL)
	return gl_error_libelf (err, s->path, NULL,
				"cannot read a section header");
      const char *name = section_name (s, &shdr);
      if (shdr.sh_type == SHT_SYMTAB && symtab == NULL)
	symtab = scn, symtab_shdr = shdr;
      else if (shdr.sh_type == SHT_DYNSYM && dynsym == NULL)
	dynsym = scn, dynsym_shdr = shdr;
      else if (shdr.sh_type == SHT_DYNAMIC && dynamic == NULL)
	dynamic = scn, dynamic_shdr = shdr;
      else if (shdr.sh_type == SHT_INIT_ARRAY && s->init_array == NULL)
	{
	  s->init_array = scn;
	  s->init_array_addr = shdr.sh_addr;
	  s->init_array_size = shdr.sh_size;
	}
      else if (shdr.sh_type == SHT_NOTE)
	{
	  /* The notes of sections outside any PT_NOTE.  */
	  Elf_Data *d = elf_getdata (scn, NULL);
	  if (d == NULL)
	    return gl_error_libelf (err, s->path, NULL,
				    "cannot read the notes of %s", name);
	  if (d->d_type == ELF_T_NHDR || d->d_type == ELF_T_NHDR8)
	    scan_notes (s, d, false);
	}
      if (strcmp (name, ".go.buildinfo") == 0)
	{
	  size_t len = 0;
	  const unsigned char *b = section_bytes (scn, &shdr, &len);
	  r->go_buildinfo = true;
	  if (r->go_version == NULL)
	    r->go_version = goobj_buildinfo_version (b, len);
	}
      else if (strcmp (name, ".note.go.abihash") == 0
	       || strcmp (name, ".note.go.pkg-list") == 0)
	s->go_notes = true;
    }
  if (dynamic != NULL && scan_dynamic (s, dynamic, &dynamic_shdr, err) != 0)
    return -1;
  if (symtab != NULL)
    {
      s->symtab = true;
      if (scan_symbols (s, symtab, &symtab_shdr, err) != 0)
	return -1;
    }
  else if (dynsym != NULL
	   && scan_symbols (s, dynsym, &dynsym_shdr, err) != 0)
    return -1;
  /* The dynamic relocations, over .init_array's words.  */
  read_init_array (s);
  scn = NULL;
  size_t dynsym_index = dynsym ? elf_ndxscn (dynsym) : 0;
  while ((scn = elf_nextscn (s->elf, scn)) != NULL)
    if (gelf_getshdr (scn, &shdr) != NULL
	&& (shdr.sh_type == SHT_RELA || shdr.sh_type == SHT_REL)
	&& (shdr.sh_flags & SHF_ALLOC) != 0
	&& (dynsym_index == 0 || shdr.sh_link == dynsym_index)
	&& scan_dynamic_relocs (s, scn, &shdr, err) != 0)
      return -1;
  count_init_entries (s);
  if (r->go_version == NULL && s->version_size != 0)
    r->go_version = symbol_version (s);
  return 0;
}

static uint64_t
align_up (uint64_t v, uint64_t align)
{
  return align > 1 ? (v + align - 1) / align * align : v;
}

/* The slot's offset from the thread pointer in an executable, whose TLS
   block is the first (SPEC "TLS rules").  */
static int64_t
slot_offset (const struct gl_arch *arch, uint64_t memsz, uint64_t align,
	     uint64_t value)
{
  if (arch->tls_variant == 2)
    return (int64_t) value - (int64_t) align_up (memsz, align);
  return (int64_t) align_up (arch->tls_tcb_size, align) + (int64_t) value
    - (int64_t) arch->tls_tp_bias;
}

static bool
is_executable (enum audit_kind kind)
{
  return kind == AUDIT_EXE || kind == AUDIT_PIE || kind == AUDIT_STATIC
    || kind == AUDIT_STATIC_PIE;
}

static void
judge_kind (struct scan *s)
{
  struct audit_report *r = s->r;
  if (s->ehdr.e_type == ET_EXEC)
    r->kind = s->interp ? AUDIT_EXE : AUDIT_STATIC;
  /* A shared library may have an interpreter too, to run (glibc's
     libc.so.6): one with a SONAME and without DF_1_PIE (which gold does
     not set) is a library.  */
  else if (s->interp && ((s->dt_flags_1 & DF_1_PIE) || r->soname == NULL))
    r->kind = AUDIT_PIE;
  else if (s->dt_flags_1 & DF_1_PIE)
    r->kind = AUDIT_STATIC_PIE;
  else if (s->go_notes)
    r->kind = AUDIT_GO_SHARED_LIB;
  else if (s->plugin_tabs[0] || s->plugin_tabs[1])
    r->kind = AUDIT_GO_PLUGIN;
  else
    r->kind = AUDIT_SHARED_LIB;
}

static void
judge_tls (struct scan *s)
{
  struct audit_report *r = s->r;
  const struct gl_arch *arch = r->arch;
  unsigned ptr = s->ehdr.e_ident[EI_CLASS] == ELFCLASS64 ? 8 : 4;
  r->slot_defined = s->slot_seen;
  if (is_executable (r->kind))
    {
      if (s->slot_seen && r->tls_segment)
	{
	  r->model = AUDIT_TLS_LE;
	  r->slot_offset_known = true;
	  r->slot_offset = slot_offset (arch, r->tls_memsz, r->tls_align,
					s->slot_value);
	}
      else if (s->slot_undefined)
	r->model = AUDIT_TLS_IE;
      else if (!s->symtab && r->go && r->tls_segment
	       && r->tls_memsz == ptr)
	{
	  /* Stripped: a block of one pointer can hold only the slot.  */
	  r->model = AUDIT_TLS_LE;
	  r->slot_offset_known = true;
	  r->slot_offset = slot_offset (arch, r->tls_memsz, r->tls_align, 0);
	}
    }
  else if (s->slot_seen || (r->go && r->tls_segment))
    r->model = s->le_dynamic ? AUDIT_TLS_LE : AUDIT_TLS_IE;

  /* Without runtime/cgo the Go runtime sets the thread pointer itself,
     one pointer above its slot.  */
  if (arch->settls_without_cgo && r->go && is_executable (r->kind)
      && r->cgo == AUDIT_NO && r->model == AUDIT_TLS_LE)
    {
      r->slot_checked = true;
      r->slot_expected = -(int64_t) ptr;
    }
}

/* The findings, by severity (gold-link(1), AUDIT).  */
static void
judge (struct scan *s)
{
  struct audit_report *r = s->r;
  const struct gl_arch *arch = r->arch;
  bool library = !is_executable (r->kind);

  if (r->textrel)
    finding (r, AUDIT_ERROR, "textrel", "the loader must write into the "
	     "code (TEXTREL): an object was not compiled position-"
	     "independent; rebuild it with -fPIC");
  if (!r->gnu_stack)
    finding (r, AUDIT_ERROR, "execstack", "no PT_GNU_STACK: the stack is "
	     "executable; an object lacks .note.GNU-stack");
  else if (r->execstack)
    finding (r, AUDIT_ERROR, "execstack", "PT_GNU_STACK asks for an "
	     "executable stack (-z execstack, or an object that needs it)");
  if (r->model == AUDIT_TLS_LE && library)
    finding (r, AUDIT_ERROR, "tls-le-in-shared", "a shared object with "
	     "local-exec TLS: the loader patches a thread-pointer offset into "
	     "its code; link a go.o built for this mode, whose TLS is "
	     "initial-exec");
  if (r->slot_checked && r->slot_offset != r->slot_expected)
    finding (r, AUDIT_ERROR, "tls-slot-offset", "the Go TLS slot %s is at "
	     "TP%+lld, but a Go program without runtime/cgo sets the thread "
	     "pointer itself and keeps it at TP%+lld: the program will trap "
	     "at start (other TLS in the link, e.g. a -static libc)",
	     arch->tls_slot, (long long) r->slot_offset,
	     (long long) r->slot_expected);
  if (r->go && (r->kind == AUDIT_SHARED_LIB) && s->entry_seen
      && r->init_entries == 0)
    finding (r, AUDIT_ERROR, "init-entry", "%s is not in .init_array: the "
	     "Go runtime will not start when the library is loaded",
	     arch->lib_entry);
  if (r->init_entries > 1)
    finding (r, AUDIT_ERROR, "init-entry", "%s is in .init_array %zu "
	     "times: the Go runtime would start twice", arch->lib_entry,
	     r->init_entries);
  if (r->go_buildid != NULL && !r->go_buildid_in_note)
    finding (r, AUDIT_ERROR, "go-buildid-note", ".note.go.buildid is not "
	     "in a PT_NOTE segment: go build cannot read the build ID and "
	     "links again every time");
  /* cmd/go gives a Go shared library no build ID.  */
  if (r->go && r->go_buildid == NULL && r->kind != AUDIT_GO_SHARED_LIB)
    finding (r, AUDIT_WARNING, "go-buildid", "no Go build ID "
	     "(.note.go.buildid): go build cannot tell that it is up to date");
  if (r->go && !r->go_buildinfo && r->kind != AUDIT_GO_SHARED_LIB
      && r->kind != AUDIT_GO_PLUGIN)
    finding (r, AUDIT_WARNING, "go-buildinfo", "no .go.buildinfo: go "
	     "version -m cannot read the release and modules");
  if (r->relro == AUDIT_RELRO_NONE && s->dynamic)
    finding (r, AUDIT_WARNING, "relro", "no RELRO: the GOT and other "
	     "relocated data stay writable (-z relro)");
  if (r->rpath != NULL)
    finding (r, AUDIT_WARNING, "rpath", "DT_RPATH (%s) is searched before "
	     "LD_LIBRARY_PATH; distributions want DT_RUNPATH or none",
	     r->rpath);
  if (r->static_tls && library)
    finding (r, AUDIT_INFO, "static-tls", "DF_STATIC_TLS: a dlopen needs "
	     "room in glibc's surplus static TLS (GLIBC_TUNABLES="
	     "glibc.rtld.optional_static_tls); musl cannot dlopen it");
  if (r->go && !s->symtab)
    finding (r, AUDIT_INFO, "stripped", "no symbol table: the Go TLS slot, "
	     "the library entry and runtime/cgo are looked up in .dynsym "
	     "only");
}

static int audit_scan (struct scan *s, struct gl_error *err);

static int
audit_elf (Elf *elf, const char *path, struct audit_report *r,
	   struct gl_error *err)
{
  struct scan s = { .elf = elf, .path = path, .r = r };
  int rc = audit_scan (&s, err);
  free (s.init_values);
  free (s.loads);
  return rc;
}

static int
audit_scan (struct scan *s, struct gl_error *err)
{
  Elf *elf = s->elf;
  const char *path = s->path;
  struct audit_report *r = s->r;
  if (elf_kind (elf) == ELF_K_AR)
    {
      gl_error_set (err, GL_EXIT_INPUT, path, NULL, "is an archive, not an "
		    "executable or shared library");
      gl_error_note (err, "audit the program linked with it");
      return -1;
    }
  if (elf_kind (elf) != ELF_K_ELF)
    {
      gl_error_set (err, GL_EXIT_INPUT, path, NULL, "is not an ELF file");
      gl_error_note (err, "audit an executable or shared library");
      return -1;
    }
  if (gelf_getehdr (elf, &s->ehdr) == NULL)
    return gl_error_libelf (err, path, NULL, "not a valid ELF file");
  if (s->ehdr.e_type != ET_EXEC && s->ehdr.e_type != ET_DYN)
    {
      gl_error_set (err, GL_EXIT_INPUT, path, NULL, "is an ELF file of type "
		    "%u, not an executable or shared library",
		    (unsigned) s->ehdr.e_type);
      gl_error_note (err, "audit the output of a link, not an object file");
      return -1;
    }
  unsigned elfclass = s->ehdr.e_ident[EI_CLASS];
  unsigned elfdata = s->ehdr.e_ident[EI_DATA];
  r->arch = arch_by_machine (s->ehdr.e_machine, elfclass, elfdata);
  if (r->arch == NULL || r->arch->elfdata != elfdata)
    {
      gl_error_set (err, GL_EXIT_INPUT, path, NULL, "is for machine %u "
		    "(%u-bit, %s-endian), no architecture Go links for",
		    (unsigned) s->ehdr.e_machine,
		    elfclass == ELFCLASS64 ? 64 : 32,
		    elfdata == ELFDATA2MSB ? "big" : "little");
      gl_error_note (err, "gold-link audits Go outputs for the "
		     "architectures arch/ lists");
      return -1;
    }
  r->cgo = AUDIT_NO;
  r->lib_entry = AUDIT_UNKNOWN;
  if (check_layout (s, err) != 0 || scan_segments (s, err) != 0
      || scan_sections (s, err) != 0)
    return -1;

  r->go = r->go_buildid != NULL || r->go_buildinfo || s->go_notes
    || s->slot_seen || s->slot_undefined || s->runtime_symbols;
  /* Stripped, or a -linkshared executable, whose runtime/cgo (if any) is
     in the Go shared library: the file cannot say.  */
  if ((!s->symtab || s->slot_undefined) && r->cgo == AUDIT_NO)
    r->cgo = AUDIT_UNKNOWN;
  r->static_tls = (s->dt_flags & DF_STATIC_TLS) != 0;
  r->textrel = r->textrel || (s->dt_flags & DF_TEXTREL) != 0;
  r->bind_now = r->bind_now || (s->dt_flags & DF_BIND_NOW) != 0
    || (s->dt_flags_1 & DF_1_NOW) != 0;
  r->relro = !s->relro_segment ? AUDIT_RELRO_NONE
    : r->bind_now ? AUDIT_RELRO_FULL : AUDIT_RELRO_PARTIAL;
  judge_kind (s);
  if (s->entry_seen)
    r->lib_entry = r->init_entries > 0 ? AUDIT_YES : AUDIT_NO;
  else if (s->symtab)
    r->lib_entry = AUDIT_NO;
  judge_tls (s);
  judge (s);
  return 0;
}

int
audit_image (const char *path, void *image, size_t size,
	     struct audit_report *r, struct gl_error *err)
{
  memset (r, 0, sizeof *r);
  r->file = xstrdup (path);
  int rc = -1;
  Elf *elf = elf_memory (image, size);
  if (elf == NULL)
    gl_error_libelf (err, path, NULL, "cannot read");
  else
    rc = audit_elf (elf, path, r, err);
  elf_end (elf);
  if (rc != 0)
    audit_free (r);
  return rc;
}

int
audit_file (const char *path, struct audit_report *r, struct gl_error *err)
{
  memset (r, 0, sizeof *r);
  struct stat st;
  int fd = gl_open_regular (path, &st, err);
  if (fd < 0)
    {
      if (stat (path, &st) == 0 && !S_ISREG (st.st_mode))
	gl_error_note (err, "audit executables and shared libraries");
      return -1;
    }
  int rc = -1;
  Elf *elf = NULL;
  if (st.st_size < EI_NIDENT)
    {
      gl_error_set (err, GL_EXIT_INPUT, path, NULL, "is not an ELF file "
		    "(%lld bytes)", (long long) st.st_size);
      gl_error_note (err, "audit an executable or shared library");
      goto out;
    }
  elf = elf_begin (fd, ELF_C_READ_MMAP, NULL);
  if (elf == NULL)
    {
      gl_error_libelf (err, path, NULL, "cannot read");
      goto out;
    }
  r->file = xstrdup (path);
  rc = audit_elf (elf, path, r, err);

out:
  elf_end (elf);
  close (fd);
  if (rc != 0)
    audit_free (r);
  return rc;
}

void
audit_free (struct audit_report *r)
{
  free (r->file);
  free (r->go_version);
  free (r->go_buildid);
  free (r->gnu_buildid);
  free (r->soname);
  free (r->rpath);
  free (r->runpath);
  strvec_free (&r->needed);
  for (size_t i = 0; i < r->nfindings; i++)
    free (r->findings[i].message);
  free (r->findings);
  memset (r, 0, sizeof *r);
}

bool
audit_has_error (const struct audit_report *r)
{
  for (size_t i = 0; i < r->nfindings; i++)
    if (r->findings[i].severity == AUDIT_ERROR)
      return true;
  return false;
}

const char *
audit_kind_name (enum audit_kind kind)
{
  switch (kind)
    {
    case AUDIT_EXE:
      return "exe";
    case AUDIT_PIE:
      return "pie";
    case AUDIT_STATIC:
      return "static";
    case AUDIT_STATIC_PIE:
      return "static-pie";
    case AUDIT_SHARED_LIB:
      return "shared-library";
    case AUDIT_GO_PLUGIN:
      return "go-plugin";
    case AUDIT_GO_SHARED_LIB:
      return "go-shared-library";
    }
  return "?";
}

const char *
audit_severity_name (enum audit_severity severity)
{
  return severity == AUDIT_ERROR ? "error"
    : severity == AUDIT_WARNING ? "warning" : "info";
}

const char *
audit_relro_name (enum audit_relro relro)
{
  return relro == AUDIT_RELRO_FULL ? "full"
    : relro == AUDIT_RELRO_PARTIAL ? "partial" : "none";
}

const char *
audit_model_name (enum audit_tls_model model)
{
  return model == AUDIT_TLS_LE ? "LE" : model == AUDIT_TLS_IE ? "IE" : NULL;
}
