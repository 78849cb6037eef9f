/* Table of --direct's argument translation (direct_translate): the compiler
   driver's words in, the raw linker's words, the late libraries and the C
   runtime glue flags out, or the whole error.  */
#include <config.h>

#include <stdlib.h>

#include "cmdline.h"
#include "crt.h"
#include "direct.h"
#include "unit.h"

struct direct_row
{
  int line;
  const char *words;		/* the driver's arguments */
  const char *ld;		/* the raw linker's arguments */
  const char *late;		/* what goes after the user's libraries */
  const char *crt;		/* the C runtime glue flags set */
  const char *error;		/* or the error as printed, and nothing else */
};
#define ROW(words, ld, late, crt) { __LINE__, words, ld, late, crt, NULL }
#define REFUSED(words, word) \
  { __LINE__, words, NULL, NULL, NULL, \
    "gold-link: error: " word ": only the compiler driver knows what this " \
    "needs at link time\ngold-link: note: link through the compiler " \
    "driver (without --direct)\nexit 2" }

/* The name of the output gold-link writes (output.c's temporary).  */
#define OUT "dir/.out.tmp42"

static const struct direct_row rows[] = {
  /* Operands stay where they are; the output is renamed, and "-o" is
     added when the driver gave none (direct_build_command).  */
  ROW ("go.o main.o", "go.o main.o", "", ""),
  ROW ("go.o -o out main.o", "go.o -o " OUT " main.o", "", ""),
  ROW ("-oout go.o", "-o " OUT " go.o", "", ""),
  ROW ("go.o -o a -o b", "go.o -o " OUT " -o " OUT, "", ""),
  ROW ("a.a libb.so script.ld", "a.a libb.so script.ld", "", ""),

  /* -Wl, and -Xlinker unwrapped, in order.  */
  ROW ("-Wl,a,b", "a b", "", ""),
  ROW ("-Wl,--build-id=0x0123abcd", "--build-id=0x0123abcd", "", ""),
  ROW ("-Wl,-z,relro,-z,now", "-z relro -z now", "", ""),
  ROW ("-Wl,-rpath,/x/y -Wl,-rpath=$ORIGIN", "-rpath /x/y -rpath=$ORIGIN",
       "", ""),
  ROW ("-Wl,", "", "", ""),
  ROW ("-Wl,--whole-archive a.a -Wl,--no-whole-archive -lm",
       "--whole-archive a.a --no-whole-archive -lm", "", ""),
  ROW ("-Xlinker x", "x", "", ""),
  ROW ("-Xlinker -z -Xlinker now -Xlinker --export-dynamic-symbol=main.f",
       "-z now --export-dynamic-symbol=main.f", "", ""),
  ROW ("-Xlinker -o -Xlinker ld-out", "-o ld-out", "", ""),

  /* Options the raw linker takes as they are; -l and -L joined.  */
  ROW ("-lm -l pthread -L/opt/lib -L /usr/lib",
       "-lm -lpthread -L/opt/lib -L/usr/lib", "", ""),
  ROW ("-s --sysroot=/sys", "-s --sysroot=/sys", "", ""),
  ROW ("--sysroot /sys go.o", "--sysroot=/sys go.o", "", ""),
  /* A compile-time option's separate value is its own, not an input.  */
  ROW ("-I inc -D X=1 -U Y go.o", "go.o", "", ""),
  ROW ("-isystem /inc -include cfg.h go.o", "go.o", "", ""),
  ROW ("-T script.ld -Tother.ld", "-T script.ld -Tother.ld", "", ""),
  ROW ("-u sym -usym2 -e entry -eentry2", "-u sym -usym2 -e entry -eentry2",
       "", ""),
  ROW ("-z now -znoexecstack", "-z now -znoexecstack", "", ""),

  /* What the driver would do itself for these.  */
  ROW ("-rdynamic", "--export-dynamic", "", ""),
  ROW ("go.o -pthread -lm", "go.o -lm", "-lpthread", ""),
  ROW ("-static-libgcc", "", "", "static-libgcc"),
  ROW ("-nostdlib", "", "", "nostartfiles nodefaultlibs"),
  ROW ("-nostartfiles", "", "", "nostartfiles"),
  ROW ("-nodefaultlibs", "", "", "nodefaultlibs"),
  ROW ("-nostartfiles -static-libgcc -nodefaultlibs", "", "",
       "nostartfiles nodefaultlibs static-libgcc"),

  /* The mode, the linker and -v are gold-link's own choice.  */
  ROW ("-shared -pie -no-pie -nopie -static -static-pie -shared-libgcc", "",
       "", ""),
  ROW ("-fuse-ld=gold -fuse-ld=lld -v", "", "", ""),

  /* Compile-only flags and warnings: a link ignores them.  */
  ROW ("-g -g3 -O2 -Os -m64 -march=x86-64 -DX=1 -UY -Iinc -std=gnu11 "
       "-pipe -Qunused-arguments", "", "", ""),
  ROW ("-fPIC -fpic -fPIE -fpie -fno-lto -fno-common -fstack-protector-strong "
       "-fomit-frame-pointer", "", "", ""),
  ROW ("-fdebug-prefix-map=/a=/b -ffile-prefix-map=/a=/b "
       "-fmacro-prefix-map=/a=/b -fcf-protection=full "
       "-fasynchronous-unwind-tables -fexceptions -fmessage-length=0 "
       "-fdiagnostics-color=always -fcolor-diagnostics -fvisibility=hidden "
       "-ffunction-sections -fdata-sections", "", "", ""),
  ROW ("-Wall -Wextra -Werror -Wno-unused", "", "", ""),

  /* What cmd/link sends (1.19 exe; 1.21+ c-shared), as main builds it.  */
  ROW ("-m64 -Wl,--build-id=0x0123 -o /tmp/b/exe/a.out -rdynamic "
       "/tmp/go-link-1/go.o /tmp/go-link-1/000000.o -O2 -g -lpthread -no-pie",
       "--build-id=0x0123 -o " OUT " --export-dynamic /tmp/go-link-1/go.o "
       "/tmp/go-link-1/000000.o -lpthread", "", ""),
  ROW ("-m64 -Wl,-z,relro -shared -Wl,-z,nodelete -Wl,-Bsymbolic "
       "-Wl,--export-dynamic-symbol=_cgo_panic -o libx.so go.o -Wl,-S "
       "-Wl,-z,now -pthread -z noexecstack",
       "-z relro -z nodelete -Bsymbolic --export-dynamic-symbol=_cgo_panic "
       "-o " OUT " go.o -S -z now -z noexecstack", "-lpthread", ""),

  /* Only a compiler driver knows what these need at link time.  */
  REFUSED ("go.o -flto", "-flto"),
  REFUSED ("-flto=auto go.o", "-flto=auto"),
  REFUSED ("-fsanitize=address", "-fsanitize=address"),
  REFUSED ("-fsanitize=undefined -flto", "-fsanitize=undefined"),
  REFUSED ("-fprofile-arcs", "-fprofile-arcs"),
  REFUSED ("--coverage", "--coverage"),
  REFUSED ("-fopenmp", "-fopenmp"),
  REFUSED ("-Wa,--noexecstack", "-Wa,--noexecstack"),
  REFUSED ("-Wp,-DX", "-Wp,-DX"),
  REFUSED ("-B /opt/bin", "-B"),
  REFUSED ("-specs=x.specs", "-specs=x.specs"),
};

