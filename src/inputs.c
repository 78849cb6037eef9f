/* What each linker input is, judged by its content, and which one is the Go
   object.  */
#include <config.h>

#include "inputs.h"
#include "arfile.h"
#include "goobj.h"
#include "xalloc.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

const char *
inputs_kind_name (enum input_kind kind)
{
  switch (kind)
    {
    case INPUT_OBJECT:
      return "relocatable object";
    case INPUT_SHARED:
      return "shared library";
    case INPUT_ARCHIVE:
      return "archive";
    case INPUT_THIN_ARCHIVE:
      return "thin archive";
    case INPUT_SCRIPT:
      return "linker script";
    }
  return "input";
}

const char *
inputs_machine_name (unsigned machine, unsigned elfclass, unsigned elfdata)
{
  const struct gl_arch *a = arch_by_machine (machine, elfclass, elfdata);
  if (a != NULL)
    return a->goarch;
  static char buf[48];
  snprintf (buf, sizeof buf, "machine %u (%u-bit)", machine,
	    elfclass == ELFCLASS64 ? 64 : 32);
  return buf;
}

/* A linker script is text; anything with NUL or control bytes is not.  */
static bool
looks_like_text (const unsigned char *p, size_t n)
{
  for (size_t i = 0; i < n; i++)
    if (p[i] == 0 || (p[i] < 0x20 && p[i] != '\n' && p[i] != '\r'
		      && p[i] != '\t' && p[i] != '\f'))
      return false;
  return true;
}

/* A file (or archive member) of SIZE bytes starting with the ELF magic at
   DATA must have a known class and byte order and a whole ELF header, for
   a clearer message than libelf's.  */
static int
check_ident (const unsigned char *data, size_t size, const char *path,
	     const char *member, struct gl_error *err)
{
  if (size < EI_NIDENT)
    return gl_error_damaged (err, path, member, "is truncated: %zu bytes, "
			     "less than an ELF identification", size);
  unsigned elfclass = data[EI_CLASS], order = data[EI_DATA];
  if (elfclass != ELFCLASS32 && elfclass != ELFCLASS64)
    return gl_error_damaged (err, path, member, "unknown ELF class %u",
			     elfclass);
  if (order != ELFDATA2LSB && order != ELFDATA2MSB)
    return gl_error_damaged (err, path, member, "unknown ELF byte order %u",
			     order);
  size_t need = elfclass == ELFCLASS64 ? sizeof (Elf64_Ehdr)
    : sizeof (Elf32_Ehdr);
  if (size < need)
    return gl_error_damaged (err, path, member, "is truncated: %zu bytes, "
			     "less than an ELF header (%zu)", size, need);
  return 0;
}

/* The section header table, and every section's bytes, must lie in the
   image.  libelf acts as if a table that does not fit were absent and
   checks a section only when it is read, and linkers crash on such files:
   check it all here, once.  */
static int
check_layout (Elf *elf, const GElf_Ehdr *ehdr, size_t shnum, const char *path,
	      const char *member, struct gl_error *err)
{
  size_t size = 0;
  if (elf_rawfile (elf, &size) == NULL)
    return gl_error_libelf (err, path, member, "cannot read");
  if (ehdr->e_shoff == 0 && ehdr->e_shnum == 0)
    return ehdr->e_type != ET_REL ? 0
      : gl_error_damaged (err, path, member, "has no section headers");
  size_t entsize = gelf_fsize (elf, ELF_T_SHDR, 1, EV_CURRENT);
  if (ehdr->e_shentsize != entsize)
    return gl_error_damaged (err, path, member, "section headers of %u "
			     "bytes, not %zu", (unsigned) ehdr->e_shentsize,
			     entsize);
  size_t want = ehdr->e_shnum != 0 ? ehdr->e_shnum : shnum;
  if (want == 0 || shnum != want || ehdr->e_shoff > size
      || want > (size - ehdr->e_shoff) / entsize)
    {
      if (ehdr->e_shnum == 0)
	return gl_error_damaged (err, path, member, "the extended section "
				 "count (in the section header at offset "
				 "%llu) is zero or does not fit in the file "
				 "(%zu bytes)",
				 (unsigned long long) ehdr->e_shoff, size);
      return gl_error_damaged (err, path, member, "the section header table "
			       "(%zu entries at offset %llu) ends past the "
			       "end of the file (%zu bytes)", want,
			       (unsigned long long) ehdr->e_shoff, size);
    }
  size_t shstrndx;
  if (elf_getshdrstrndx (elf, &shstrndx) != 0 || shstrndx >= shnum)
    return gl_error_damaged (err, path, member, "the section name table "
			     "index is out of range (%zu sections)", shnum);
  for (size_t i = 1; i < shnum; i++)
    {
      GElf_Shdr sh;
      Elf_Scn *scn = elf_getscn (elf, i);
      if (scn == NULL || gelf_getshdr (scn, &sh) == NULL)
	return gl_error_libelf (err, path, member,
				"cannot read section header %zu", i);
      if (sh.sh_link >= shnum)
	return gl_error_damaged (err, path, member, "section %zu links to "
				 "section %u, but there are %zu", i,
				 (unsigned) sh.sh_link, shnum);
      if (sh.sh_type != SHT_NOBITS
	  && (sh.sh_offset > size || sh.sh_size > size - sh.sh_offset))
	{
	  const char *name = elf_strptr (elf, shstrndx, sh.sh_name);
	  return gl_error_damaged (err, path, member, "section %zu (%s, %llu "
				   "bytes at offset %llu) ends past the end "
				   "of the file (%zu bytes)", i,
				   name ? name : "unnamed",
				   (unsigned long long) sh.sh_size,
				   (unsigned long long) sh.sh_offset, size);
	}
    }
  return 0;
}

