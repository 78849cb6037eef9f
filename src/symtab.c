/* The symbol table of one ELF object file, visited symbol by symbol: what
   cxx.c (C++ runtime references) and explain.c (a host object's origin,
   its definitions and references) read of the host objects.  */
#include <config.h>

#include "symtab.h"

#include <sys/stat.h>
#include <unistd.h>

int
symtab_each (const char *path, bool globals_only, symtab_visit_fn *visit,
	     void *arg, struct gl_error *err)
{
  struct stat st;
  int fd = gl_open_regular (path, &st, err);
  if (fd < 0)
    return -1;
  int rc = -1;
  Elf *elf = elf_begin (fd, ELF_C_READ_MMAP, NULL);
  if (elf == NULL)
    {
      gl_error_libelf (err, path, NULL, "cannot read");
      goto out;
    }
  Elf_Scn *scn = NULL;
  GElf_Shdr sh;
  while ((scn = elf_nextscn (elf, scn)) != NULL)
    if (gelf_getshdr (scn, &sh) != NULL && sh.sh_type == SHT_SYMTAB)
      break;
  rc = 0;
  if (scn == NULL || sh.sh_entsize == 0)
    goto out;
  Elf_Data *d = elf_getdata (scn, NULL);
  if (d == NULL)
    {
      rc = gl_error_libelf (err, path, NULL, "cannot read the symbol table");
      goto out;
    }
  size_t n = d->d_size / sh.sh_entsize;
  for (size_t i = globals_only ? sh.sh_info : 1; i < n; i++)
    {
      GElf_Sym sym;
      if (gelf_getsym (d, (int) i, &sym) == NULL)
	break;
      const char *name = elf_strptr (elf, sh.sh_link, sym.st_name);
      if (name != NULL && name[0] != '\0')
	visit (name, &sym, arg);
    }

out:
  elf_end (elf);
  close (fd);
  return rc;
}
