/* C++ host objects.  cmd/go links a program whose packages have C++ files
   through CXX (g++), which links the C++ runtime; a program it hands to
   gold-link gets the same from here: the host objects' symbol tables say
   whether the runtime is needed, and the compiler's own C++ driver links
   it.  After a failed link, the linker's stderr says which C++ runtime
   symbols it could not find, for an error that says what to do.  */
#include <config.h>

#include "cxx.h"
#include "symtab.h"
#include "cc.h"
#include "run.h"

#include <gelf.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static bool
starts (const char *s, const char *prefix)
{
  return strncmp (s, prefix, strlen (prefix)) == 0;
}

/* Does the mangled name at S start with std:: ("St"), one of std's
   abbreviations (Sa allocator, Sb basic_string, Ss string, Si istream,
   So ostream, Sd iostream), or a name nested in one of them
   ("N[rVK]*St...")?  */
static bool
mangled_std (const char *s, bool *libcxx)
{
  if (*s == 'N')
    for (s++; *s == 'r' || *s == 'V' || *s == 'K'; s++)
      continue;
  if (s[0] != 'S' || s[1] == '\0' || strchr ("tabsiod", s[1]) == NULL)
    return false;
  /* libc++ puts std:: into std::__1:: (St3__1).  */
  if (libcxx != NULL && starts (s, "St3__1"))
    *libcxx = true;
  return true;
}

/* Is the mangled type at S a fundamental type, maybe a pointer to one
   ("i", "PKc", "Dn"), and nothing else?  Its typeinfo is the runtime's.  */
static bool
mangled_fundamental (const char *s)
{
  while (*s == 'P' || *s == 'K' || *s == 'V' || *s == 'r')
    s++;
  if (s[0] == 'D' && s[1] >= 'a' && s[1] <= 'z')
    return s[2] == '\0';
  return s[0] >= 'a' && s[0] <= 'z' && s[1] == '\0' && s[0] != 'u';
}

/* The demangled name of a fundamental type, maybe a pointer to one, at
   S?  */
static bool
demangled_fundamental (const char *s)
{
  static const char *const types[] = {
    "void", "bool", "char", "signed char", "unsigned char", "wchar_t",
    "char8_t", "char16_t", "char32_t", "short", "unsigned short", "int",
    "unsigned int", "long", "unsigned long", "long long",
    "unsigned long long", "__int128", "unsigned __int128", "float",
    "double", "long double", "decltype(nullptr)"
  };
  for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
    if (starts (s, types[i]))
      {
	const char *rest = s + strlen (types[i]);
	rest += strspn (rest, " ");
	while (starts (rest, "const") || starts (rest, "volatile")
	       || *rest == '*')
	  {
	    rest += *rest == '*' ? 1 : starts (rest, "const") ? 5 : 8;
	    rest += strspn (rest, " ");
	  }
	if (*rest == '\0')
	  return true;
      }
  return false;
}

enum cxx_what
cxx_runtime_symbol (const char *name, bool *libcxx)
{
  if (starts (name, "__gxx_personality_"))
    return CXX_PERSONALITY;
  /* __cxa_* is the C++ ABI's runtime, but for these three, which the C
     library defines (glibc and musl).  */
  if (starts (name, "__cxa_"))
    return strcmp (name, "__cxa_atexit") == 0
      || strcmp (name, "__cxa_finalize") == 0
      || strcmp (name, "__cxa_thread_atexit_impl") == 0 ? CXX_NOT : CXX_ABI;

  /* Mangled: operator new (_Znw, _Zna) and delete (_Zdl, _Zda) at global
     scope; std::; typeinfo, its name, vtables, VTTs and construction
     vtables (_ZT[ISVTC]) of std::, of __cxxabiv1:: and of fundamental
     types.  */
  if (starts (name, "_Z"))
    {
      const char *m = name + 2;
      if (starts (m, "nw") || starts (m, "na") || starts (m, "dl")
	  || starts (m, "da"))
	return CXX_NEW_DELETE;
      if (mangled_std (m, libcxx))
	return CXX_STD;
      if (m[0] == 'T' && m[1] != '\0' && strchr ("ISVTC", m[1]) != NULL)
	{
	  m += 2;
	  if (mangled_std (m, libcxx) || starts (m, "N10__cxxabiv1")
	      || ((name[3] == 'I' || name[3] == 'S') && mangled_fundamental (m)))
	    return CXX_RTTI;
	}
      return CXX_NOT;
    }

  /* Demangled, as the linkers print them.  */
  if (starts (name, "operator new(") || starts (name, "operator new[](")
      || starts (name, "operator delete(")
      || starts (name, "operator delete[]("))
    return CXX_NEW_DELETE;
  if (starts (name, "std::"))
    {
      if (libcxx != NULL && starts (name, "std::__1::"))
	*libcxx = true;
      return CXX_STD;
    }
  static const char *const special[] = {
    "typeinfo for ", "typeinfo name for ", "vtable for ", "VTT for ",
    "construction vtable for "
  };
  for (size_t i = 0; i < sizeof special / sizeof special[0]; i++)
    if (starts (name, special[i]))
      {
	const char *t = name + strlen (special[i]);
	if (starts (t, "std::__1::") && libcxx != NULL)
	  *libcxx = true;
	if (starts (t, "std::") || starts (t, "__cxxabiv1::")
	    || (i < 2 && demangled_fundamental (t)))
	  return CXX_RTTI;
      }
  return CXX_NOT;
}