int
inputs_check_image (Elf *elf, const char *path, struct gl_error *err)
{
  size_t size = 0;
  const char *raw = elf_rawfile (elf, &size);
  if (raw != NULL
      && check_ident ((const unsigned char *) raw, size, path, NULL, err) != 0)
    return -1;
  GElf_Ehdr ehdr;
  size_t shnum;
  if (gelf_getehdr (elf, &ehdr) == NULL || elf_getshdrnum (elf, &shnum) != 0)
    return gl_error_libelf (err, path, NULL, "not a valid ELF file");
  return check_layout (elf, &ehdr, shnum, path, NULL, err);
}

/* Is the whole of a short file (N bytes at P) the start of an ELF or
   archive magic?  It is not a linker script, but a truncated file.  */
static bool
is_truncated_magic (const unsigned char *p, size_t n)
{
  static const char *const magics[] = { ELFMAG, "!<arch>\n", "!<thin>\n" };
  for (size_t i = 0; i < sizeof magics / sizeof magics[0]; i++)
    if (n < strlen (magics[i]) && memcmp (p, magics[i], n) == 0)
      return true;
  return false;
}

static const char link_its_objects[] =
  "link the objects it was built from (for a Go program, the go.o and host "
  "objects that go build -ldflags=-tmpdir=DIR keeps), archives or shared "
  "libraries";

/* An ET_DYN input with sections is linked against: it must be a shared
   library, not a PIE (ld.bfd refuses those, the other linkers take them).  */
static int
check_shared (Elf *elf, const char *path, const char *member,
	      struct gl_error *err)
{
  Elf_Scn *scn = NULL;
  GElf_Shdr sh;
  while ((scn = elf_nextscn (elf, scn)) != NULL)
    if (gelf_getshdr (scn, &sh) != NULL && sh.sh_type == SHT_DYNAMIC)
      break;
  if (scn == NULL)
    return gl_error_damaged (err, path, member, "is ET_DYN without a "
			     "dynamic section: not a shared library");
  Elf_Data *d = elf_getdata (scn, NULL);
  if (d == NULL)
    return gl_error_libelf (err, path, member,
			    "cannot read the dynamic section");
  size_t n = d->d_size / gelf_fsize (elf, ELF_T_DYN, 1, EV_CURRENT);
  for (size_t i = 0; i < n; i++)
    {
      GElf_Dyn dyn;
      if (gelf_getdyn (d, (int) i, &dyn) == NULL || dyn.d_tag == DT_NULL)
	break;
      if (dyn.d_tag == DT_FLAGS_1 && (dyn.d_un.d_val & DF_1_PIE) != 0)
	{
	  gl_error_set (err, GL_EXIT_INPUT, path, member, "is a "
			"position-independent executable, not a shared "
			"library to link against");
	  gl_error_note (err, "%s", link_its_objects);
	  return -1;
	}
    }
  return 0;
}

