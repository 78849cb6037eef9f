/* Tables of explain.c: what each linker's lines (bfd, gold, lld, mold;
   gcc's and clang's about a missing linker) leave in the watch; the error
   for a missing linker, compared whole; the words and archive member
   names of host objects' origins; Go's escaped package paths.  */
#include <config.h>

#include <stdlib.h>

#include "explain.h"
#include "unit.h"

#define ROW(...) { __LINE__, __VA_ARGS__ }

/* Lines ('|' between them) → the watch: "undefined: A B", "pic: LINES"
   (the kept lines, '|' between), "no ld", "bad linker: X", each part
   after "; ", or "(nothing)".  */
static const struct
{
  int line;
  const char *lines, *want;
} watches[] = {
  /* bfd: the object is on the line before ("in function"), the symbol
     on its own, with the source line or the section offset.  */
  ROW ("/usr/bin/ld: /tmp/gl/hostobj0.a(000002-gltest_nolib-helper.c.o): in function `use_helper':"
       "|/tmp/ex/nolib/helper.c:2: undefined reference to `missing_in_helper'"
       "|collect2: error: ld returned 1 exit status",
       "undefined: missing_in_helper"),
  ROW ("/usr/bin/ld: /tmp/gl/hostobj0.a(000001.o):(.text+0x12): undefined reference to `zlibVersion'",
       "undefined: zlibVersion"),
  /* gold: no object when DWARF gives the source line.  */
  ROW ("/tmp/go-build/cgo-gcc-prolog:73: error: undefined reference to 'zlibVersion'"
       "|/tmp/ex/nolib/helper.c:2: error: undefined reference to 'missing_in_helper'",
       "undefined: missing_in_helper zlibVersion"),
  /* lld and mold: the symbol first, the object on ">>>" lines.  */
  ROW ("ld.lld: error: undefined symbol: zlibVersion"
       "|>>> referenced by cgo-gcc-prolog:73 (/tmp/go-build/cgo-gcc-prolog:73)"
       "|>>>               000001.o:(_cgo_934a992181b1_Cfunc_zlibVersion) in archive /tmp/gl/hostobj0.a",
       "undefined: zlibVersion"),
  ROW ("mold: error: undefined symbol: missing_in_helper"
       "|>>> referenced by helper.c"
       "|>>>               /tmp/gl/hostobj0.a(000002.o):(use_helper)"
       "|mold: error: undefined symbol: zlibVersion"
       "|mold: error: undefined symbol: missing_in_helper",
       "undefined: missing_in_helper zlibVersion"),
  /* C++ runtime symbols are cxx.c's.  */
  ROW ("/usr/bin/ld: hello.cc:(.text+0x1): undefined reference to `operator new(unsigned long)'"
       "|ld.lld: error: undefined symbol: __gxx_personality_v0",
       "(nothing)"),
  /* Not C-locale text: not recognised.  */
  ROW ("/usr/bin/ld: helper.c:2: Verweis auf »missing_in_helper« nicht definiert",
       "(nothing)"),
  /* Code that is not position-independent, in each linker's words.  */
  ROW ("/usr/bin/ld: /tmp/gl/hostobj0.a(000019-gltest_pic-nopic.c.o): relocation R_X86_64_32 against `.data' can not be used when making a shared object; recompile with -fPIC"
       "|/usr/bin/ld: failed to set dynamic section sizes: bad value",
       "pic: /usr/bin/ld: /tmp/gl/hostobj0.a(000019-gltest_pic-nopic.c.o): relocation R_X86_64_32 against `.data' can not be used when making a shared object; recompile with -fPIC"),
  ROW ("/usr/bin/ld.gold: error: /tmp/gl/hostobj0.a(000019.o): requires dynamic R_X86_64_32 reloc which may overflow at runtime; recompile with -fPIC",
       "pic: /usr/bin/ld.gold: error: /tmp/gl/hostobj0.a(000019.o): requires dynamic R_X86_64_32 reloc which may overflow at runtime; recompile with -fPIC"),
  ROW ("ld.lld: error: relocation R_X86_64_32 cannot be used against local symbol; recompile with -fPIC"
       "|>>> defined in /tmp/gl/hostobj0.a(000019.o)"
       "|>>> referenced by nopic.c"
       "|>>>               000019.o:(nopic_value) in archive /tmp/gl/hostobj0.a"
       "|collect2: error: ld returned 1 exit status",
       "pic: ld.lld: error: relocation R_X86_64_32 cannot be used against local symbol; recompile with -fPIC"
       "|>>> defined in /tmp/gl/hostobj0.a(000019.o)"
       "|>>> referenced by nopic.c"
       "|>>>               000019.o:(nopic_value) in archive /tmp/gl/hostobj0.a"),
  ROW ("mold: error: /tmp/gl/hostobj0.a(000019.o):(.text): R_X86_64_32 relocation at offset 0x1 against symbol `.data' can not be used; recompile with -fPIC",
       "pic: mold: error: /tmp/gl/hostobj0.a(000019.o):(.text): R_X86_64_32 relocation at offset 0x1 against symbol `.data' can not be used; recompile with -fPIC"),
  /* A missing linker: gcc's collect2 in the C locale and in a UTF-8 one
     (the quotes follow the charset), clang's name check.  */
  ROW ("collect2: fatal error: cannot find 'ld'|compilation terminated.",
       "no ld"),
  ROW ("collect2: fatal error: cannot find \xe2\x80\x98ld\xe2\x80\x99|compilation terminated.",
       "no ld"),
  ROW ("clang: error: invalid linker name in argument '-fuse-ld=nosuch'",
       "bad linker: nosuch"),
  ROW ("collect2: error: ld returned 1 exit status", "(nothing)"),
};