const char *
cxx_what_name (enum cxx_what what)
{
  switch (what)
    {
    case CXX_PERSONALITY:
      return "the C++ exception personality routine";
    case CXX_ABI:
      return "the C++ ABI runtime";
    case CXX_NEW_DELETE:
      return "operator new or delete";
    case CXX_STD:
      return "the C++ standard library";
    case CXX_RTTI:
      return "C++ type information";
    case CXX_NOT:
      break;
    }
  return "not C++";
}

/* An object's undefined C++ runtime symbols.  */
struct object_refs
{
  size_t operand;
  struct strvec names;
};

struct scan
{
  struct object_refs *v;
  size_t n;
  struct strvec defined;	/* C++ runtime names an object defines */
  bool libcxx;
};

/* The symbol table of the object PATH: its undefined C++ runtime symbols
   (strong references: a weak one links without a definition) into REFS,
   those it defines into S->defined.  */
struct scan_object_arg
{
  struct scan *s;
  struct strvec *refs;
};

static void
scan_symbol (const char *name, const GElf_Sym *sym, void *arg)
{
  struct scan_object_arg *a = arg;
  int bind = GELF_ST_BIND (sym->st_info);
  bool undefined = sym->st_shndx == SHN_UNDEF;
  if (undefined ? bind != STB_GLOBAL : bind != STB_GLOBAL && bind != STB_WEAK)
    return;
  /* Every C++ runtime name starts with '_'.  */
  if (name[0] != '_' || cxx_runtime_symbol (name, &a->s->libcxx) == CXX_NOT)
    return;
  strvec_push (undefined ? a->refs : &a->s->defined, name);
}

static int
scan_object (struct scan *s, const char *path, struct strvec *refs,
	     struct gl_error *err)
{
  struct scan_object_arg a = { s, refs };
  return symtab_each (path, true, scan_symbol, &a, err);
}

/* The symbol index of the archive PATH: the first symbol it lists that
   C++ code compiled against the runtime defines, and the member that
   defines it, into NEED; nothing when the archive defines the runtime
   itself (libstdc++.a, libc++abi.a: the command line links it).  */
static int
scan_archive_index (const char *path, struct cxx_need *need,
		    struct gl_error *err)
{
  struct stat st;
  int fd = gl_open_regular (path, &st, err);
  if (fd < 0)
    return -1;
  int rc = 0;
  Elf *ar = elf_begin (fd, ELF_C_READ_MMAP, NULL), *m = NULL;
  size_t n = 0;
  Elf_Arsym *syms = ar != NULL ? elf_getarsym (ar, &n) : NULL;
  const Elf_Arsym *found = NULL;
  bool libcxx = false;
  for (size_t i = 0; syms != NULL && i < n && syms[i].as_name != NULL; i++)
    {
      const char *name = syms[i].as_name;
      if (strcmp (name, "__gxx_personality_v0") == 0)
	{
	  found = NULL;
	  break;
	}
      enum cxx_what what = cxx_runtime_symbol (name, &libcxx);
      if (found == NULL
	  && (strcmp (name, "DW.ref.__gxx_personality_v0") == 0
	      || what == CXX_STD || what == CXX_RTTI))
	found = &syms[i];
    }
  if (found != NULL)
    {
      need->symbol = xstrdup (found->as_name);
      need->in_index = true;
      need->libcxx = libcxx;
      need->what = cxx_runtime_symbol (found->as_name, NULL);
      if (need->what == CXX_NOT)
	need->what = CXX_PERSONALITY;
      const Elf_Arhdr *h = NULL;
      if (elf_rand (ar, found->as_off) == found->as_off
	  && (m = elf_begin (fd, ELF_C_READ_MMAP, ar)) != NULL)
	h = elf_getarhdr (m);
      need->file = h != NULL ? xasprintf ("%s(%s)", path, h->ar_name)
	: xstrdup (path);
    }
  elf_end (m);
  elf_end (ar);
  close (fd);
  return rc;
}

