/* The architecture table, built from the data files in arch/.  */
#include <config.h>

#include "arch.h"

#include <elf.h>
#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include "mode.h"

#define TLS(model, reloc) { reloc, #reloc, GL_TLS_##model }
#define TLS_END { 0, NULL, GL_TLS_NONE }
#define M(mode) (1u << MODE_##mode)
#define ALL_MODES (~0u)
#define LIMIT(ld, modes, why) { LD_##ld, modes, why, NULL }
#define LIMIT_LIBC(ld, modes, libc, why) { LD_##ld, modes, why, libc }
#define LIMIT_END { 0, 0, NULL, NULL }

const struct gl_arch gl_arches[] = {
#include "arches.def"
};

const size_t gl_narches = sizeof gl_arches / sizeof gl_arches[0];

const struct gl_arch *
arch_by_machine (unsigned machine, unsigned elfclass, unsigned elfdata)
{
  const struct gl_arch *other_order = NULL;
  for (size_t i = 0; i < gl_narches; i++)
    if (gl_arches[i].machine == machine && gl_arches[i].elfclass == elfclass)
      {
	if (gl_arches[i].elfdata == elfdata)
	  return &gl_arches[i];
	if (other_order == NULL)
	  other_order = &gl_arches[i];
      }
  return other_order;
}

#include "debian.def"

void
arch_cross_compilers (const struct gl_arch *arch, struct strvec *names)
{
  strvec_push_own (names, xasprintf ("%s-gcc-" GL_CROSS_GCC_VERSION,
				     arch->triplet));
  strvec_push_own (names, xasprintf ("%s-gcc", arch->triplet));
}

char *
arch_cross_package (const struct gl_arch *arch)
{
  return xasprintf ("gcc-" GL_CROSS_GCC_VERSION "-%s", arch->triplet);
}

const struct gl_arch *
arch_by_goarch (const char *goarch)
{
  for (size_t i = 0; i < gl_narches; i++)
    if (strcmp (gl_arches[i].goarch, goarch) == 0)
      return &gl_arches[i];
  return NULL;
}

/* Is the CPU part of TRIPLET (up to its first '-') in LIST, a blank-separated
   list of names where a final '*' matches any rest ("armv*")?  */
static bool
cpu_in (const char *list, const char *triplet)
{
  size_t len = strcspn (triplet, "-\n");
  for (const char *p = list ? list : ""; *p != '\0';)
    {
      size_t n = strcspn (p, " ");
      if (n > 0 && p[n - 1] == '*'
	  ? len >= n - 1 && strncmp (p, triplet, n - 1) == 0
	  : n == len && strncmp (p, triplet, n) == 0)
	return true;
      p += n;
      p += strspn (p, " ");
    }
  return false;
}

const struct gl_arch *
arch_by_triplet (const char *triplet)
{
  for (size_t i = 0; i < gl_narches; i++)
    if (cpu_in (gl_arches[i].cpus, triplet))
      return &gl_arches[i];
  return NULL;
}

bool
arch_cc_targets (const struct gl_arch *arch, const char *triplet)
{
  return cpu_in (arch->cpus, triplet) || cpu_in (arch->multilib_cpus, triplet);
}

/* Read from gold-link's own ELF header, so that a new architecture needs
   only its arch/ file.  */
const struct gl_arch *
arch_native (void)
{
  static const struct gl_arch *native;
  static bool known;
  if (!known)
    {
      unsigned char h[20];
      int fd = open ("/proc/self/exe", O_RDONLY | O_CLOEXEC);
      if (fd >= 0 && read (fd, h, sizeof h) == (ssize_t) sizeof h
	  && memcmp (h, ELFMAG, SELFMAG) == 0)
	{
	  uint16_t machine;	/* our own byte order: the file's */
	  memcpy (&machine, h + 18, sizeof machine);
	  const struct gl_arch *a = arch_by_machine (machine, h[EI_CLASS],
						     h[EI_DATA]);
	  native = a != NULL && a->elfdata == h[EI_DATA] ? a : NULL;
	}
      if (fd >= 0)
	close (fd);
      known = true;
    }
  return native;
}