/* A missing linker: the compiler, its -fuse-ld=, the lines → the error
   and note.  */
static const struct
{
  int line;
  const char *cc, *fuse_ld, *lines, *want;
} missing[] = {
  ROW ("gcc", "nosuchld", "collect2: fatal error: cannot find 'ld'",
       "gold-link: error: -fuse-ld=nosuchld: gcc cannot find ld.nosuchld: it is not installed, or not on PATH\n"
       "gold-link: note: install it (Debian: binutils), or pick an installed linker with --linker= (--linker=auto picks one)\n"
       "exit 1"),
  ROW ("gcc", NULL, "collect2: fatal error: cannot find 'ld'",
       "gold-link: error: gcc: gcc cannot find its linker, ld\n"
       "gold-link: note: install binutils for gcc's target, or name another linker with --linker=\n"
       "exit 1"),
  ROW ("clang", NULL, "clang: error: invalid linker name in argument '-fuse-ld=nosuch'",
       "gold-link: error: -fuse-ld=nosuch: clang knows no linker named nosuch\n"
       "gold-link: note: name bfd, gold, lld or mold, or the linker's path; gold-link's --linker= checks the name first (--linker=auto picks an installed one)\n"
       "exit 1"),
  /* Nothing the watch knows: no error.  */
  ROW ("gcc", "gold", "collect2: error: ld returned 1 exit status", "(none)"),
};

/* Origins → the words for -v, for errors, and the member name.  */
static const struct
{
  int line;
  const char *path, *file, *package;
  const char *describe, *short_words, *member;
} origins[] = {
  ROW ("t/000001.o", "nolib.cgo2.c", "gltest/nolib",
       "cgo code of package gltest/nolib from nolib.go (nolib.cgo2.c)",
       "nolib.go of package gltest/nolib",
       "000001-gltest_nolib-nolib.cgo2.c.o"),
  ROW ("t/000002.o", "helper.c", "example.com/x.y/z",
       "cgo code of package example.com/x.y/z from helper.c",
       "helper.c of package example.com/x.y/z",
       "000002-example.com_x.y_z-helper.c.o"),
  ROW ("/tmp/t/000000.o", "_cgo_export.c", "runtime/cgo",
       "cgo code of package runtime/cgo from _cgo_export.c",
       "_cgo_export.c of package runtime/cgo",
       "000000-runtime_cgo-_cgo_export.c.o"),
  ROW ("000005.o", "gcc_amd64.S", NULL,
       "a host object from gcc_amd64.S", "gcc_amd64.S",
       "000005-gcc_amd64.S.o"),
  ROW ("dir/foo.o", NULL, NULL, NULL, "foo.o", "foo.o"),
  ROW ("000007.o", NULL, "gltest/p",
       "cgo code of package gltest/p", "000007.o of package gltest/p",
       "000007.o"),
  /* Characters an archive member name cannot hold are '_'.  */
  ROW ("000008.o", "a b/c.c", "x/y z",
       "cgo code of package x/y z from a b/c.c", "a b/c.c of package x/y z",
       "000008-x_y_z-a_b_c.c.o"),
};

