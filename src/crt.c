/* The C runtime glue for a raw link: gcc's start and end files, -L
   directories and libgcc/libc sequence.  The files are found through the
   compiler driver's own search directories, so no target's layout is
   written down here.  */
#include <config.h>

#include "crt.h"
#include "cache.h"
#include "inputs.h"
#include "run.h"

#include <gelf.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* gcc's *startfile and *endfile specs for glibc targets (gnu-user.h; the
   installed specs, research/driver-anchors.md §2.1, say the same).  */
static const struct
{
  const char *start[3];		/* NULL: fewer */
  const char *end[2];
} crt_files[] = {
  [CRT_EXE] = { { "crt1.o", "crti.o", "crtbegin.o" },
		{ "crtend.o", "crtn.o" } },
  [CRT_PIE] = { { "Scrt1.o", "crti.o", "crtbeginS.o" },
		{ "crtendS.o", "crtn.o" } },
  [CRT_SHARED] = { { "crti.o", "crtbeginS.o", NULL },
		   { "crtendS.o", "crtn.o" } },
  [CRT_STATIC] = { { "crt1.o", "crti.o", "crtbeginT.o" },
		   { "crtend.o", "crtn.o" } },
  [CRT_STATIC_PIE] = { { "rcrt1.o", "crti.o", "crtbeginS.o" },
		       { "crtendS.o", "crtn.o" } },
};

/* gcc's *link_gcc_c_sequence (libgcc, libc, libgcc) with its *libgcc spec
   expanded: libgcc_s only where needed, static links grouped.  */
static const char *const libs_dynamic[] = {
  "-lgcc", "--push-state", "--as-needed", "-lgcc_s", "--pop-state",
  "-lc",
  "-lgcc", "--push-state", "--as-needed", "-lgcc_s", "--pop-state", NULL
};
static const char *const libs_static[] = {
  "--start-group", "-lgcc", "-lgcc_eh", "-lc", "--end-group", NULL
};
static const char *const libs_static_libgcc[] = {
  "-lgcc", "-lgcc_eh", "-lc", "-lgcc", "-lgcc_eh", NULL
};

const char *
crt_link_name (enum crt_link link)
{
  switch (link)
    {
    case CRT_EXE:
      return "exe";
    case CRT_PIE:
      return "pie";
    case CRT_SHARED:
      return "shared";
    case CRT_STATIC:
      return "static";
    case CRT_STATIC_PIE:
      return "static-pie";
    }
  return "?";
}

void
crt_free (struct crt_glue *glue)
{
  if (glue == NULL)
    return;
  strvec_free (&glue->start);
  strvec_free (&glue->libdirs);
  strvec_free (&glue->libs);
  strvec_free (&glue->end);
}

/* The version directory at the end of gcc's "install:" line (".../12/"),
   for naming packages; NULL when there is none (clang prints no such
   line).  */
static char *
gcc_version (const char *out)
{
  const char *line = out;
  while (line != NULL && strncmp (line, "install: ", 9) != 0)
    {
      line = strchr (line, '\n');
      line = line ? line + 1 : NULL;
    }
  if (line == NULL)
    return NULL;
  const char *end = line + strcspn (line, "\n");
  while (end > line && end[-1] == '/')
    end--;
  const char *start = end;
  while (start > line && start[-1] != '/')
    start--;
  if (start == end || strspn (start, "0123456789.") != (size_t) (end - start))
    return NULL;
  return xstrndup (start, (size_t) (end - start));
}

/* Run CMD -print-search-dirs once and put the directories of its
   "libraries:" line into DIRS: the startfile prefixes gcc searches for
   "%s" files and turns into -L, in that order.  */
static int
query_search_dirs (const struct strvec *cmd, const char *cmdline,
		   struct strvec *dirs, char **version, struct gl_error *err)
{
  struct strvec argv = { 0 };
  struct cache_question q;
  char *out = NULL;
  int status, ret = -1;

  strvec_init (&argv);
  strvec_append (&argv, cmd);
  strvec_push (&argv, "-print-search-dirs");
  cache_question_init (&q, "crt", argv.v, cmd->n);
  if (cache_capture (&q, &out, &status, err) != 0)
    {
      gl_error_note (err, "install gcc or name a compiler with --cc");
      goto out;
    }
  if (status != 0)
    {
      char *query = run_format_command (argv.v);
      size_t n = strcspn (out, "\n");
      gl_error_set (err, GL_EXIT_INPUT, NULL, NULL,
		    "cannot run '%s': exit status %d%s%.*s", query, status,
		    n ? ": " : "", (int) n, out);
      gl_error_note (err, "install gcc for this target or name a compiler "
		     "with --cc");
      free (query);
      goto out;
    }

