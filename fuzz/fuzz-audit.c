/* Fuzz target: the bytes as a file to audit (audit.c), from an exact-size
   heap copy and as a file through audit_file, each report rendered as the
   table and as JSON (auditfmt.c).  The JSON must stay one line with no raw
   control byte, whatever the file holds.  */
#include <config.h>

#include "audit.h"
#include "auditfmt.h"
#include "fuzz.h"

#include <gelf.h>

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  (void) argc;
  (void) argv;
  elf_version (EV_CURRENT);
  return 0;
}

static void
render (const struct audit_report *r)
{
  char *table = auditfmt_human (r);
  char *json = auditfmt_json (r);
  for (const unsigned char *p = (const unsigned char *) json; *p; p++)
    if (*p < 0x20)
      {
	fprintf (stderr, "fuzz: a raw control byte 0x%02x in the JSON: %s\n",
		 *p, json);
	abort ();
      }
  free (table);
  free (json);
}

static void
audit_one (int rc, struct audit_report *r, struct gl_error *err,
	   const char *what)
{
  fuzz_check_status (what, rc, err);
  if (rc == 0)
    {
      render (r);
      audit_free (r);
    }
  gl_error_clear (err);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  struct audit_report r;
  struct gl_error err = { 0 };
  void *image = fuzz_image (data, size);
  audit_one (audit_image ("fuzz.so", image, size, &r, &err), &r, &err,
	     "audit_image");
  free (image);

  char path[64];
  int fd = fuzz_file (data, size, path, sizeof path);
  audit_one (audit_file (path, &r, &err), &r, &err, "audit_file");
  close (fd);
  return 0;
}
