/* Reproducible output: what makes a link's bytes depend on more than its
   inputs' contents, as the command line and go.o show it.  Each note is
   for something tests/run-repro.sh (or run-repro-gobuild.sh) shows
   changing the bytes.  */
#include <config.h>

#include "repro.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Does a word of the arguments contain TEXT?  */
static bool
args_mention (const struct cmdline *cl, const char *text)
{
  for (size_t i = 0; i < cl->args->n; i++)
    if (strstr (cl->args->v[i], text) != NULL)
      return true;
  return false;
}

/* The last word of the arguments that gives the linker a --build-id (the
   one it obeys; cmd/link 1.24+ sends --build-id=0x... itself), or NULL.  */
static const char *
last_build_id (const struct cmdline *cl)
{
  const char *last = NULL;
  for (size_t i = 0; i < cl->args->n; i++)
    if (strstr (cl->args->v[i], "build-id") != NULL)
      last = cl->args->v[i];
  return last;
}

/* The linker is given a soname: -Wl,-soname=, -Wl,-soname,X, -Wl,-h,X,
   -Xlinker -soname.  */
static bool
has_soname (const struct cmdline *cl)
{
  for (size_t i = 0; i < cl->args->n; i++)
    {
      const char *a = cl->args->v[i];
      if (strstr (a, "-soname") != NULL || strncmp (a, "-Wl,-h,", 7) == 0
	  || (strcmp (a, "-h") == 0 && i > 0
	      && strcmp (cl->args->v[i - 1], "-Xlinker") == 0))
	return true;
    }
  return false;
}

/* go.o's .go.buildinfo holds the build settings (Go 1.18+: "build\t..."
   lines); without "-trimpath=true" among them, cmd/compile and cmd/link
   wrote the source and module directories into go.o's DWARF and file
   table.  -1: no settings to read.  */
static int
go_trimpath (Elf *go)
{
  size_t shstrndx;
  if (go == NULL || elf_getshdrstrndx (go, &shstrndx) != 0)
    return -1;
  Elf_Scn *scn = NULL;
  while ((scn = elf_nextscn (go, scn)) != NULL)
    {
      GElf_Shdr shdr;
      const char *name;
      if (gelf_getshdr (scn, &shdr) == NULL
	  || (name = elf_strptr (go, shstrndx, shdr.sh_name)) == NULL
	  || strcmp (name, ".go.buildinfo") != 0 || shdr.sh_type == SHT_NOBITS)
	continue;
      Elf_Data *d = elf_getdata (scn, NULL);
      if (d == NULL || d->d_buf == NULL)
	return -1;
      static const char settings[] = "\nbuild\t";
      static const char trimpath[] = "\nbuild\t-trimpath=true\n";
      if (memmem (d->d_buf, d->d_size, settings, sizeof settings - 1) == NULL)
	return -1;
      return memmem (d->d_buf, d->d_size, trimpath,
		     sizeof trimpath - 1) != NULL;
    }
  return -1;
}

/* Is DIR in a temporary directory: /tmp, /var/tmp or TMPDIR?  */
static bool
temporary_dir (const char *dir)
{
  const char *tmpdir = getenv ("TMPDIR");
  size_t n = tmpdir != NULL ? strlen (tmpdir) : 0;
  return strncmp (dir, "/tmp/", 5) == 0 || strncmp (dir, "/var/tmp/", 9) == 0
    || (n > 1 && strncmp (dir, tmpdir, n) == 0
	&& (dir[n] == '/' || dir[n] == '\0'));
}

/* Push a note for each run path (-rpath DIR, -rpath=DIR, -R DIR, in
   -Wl, lists or -Xlinker pairs) in a temporary directory: the linker
   writes it as given into DT_RUNPATH or DT_RPATH.  */
static void
temporary_rpaths (const struct cmdline *cl, struct strvec *notes)
{
  struct strvec words = { 0 };
  strvec_init (&words);
  for (size_t i = 0; i < cl->args->n; i++)
    {
      const char *a = cl->args->v[i];
      if (strcmp (a, "-Xlinker") == 0 && i + 1 < cl->args->n)
	strvec_push (&words, cl->args->v[++i]);
      else if (strncmp (a, "-Wl,", 4) == 0)
	{
	  char *list = xstrdup (a + 4), *save = NULL;
	  for (char *w = strtok_r (list, ",", &save); w != NULL;
	       w = strtok_r (NULL, ",", &save))
	    strvec_push (&words, w);
	  free (list);
	}
    }
  for (size_t i = 0; i < words.n; i++)
    {
      const char *w = words.v[i], *dir = NULL;
      if ((strcmp (w, "-rpath") == 0 || strcmp (w, "--rpath") == 0
	   || strcmp (w, "-R") == 0) && i + 1 < words.n)
	dir = words.v[++i];
      else if (strncmp (w, "-rpath=", 7) == 0)
	dir = w + 7;
      else if (strncmp (w, "--rpath=", 8) == 0)
	dir = w + 8;
      if (dir != NULL && temporary_dir (dir))
	strvec_push_own (notes, xasprintf ("reproducible: only from the same "
					   "directory: the run path %s is in "
					   "a temporary directory, and the "
					   "linker writes it as given into "
					   "DT_RUNPATH (or DT_RPATH); use a "
					   "fixed one, or $ORIGIN", dir));
    }
  strvec_free (&words);
}