  const char *line = out;
  while (line != NULL && strncmp (line, "libraries: ", 11) != 0)
    {
      line = strchr (line, '\n');
      line = line ? line + 1 : NULL;
    }
  if (line == NULL)
    {
      gl_error_set (err, GL_EXIT_INPUT, NULL, NULL,
		    "'%s -print-search-dirs' printed no 'libraries:' line",
		    cmdline);
      gl_error_note (err, "a raw link needs a gcc-compatible compiler driver "
		     "to find the C runtime; name one with --cc");
      goto out;
    }
  /* "libraries: =DIR:DIR:...": the '=' is gcc's, as in LIBRARY_PATH=.  */
  const char *p = line + 11;
  p += *p == '=';
  while (*p != '\0' && *p != '\n')
    {
      size_t n = strcspn (p, ":\n");
      if (n > 0)
	strvec_push_own (dirs, xstrndup (p, n));
      p += n;
      p += *p == ':';
    }
  *version = gcc_version (out);
  cache_keep (&q, out);
  ret = 0;

out:
  cache_question_free (&q);
  strvec_free (&argv);
  free (out);
  return ret;
}

/* gcc's %D: each existing search directory as -L, except /lib and
   /usr/lib, which gcc leaves to the linker's defaults (gcc.cc
   is_directory; lld has none, but gcc -fuse-ld=lld omits them too).
   Canonical and each once: a later duplicate finds nothing new.  */
static void
add_libdirs (const struct strvec *dirs, struct strvec *libdirs)
{
  for (size_t i = 0; i < dirs->n; i++)
    {
      const char *d = dirs->v[i];
      size_t n = strlen (d);
      if (n > 1 && d[n - 1] == '/')
	n--;
      if ((n == 4 && strncmp (d, "/lib", 4) == 0)
	  || (n == 8 && strncmp (d, "/usr/lib", 8) == 0))
	continue;
      char *real = realpath (d, NULL);
      struct stat st;
      if (real == NULL || stat (real, &st) != 0 || !S_ISDIR (st.st_mode)
	  || strvec_contains (libdirs, real))
	free (real);
      else
	strvec_push_own (libdirs, real);
    }
}

/* Where NAME comes from, for the note of an error about it.  */
static char *
install_note (const char *name, const char *version)
{
  bool libgcc = strncmp (name, "crtbegin", 8) == 0
    || strncmp (name, "crtend", 6) == 0;
  char *pkg = libgcc ? xasprintf ("libgcc-%s-dev", version ? version : "N")
    : xstrdup ("libc6-dev");
  char *note = xasprintf ("%s comes with %s development files: install them "
			  "for this target (Debian: %s, or its -cross or "
			  "multilib package), or link through the compiler "
			  "driver", name,
			  libgcc ? "gcc's libgcc" : "the C library's", pkg);
  free (pkg);
  return note;
}

/* Is PATH, found for NAME, an ELF object of ARCH?  gcc falls back to the
   directories of the default multilib (gcc -m32 finds the 64-bit
   crtbegin.o when the 32-bit one is missing); say so before a linker
   fails on it.  */
static int
check_object (const char *path, const char *name, const struct gl_arch *arch,
	      const char *cmdline, const char *version, struct gl_error *err)
{
  Elf *elf = NULL;
  GElf_Ehdr ehdr;
  char *note = NULL;
  int ret = -1;
  struct stat st;
  int fd = gl_open_regular (path, &st, err);

  if (fd < 0)
    goto out;
  elf = elf_begin (fd, ELF_C_READ_MMAP, NULL);
  if (elf == NULL || elf_kind (elf) != ELF_K_ELF
      || gelf_getehdr (elf, &ehdr) == NULL || ehdr.e_type != ET_REL)
    {
      gl_error_set (err, GL_EXIT_INPUT, path, NULL,
		    "%s from '%s' is not an ELF relocatable object", name,
		    cmdline);
      goto out;
    }
  if (ehdr.e_machine != arch->machine
      || ehdr.e_ident[EI_CLASS] != arch->elfclass
      || ehdr.e_ident[EI_DATA] != arch->elfdata)
    {
      bool other_order = ehdr.e_ident[EI_DATA] != arch->elfdata;
      gl_error_set (err, GL_EXIT_INPUT, path, NULL,
		    "%s for %s is %s%s object", name, arch->goarch,
		    other_order ? "a " : "an ",
		    other_order
		    ? (ehdr.e_ident[EI_DATA] == ELFDATA2MSB ? "big-endian"
		       : "little-endian")
		    : inputs_machine_name (ehdr.e_machine,
					   ehdr.e_ident[EI_CLASS],
					   ehdr.e_ident[EI_DATA]));
      note = install_note (name, version);
      gl_error_note (err, "'%s' has no %s of its own; %s", cmdline, name,
		     note);
      goto out;
    }
  ret = 0;

out:
  if (elf != NULL)
    elf_end (elf);
  if (fd >= 0)
    close (fd);
  free (note);
  return ret;
}