/* The C runtime glue flags by name, in bit order.  */
static char *
crt_names (unsigned flags)
{
  struct strvec names = { 0 };
  strvec_init (&names);
  if (flags & CRT_NOSTARTFILES)
    strvec_push (&names, "nostartfiles");
  if (flags & CRT_NODEFAULTLIBS)
    strvec_push (&names, "nodefaultlibs");
  if (flags & CRT_STATIC_LIBGCC)
    strvec_push (&names, "static-libgcc");
  char *s = unit_join (&names);
  strvec_free (&names);
  return s;
}

static void
check_row (const struct direct_row *r)
{
  struct strvec words = { 0 }, ld = { 0 }, late = { 0 };
  struct cmdline cl = { 0 };
  struct gl_error err = { 0 };
  unsigned crt = 0;
  strvec_init (&words);
  strvec_init (&ld);
  strvec_init (&late);
  unit_words (&words, r->words);
  if (cmdline_classify (&words, &cl, &err) != 0)
    {
      CHECK_ROW_STR (r->line, err.message, "(cmdline_classify succeeds)");
      goto out;
    }
  int rc = direct_translate (&cl, OUT, &ld, &late, &crt, &err);
  if (r->error != NULL)
    {
      char *got = rc == 0 ? xstrdup ("(translated)") : unit_error_text (&err);
      CHECK_ROW_STR (r->line, got, r->error);
      free (got);
      goto out;
    }
  if (rc != 0)
    {
      char *got = unit_error_text (&err);
      CHECK_ROW_STR (r->line, got, "(translated)");
      free (got);
      goto out;
    }
  char *got_ld = unit_join (&ld), *got_late = unit_join (&late);
  char *got_crt = crt_names (crt);
  char *got = xasprintf ("ld: %s\nlate: %s\ncrt: %s", got_ld, got_late,
			 got_crt);
  char *want = xasprintf ("ld: %s\nlate: %s\ncrt: %s", r->ld, r->late,
			  r->crt);
  CHECK_ROW_STR (r->line, got, want);
  free (got_ld);
  free (got_late);
  free (got_crt);
  free (got);
  free (want);

out:
  gl_error_clear (&err);
  cmdline_free (&cl);
  strvec_free (&words);
  strvec_free (&ld);
  strvec_free (&late);
}

int
main (void)
{
  for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
    check_row (&rows[i]);
  return unit_report ("test-direct");
}