static int
compare_names (const void *a, const void *b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

static bool
is_defined (const struct scan *s, const char *name)
{
  return s->defined.n > 0
    && bsearch (&name, s->defined.v, s->defined.n, sizeof (char *),
		compare_names) != NULL;
}

int
cxx_scan (const struct inputs *ins, struct cxx_need *need,
	  struct gl_error *err)
{
  struct scan s = { 0 };
  struct cxx_need archive = { 0 };
  size_t archive_operand = 0;
  int rc = -1;
  memset (need, 0, sizeof *need);
  strvec_init (&s.defined);
  s.v = xcalloc (ins->n + 1, sizeof *s.v);
  for (size_t i = 0; i < ins->n; i++)
    {
      const struct input *in = &ins->v[i];
      if (in->kind == INPUT_OBJECT && !in->go)
	{
	  struct object_refs *o = &s.v[s.n++];
	  o->operand = i;
	  strvec_init (&o->names);
	  need->objects++;
	  if (scan_object (&s, in->path, &o->names, err) != 0)
	    goto out;
	}
      else if (in->kind == INPUT_ARCHIVE)
	{
	  need->archives++;
	  if (archive.file == NULL)
	    {
	      if (scan_archive_index (in->path, &archive, err) != 0)
		goto out;
	      archive_operand = i;
	    }
	}
    }
  qsort (s.defined.v, s.defined.n, sizeof (char *), compare_names);

  /* The first object with a C++ runtime symbol no object defines: its
     most telling one.  */
  for (size_t k = 0; k < s.n && need->file == NULL; k++)
    {
      const struct object_refs *o = &s.v[k];
      if (archive.file != NULL && archive_operand < o->operand)
	break;
      size_t count = 0;
      const char *best = NULL;
      enum cxx_what best_what = CXX_NOT;
      for (size_t j = 0; j < o->names.n; j++)
	{
	  if (is_defined (&s, o->names.v[j]))
	    continue;
	  enum cxx_what what = cxx_runtime_symbol (o->names.v[j], NULL);
	  if (best == NULL || what < best_what)
	    best = o->names.v[j], best_what = what;
	  count++;
	}
      if (best != NULL)
	{
	  need->file = xstrdup (ins->v[o->operand].path);
	  need->symbol = xstrdup (best);
	  need->what = best_what;
	  need->more = count - 1;
	  need->libcxx = s.libcxx;
	}
    }
  if (need->file == NULL && archive.file != NULL)
    {
      need->file = archive.file;
      need->symbol = archive.symbol;
      need->what = archive.what;
      need->in_index = true;
      need->libcxx = archive.libcxx;
      archive.file = archive.symbol = NULL;
    }
  rc = 0;

out:
  for (size_t k = 0; k < s.n; k++)
    strvec_free (&s.v[k].names);
  free (s.v);
  strvec_free (&s.defined);
  cxx_need_free (&archive);
  return rc;
}

void
cxx_need_free (struct cxx_need *need)
{
  free (need->file);
  free (need->symbol);
  need->file = need->symbol = NULL;
}

/* Does the driver argument list name the C++ runtime itself?  */
static const char *
names_runtime (const struct strvec *driver)
{
  static const char *const libs[] = { "-lstdc++", "-lc++" };
  for (size_t i = 0; i < driver->n; i++)
    for (size_t j = 0; j < sizeof libs / sizeof libs[0]; j++)
      if (strcmp (driver->v[i], libs[j]) == 0)
	return libs[j];
  return NULL;
}

int
cxx_choose (const struct inputs *ins, const struct strvec *driver,
	    const struct gl_arch *arch, struct strvec *cc, const char **why,
	    struct strvec *notes, struct gl_error *err)
{
  struct cxx_need need = { 0 };
  struct strvec cxx = { 0 };
  int rc = -1;
  strvec_init (&cxx);
  if (cxx_scan (ins, &need, err) != 0)
    goto out;
  rc = 0;
  if (need.file == NULL)
    {
      if (need.objects + need.archives > 0)
	strvec_pushf (notes, "C++ runtime: not needed: no C++ runtime symbol in the "
	      "symbol tables of %zu object%s and the indexes of %zu "
	      "archive%s", need.objects, need.objects == 1 ? "" : "s",
	      need.archives, need.archives == 1 ? "" : "s");
      goto out;
    }
  char *more = need.more == 0 ? xstrdup ("")
    : xasprintf (" and %zu more C++ runtime symbol%s", need.more,
		 need.more == 1 ? "" : "s");
  if (need.in_index)
    strvec_pushf (notes, "C++ runtime: needed: %s defines %s, as C++ code "
		  "built against %s does", need.file, need.symbol,
	  need.libcxx ? "libc++" : "the C++ runtime");
  else
    strvec_pushf (notes, "C++ runtime: needed: %s references %s (%s)%s",
	  need.file, need.symbol, cxx_what_name (need.what), more);
  free (more);

  const char *cxx_why = NULL;
  const char *lib = names_runtime (driver);
  switch (cc_choose_cxx (cc, *why, arch, &cxx, &cxx_why, notes))
    {
    case CC_CXX_ALREADY:
      strvec_pushf (notes, "compiler: %s is a C++ driver: it links the C++ "
		    "runtime", cc->v[0]);
      break;
    case CC_CXX_FOUND:
      {
	char *was = run_format_command (cc->v), *now
	  = run_format_command (cxx.v);
	strvec_pushf (notes, "compiler: %s (%s) instead of %s: it links the C++ "
	      "runtime", now, cxx_why, was);
	free (was);
	free (now);
	struct strvec tmp = *cc;
	*cc = cxx;
	cxx = tmp;
	*why = cxx_why;
	break;
      }
    case CC_CXX_UNKNOWN:
      strvec_pushf (notes, "compiler: no C++ driver is known for %s: linking "
	    "through it as it is", cc->v[0]);
      break;
    case CC_CXX_MISSING:
      {
	/* The C++ driver's word in CXX is in the place of the compiler's
	   in CC.  */
	size_t k = 0;
	while (k + 1 < cc->n && strcmp (cc->v[k], cxx.v[k]) == 0)
	  k++;
	const char *c = cc->v[k], *missing = cxx.v[k];
	if (lib != NULL)
	  {
	    strvec_pushf (notes, "compiler: %s, the C++ driver of %s, is not there; "
		  "the command names %s: linking through %s", missing, c, lib,
		  c);
	    break;
	  }
	bool path = strchr (missing, '/') != NULL;
	gl_error_set (err, GL_EXIT_USAGE, need.file, NULL, "C++ code (it %s "
		      "%s), but %s, the C++ driver of %s, %s",
		      need.in_index ? "defines" : "references", need.symbol,
		      missing, c, path ? "does not exist" : "is not on PATH");
	if (strstr (missing, "musl") != NULL)
	  gl_error_note (err, "Debian's musl-tools has no C++ driver or C++ "
			 "runtime for musl: name a musl C++ toolchain with "
			 "--cc, or link for glibc (--cc=g++)");
	else
	  gl_error_note (err, "%s%s%sname %s C++ driver with --cc, or add "
			 "-lstdc++ to the link", path ? "" : "install ",
			 path ? "" : missing, path ? "" : ", or ",
			 path ? "a" : "another");
	rc = -1;
	break;
      }
    }

out:
  cxx_need_free (&need);
  strvec_free (&cxx);
  return rc;
}

/* The linker's stderr.  */

void
cxx_watch_init (struct cxx_watch *w)
{
  memset (w, 0, sizeof *w);
  strvec_init (&w->symbols);
}

void
cxx_watch_free (struct cxx_watch *w)
{
  strvec_free (&w->symbols);
}

char *
cxx_linker_undefined (const char *line, size_t len)
{
  static const struct
  {
    const char *lead;
    char close;			/* the quote after the name, or '\0' */
  } forms[] = {
    { "undefined reference to `", '\'' },	/* bfd */
    { "undefined reference to '", '\'' },	/* gold */
    { "undefined symbol: ", '\0' },		/* lld, mold */
    { "undefined hidden symbol: ", '\0' },	/* lld */
  };
  while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
    len--;
  for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++)
    {
      size_t lead = strlen (forms[i].lead);
      for (size_t at = 0; at + lead <= len; at++)
	if (memcmp (line + at, forms[i].lead, lead) == 0)
	  {
	    const char *s = line + at + lead, *end = line + len;
	    if (forms[i].close != '\0')
	      {
		while (end > s && end[-1] != forms[i].close)
		  end--;
		if (end == s)
		  return NULL;
		end--;
	      }
	    return end > s ? xstrndup (s, (size_t) (end - s)) : NULL;
	  }
    }
  return NULL;
}

