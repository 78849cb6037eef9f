/* What each linker input is, judged by its content, and which one is the Go
   object.  */
#include <config.h>

#include "inputs.h"
#include "arfile.h"
#include "goobj.h"
#include "xalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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
inputs_machine_name (unsigned machine, unsigned elfclass)
{
  const struct gl_arch *a = arch_by_machine (machine, elfclass);
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

/* Check an ELF image against the machine the link already has.  */
static int
check_elf (struct inputs *ins, Elf *elf, const char *path, const char *member,
	   unsigned *machine, unsigned *elfclass, GElf_Half *type,
	   struct gl_error *err)
{
  GElf_Ehdr ehdr;
  if (gelf_getehdr (elf, &ehdr) == NULL)
    {
      gl_error_set (err, GL_EXIT_INPUT, path, member,
		    "not a valid ELF file: %s", elf_errmsg (-1));
      gl_error_note (err, "the file is truncated or damaged; rebuild it");
      return -1;
    }
  size_t shnum;
  if (elf_getshdrnum (elf, &shnum) != 0)
    {
      gl_error_set (err, GL_EXIT_INPUT, path, member,
		    "damaged section headers: %s", elf_errmsg (-1));
      gl_error_note (err, "the file is truncated or damaged; rebuild it");
      return -1;
    }
  *machine = ehdr.e_machine;
  *elfclass = ehdr.e_ident[EI_CLASS];
  *type = ehdr.e_type;
  if (ehdr.e_type == ET_EXEC)
    {
      gl_error_set (err, GL_EXIT_INPUT, path, member,
		    "is an executable, not an object to link");
      gl_error_note (err, "give gold-link relocatable objects (.o), archives "
		     "(.a) or shared libraries (.so)");
      return -1;
    }
  if (ehdr.e_type != ET_REL && ehdr.e_type != ET_DYN)
    {
      gl_error_set (err, GL_EXIT_INPUT, path, member,
		    "ELF type %u cannot be linked", (unsigned) ehdr.e_type);
      return -1;
    }
  for (size_t i = 0; i < ins->n; i++)
    {
      const struct input *o = &ins->v[i];
      if (o->elf == NULL || o->kind == INPUT_ARCHIVE)
	continue;
      if (o->machine != *machine || o->elfclass != *elfclass)
	{
	  char *mine = xstrdup (inputs_machine_name (*machine, *elfclass));
	  gl_error_set (err, GL_EXIT_INPUT, path, member,
			"is for %s, but %s is for %s", mine, o->path,
			inputs_machine_name (o->machine, o->elfclass));
	  free (mine);
	  gl_error_note (err, "all objects of one link must be built for the "
			 "same architecture (GOARCH and CC must agree)");
	  return -1;
	}
      break;
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
    return 0;
  unsigned machine, elfclass;
  GElf_Half type;
  if (check_elf (mc->ins, m, mc->path, h->ar_name, &machine, &elfclass,
		 &type, err) != 0)
    return -1;
  /* A Go c-archive: the program being linked contains Go code, which
     matters for the linker limits (SPEC "Linkers").  */
  const struct gl_arch *arch = arch_by_machine (machine, elfclass);
  if (type == ET_REL && mc->ins->go_archive == NULL && arch != NULL
      && goobj_detect (m, arch))
    {
      mc->ins->go_archive = xasprintf ("%s(%s)", mc->path, h->ar_name);
      mc->ins->go_archive_arch = arch;
    }
  return 0;
}

/* Classify the input PATH of SIZE bytes, whose first GOT bytes are MAGIC, and
   append it to INS.  Its ELF handle is read from IMAGE when that is not NULL,
   else from the descriptor FD, which INS then keeps.  The caller closes FD
   on failure.  */
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
  if (got >= 8 && memcmp (magic, "!<thin>\n", 8) == 0)
    in.kind = INPUT_THIN_ARCHIVE;
  else if ((got >= 4 && memcmp (magic, ELFMAG, SELFMAG) == 0)
	   || (got >= 8 && memcmp (magic, "!<arch>\n", 8) == 0))
    {
      in.elf = image != NULL ? elf_memory (image, size)
	: elf_begin (fd, ELF_C_READ_MMAP, NULL);
      if (in.elf == NULL)
	{
	  gl_error_set (err, GL_EXIT_INPUT, path, NULL,
			"cannot read: %s", elf_errmsg (-1));
	  gl_error_note (err, "the file is truncated or damaged; rebuild it");
	  return -1;
	}
      if (elf_kind (in.elf) == ELF_K_AR)
	{
	  in.kind = INPUT_ARCHIVE;
	  struct member_check mc = { ins, path };
	  if (ar_walk (in.elf, size, path, check_member, &mc, err) != 0)
	    goto fail;
	}
      else
	{
	  GElf_Half type;
	  if (elf_kind (in.elf) != ELF_K_ELF
	      || check_elf (ins, in.elf, path, NULL, &in.machine,
			    &in.elfclass, &type, err) != 0)
	    {
	      if (err->status == 0)
		gl_error_set (err, GL_EXIT_INPUT, path, NULL,
			      "not a valid ELF file: %s", elf_errmsg (-1));
	      goto fail;
	    }
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
      const struct gl_arch *arch = arch_by_machine (in.machine, in.elfclass);
      if (arch != NULL && goobj_detect (in.elf, arch))
	{
	  if (ins->go != NULL)
	    {
	      gl_error_set (err, GL_EXIT_INPUT, path, NULL,
			    "a second Go object; %s is one already",
			    ins->go->path);
	      gl_error_note (err, "a link takes exactly one go.o from cmd/link");
	      goto fail;
	    }
	  in.go = true;
	}
    }

  in.path = xstrdup (path);
  /* ins->go points into ins->v: re-point it after the move.  */
  bool had_go = ins->go != NULL;
  size_t go_index = had_go ? (size_t) (ins->go - ins->v) : 0;
  ins->v = xrealloc (ins->v, (ins->n + 1) * sizeof *ins->v);
  ins->v[ins->n] = in;
  if (had_go)
    ins->go = &ins->v[go_index];
  if (in.go)
    {
      ins->go = &ins->v[ins->n];
      ins->arch = arch_by_machine (in.machine, in.elfclass);
    }
  else if (ins->arch == NULL && in.elf != NULL && in.kind != INPUT_ARCHIVE)
    ins->arch = arch_by_machine (in.machine, in.elfclass);
  ins->n++;
  return 0;

fail:
  elf_end (in.elf);
  return -1;
}

int
inputs_add (struct inputs *ins, const char *path, struct gl_error *err)
{
  int fd = open (path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    {
      gl_error_set (err, GL_EXIT_INPUT, path, NULL, "cannot open: %s",
		    strerror (errno));
      if (errno == ENOENT)
	gl_error_note (err, "check the path; inputs are relative to the "
		       "current directory");
      return -1;
    }
  struct stat st;
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      gl_error_set (err, GL_EXIT_INPUT, path, NULL,
		    S_ISDIR (st.st_mode) ? "is a directory, not a file"
		    : "is not a regular file");
      close (fd);
      return -1;
    }

  unsigned char magic[512];
  ssize_t got = pread (fd, magic, sizeof magic, 0);
  if (got < 0)
    {
      gl_error_set (err, GL_EXIT_INPUT, path, NULL, "cannot read: %s",
		    strerror (errno));
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
  ins->v = NULL;
  ins->n = 0;
  ins->go = NULL;
  ins->go_archive = NULL;
}
