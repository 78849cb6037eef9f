/* Tables of the C++ decisions (cxx.c, cc.c): a C driver's C++ driver by
   name; what a symbol is to the C++ runtime, mangled and as the linkers
   print it; the undefined symbol in a line of each linker's stderr; the
   error after a failed link, compared whole.  */
#include <config.h>

#include <stdlib.h>

#include "cc.h"
#include "cxx.h"
#include "unit.h"

#define ROW(...) { __LINE__, __VA_ARGS__ }

/* cc_cxx_words: the compiler's words → its C++ driver's words, or
   "(already)" (a C++ driver), "(unknown)" (none known).  */
static const struct
{
  int line;
  const char *cc, *want;
} names[] = {
  ROW ("gcc", "g++"),
  ROW ("gcc-12", "g++-12"),
  ROW ("gcc-12.2", "g++-12.2"),
  ROW ("x86_64-linux-gnu-gcc", "x86_64-linux-gnu-g++"),
  ROW ("aarch64-linux-gnu-gcc-12", "aarch64-linux-gnu-g++-12"),
  ROW ("/usr/bin/gcc", "/usr/bin/g++"),
  ROW ("/opt/gcc-13/bin/gcc-13", "/opt/gcc-13/bin/g++-13"),
  ROW ("clang", "clang++"),
  ROW ("clang-14", "clang++-14"),
  ROW ("aarch64-linux-gnu-clang", "aarch64-linux-gnu-clang++"),
  ROW ("aarch64-linux-gnu-clang-14", "aarch64-linux-gnu-clang++-14"),
  ROW ("cc", "c++"),
  ROW ("x86_64-linux-gnu-cc", "x86_64-linux-gnu-c++"),
  ROW ("icx", "icpx"),
  ROW ("icc", "icpc"),
  /* Flags stay, around the compiler's word; a wrapper before it stays.  */
  ROW ("gcc -m32", "g++ -m32"),
  ROW ("clang --target=aarch64-linux-gnu", "clang++ --target=aarch64-linux-gnu"),
  ROW ("clang -target aarch64-linux-gnu", "clang++ -target aarch64-linux-gnu"),
  ROW ("ccache gcc", "ccache g++"),
  ROW ("ccache clang-14 -m32", "ccache clang++-14 -m32"),
  ROW ("zig cc", "zig c++"),
  ROW ("distcc x86_64-linux-gnu-gcc-12", "distcc x86_64-linux-gnu-g++-12"),
  /* musl's wrappers map like any gcc; Debian has no musl-g++, which
     cxx_choose then says.  */
  ROW ("musl-gcc", "musl-g++"),
  ROW ("x86_64-linux-musl-gcc", "x86_64-linux-musl-g++"),
  /* C++ drivers already.  */
  ROW ("g++", "(already)"),
  ROW ("g++-12", "(already)"),
  ROW ("aarch64-linux-gnu-g++-12", "(already)"),
  ROW ("clang++", "(already)"),
  ROW ("clang++-14 -stdlib=libc++", "(already)"),
  ROW ("c++", "(already)"),
  ROW ("ccache g++", "(already)"),
  ROW ("icpx", "(already)"),
  /* Not C drivers gold-link knows: no guess.  */
  ROW ("tcc", "(unknown)"),
  ROW ("gcc-ar", "(unknown)"),
  ROW ("gcc-nm-12", "(unknown)"),
  ROW ("ccache", "(unknown)"),
  ROW ("/opt/wrap/mycc", "(unknown)"),
  ROW ("gccgo", "(unknown)"),
  ROW ("xgcc", "(unknown)"),
  ROW ("clangd", "(unknown)"),
  ROW ("-m32", "(unknown)"),
};

/* cxx_runtime_symbol: a name → its kind (0 not the runtime's, P
   personality, A __cxa_, N new/delete, S std::, R typeinfo/vtables), and
   "+" when it is libc++'s.  */