static const struct
{
  int line;
  const char *escaped, *want;
} packages[] = {
  ROW ("gltest/nolib", "gltest/nolib"),
  ROW ("example.com/x%2ey", "example.com/x.y"),
  ROW ("a/%25b", "a/%b"),
  ROW ("a/b%2", "a/b%2"),
  ROW ("a/b%zz", "a/b%zz"),
};

static void
feed (struct explain_watch *w, const char *lines)
{
  for (const char *p = lines; *p != '\0';)
    {
      size_t n = strcspn (p, "|");
      char *line = xasprintf ("%.*s\n", (int) n, p);
      explain_watch_line (w, line, n + 1);
      free (line);
      p += n;
      p += *p == '|';
    }
}

static char *
append (char *s, const char *sep, const char *more)
{
  char *longer = xasprintf ("%s%s%s", s, *s != '\0' ? sep : "", more);
  free (s);
  return longer;
}

static void
test_watches (void)
{
  for (size_t i = 0; i < sizeof watches / sizeof watches[0]; i++)
    {
      struct explain_watch w;
      explain_watch_init (&w);
      feed (&w, watches[i].lines);
      char *got = xstrdup ("");
      if (w.undefined.n > 0)
	{
	  char *list = xstrdup ("");
	  for (size_t k = 0; k < w.undefined.n; k++)
	    list = append (list, " ", w.undefined.v[k]);
	  char *part = xasprintf ("undefined: %s", list);
	  got = append (got, "; ", part);
	  free (part);
	  free (list);
	}
      if (w.pic.n > 0)
	{
	  char *list = xstrdup ("");
	  for (size_t k = 0; k < w.pic.n; k++)
	    list = append (list, "|", w.pic.v[k]);
	  char *part = xasprintf ("pic: %s", list);
	  got = append (got, "; ", part);
	  free (part);
	  free (list);
	}
      if (w.no_ld)
	got = append (got, "; ", "no ld");
      if (w.bad_linker != NULL)
	{
	  char *part = xasprintf ("bad linker: %s", w.bad_linker);
	  got = append (got, "; ", part);
	  free (part);
	}
      if (*got == '\0')
	got = append (got, "", "(nothing)");
      CHECK_ROW_STR (watches[i].line, got, watches[i].want);
      free (got);
      explain_watch_free (&w);
    }
}

static void
test_missing (void)
{
  struct inputs none = { 0 };
  for (size_t i = 0; i < sizeof missing / sizeof missing[0]; i++)
    {
      struct explain_watch w;
      struct gl_error err = { 0 };
      explain_watch_init (&w);
      feed (&w, missing[i].lines);
      struct explain_link link = {
	.ins = &none, .cc = missing[i].cc, .fuse_ld = missing[i].fuse_ld,
	.output = "prog"
      };
      char *got = explain_watch_explain (&w, &link, 1, &err)
	? unit_error_text (&err) : xstrdup ("(none)");
      CHECK_ROW_STR (missing[i].line, got, missing[i].want);
      free (got);
      gl_error_clear (&err);
      explain_watch_free (&w);
    }
}

static void
test_origins (void)
{
  for (size_t i = 0; i < sizeof origins / sizeof origins[0]; i++)
    {
      struct explain_origin o = { .host = true };
      o.file = (char *) origins[i].file;
      o.package = (char *) origins[i].package;
      struct explain x = { .v = &o, .n = 1 };
      char *d = explain_describe (&x, 0);
      char *s = explain_short (&x, 0, origins[i].path);
      char *m = explain_member_name (&x, 0, origins[i].path);
      CHECK_ROW_STR (origins[i].line, d, origins[i].describe);
      CHECK_ROW_STR (origins[i].line, s, origins[i].short_words);
      CHECK_ROW_STR (origins[i].line, m, origins[i].member);
      free (d);
      free (s);
      free (m);
    }
  /* Not a host object (go.o, an archive): nothing to say.  */
  struct explain_origin go = { 0 };
  struct explain x = { .v = &go, .n = 1 };
  CHECK (explain_describe (&x, 0) == NULL);
  CHECK (explain_describe (&x, 1) == NULL);
}

static void
test_packages (void)
{
  for (size_t i = 0; i < sizeof packages / sizeof packages[0]; i++)
    {
      char *got = explain_unescape_package (packages[i].escaped,
					    strlen (packages[i].escaped));
      CHECK_ROW_STR (packages[i].line, got, packages[i].want);
      free (got);
    }
}

int
main (void)
{
  test_watches ();
  test_missing ();
  test_origins ();
  test_packages ();
  return unit_report ("test-explain");
}
