/* What gold-link knows about each architecture: the data in arch/.  */
#ifndef GL_ARCH_H
#define GL_ARCH_H

#include <stdbool.h>
#include <stddef.h>

#include "xalloc.h"

enum gl_tls_model
{
  GL_TLS_NONE = 0,	/* not a TLS relocation */
  GL_TLS_LE,		/* local-exec: executables only */
  GL_TLS_IE,		/* initial-exec: executables and shared objects */
  GL_TLS_OTHER		/* general/local-dynamic, descriptors: never from Go */
};

struct gl_tls_reloc
{
  unsigned type;
  const char *name;
  enum gl_tls_model model;
};

/* The linkers gold-link knows, fastest first (SPEC "Linkers").  */
enum gl_ld
{
  LD_MOLD,
  LD_LLD,
  LD_GOLD,
  LD_BFD,
  LD_COUNT
};

/* A linker that is known to produce a broken output for some modes (with
   one libc, or any): MODES is a set of (1 << enum gl_mode) bits, plus GL_LIMIT_STATIC_PIE and
   GL_LIMIT_STRIP_DEBUG (-Wl,-S); in c-archive it means linking a program
   that contains a Go c-archive.  */
struct gl_ld_limit
{
  enum gl_ld ld;
  unsigned modes;
  const char *why;		/* ends with NULL */
  const char *libc;		/* the libc (arch/libc.def) it holds for, as
				   its crt files cause it; NULL: any */
};

#define GL_LIMIT_STATIC_PIE (1u << 31)
#define GL_LIMIT_STRIP_DEBUG (1u << 30)

struct gl_arch
{
  const char *goarch;		/* GOARCH value */
  const char *cpus;		/* blank-separated CPU names of target triplets;
				   a final '*' matches any rest ("armv*") */
  const char *multilib_cpus;	/* CPUs of compilers that also target this
				   architecture given cc_flags (x86_64 gcc
				   -m32 for 386), or NULL */
  unsigned machine;		/* EM_* */
  unsigned char elfclass;	/* ELFCLASS32/64 */
  unsigned char elfdata;	/* ELFDATA2LSB/MSB */
  bool rela;			/* relocations with addends (.rela) or not (.rel) */
  bool mips64_r_info;		/* r_info is the MIPS64 ABI's: a 32-bit symbol
				   index, then the bytes ssym, type3, type2
				   and type, not ELF64_R_SYM/ELF64_R_TYPE */
  const char *tls_slot;		/* the Go TLS slot symbol */
  const char *tls_unused;	/* a second TLS symbol Go emits but never uses */
  /* Where a thread's TLS lies (the ELF TLS ABI), for the audit of an
     executable's slot offset: variant 2 puts the block below the thread
     pointer, ending there (aligned); variant 1 above a TCB of
     tls_tcb_size bytes (aligned to the block), the thread pointer
     tls_tp_bias bytes past the TCB's end.  */
  unsigned char tls_variant;
  unsigned tls_tcb_size;
  unsigned tls_tp_bias;
  unsigned tls_dyn_ie;		/* the dynamic relocation of an initial-exec
				   GOT entry (the slot's offset at load time) */
  const char *lib_entry;	/* c-shared/c-archive entry, run from .init_array */
  unsigned init_array_reloc;	/* pointer-sized absolute relocation */
  const char *cc_flags;		/* what cmd/link puts before every host command */
  bool settls_without_cgo;	/* a Go program without runtime/cgo sets the
				   thread pointer itself, the slot at TP-size:
				   no -static link, whose libc owns that place */
  bool cc_v_gives_ld_V;		/* the target's gcc passes the linker -V for -v */
  const char *triplet;		/* Debian's multiarch triplet */
  const char *dynamic_linker;	/* PT_INTERP of executables */
  const char *ld_emulation;	/* -m for a raw linker; ld.bfd and mold list it */
  const char *hash_style;	/* --hash-style for a raw linker: NULL for gnu,
				   "sysv" where the ABI has no .gnu.hash */
  const char *gold_target;	/* what ld.gold -V lists, NULL if no gold */
  const struct gl_ld_limit *ld_limits;	/* ends with why == NULL */
  unsigned go_modes;		/* the build modes Go has here (1 << enum
				   gl_mode), in its newest release */
  const char *go_modes_note;	/* which release added one, or NULL */
  const struct gl_tls_reloc *tls_relocs;	/* ends with name == NULL */
  const char *unsupported;	/* why gold-link refuses to link for this
				   architecture (what is missing to test it),
				   or NULL: supported */
};

/* The known architectures, and lookups; NULL when unknown.  */
extern const struct gl_arch gl_arches[];
extern const size_t gl_narches;

/* By ELF machine, class and byte order; where no architecture has that
   byte order (aarch64_be), the one of that machine and class, whose
   elfdata the caller then finds to differ.  */
const struct gl_arch *arch_by_machine (unsigned machine, unsigned elfclass,
				       unsigned elfdata);
const struct gl_arch *arch_by_goarch (const char *goarch);
/* By the CPU part of a target triplet ("aarch64-linux-gnu" -> arm64).  */
const struct gl_arch *arch_by_triplet (const char *triplet);
/* Does a compiler whose -dumpmachine is TRIPLET make ARCH's objects, given
   ARCH's cc_flags?  Its own CPUs, or one of its multilib_cpus.  */
bool arch_cc_targets (const struct gl_arch *arch, const char *triplet);
/* Debian's cross compilers for ARCH, preferred first ("TRIPLET-gcc-12",
   then "TRIPLET-gcc"), pushed to NAMES; and the package that installs the
   first (malloc'd).  The one place that knows how Debian names them.  */
void arch_cross_compilers (const struct gl_arch *arch, struct strvec *names);
char *arch_cross_package (const struct gl_arch *arch);
/* The architecture gold-link itself was built for.  */
const struct gl_arch *arch_native (void);

#endif