/* Check an ELF image against the machine the link already has.  */
static int
check_elf (struct inputs *ins, Elf *elf, const char *path, const char *member,
	   unsigned *machine, unsigned *elfclass, GElf_Half *type,
	   const struct gl_arch **archp, struct gl_error *err)
{
  GElf_Ehdr ehdr;
  if (gelf_getehdr (elf, &ehdr) == NULL)
    return gl_error_libelf (err, path, member, "not a valid ELF file");
  size_t shnum;
  if (elf_getshdrnum (elf, &shnum) != 0)
    return gl_error_libelf (err, path, member,
			    "cannot read the section headers");
  *machine = ehdr.e_machine;
  *elfclass = ehdr.e_ident[EI_CLASS];
  *type = ehdr.e_type;
  if (ehdr.e_type == ET_EXEC)
    {
      gl_error_set (err, GL_EXIT_INPUT, path, member,
		    "is an executable, not an object to link");
      gl_error_note (err, "%s", link_its_objects);
      return -1;
    }
  if (ehdr.e_type != ET_REL && ehdr.e_type != ET_DYN)
    {
      gl_error_set (err, GL_EXIT_INPUT, path, member,
		    "ELF type %u cannot be linked", (unsigned) ehdr.e_type);
      gl_error_note (err, "give gold-link relocatable objects (.o), archives "
		     "(.a) or shared libraries (.so)");
      return -1;
    }
  if (check_layout (elf, &ehdr, shnum, path, member, err) != 0)
    return -1;
  /* Machine, class and byte order name the architecture (EM_PPC64 is
     ppc64le and ppc64); a byte order none of the machine's has (aarch64_be)
     is refused, and so is an architecture gold-link knows but cannot link
     for (arch/'s .unsupported).  */
  unsigned elfdata = ehdr.e_ident[EI_DATA];
  const struct gl_arch *arch = arch_by_machine (*machine, *elfclass, elfdata);
  *archp = arch;
  if (arch != NULL && elfdata != arch->elfdata)
    {
      gl_error_set (err, GL_EXIT_INPUT, path, member,
		    "is %s-endian, but %s is %s-endian",
		    ehdr.e_ident[EI_DATA] == ELFDATA2MSB ? "big" : "little",
		    arch->goarch,
		    arch->elfdata == ELFDATA2MSB ? "big" : "little");
      gl_error_note (err, "build every object of the link for GOARCH=%s",
		     arch->goarch);
      return -1;
    }
  if (arch != NULL && arch->unsupported != NULL)
    {
      gl_error_set (err, GL_EXIT_INPUT, path, member, "is for linux/%s, "
		    "which gold-link does not link: %s", arch->goarch,
		    arch->unsupported);
      gl_error_note (err, "link it without gold-link: without "
		     "-extld=gold-link, go build runs the C compiler itself");
      return -1;
    }
  if (ehdr.e_type == ET_DYN && shnum > 0
      && check_shared (elf, path, member, err) != 0)
    return -1;
  if (ins->first_elf == NULL)
    {
      ins->first_elf = member ? xasprintf ("%s(%s)", path, member)
	: xstrdup (path);
      ins->first_machine = *machine;
      ins->first_elfclass = *elfclass;
      ins->first_elfdata = elfdata;
    }
  else if (ins->first_machine != *machine
	   || ins->first_elfclass != *elfclass
	   || ins->first_elfdata != elfdata)
    {
      char *mine = xstrdup (inputs_machine_name (*machine, *elfclass,
						 elfdata));
      gl_error_set (err, GL_EXIT_INPUT, path, member,
		    "is for %s, but %s is for %s", mine, ins->first_elf,
		    inputs_machine_name (ins->first_machine,
					 ins->first_elfclass,
					 ins->first_elfdata));
      free (mine);
      gl_error_note (err, "all objects of one link must be built for the "
		     "same architecture (GOARCH and CC must agree)");
      return -1;
    }
  return 0;
}

/* Every ELF member of an archive must suit the link, too.  */
struct member_check
{
  struct inputs *ins;
  const char *path;
};