/* How many symbols a watch keeps to name them once each.  */
#define CXX_WATCH_KEEP 4096

void
cxx_watch_line (struct cxx_watch *w, const char *line, size_t len)
{
  char *sym = cxx_linker_undefined (line, len);
  if (sym == NULL)
    return;
  if (cxx_runtime_symbol (sym, &w->libcxx) == CXX_NOT)
    {
      free (sym);
      return;
    }
  /* Kept sorted: bfd names a symbol once for each reference, which may be
     many thousands of lines.  */
  if (!strvec_insert_sorted_own (&w->symbols, sym, CXX_WATCH_KEEP))
    w->count++;
}

bool
cxx_watch_explain (const struct cxx_watch *w, const struct strvec *cc,
		   const char *output, int status, struct gl_error *err)
{
  if (w->symbols.n == 0)
    return false;
  /* Three of them, the most telling first (by name within a kind: mold
     names them in no fixed order), quoted: the linkers' names have blanks
     and commas.  */
  size_t shown = w->symbols.n < 3 ? w->symbols.n : 3;
  size_t rest = w->symbols.n + w->count - shown;
  size_t pick[3];
  for (size_t k = 0; k < shown; k++)
    {
      enum cxx_what best_what = CXX_NOT;
      for (size_t i = 0; i < w->symbols.n; i++)
	{
	  bool taken = false;
	  for (size_t j = 0; j < k; j++)
	    taken = taken || pick[j] == i;
	  enum cxx_what what = cxx_runtime_symbol (w->symbols.v[i], NULL);
	  /* SYMBOLS is sorted: the first of a kind is first by name.  */
	  if (!taken && (best_what == CXX_NOT || what < best_what))
	    pick[k] = i, best_what = what;
	}
    }
  char *list = xstrdup ("");
  for (size_t k = 0; k < shown; k++)
    {
      char *longer = xasprintf ("%s%s'%s'", list,
				k == 0 ? "" : k + 1 < shown || rest > 0
				? ", " : " and ", w->symbols.v[pick[k]]);
      free (list);
      list = longer;
    }
  char *all = rest == 0 ? list : xasprintf ("%s and %zu more", list, rest);

  struct strvec cxx = { 0 };
  strvec_init (&cxx);
  int kind = cc_cxx_words (cc, &cxx);
  char *driver = run_format_command (cc->v);
  if (kind == CC_CXX_ALREADY && w->libcxx)
    {
      gl_error_set (err, status, output, NULL, "undefined C++ runtime "
		    "symbols: %s: they are libc++'s (std::__1), which %s "
		    "does not link", all, driver);
      gl_error_note (err, "link with libc++: --cc='clang++ -stdlib=libc++' "
		     "(Debian: libc++-dev, libc++abi-dev)");
    }
  else if (kind == CC_CXX_ALREADY)
    {
      gl_error_set (err, status, output, NULL, "undefined C++ runtime "
		    "symbols: %s, although %s links the C++ runtime", all,
		    driver);
      gl_error_note (err, "the C++ code was built for another C++ runtime "
		     "than %s links: link with the C++ driver that compiled "
		     "it (--cc)", driver);
    }
  else
    {
      /* --cc=WORDS, quoted for a shell when it needs it.  */
      char *words = kind == CC_CXX_FOUND ? run_format_command (cxx.v)
	: xstrdup ("g++");
      char *option[] = { xasprintf ("--cc=%s", words), NULL };
      char *suggest = run_format_command (option);
      free (option[0]);
      free (words);
      gl_error_set (err, status, output, NULL, "undefined C++ runtime "
		    "symbols: %s: %s does not link the C++ runtime", all,
		    driver);
      gl_error_note (err, "link through a C++ driver, such as "
		     "%s, or add -lstdc++ to the link", suggest);
      free (suggest);
    }
  free (driver);
  strvec_free (&cxx);
  if (all != list)
    free (all);
  free (list);
  return true;
}