/* Does the shared library PATH have a DT_SONAME?  (true when it cannot be
   read: inputs.c has checked it, and a note must not guess.)  */
static bool
file_has_soname (const char *path)
{
  int fd = open (path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return true;
  Elf *elf = elf_begin (fd, ELF_C_READ_MMAP, NULL);
  bool found = elf == NULL;
  Elf_Scn *scn = NULL;
  while (!found && (scn = elf_nextscn (elf, scn)) != NULL)
    {
      GElf_Shdr shdr;
      if (gelf_getshdr (scn, &shdr) == NULL || shdr.sh_type != SHT_DYNAMIC)
	continue;
      Elf_Data *d = elf_getdata (scn, NULL);
      size_t n = d != NULL && shdr.sh_entsize > 0
	? shdr.sh_size / shdr.sh_entsize : 0;
      for (size_t i = 0; i < n && !found; i++)
	{
	  GElf_Dyn dyn;
	  found = gelf_getdyn (d, (int) i, &dyn) != NULL
	    && dyn.d_tag == DT_SONAME;
	}
      break;
    }
  elf_end (elf);
  close (fd);
  return found;
}

void
repro_notes (const struct repro_link *r, struct strvec *notes)
{
  const struct cmdline *cl = r->cl;
  const char *build_id = last_build_id (cl);
  if (build_id != NULL && strstr (build_id, "build-id=uuid") != NULL)
    strvec_push (notes, "reproducible: no: --build-id=uuid writes a "
		 "random build ID; --build-id=sha1 (gold-link's default) is "
		 "a digest of the output");
  if (go_trimpath (r->go) == 0)
    strvec_push (notes, "reproducible: only from the same source "
		 "directory: go.o was built without -trimpath, and its "
		 "DWARF and file table name the directories of the build; "
		 "go build -trimpath leaves them out");
  if (args_mention (cl, "-Map") || args_mention (cl, "dependency-file"))
    strvec_push (notes, "reproducible: the output yes, but not the map "
		 "(-Map) or dependency file (--dependency-file): the linker "
		 "names each input there by its path, and the host objects' "
		 "archive is in gold-link's staging directory, a new one "
		 "under TMPDIR on every link");
  temporary_rpaths (cl, notes);
  for (size_t i = 0; r->ins != NULL && i < r->ins->n; i++)
    {
      const struct input *in = &r->ins->v[i];
      if (in->kind == INPUT_SHARED && strchr (in->path, '/') != NULL
	  && !file_has_soname (in->path))
	strvec_push_own (notes, xasprintf ("reproducible: only with the "
					   "same path to %s: it has no "
					   "soname, so the linker writes "
					   "the path as given into "
					   "DT_NEEDED; give the library a "
					   "soname, or name it with -L DIR "
					   "-lNAME", in->path));
    }
  bool shared = r->mode == MODE_C_SHARED || r->mode == MODE_SHARED
    || r->mode == MODE_PLUGIN;
  if (shared && r->ld == LD_GOLD && !has_soname (cl))
    {
      if (r->random_tmp)
	strvec_push (notes, "reproducible: no: gold names a shared "
		     "library without a soname after the file it writes "
		     "(the base version's name in .gnu.version_d and "
		     ".dynstr), and another link of this output is running "
		     "or left its file behind, so that file's name is random; "
		     "remove the leftover, or give -Wl,-soname=NAME");
      else if (r->output[0] == '/')
	strvec_push_own (notes, xasprintf ("reproducible: only with the "
					   "same -o: gold names a shared "
					   "library without a soname after "
					   "the output as the command names "
					   "it (%s, in .gnu.version_d and "
					   ".dynstr); a relative -o or "
					   "-Wl,-soname=NAME keeps the "
					   "directory out", r->output));
    }
}