static const struct
{
  int line;
  const char *name, *want;
} symbols[] = {
  ROW ("__gxx_personality_v0", "P"),
  ROW ("__gxx_personality_sj0", "P"),
  ROW ("__gcc_personality_v0", "0"),	/* libgcc's, for C */
  ROW ("DW.ref.__gxx_personality_v0", "0"),
  ROW ("__cxa_begin_catch", "A"),
  ROW ("__cxa_throw", "A"),
  ROW ("__cxa_guard_acquire", "A"),
  ROW ("__cxa_pure_virtual", "A"),
  ROW ("__cxa_thread_atexit", "A"),
  ROW ("__cxa_atexit", "0"),		/* the C library's */
  ROW ("__cxa_finalize", "0"),
  ROW ("__cxa_thread_atexit_impl", "0"),
  ROW ("_Znwm", "N"),
  ROW ("_Znam", "N"),
  ROW ("_ZnwmRKSt9nothrow_t", "N"),
  ROW ("_ZdlPv", "N"),
  ROW ("_ZdlPvm", "N"),
  ROW ("_ZdaPv", "N"),
  ROW ("_ZdlPvSt11align_val_t", "N"),
  ROW ("_ZplRK3FooS1_", "0"),		/* a user's operator+ */
  ROW ("_ZdvRK3FooS1_", "0"),		/* a user's operator/ */
  ROW ("_ZSt9terminatev", "S"),
  ROW ("_ZSt4cout", "S"),
  ROW ("_ZSt20__throw_length_errorPKc", "S"),
  ROW ("_ZNSt13runtime_errorC1EPKc", "S"),
  ROW ("_ZNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEE9_M_createERmm", "S"),
  ROW ("_ZNKSt5ctypeIcE13_M_widen_initEv", "S"),
  ROW ("_ZNSo5flushEv", "S"),
  ROW ("_ZNSolsEi", "S"),
  ROW ("_ZNSs4_Rep20_S_empty_rep_storageE", "S"),
  ROW ("_ZNKSs4sizeEv", "S"),
  ROW ("_ZNSt3__112basic_stringIcNS_11char_traitsIcEENS_9allocatorIcEEE6assignEPKc", "S+"),
  ROW ("_ZNKSt3__16locale9use_facetERNS0_2idE", "S+"),
  ROW ("_ZTISt9exception", "R"),
  ROW ("_ZTVSt9exception", "R"),
  ROW ("_ZTSSt9exception", "R"),
  ROW ("_ZTTSo", "R"),
  ROW ("_ZTVN10__cxxabiv117__class_type_infoE", "R"),
  ROW ("_ZTVN10__cxxabiv120__si_class_type_infoE", "R"),
  ROW ("_ZTINSt3__113basic_ostreamIcNS_11char_traitsIcEEEE", "R+"),
  ROW ("_ZTIi", "R"),
  ROW ("_ZTIPKc", "R"),
  ROW ("_ZTIDn", "R"),
  ROW ("_ZTSi", "R"),
  ROW ("_ZTI3Foo", "0"),		/* a user's class */
  ROW ("_ZTV3Foo", "0"),
  ROW ("_ZTVi", "0"),
  ROW ("_ZN3foo3barEv", "0"),
  ROW ("_Z3fooi", "0"),
  ROW ("_ZGVZ3foovE1x", "0"),
  ROW ("_ZTW1x", "0"),
  ROW ("_ZN9__gnu_cxx9__freeresEv", "0"),
  ROW ("_GLOBAL_OFFSET_TABLE_", "0"),
  ROW ("_Unwind_Resume", "0"),
  ROW ("memcpy", "0"),
  ROW ("", "0"),
  ROW ("_Z", "0"),
  ROW ("_ZT", "0"),
  ROW ("_ZNS", "0"),
  /* Demangled, as bfd, gold, lld and mold print them.  */
  ROW ("operator new(unsigned long)", "N"),
  ROW ("operator new[](unsigned long)", "N"),
  ROW ("operator delete(void*, unsigned long)", "N"),
  ROW ("operator delete[](void*)", "N"),
  ROW ("Foo::operator new(unsigned long)", "0"),
  ROW ("std::runtime_error::runtime_error(char const*)", "S"),
  ROW ("std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::_M_dispose()", "S"),
  ROW ("std::__1::basic_string<char, std::__1::char_traits<char>, std::__1::allocator<char> >::assign(char const*)", "S+"),
  ROW ("typeinfo for std::runtime_error", "R"),
  ROW ("typeinfo name for std::exception", "R"),
  ROW ("vtable for std::exception", "R"),
  ROW ("VTT for std::basic_ostream<char, std::char_traits<char> >", "R"),
  ROW ("vtable for __cxxabiv1::__class_type_info", "R"),
  ROW ("typeinfo for std::__1::basic_ostream<char, std::__1::char_traits<char> >", "R+"),
  ROW ("typeinfo for int", "R"),
  ROW ("typeinfo for char const*", "R"),
  ROW ("typeinfo for unsigned long", "R"),
  ROW ("typeinfo for Foo", "0"),
  ROW ("typeinfo for integer", "0"),
  ROW ("vtable for int", "0"),
  ROW ("vtable for Foo", "0"),
  ROW ("foo(int)", "0"),
  ROW ("stdio_thing", "0"),
};

/* cxx_linker_undefined: a line of a linker's stderr → the undefined
   symbol it names, or NULL.  */
