/* Fuzz target: the bytes as one linker input, through what gold-link does to
   an object (main.c's link_inputs): classification (inputs.c), and for a Go
   object the scan (goobj.c), the build mode (mode.c) and the TLS rules
   (tls.c) for every mode, with and without -static.  */
#include <config.h>

#include "fuzz.h"
#include "goobj.h"
#include "inputs.h"
#include "mode.h"
#include "tls.h"

#include <gelf.h>

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  (void) argc;
  (void) argv;
  elf_version (EV_CURRENT);
  return 0;
}

/* The mode the driver flags FLAGS and the evidence in G decide.  */
static void
decide_mode (const char *const *flags, const char *requested,
	     const struct goobj *g)
{
  struct strvec args = { 0 };
  struct cmdline cl = { 0 };
  struct gl_error err = { 0 };
  strvec_init (&args);
  for (; *flags != NULL; flags++)
    strvec_push (&args, *flags);
  int rc = cmdline_classify (&args, &cl, &err);
  fuzz_check_status ("cmdline_classify", rc, &err);
  enum gl_mode mode;
  const char *why;
  rc = mode_decide (requested, &cl, g, &mode, &why, &err);
  fuzz_check_status ("mode_decide", rc, &err);
  gl_error_clear (&err);
  cmdline_free (&cl);
  strvec_free (&args);
}

static void
check_go_object (const struct inputs *ins)
{
  const struct gl_arch *arch = ins->arch;
  struct goobj g;
  struct gl_error err = { 0 };
  int rc = goobj_scan (ins->go->elf, ins->go->path, arch, &g, &err);
  fuzz_check_status ("goobj_scan", rc, &err);
  if (rc == 0)
    {
      static const char *const none[] = { NULL };
      static const char *const shared[] = { "-shared", NULL };
      static const char *const pie[] = { "-pie", NULL };
      decide_mode (none, NULL, &g);
      decide_mode (shared, NULL, &g);
      decide_mode (pie, NULL, &g);
      decide_mode (none, "exe", &g);
      free (tls_describe (&g));
      for (int m = MODE_NONE; m <= MODE_EXE_LINKSHARED; m++)
	for (int static_link = 0; static_link <= 1; static_link++)
	  {
	    char *warning = NULL;
	    rc = tls_check (&g, ins->go->path, (enum gl_mode) m, static_link,
			    &err, &warning);
	    fuzz_check_status ("tls_check", rc, &err);
	    gl_error_clear (&err);
	    free (warning);
	  }
      goobj_free (&g);
    }
  gl_error_clear (&err);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  struct inputs ins = { 0 };
  struct gl_error err = { 0 };
  void *image = fuzz_image (data, size);
  int rc = inputs_add_image (&ins, "fuzz.o", image, size, &err);
  fuzz_check_status ("inputs_add_image", rc, &err);
  if (rc == 0)
    {
      /* What main.c does to the input list and to the Go object.  */
      inputs_kind_name (ins.v[0].kind);
      if (ins.v[0].elf != NULL && ins.v[0].kind != INPUT_ARCHIVE)
	inputs_machine_name (ins.v[0].machine, ins.v[0].elfclass);
      if (ins.go != NULL)
	check_go_object (&ins);
    }
  gl_error_clear (&err);
  inputs_free (&ins);
  free (image);
  return 0;
}
