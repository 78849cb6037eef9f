/* What each linker input is, judged by its content, and which one is the Go
   object.  */
#ifndef GL_INPUTS_H
#define GL_INPUTS_H

#include <gelf.h>
#include <stdbool.h>
#include <stddef.h>

#include "arch.h"
#include "diag.h"

enum input_kind
{
  INPUT_OBJECT,			/* ELF ET_REL */
  INPUT_SHARED,			/* ELF ET_DYN */
  INPUT_ARCHIVE,		/* !<arch> */
  INPUT_THIN_ARCHIVE,		/* !<thin> */
  INPUT_SCRIPT			/* text: a linker script such as libc.so */
};

struct input
{
  char *path;
  enum input_kind kind;
  unsigned machine;		/* ELF inputs: e_machine, e_ident class */
  unsigned elfclass;
  bool go;			/* the Go object */
  int fd;			/* the Go object's, open while elf is; else -1 */
  Elf *elf;			/* the Go object's; NULL for other inputs */
};

struct inputs
{
  struct input *v;
  size_t n, cap;
  struct input *go;		/* the Go object, or NULL */
  const struct gl_arch *arch;	/* the Go object's, else the first ELF's */
  char *go_archive;		/* "ARCHIVE(MEMBER)" of a Go object inside an
				   archive operand (a Go c-archive), or NULL */
  const struct gl_arch *go_archive_arch;
  char *first_elf;		/* the first ELF input or archive member, as
				   "PATH" or "ARCHIVE(MEMBER)": all must
				   agree with its machine, class and byte
				   order */
  unsigned first_machine, first_elfclass, first_elfdata;
};

/* Open and classify PATH, append it to INS.  ELF objects, shared
   libraries and archive members are checked to agree on machine and class
   with the first of them, whichever came first.  */
int inputs_add (struct inputs *ins, const char *path, struct gl_error *err);
/* The same for the SIZE bytes at IMAGE, named PATH in messages.  IMAGE must
   be writable (libelf may convert it in place) and outlive INS.  */
int inputs_add_image (struct inputs *ins, const char *path, void *image,
		      size_t size, struct gl_error *err);
void inputs_free (struct inputs *ins);

/* Is the ELF image ELF of the file PATH whole: its header, its section
   header table and every section inside the file?  */
int inputs_check_image (Elf *elf, const char *path, struct gl_error *err);

const char *inputs_kind_name (enum input_kind kind);
const char *inputs_machine_name (unsigned machine, unsigned elfclass,
				 unsigned elfdata);

#endif