static const struct
{
  int line;
  const char *text, *want;
} lines[] = {
  /* bfd, through collect2, which demangles; with and without a source
     line, and with the linker's name first.  */
  ROW ("a.cc:(.text+0x13): undefined reference to `operator delete(void*, unsigned long)'\n",
       "operator delete(void*, unsigned long)"),
  ROW ("/usr/bin/ld.bfd: a.cc:(.text.unlikely+0x10): undefined reference to `__cxa_allocate_exception'\n",
       "__cxa_allocate_exception"),
  ROW ("/usr/bin/ld: liba.a(a.o):(.data.rel.local.DW.ref.__gxx_personality_v0[DW.ref.__gxx_personality_v0]+0x0): undefined reference to `__gxx_personality_v0'\n",
       "__gxx_personality_v0"),
  ROW ("/usr/bin/ld: a.o: in function `f':\n", NULL),
  ROW ("a.cc:12: undefined reference to `typeinfo for std::runtime_error'",
       "typeinfo for std::runtime_error"),
  ROW ("x.o:(.text+0x5): undefined reference to `_Znwm'\n", "_Znwm"),
  /* gold.  */
  ROW ("a.o:a.cc:function f.cold: error: undefined reference to 'std::__throw_logic_error(char const*)'\n",
       "std::__throw_logic_error(char const*)"),
  ROW ("a.o:a.cc:function G::~G(): error: undefined reference to 'operator delete(void*, unsigned long)'\n",
       "operator delete(void*, unsigned long)"),
  /* lld and mold.  */
  ROW ("ld.lld: error: undefined symbol: operator delete(void*, unsigned long)\n",
       "operator delete(void*, unsigned long)"),
  ROW ("ld.lld: error: undefined hidden symbol: __dso_handle\n", "__dso_handle"),
  ROW (">>> referenced by a.cc\n", NULL),
  ROW ("mold: error: undefined symbol: std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::_M_dispose()\n",
       "std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::_M_dispose()"),
  ROW ("mold: error: undefined symbol: __cxa_free_exception\r\n", "__cxa_free_exception"),
  /* Nothing, or not a name.  */
  ROW ("collect2: error: ld returned 1 exit status\n", NULL),
  ROW ("undefined reference to `\n", NULL),
  ROW ("undefined reference to `'\n", NULL),
  ROW ("undefined symbol: \n", NULL),
  ROW ("", NULL),
};

/* cxx_watch_explain after a failed link through CC whose stderr was
   LINES (separated by '|'): the error and note, whole, or "(none)".  */
static const struct
{
  int line;
  const char *cc, *lines, *want;
} explains[] = {
  ROW ("gcc", "a.cc:(.text+0x13): undefined reference to `__cxa_begin_catch'",
       "gold-link: error: prog: undefined C++ runtime symbols: '__cxa_begin_catch': gcc does not link the C++ runtime\n"
       "gold-link: note: link through a C++ driver, such as --cc=g++, or add -lstdc++ to the link\n"
       "exit 1"),
  /* Each symbol once, the most telling first, by name within a kind,
     three of them.  */
  ROW ("gcc",
       "x: undefined reference to `std::foo()'|x: undefined reference to `std::foo()'"
       "|x: undefined reference to `operator new(unsigned long)'"
       "|x: undefined reference to `foo()'"
       "|x: undefined reference to `__gxx_personality_v0'"
       "|x: undefined reference to `std::bar()'"
       "|collect2: error: ld returned 1 exit status",
       "gold-link: error: prog: undefined C++ runtime symbols: '__gxx_personality_v0', 'operator new(unsigned long)', 'std::bar()' and 1 more: gcc does not link the C++ runtime\n"
       "gold-link: note: link through a C++ driver, such as --cc=g++, or add -lstdc++ to the link\n"
       "exit 1"),
  ROW ("clang-14 --target=aarch64-linux-gnu",
       "ld.lld: error: undefined symbol: operator delete(void*)|>>> referenced by a.cc"
       "|ld.lld: error: undefined symbol: vtable for __cxxabiv1::__class_type_info",
       "gold-link: error: prog: undefined C++ runtime symbols: 'operator delete(void*)' and 'vtable for __cxxabiv1::__class_type_info': clang-14 --target=aarch64-linux-gnu does not link the C++ runtime\n"
       "gold-link: note: link through a C++ driver, such as '--cc=clang++-14 --target=aarch64-linux-gnu', or add -lstdc++ to the link\n"
       "exit 1"),
  ROW ("/opt/wrap/mycc", "mold: error: undefined symbol: __cxa_throw",
       "gold-link: error: prog: undefined C++ runtime symbols: '__cxa_throw': /opt/wrap/mycc does not link the C++ runtime\n"
       "gold-link: note: link through a C++ driver, such as --cc=g++, or add -lstdc++ to the link\n"
       "exit 1"),
  /* Through a C++ driver already: libc++'s symbols, or another runtime's.  */
  ROW ("g++", "mold: error: undefined symbol: std::__1::basic_string<char>::assign(char const*)",
       "gold-link: error: prog: undefined C++ runtime symbols: 'std::__1::basic_string<char>::assign(char const*)': they are libc++'s (std::__1), which g++ does not link\n"
       "gold-link: note: link with libc++: --cc='clang++ -stdlib=libc++' (Debian: libc++-dev, libc++abi-dev)\n"
       "exit 1"),
  ROW ("g++-12", "x: undefined reference to `std::__cxx11::foo()'",
       "gold-link: error: prog: undefined C++ runtime symbols: 'std::__cxx11::foo()', although g++-12 links the C++ runtime\n"
       "gold-link: note: the C++ code was built for another C++ runtime than g++-12 links: link with the C++ driver that compiled it (--cc)\n"
       "exit 1"),
  /* Undefined symbols of the program's own, or none: nothing to add to
     the linker's words.  */
  ROW ("gcc", "x: undefined reference to `foo(int)'|x: undefined reference to `bar'",
       "(none)"),
  ROW ("gcc", "collect2: error: ld returned 1 exit status", "(none)"),
};