/* Look NAME up in DIRS in order, as gcc's find_a_file does for "%s", and
   add its canonical path to INTO.  */
static int
find_file (const char *name, const struct strvec *dirs,
	   const struct gl_arch *arch, enum crt_link link,
	   const char *cmdline, const char *version, struct strvec *into,
	   struct gl_error *err)
{
  for (size_t i = 0; i < dirs->n; i++)
    {
      const char *d = dirs->v[i];
      size_t n = strlen (d);
      char *path = xasprintf ("%s%s%s", d, n && d[n - 1] == '/' ? "" : "/",
			      name);
      char *real = access (path, R_OK) == 0 ? realpath (path, NULL) : NULL;
      free (path);
      if (real == NULL)
	continue;
      if (check_object (real, name, arch, cmdline, version, err) != 0)
	{
	  free (real);
	  return -1;
	}
      strvec_push_own (into, real);
      return 0;
    }
  char *note = install_note (name, version);
  gl_error_set (err, GL_EXIT_INPUT, NULL, NULL,
		"cannot find %s for a %s link to %s in the search "
		"directories of '%s'", name, crt_link_name (link),
		arch->goarch, cmdline);
  gl_error_note (err, "%s", note);
  free (note);
  return -1;
}

int
crt_find (const struct strvec *cc, const struct gl_arch *arch,
	  enum crt_link link, unsigned flags, struct crt_glue *glue,
	  struct gl_error *err)
{
  struct strvec cmd = { 0 }, dirs = { 0 };
  char *cmdline = NULL, *version = NULL;
  int ret = -1;

  strvec_init (&glue->start);
  strvec_init (&glue->libdirs);
  strvec_init (&glue->libs);
  strvec_init (&glue->end);
  strvec_init (&cmd);
  strvec_init (&dirs);
  if (cc->n == 0)
    {
      gl_error_set (err, GL_EXIT_USAGE, NULL, NULL,
		    "no compiler driver to ask for the C runtime");
      gl_error_note (err, "name a compiler with --cc");
      goto out;
    }
  strvec_append (&cmd, cc);
  strvec_push_words (&cmd, arch->cc_flags);
  cmdline = run_format_command (cmd.v);
  if (query_search_dirs (&cmd, cmdline, &dirs, &version, err) != 0)
    goto out;

  /* -nostdlib still gets the -L list: gcc's %D is not conditional.  */
  add_libdirs (&dirs, &glue->libdirs);
  if (!(flags & CRT_NOSTARTFILES))
    {
      for (size_t i = 0; i < 3; i++)
	if (crt_files[link].start[i] != NULL
	    && find_file (crt_files[link].start[i], &dirs, arch, link,
			  cmdline, version, &glue->start, err) != 0)
	  goto out;
      for (size_t i = 0; i < 2; i++)
	if (find_file (crt_files[link].end[i], &dirs, arch, link, cmdline,
		       version, &glue->end, err) != 0)
	  goto out;
    }
  if (!(flags & CRT_NODEFAULTLIBS))
    {
      const char *const *libs = libs_dynamic;
      if (link == CRT_STATIC || link == CRT_STATIC_PIE)
	libs = libs_static;
      else if (flags & CRT_STATIC_LIBGCC)
	libs = libs_static_libgcc;
      for (size_t i = 0; libs[i] != NULL; i++)
	strvec_push (&glue->libs, libs[i]);
    }
  ret = 0;

out:
  if (ret != 0)
    crt_free (glue);
  strvec_free (&cmd);
  strvec_free (&dirs);
  free (cmdline);
  free (version);
  return ret;
}
