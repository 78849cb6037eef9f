/* The .init_array glue: a c-shared or c-archive go.o without an
   .init_array entry for the library entry gets one, in a staged copy.  */
#include <config.h>

#include "glue.h"
#include "stage.h"
#include "xalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Go's own .init_array names the entry through a LOCAL symbol; no other
   object can, so the entry goes into a copy of go.o itself.

   The copy is the original's bytes, copied in the kernel, with a tail
   appended: .shstrtab grown by the new names, the new sections, and a new
   section header table; then e_shoff and e_shnum are patched.  Nothing
   else is read or written.  (libelf's elf_update with ELF_F_LAYOUT writes
   no more, but first reads every section into memory with ELF_C_RDWR, or
   forces the whole copy to disk with msync with ELF_C_RDWR_MMAP; on
   cmd/go's 35 MB go.o the first doubled the cost of the glue.)  The
   tail's headers and relocation are translated to the file's class and
   byte order by libelf.  */

#define COPY_CHUNK (1 << 20)

bool
glue_init_array_needed (const struct goobj *g)
{
  return g->init_entries == 0;
}

static int
io_error (struct gl_error *err, const char *path, const char *what)
{
  gl_error_errno (err, path, errno, "%s", what);
  gl_error_note (err, "check the space and permissions of the staging "
		 "directory (TMPDIR)");
  return -1;
}

static int
write_all (int fd, const void *buf, size_t size, off_t off)
{
  const char *p = buf;
  while (size > 0)
    {
      ssize_t n = pwrite (fd, p, size, off);
      if (n < 0 && errno == EINTR)
	continue;
      if (n < 0)
	return -1;
      p += n;
      size -= (size_t) n;
      off += n;
    }
  return 0;
}

/* The slow way, for file systems copy_file_range does not serve.  */
static int
copy_by_reading (int in, int out, off_t size)
{
  char *buf = xmalloc (COPY_CHUNK);
  int rc = -1;
  for (off_t off = 0; off < size;)
    {
      size_t want = size - off < COPY_CHUNK ? (size_t) (size - off)
	: COPY_CHUNK;
      ssize_t n = pread (in, buf, want, off);
      if (n < 0 && errno == EINTR)
	continue;
      if (n <= 0)
	{
	  if (n == 0)
	    errno = EIO;
	  goto out;
	}
      if (write_all (out, buf, (size_t) n, off) != 0)
	goto out;
      off += n;
    }
  rc = 0;

out:
  free (buf);
  return rc;
}

/* Copy the first SIZE bytes of IN to OUT.  copy_file_range never brings
   the data into user space, and shares extents where the file system can
   (btrfs, XFS): it is most of the glue's cost on a large go.o.  */
static int
copy_bytes (int in, int out, off_t size)
{
  loff_t in_off = 0, out_off = 0;
  while (in_off < size)
    {
      ssize_t n = copy_file_range (in, &in_off, out, &out_off,
				   (size_t) (size - in_off), 0);
      if (n > 0)
	continue;
      if (n == 0)
	{
	  /* The input shrank under us.  */
	  errno = EIO;
	  return -1;
	}
      if (errno == EINTR)
	continue;
      if (in_off == 0 && (errno == ENOSYS || errno == EXDEV
			  || errno == EINVAL || errno == EOPNOTSUPP))
	return copy_by_reading (in, out, size);
      return -1;
    }
  return 0;
}

static GElf_Off
align_up (GElf_Off off, GElf_Off align)
{
  return (off + align - 1) & ~(align - 1);
}

/* The tail of the copy, in memory form: GElf's, which is ELFCLASS64's.  */
struct tail
{
  GElf_Ehdr ehdr;
  GElf_Shdr *shdrs;		/* the old headers, then the new ones */
  size_t nshdrs;
  char *names;			/* the whole new .shstrtab */
  size_t names_size;
  GElf_Rela rela;		/* .rela.init_array, or .rel without addend */
  GElf_Off names_off, slot_off, rel_off, shdrs_off;
  size_t ptr_size;		/* .init_array's one slot */
  bool stack_note;		/* .note.GNU-stack is added */
};

/* Plan the tail for GO (SIZE bytes): every old section header, the new
   sections after them, the offsets where it all goes.  */
static int
plan_tail (Elf *elf, const char *path, off_t size, const struct goobj *g,
	   const struct gl_arch *arch, struct tail *t, struct gl_error *err)
{
  static const char init_name[] = ".init_array";
  static const char stack_name[] = ".note.GNU-stack";
  const char *rel_name = arch->rela ? ".rela.init_array" : ".rel.init_array";
  size_t shnum, shstrndx;
  if (gelf_getehdr (elf, &t->ehdr) == NULL
      || elf_getshdrnum (elf, &shnum) != 0
      || elf_getshdrstrndx (elf, &shstrndx) != 0 || shstrndx >= shnum)
    return gl_error_libelf (err, path, NULL,
			    "cannot read the section headers");

  /* Three more at most: .init_array, its relocations, .note.GNU-stack.  */
  t->shdrs = xcalloc (shnum + 3, sizeof *t->shdrs);
  size_t symtab = 0;
  bool stack_note = false;
  for (size_t i = 0; i < shnum; i++)
    {
      GElf_Shdr *s = &t->shdrs[i];
      Elf_Scn *scn = elf_getscn (elf, i);
      if (scn == NULL || gelf_getshdr (scn, s) == NULL)
	return gl_error_libelf (err, path, NULL,
				"cannot read a section header");
      const char *name = elf_strptr (elf, shstrndx, s->sh_name);
      if (s->sh_type == SHT_SYMTAB && symtab == 0)
	symtab = i;
      else if (name != NULL && strcmp (name, ".note.GNU-stack") == 0)
	stack_note = true;
    }
  Elf_Scn *strscn = elf_getscn (elf, shstrndx);
  Elf_Data *old = strscn ? elf_getdata (strscn, NULL) : NULL;
  if (old == NULL)
    return gl_error_libelf (err, path, NULL, "cannot read the section names");
  if (symtab == 0)
    {
      gl_error_set (err, GL_EXIT_INPUT, path, NULL, "has no symbol table");
      return -1;
    }

  /* .shstrtab grows by the new names.  ".init_array" is the tail of the
     relocation section's name and shares its bytes.  */
  size_t rel_len = strlen (rel_name) + 1;
  t->stack_note = !stack_note;
  t->names_size = old->d_size + rel_len
    + (t->stack_note ? sizeof stack_name : 0);
  t->names = xmalloc (t->names_size);
  memcpy (t->names, old->d_buf, old->d_size);
  memcpy (t->names + old->d_size, rel_name, rel_len);
  if (t->stack_note)
    memcpy (t->names + old->d_size + rel_len, stack_name, sizeof stack_name);
  GElf_Word rel_name_off = (GElf_Word) old->d_size;

  t->ptr_size = gelf_fsize (elf, ELF_T_ADDR, 1, EV_CURRENT);
  size_t rel_size = gelf_fsize (elf, arch->rela ? ELF_T_RELA : ELF_T_REL, 1,
				EV_CURRENT);
  t->names_off = (GElf_Off) size;
  t->slot_off = align_up (t->names_off + t->names_size, t->ptr_size);
  t->rel_off = t->slot_off + t->ptr_size;
  t->shdrs_off = align_up (t->rel_off + rel_size, t->ptr_size);
  if (gelf_getclass (elf) == ELFCLASS32
      && t->shdrs_off + (shnum + 3) * sizeof (Elf32_Shdr) > UINT32_MAX)
    {
      gl_error_set (err, GL_EXIT_INPUT, path, NULL,
		    "too large for a 32-bit object with the glue added");
      return -1;
    }

  /* The old .shstrtab and section header table stay, unused.  */
  t->shdrs[shstrndx].sh_offset = t->names_off;
  t->shdrs[shstrndx].sh_size = t->names_size;
  size_t init = shnum, rel = shnum + 1;
  t->shdrs[init] = (GElf_Shdr) {
    .sh_name = rel_name_off + (GElf_Word) (rel_len - sizeof init_name),
    .sh_type = SHT_INIT_ARRAY,
    .sh_flags = SHF_ALLOC | SHF_WRITE,
    .sh_offset = t->slot_off,
    .sh_size = t->ptr_size,
    .sh_addralign = t->ptr_size,
    .sh_entsize = t->ptr_size
  };
  t->shdrs[rel] = (GElf_Shdr) {
    .sh_name = rel_name_off,
    .sh_type = arch->rela ? SHT_RELA : SHT_REL,
    .sh_flags = SHF_INFO_LINK,
    .sh_offset = t->rel_off,
    .sh_size = rel_size,
    .sh_link = (GElf_Word) symtab,
    .sh_info = (GElf_Word) init,
    .sh_addralign = t->ptr_size,
    .sh_entsize = rel_size
  };
  t->nshdrs = shnum + 2;
  /* ld takes an object without it to want an executable stack.  */
  if (t->stack_note)
    t->shdrs[t->nshdrs++] = (GElf_Shdr) {
      .sh_name = rel_name_off + (GElf_Word) rel_len,
      .sh_type = SHT_PROGBITS,
      .sh_offset = t->rel_off + rel_size,
      .sh_addralign = 1
    };

  /* The slot is zero; on REL arches that is the addend, too.  */
  t->rela = (GElf_Rela) {
    .r_offset = 0,
    .r_info = GELF_R_INFO (g->lib_entry_sym, arch->init_array_reloc),
    .r_addend = 0
  };

  t->ehdr.e_shoff = t->shdrs_off;
  if (t->nshdrs >= SHN_LORESERVE)
    {
      /* Extended numbering: the count lives in section 0.  */
      t->ehdr.e_shnum = 0;
      t->shdrs[0].sh_size = t->nshdrs;
    }
  else
    t->ehdr.e_shnum = (GElf_Half) t->nshdrs;
  return 0;
}

/* Write N items of TYPE to FD (the file PATH) at OFF, in the class and
   byte order of ELF.  BUF holds them in GElf's (64-bit) memory form; the
   32-bit class gets them narrowed first.  */
static int
write_items (int fd, const char *path, Elf *elf, Elf_Type type,
	     const void *buf, size_t n, GElf_Off off, struct gl_error *err)
{
  size_t fsize = gelf_fsize (elf, type, n, EV_CURRENT);
  void *mem = xcalloc (1, fsize);
  if (gelf_getclass (elf) == ELFCLASS64)
    memcpy (mem, buf, fsize);
  else
    for (size_t i = 0; i < n; i++)
      switch (type)
	{
	case ELF_T_EHDR:
	  {
	    const GElf_Ehdr *s = buf;
	    Elf32_Ehdr *d = mem;
	    memcpy (d->e_ident, s->e_ident, EI_NIDENT);
	    d->e_type = s->e_type;
	    d->e_machine = s->e_machine;
	    d->e_version = s->e_version;
	    d->e_entry = (Elf32_Addr) s->e_entry;
	    d->e_phoff = (Elf32_Off) s->e_phoff;
	    d->e_shoff = (Elf32_Off) s->e_shoff;
	    d->e_flags = s->e_flags;
	    d->e_ehsize = s->e_ehsize;
	    d->e_phentsize = s->e_phentsize;
	    d->e_phnum = s->e_phnum;
	    d->e_shentsize = s->e_shentsize;
	    d->e_shnum = s->e_shnum;
	    d->e_shstrndx = s->e_shstrndx;
	  }
	  break;
	case ELF_T_SHDR:
	  {
	    const GElf_Shdr *s = (const GElf_Shdr *) buf + i;
	    Elf32_Shdr *d = (Elf32_Shdr *) mem + i;
	    d->sh_name = s->sh_name;
	    d->sh_type = s->sh_type;
	    d->sh_flags = (Elf32_Word) s->sh_flags;
	    d->sh_addr = (Elf32_Addr) s->sh_addr;
	    d->sh_offset = (Elf32_Off) s->sh_offset;
	    d->sh_size = (Elf32_Word) s->sh_size;
	    d->sh_link = s->sh_link;
	    d->sh_info = s->sh_info;
	    d->sh_addralign = (Elf32_Word) s->sh_addralign;
	    d->sh_entsize = (Elf32_Word) s->sh_entsize;
	  }
	  break;
	case ELF_T_RELA:
	case ELF_T_REL:
	  {
	    const GElf_Rela *s = buf;
	    Elf32_Rela *d = mem;	/* Elf32_Rel is its prefix */
	    d->r_offset = (Elf32_Addr) s->r_offset;
	    d->r_info = ELF32_R_INFO (GELF_R_SYM (s->r_info),
				      GELF_R_TYPE (s->r_info));
	    if (type == ELF_T_RELA)
	      d->r_addend = (Elf32_Sword) s->r_addend;
	  }
	  break;
	default:
	  abort ();
	}

  Elf_Data src = {
    .d_buf = mem, .d_type = type, .d_size = fsize, .d_version = EV_CURRENT
  };
  Elf_Data dst = src;
  GElf_Ehdr ehdr;
  int rc = -1;
  if (gelf_getehdr (elf, &ehdr) == NULL
      || gelf_xlatetof (elf, &dst, &src, ehdr.e_ident[EI_DATA]) == NULL)
    gl_error_libelf (err, path, NULL, "cannot encode the glue for the file");
  else if (write_all (fd, dst.d_buf, dst.d_size, (off_t) off) != 0)
    io_error (err, path, "cannot write the copy of go.o");
  else
    rc = 0;
  free (mem);
  return rc;
}

/* Write the copy of GO to the open file FD: the bytes, then the tail T.  */
static int
write_copy (int fd, const char *path, const struct input *go, off_t size,
	    const struct tail *t, const struct gl_arch *arch,
	    struct gl_error *err)
{
  Elf *elf = go->elf;
  void *slot = xcalloc (1, t->ptr_size);
  int rc = -1;
  if (copy_bytes (go->fd, fd, size) != 0)
    {
      io_error (err, path, "cannot copy go.o");
      goto out;
    }
  if (write_all (fd, t->names, t->names_size, (off_t) t->names_off) != 0
      || write_all (fd, slot, t->ptr_size, (off_t) t->slot_off) != 0)
    {
      io_error (err, path, "cannot write the copy of go.o");
      goto out;
    }
  /* The ELF header last: until then the copy reads as the original.  */
  if (write_items (fd, path, elf, arch->rela ? ELF_T_RELA : ELF_T_REL,
		   &t->rela, 1, t->rel_off, err) != 0
      || write_items (fd, path, elf, ELF_T_SHDR, t->shdrs, t->nshdrs,
		      t->shdrs_off, err) != 0
      || write_items (fd, path, elf, ELF_T_EHDR, &t->ehdr, 1, 0, err) != 0)
    goto out;
  rc = 0;

out:
  free (slot);
  return rc;
}

int
glue_init_array (const struct input *go, const struct goobj *g,
		 const struct gl_arch *arch, struct glue *out,
		 struct gl_error *err)
{
  struct tail t = { 0 };
  char *path = NULL;
  int fd = -1, rc = -1;
  struct stat st;
  const char *dir;

  memset (out, 0, sizeof *out);
  if (!glue_init_array_needed (g))
    return 0;
  if (!g->lib_entry || g->lib_entry_sym == 0)
    {
      gl_error_set (err, GL_EXIT_INPUT, go->path, NULL,
		    "has no %s: it was not built for a library mode",
		    arch->lib_entry);
      gl_error_note (err, "rebuild with go build -buildmode=c-shared (or "
		     "c-archive)");
      return -1;
    }
  if (fstat (go->fd, &st) != 0)
    return gl_error_errno (err, go->path, errno, "cannot stat");
  if (plan_tail (go->elf, go->path, st.st_size, g, arch, &t, err) != 0
      || stage_dir (&dir, err) != 0)
    goto out;

  /* Named go.o, as cmd/link names it: the member name in a c-archive.
     Staged before it exists, so that no signal can leave it behind.  */
  path = xasprintf ("%s/go.o", dir);
  stage_add_staged (path);
  fd = open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0)
    {
      io_error (err, path, "cannot create the copy of go.o");
      goto out;
    }
  if (write_copy (fd, path, go, st.st_size, &t, arch, err) != 0)
    goto out;
  if (close (fd) != 0)
    {
      fd = -1;
      io_error (err, path, "cannot write the copy of go.o");
      goto out;
    }
  fd = -1;
  out->copy = path;
  out->stack_note = t.stack_note;
  path = NULL;
  rc = 0;

out:
  if (fd >= 0)
    close (fd);
  free (path);
  free (t.shdrs);
  free (t.names);
  return rc;
}

void
glue_free (struct glue *glue)
{
  free (glue->copy);
  glue->copy = NULL;
}
