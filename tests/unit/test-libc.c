/* Table of the libc a dynamic linker names (libc_by_loader): every
   architecture's glibc loader, as its arch file gives it and as the
   drivers print it, and musl's ld-musl-ARCH.so.1, with or without a
   directory; and the refusals arch/libc.def gives per mode.  */
#include <config.h>

#include "arch.h"
#include "libc.h"
#include "mode.h"
#include "unit.h"

struct loader_row
{
  int line;
  const char *loader;
  const char *want;		/* the libc's name */
};
#define ROW(...) { __LINE__, __VA_ARGS__ }

static const struct loader_row rows[] = {
  ROW ("/lib64/ld-linux-x86-64.so.2", "glibc"),
  ROW ("/lib/ld-linux.so.2", "glibc"),
  ROW ("/lib/ld-linux-aarch64.so.1", "glibc"),
  ROW ("/lib/ld-linux-armhf.so.3", "glibc"),
  ROW ("/lib64/ld64.so.2", "glibc"),
  ROW ("/lib/ld64.so.1", "glibc"),
  ROW ("/lib/ld.so.1", "glibc"),
  ROW ("ld-linux-riscv64-lp64d.so.1", "glibc"),
  ROW ("/lib/ld-musl-x86_64.so.1", "musl"),
  ROW ("/lib/ld-musl-aarch64.so.1", "musl"),
  ROW ("/lib/ld-musl-armhf.so.1", "musl"),
  ROW ("ld-musl-i386.so.1", "musl"),
  ROW ("/usr/lib/musl/lib/ld-musl-x86_64.so.1", "musl"),
  /* Only the file name counts.  */
  ROW ("/opt/ld-musl-x/ld-linux-x86-64.so.2", "glibc"),
};

int
main (void)
{
  for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
    CHECK_ROW_STR (rows[i].line, libc_by_loader (rows[i].loader)->name,
		   rows[i].want);
  /* Every arch file's dynamic linker is glibc's.  */
  for (size_t a = 0; a < gl_narches; a++)
    CHECK_STR (libc_by_loader (gl_arches[a].dynamic_linker)->name, "glibc");
  /* glibc refuses nothing; musl a c-shared library and a c-archive.  */
  const struct gl_libc *glibc = libc_by_loader ("ld-linux-x86-64.so.2");
  const struct gl_libc *musl = libc_by_loader ("ld-musl-x86_64.so.1");
  for (int m = MODE_EXE; m <= MODE_EXE_LINKSHARED; m++)
    {
      CHECK (libc_refusal (glibc, 1u << m) == NULL);
      bool refused = m == MODE_C_SHARED || m == MODE_C_ARCHIVE;
      CHECK ((libc_refusal (musl, 1u << m) != NULL) == refused);
    }
  return unit_report ("test-libc");
}
