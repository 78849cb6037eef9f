/* Fuzz target: the bytes as an archive, read the two ways gold-link reads
   one: as a linker input (the link flow, flow.c: every member checked, a
   Go c-archive member detected) and as gold-link-ar's existing archive (arfile.c:
   ar_walk), then written back with a symbol index (ar_write) and read again:
   the members must survive the round trip unchanged.  */
#include <config.h>

#include "arfile.h"
#include "fuzz.h"

#include <gelf.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/* ar_write's output: a file in memory, never on disk.  */
static int out_fd = -1;

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  (void) argc;
  (void) argv;
  elf_version (EV_CURRENT);
  out_fd = memfd_create ("fuzz-archive", MFD_CLOEXEC);
  if (out_fd < 0)
    {
      perror ("fuzz-archive: memfd_create");
      exit (1);
    }
  return 0;
}

/* The archive as a linker input, through the library's link flow as
   --dry-run: every member checked, a Go c-archive member detected, the
   compiler, linker and command chosen for a C program containing it.  */
static void
link_as_input (const uint8_t *data, size_t size)
{
  char path[64];
  int fd = fuzz_file (data, size, path, sizeof path);
  const char *const words[] = { path, "-o", "/nonexistent/gold-link-fuzz.out",
				NULL };
  struct link_options opt = { .linker = "bfd" };
  fuzz_link (&opt, words);
  close (fd);
}

/* Write SET to out_fd and return a copy of what was written, or NULL.  */
static uint8_t *
write_archive (const struct ar_set *set, size_t *size)
{
  struct gl_error err = { 0 };
  if (ftruncate (out_fd, 0) != 0 || lseek (out_fd, 0, SEEK_SET) != 0)
    abort ();
  int rc = ar_write (out_fd, "fuzz-out.a", set, true, &err);
  fuzz_check_status ("ar_write", rc, &err);
  gl_error_clear (&err);
  struct stat st;
  if (rc != 0 || fstat (out_fd, &st) != 0)
    return NULL;
  *size = (size_t) st.st_size;
  uint8_t *copy = xmalloc (*size);
  if (pread (out_fd, copy, *size, 0) != (ssize_t) *size)
    abort ();
  return copy;
}

static void
check_same_members (const struct ar_set *a, const struct ar_set *b)
{
  bool same = a->n == b->n;
  for (size_t i = 0; same && i < a->n; i++)
    same = strcmp (a->v[i].name, b->v[i].name) == 0
      && a->v[i].size == b->v[i].size
      && memcmp (a->v[i].data, b->v[i].data, a->v[i].size) == 0;
  if (!same)
    {
      fprintf (stderr, "fuzz: the archive written differs from the one "
	       "read (%zu members, %zu read back)\n", a->n, b->n);
      abort ();
    }
}

static void
rewrite_archive (const uint8_t *data, size_t size)
{
  struct ar_set set = { 0 }, again = { 0 };
  struct gl_error err = { 0 };
  void *image = fuzz_image (data, size);
  uint8_t *written = NULL;
  size_t written_size = 0;
  int rc = ar_set_add_archive_image (&set, "fuzz.a", image, size, &err);
  fuzz_check_status ("ar_set_add_archive_image", rc, &err);
  if (rc != 0)
    goto out;
  written = write_archive (&set, &written_size);
  if (written == NULL)
    goto out;
  rc = ar_set_add_archive_image (&again, "fuzz-out.a", written, written_size,
				 &err);
  fuzz_check_status ("ar_set_add_archive_image (written)", rc, &err);
  if (rc != 0)
    {
      fprintf (stderr, "fuzz: gold-link cannot read the archive it wrote: "
	       "%s\n", err.message);
      abort ();
    }
  check_same_members (&set, &again);

out:
  gl_error_clear (&err);
  ar_set_free (&again);
  ar_set_free (&set);
  free (written);
  free (image);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  link_as_input (data, size);
  rewrite_archive (data, size);
  return 0;
}