static int
check_member (Elf *m, const Elf_Arhdr *h, void *arg, struct gl_error *err)
{
  struct member_check *mc = arg;
  if (elf_kind (m) != ELF_K_ELF)
    {
      /* libelf calls a damaged ELF member "not ELF": say what is wrong.  */
      size_t size = 0;
      const char *raw = elf_rawfile (m, &size);
      if (raw != NULL && size >= SELFMAG && memcmp (raw, ELFMAG, SELFMAG) == 0)
	{
	  if (check_ident ((const unsigned char *) raw, size, mc->path,
			   h->ar_name, err) != 0)
	    return -1;
	  return gl_error_libelf (err, mc->path, h->ar_name,
				  "not a valid ELF file");
	}
      return 0;
    }
  unsigned machine, elfclass;
  GElf_Half type;
  const struct gl_arch *arch = NULL;
  if (check_elf (mc->ins, m, mc->path, h->ar_name, &machine, &elfclass,
		 &type, &arch, err) != 0)
    return -1;
  /* A Go c-archive: the program being linked contains Go code, which
     matters for the linker limits (SPEC "Linkers").  */
  if (type == ET_REL && mc->ins->go_archive == NULL && arch != NULL
      && goobj_detect (m, arch))
    {
      mc->ins->go_archive = xasprintf ("%s(%s)", mc->path, h->ar_name);
      mc->ins->go_archive_arch = arch;
    }
  return 0;
}

/* A thin archive goes to the linker as it is, which opens each member's
   file: they must be there and suit the link like any archive member.  */
static int
check_thin_archive (struct inputs *ins, const char *path, int fd,
		    void *image, size_t size, struct gl_error *err)
{
  struct strvec names = { 0 }, files = { 0 };
  strvec_init (&names);
  strvec_init (&files);
  int rc = -1;
  void *raw = image;
  if (raw == NULL)
    {
      raw = mmap (NULL, size, PROT_READ, MAP_PRIVATE, fd, 0);
      if (raw == MAP_FAILED)
	{
	  gl_error_errno (err, path, errno, "cannot map");
	  raw = NULL;
	  goto out;
	}
    }
  if (ar_thin_members (path, raw, size, &names, &files, err) != 0)
    goto out;
  struct member_check mc = { ins, path };
  for (size_t i = 0; i < names.n; i++)
    {
      struct stat st;
      int mfd = gl_open_regular (files.v[i], &st, err);
      if (mfd < 0)
	{
	  /* Said of the member, which names the file.  */
	  char *why = xstrdup (err->message);
	  gl_error_set (err, GL_EXIT_INPUT, path, names.v[i], "the member's "
			"file %s: %s", files.v[i], why);
	  free (why);
	  gl_error_note (err, "a thin archive holds only the names of its "
			 "members: keep their files where it says, or make a "
			 "normal archive (ar rc, not ar rcT)");
	  goto out;
	}
      Elf *e = elf_begin (mfd, ELF_C_READ_MMAP, NULL);
      Elf_Arhdr h = { .ar_name = names.v[i], .ar_size = st.st_size };
      int bad = e == NULL
	? gl_error_libelf (err, path, names.v[i], "cannot read")
	: check_member (e, &h, &mc, err);
      elf_end (e);
      close (mfd);
      if (bad != 0)
	goto out;
    }
  rc = 0;

out:
  if (raw != NULL && raw != image)
    munmap (raw, size);
  strvec_free (&names);
  strvec_free (&files);
  return rc;
}

/* Classify the input PATH of SIZE bytes, whose first GOT bytes are MAGIC,
   and append it to INS.  Its ELF handle is read from IMAGE when that is not
   NULL, else from the descriptor FD; only the Go object's stays open (INS
   keeps FD), other inputs' are closed.  The caller closes FD on failure.  */
static int
classify (struct inputs *ins, const char *path, int fd, void *image,
	  size_t size, const unsigned char *magic, size_t got,
	  struct gl_error *err)
{
  if (size == 0)
    {
      gl_error_set (err, GL_EXIT_INPUT, path, NULL, "is empty");
      gl_error_note (err, "an object, archive or linker script was expected; "
		     "rebuild it");
      return -1;
    }

