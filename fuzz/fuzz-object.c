/* Fuzz target: the bytes as one linker input, through the library's own
   link flow (flow.c) as --dry-run: classification (inputs.c), and for a
   Go object the scan (goobj.c), the build mode (mode.c), the TLS rules
   (tls.c), the glue decision, the compiler, the linker and the command,
   for every mode asked for by flags or --buildmode, with -static, and
   --direct; and the classification and scan once more from an exact-size
   heap copy.  */
#include <config.h>

#include "fuzz.h"
#include "goobj.h"
#include "inputs.h"

#include <gelf.h>

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  (void) argc;
  (void) argv;
  elf_version (EV_CURRENT);
  return 0;
}

/* Each run: gold-link's --buildmode (or none), --direct, and the driver
   flags before the input.  */
static const struct run
{
  const char *buildmode;
  bool direct;
  const char *flags[3];
} runs[] = {
  { NULL, false, { NULL } },
  { NULL, false, { "-shared", NULL } },
  { NULL, false, { "-pie", NULL } },
  { NULL, false, { "-no-pie", "-static", NULL } },
  { NULL, true, { "-no-pie", NULL } },
  { "exe", false, { NULL } },
  { "c-shared", false, { "-shared", NULL } },
  { "c-archive", false, { NULL } },
  { "plugin", false, { "-shared", NULL } },
  { "shared", false, { "-shared", NULL } },
};

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  /* The classification once more from an exact-size heap copy, where
     AddressSanitizer sees a read past the end that the flow's mapping of
     the file would hide in its last page.  */
  struct inputs ins = { 0 };
  struct gl_error err = { 0 };
  void *image = fuzz_image (data, size);
  int rc = inputs_add_image (&ins, "fuzz.o", image, size, &err);
  fuzz_check_status ("inputs_add_image", rc, &err);
  if (rc == 0 && ins.go != NULL)
    {
      struct goobj g;
      rc = goobj_scan (ins.go->elf, ins.go->path, ins.arch, &g, &err);
      fuzz_check_status ("goobj_scan", rc, &err);
      if (rc == 0)
	goobj_free (&g);
    }
  gl_error_clear (&err);
  inputs_free (&ins);
  free (image);

  char path[64];
  int fd = fuzz_file (data, size, path, sizeof path);
  for (size_t r = 0; r < sizeof runs / sizeof runs[0]; r++)
    {
      const char *words[8];
      size_t n = 0;
      for (const char *const *f = runs[r].flags; *f != NULL; f++)
	words[n++] = *f;
      words[n++] = path;
      words[n++] = "-o";
      /* Never an existing file: the flow must not think it an input.  */
      words[n++] = "/nonexistent/gold-link-fuzz.out";
      words[n] = NULL;
      struct link_options opt = { .buildmode = runs[r].buildmode,
				  .direct = runs[r].direct,
				  .linker = "bfd" };
      fuzz_link (&opt, words);
    }
  close (fd);
  return 0;
}