static int
test_names (void)
{
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
    {
      struct strvec cc = { 0 }, cxx = { 0 };
      strvec_init (&cc);
      strvec_init (&cxx);
      unit_words (&cc, names[i].cc);
      int kind = cc_cxx_words (&cc, &cxx);
      char *got = kind == CC_CXX_FOUND ? unit_join (&cxx)
	: xstrdup (kind == CC_CXX_ALREADY ? "(already)" : "(unknown)");
      CHECK_ROW_STR (names[i].line, got, names[i].want);
      free (got);
      strvec_free (&cc);
      strvec_free (&cxx);
    }
  /* A single name, as cc_cxx_name gives it.  */
  char *one = cc_cxx_name ("aarch64-linux-gnu-gcc-12");
  CHECK_STR (one, "aarch64-linux-gnu-g++-12");
  free (one);
  CHECK (cc_cxx_name ("g++") == NULL);
  CHECK (cc_is_cxx_name ("/usr/bin/clang++-14"));
  CHECK (!cc_is_cxx_name ("/usr/bin/clang-14"));
  return 0;
}

static int
test_symbols (void)
{
  static const char kinds[] = { '0', 'P', 'A', 'N', 'S', 'R' };
  for (size_t i = 0; i < sizeof symbols / sizeof symbols[0]; i++)
    {
      bool libcxx = false;
      enum cxx_what what = cxx_runtime_symbol (symbols[i].name, &libcxx);
      char got[3] = { kinds[what], libcxx ? '+' : '\0', '\0' };
      CHECK_ROW_STR (symbols[i].line, got, symbols[i].want);
      /* Without a place for the flag, the same kind.  */
      CHECK (cxx_runtime_symbol (symbols[i].name, NULL) == what);
    }
  return 0;
}

static int
test_lines (void)
{
  for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++)
    {
      char *got = cxx_linker_undefined (lines[i].text, strlen (lines[i].text));
      CHECK_ROW_STR (lines[i].line, got, lines[i].want);
      free (got);
    }
  return 0;
}

static int
test_explains (void)
{
  for (size_t i = 0; i < sizeof explains / sizeof explains[0]; i++)
    {
      struct strvec cc = { 0 };
      struct cxx_watch w;
      struct gl_error err = { 0 };
      strvec_init (&cc);
      unit_words (&cc, explains[i].cc);
      cxx_watch_init (&w);
      for (const char *p = explains[i].lines; *p != '\0';)
	{
	  size_t n = strcspn (p, "|");
	  char *line = xasprintf ("%.*s\n", (int) n, p);
	  cxx_watch_line (&w, line, n + 1);
	  free (line);
	  p += n;
	  p += *p == '|';
	}
      char *got = cxx_watch_explain (&w, &cc, "prog", 1, &err)
	? unit_error_text (&err) : xstrdup ("(none)");
      CHECK_ROW_STR (explains[i].line, got, explains[i].want);
      free (got);
      gl_error_clear (&err);
      cxx_watch_free (&w);
      strvec_free (&cc);
    }
  return 0;
}

int
main (void)
{
  test_names ();
  test_symbols ();
  test_lines ();
  test_explains ();
  return unit_report ("test-cxx");
}