  struct input in = { .path = NULL, .fd = fd };
  const struct gl_arch *arch = NULL;
  if (is_truncated_magic (magic, got))
    {
      return gl_error_damaged (err, path, NULL, "is truncated: %zu bytes, "
			       "less than an ELF or archive header", got);
    }
  if (got >= 8 && memcmp (magic, "!<thin>\n", 8) == 0)
    {
      in.kind = INPUT_THIN_ARCHIVE;
      if (check_thin_archive (ins, path, fd, image, size, err) != 0)
	{
	  return -1;
	}
    }
  else if ((got >= 4 && memcmp (magic, ELFMAG, SELFMAG) == 0)
	   || (got >= 8 && memcmp (magic, "!<arch>\n", 8) == 0))
    {
      if (magic[0] == ELFMAG0
	  && check_ident (magic, size, path, NULL, err) != 0)
	{
	  return -1;
	}
      in.elf = image != NULL ? elf_memory (image, size)
	: elf_begin (fd, ELF_C_READ_MMAP, NULL);
      if (in.elf == NULL)
	return gl_error_libelf (err, path, NULL, "cannot read");
      if (elf_kind (in.elf) == ELF_K_AR)
	{
	  in.kind = INPUT_ARCHIVE;
	  struct member_check mc = { ins, path };
	  if (ar_walk (in.elf, size, path, check_member, &mc,
		       err) != 0)
	    goto fail;
	}
      else
	{
	  GElf_Half type;
	  if (elf_kind (in.elf) != ELF_K_ELF)
	    {
	      gl_error_libelf (err, path, NULL, "not a valid ELF file");
	      goto fail;
	    }
	  if (check_elf (ins, in.elf, path, NULL, &in.machine, &in.elfclass,
			 &type, &arch, err) != 0)
	    goto fail;
	  in.kind = type == ET_DYN ? INPUT_SHARED : INPUT_OBJECT;
	}
    }
  else if (looks_like_text (magic, got))
    in.kind = INPUT_SCRIPT;
  else
    {
      gl_error_set (err, GL_EXIT_INPUT, path, NULL,
		    "not an ELF object, archive or linker script");
      gl_error_note (err, "pass objects (.o), archives (.a), shared libraries "
		     "(.so) or linker scripts");
      return -1;
    }

  if (in.kind == INPUT_OBJECT)
    {
      if (arch != NULL && goobj_detect (in.elf, arch))
	{
	  if (ins->go != NULL)
	    {
	      gl_error_set (err, GL_EXIT_INPUT, path, NULL,
			    "a second Go object (Go's build ID note, or the Go "
			    "TLS slot %s); %s is one already", arch->tls_slot,
			    ins->go->path);
	      gl_error_note (err, "a link takes exactly one go.o from "
			     "cmd/link, and only it may define %s",
			     arch->tls_slot);
	      goto fail;
	    }
	  in.go = true;
	}
    }

  in.path = xstrdup (path);
  if (!in.go && ins->arch == NULL
      && (in.kind == INPUT_OBJECT || in.kind == INPUT_SHARED))
    ins->arch = arch;
  if (in.go)
    ins->arch = arch;
  else
    {
      /* Only the Go object is read again: a link may name more inputs
	 than a process may have files open.  */
      elf_end (in.elf);
      if (fd >= 0)
	close (fd);
      in.elf = NULL;
      in.fd = -1;
    }
  if (ins->n == ins->cap)
    {
      /* ins->go points into ins->v: re-point it after the move.  */
      size_t go_index = ins->go != NULL ? (size_t) (ins->go - ins->v) : 0;
      ins->cap = ins->cap ? 2 * ins->cap : 16;
      ins->v = xrealloc (ins->v, ins->cap * sizeof *ins->v);
      if (ins->go != NULL)
	ins->go = &ins->v[go_index];
    }
  ins->v[ins->n] = in;
  if (in.go)
    ins->go = &ins->v[ins->n];
  ins->n++;
  return 0;

fail:
  elf_end (in.elf);
  return -1;
}

int
inputs_add (struct inputs *ins, const char *path, struct gl_error *err)
{
  struct stat st;
  int fd = gl_open_regular (path, &st, err);
  if (fd < 0)
    return -1;
  unsigned char magic[512];
  ssize_t got = pread (fd, magic, sizeof magic, 0);
  if (got < 0)
    {
      gl_error_errno (err, path, errno, "cannot read");
      close (fd);
      return -1;
    }
  if (classify (ins, path, fd, NULL, (size_t) st.st_size, magic,
		(size_t) got, err) != 0)
    {
      close (fd);
      return -1;
    }
  return 0;
}

int
inputs_add_image (struct inputs *ins, const char *path, void *image,
		  size_t size, struct gl_error *err)
{
  return classify (ins, path, -1, image, size, image,
		   size < 512 ? size : 512, err);
}

void
inputs_free (struct inputs *ins)
{
  for (size_t i = 0; i < ins->n; i++)
    {
      elf_end (ins->v[i].elf);
      if (ins->v[i].fd >= 0)
	close (ins->v[i].fd);
      free (ins->v[i].path);
    }
  free (ins->v);
  free (ins->go_archive);
  free (ins->first_elf);
  ins->first_elf = NULL;
  ins->v = NULL;
  ins->n = 0;
  ins->cap = 0;
  ins->go = NULL;
  ins->go_archive = NULL;
}
