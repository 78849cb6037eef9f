/* Errors that point at the source.  cmd/link copies the C objects of the
   cgo packages beside go.o as 000000.o, 000001.o ...: names a user never
   wrote.  Each object's symbol table says more: its STT_FILE symbol names
   the source file ("helper.c", cmd/cgo's "x.cgo2.c" for x.go,
   "_cgo_export.c"), and cmd/cgo's objects define or reference
   _cgo_HASH_Cfunc_F, which go.o names PKG._cgo_HASH_Cfunc_F: the package.
   After a failed link, the linker's lines (C locale: the messages are
   recognised in English only) say what went wrong; the host objects'
   undefined symbols say who referenced what was missing.  */
#include <config.h>

#include "explain.h"
#include "cxx.h"
#include "symtab.h"
#include "run.h"

#include <ctype.h>
#include <gelf.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static bool
starts (const char *s, const char *prefix)
{
  return strncmp (s, prefix, strlen (prefix)) == 0;
}

static bool
ends (const char *s, const char *suffix)
{
  size_t n = strlen (s), k = strlen (suffix);
  return n >= k && strcmp (s + n - k, suffix) == 0;
}

static const char *
base_name (const char *path)
{
  const char *slash = strrchr (path, '/');
  return slash ? slash + 1 : path;
}

/* cmd/cgo's hash after PREFIX in NAME ("_cgo_" + 12 hex digits + "_"),
   copied to HASH.  */
static bool
cgo_hash (const char *name, const char *prefix, char hash[13])
{
  if (!starts (name, prefix))
    return false;
  const char *h = name + strlen (prefix);
  for (int i = 0; i < 12; i++)
    if (!isxdigit ((unsigned char) h[i]) || isupper ((unsigned char) h[i]))
      return false;
  if (h[12] != '_')
    return false;
  memcpy (hash, h, 12);
  hash[12] = '\0';
  return true;
}

static int
compare_names (const void *a, const void *b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* NAME's string in the sorted SV, or NULL.  */
static const char *
lookup (const struct strvec *sv, const char *name)
{
  char *const *at = sv->n == 0 ? NULL
    : bsearch (&name, sv->v, sv->n, sizeof (char *), compare_names);
  return at != NULL ? *at : NULL;
}

struct read_object_arg
{
  struct explain_origin *o;
  struct strvec *def, *undef;
};

static void
read_symbol (const char *name, const GElf_Sym *sym, void *arg)
{
  struct read_object_arg *a = arg;
  struct explain_origin *o = a->o;
  if (GELF_ST_TYPE (sym->st_info) == STT_FILE)
    {
      if (o->file == NULL)
	o->file = xstrdup (base_name (name));
      return;
    }
  if (o->hash[0] == '\0' && !cgo_hash (name, "_cgo_", o->hash))
    cgo_hash (name, "_cgoexp_", o->hash);
  bool undefined = sym->st_shndx == SHN_UNDEF;
  int bind = GELF_ST_BIND (sym->st_info);
  if (undefined ? bind != STB_GLOBAL : bind != STB_GLOBAL && bind != STB_WEAK)
    return;
  if (!undefined && strcmp (name, "x_cgo_init") == 0)
    o->runtime_cgo = true;
  if (!undefined && (starts (name, "_cgo_") || starts (name, "x_cgo_")))
    o->cgo_names = true;
  struct strvec *into = undefined ? a->undef : a->def;
  if (into != NULL)
    strvec_push (into, name);
}

/* An ELF object's symbol table: the first STT_FILE name, a cgo hash,
   whether it defines x_cgo_init, whether it defines a name of cmd/cgo's
   or runtime/cgo's (_cgo_..., x_cgo_...); and, where DEF and UNDEF are
   not NULL, the global symbols it defines and its strong undefined
   ones.  */
static int
read_object (const char *path, struct explain_origin *o,
	     struct strvec *def, struct strvec *undef, struct gl_error *err)
{
  struct read_object_arg a = { o, def, undef };
  return symtab_each (path, false, read_symbol, &a, err);
}

char *
explain_unescape_package (const char *name, size_t len)
{
  char *out = xmalloc (len + 1), *p = out;
  for (size_t i = 0; i < len; i++)
    {
      if (name[i] == '%' && i + 2 < len
	  && isxdigit ((unsigned char) name[i + 1])
	  && isxdigit ((unsigned char) name[i + 2]))
	{
	  char hex[3] = { name[i + 1], name[i + 2], '\0' };
	  *p++ = (char) strtol (hex, NULL, 16);
	  i += 2;
	}
      else
	*p++ = name[i];
    }
  *p = '\0';
  return out;
}

/* The string table of go.o's symbol table, or NULL.  */
static const char *
go_strtab (Elf *elf, size_t *size)
{
  Elf_Scn *scn = NULL;
  GElf_Shdr sh;
  while ((scn = elf_nextscn (elf, scn)) != NULL)
    if (gelf_getshdr (scn, &sh) != NULL && sh.sh_type == SHT_SYMTAB)
      {
	Elf_Scn *str = elf_getscn (elf, sh.sh_link);
	Elf_Data *d = str != NULL ? elf_getdata (str, NULL) : NULL;
	if (d == NULL || d->d_buf == NULL || d->d_size == 0)
	  return NULL;
	*size = d->d_size;
	return d->d_buf;
      }
  return NULL;
}

/* The package whose Go symbols in the string table STR carry HASH:
   "PKG._cgo_HASH_..." or "PKG._cgoexp_HASH_...".  */
static char *
package_of_hash (const char *str, size_t size, const char *hash)
{
  static const char *const forms[] = { "._cgo_", "._cgoexp_" };
  for (size_t f = 0; f < sizeof forms / sizeof forms[0]; f++)
    {
      char *needle = xasprintf ("%s%s_", forms[f], hash);
      const char *at = memmem (str, size, needle, strlen (needle));
      free (needle);
      if (at == NULL)
	continue;
      const char *start = at;
      while (start > str && start[-1] != '\0')
	start--;
      if (start < at)
	return explain_unescape_package (start, (size_t) (at - start));
    }
  return NULL;
}

/* The largest group whose references are followed (each object of it
   against each other).  */
#define EXPLAIN_GROUP_MAX 1024

/* The symbols of one host object while its group is worked out.  */
struct object_syms
{
  struct strvec def, undef;	/* DEF sorted */
  bool in;			/* shown to be the group's package's */
};

/* Does A reference a symbol B defines?  */
static bool
references (const struct object_syms *a, const struct object_syms *b)
{
  for (size_t i = 0; i < a->undef.n; i++)
    if (lookup (&b->def, a->undef.v[i]) != NULL)
      return true;
  return false;
}

/* Which objects of the group I..END-1 are the package's: cmd/cgo's own
   (_cgo_export.c, x.cgo2.c, those defining _cgo_ or x_cgo_ names), and
   those defining what they reference, and so on.  An object nothing
   of the package references (a .syso of a package without cgo, which
   cmd/link copies after the objects before it) is not claimed.  */
static void
group_members (const struct explain *x, struct object_syms *s, size_t i,
	       size_t end)
{
  for (size_t j = i; j < end; j++)
    {
      const struct explain_origin *o = &x->v[j];
      s[j].in = o->cgo_names
	|| (o->file != NULL && (strcmp (o->file, "_cgo_export.c") == 0
				|| ends (o->file, ".cgo2.c")));
    }
  if (end - i > EXPLAIN_GROUP_MAX)
    return;
  for (bool more = true; more;)
    {
      more = false;
      for (size_t j = i; j < end; j++)
	for (size_t k = i; k < end && !s[j].in; k++)
	  if (s[k].in && references (&s[k], &s[j]))
	    s[j].in = more = true;
    }
}

void
explain_origins (const struct inputs *ins, struct explain *x)
{
  x->n = ins->n;
  x->v = xcalloc (ins->n + 1, sizeof *x->v);
  struct object_syms *s = xcalloc (ins->n + 1, sizeof *s);
  for (size_t i = 0; i < ins->n; i++)
    {
      const struct input *in = &ins->v[i];
      strvec_init (&s[i].def);
      strvec_init (&s[i].undef);
      if (in->kind != INPUT_OBJECT || in->go)
	continue;
      x->v[i].host = true;
      struct gl_error ignored = { 0 };
      if (read_object (in->path, &x->v[i], &s[i].def, &s[i].undef,
		       &ignored) != 0)
	gl_error_clear (&ignored);
      qsort (s[i].def.v, s[i].def.n, sizeof (char *), compare_names);
    }

  size_t strsize = 0;
  const char *str = ins->go != NULL && ins->go->elf != NULL
    ? go_strtab (ins->go->elf, &strsize) : NULL;
  /* Groups: from a _cgo_export.c object to the next; an object before
     the first is a group of its own.  */
  for (size_t i = 0; i < x->n;)
    {
      if (!x->v[i].host)
	{
	  i++;
	  continue;
	}
      size_t end = i + 1;
      if (x->v[i].file != NULL && strcmp (x->v[i].file, "_cgo_export.c") == 0)
	while (end < x->n && x->v[end].host
	       && (x->v[end].file == NULL
		   || strcmp (x->v[end].file, "_cgo_export.c") != 0))
	  end++;
      const char *hash = NULL;
      bool runtime_cgo = false;
      for (size_t j = i; j < end; j++)
	{
	  if (hash == NULL && x->v[j].hash[0] != '\0')
	    hash = x->v[j].hash;
	  runtime_cgo = runtime_cgo || x->v[j].runtime_cgo;
	}
      char *package = runtime_cgo ? xstrdup ("runtime/cgo")
	: hash != NULL && str != NULL ? package_of_hash (str, strsize, hash)
	: NULL;
      if (package != NULL)
	group_members (x, s, i, end);
      for (size_t j = i; j < end && package != NULL; j++)
	{
	  /* An object's own hash names its own package.  */
	  char *own = x->v[j].hash[0] != '\0' && str != NULL && !runtime_cgo
	    && strcmp (x->v[j].hash, hash) != 0
	    ? package_of_hash (str, strsize, x->v[j].hash) : NULL;
	  x->v[j].package = own != NULL ? own
	    : s[j].in ? xstrdup (package) : NULL;
	}
      free (package);
      i = end;
    }
  for (size_t i = 0; i < ins->n; i++)
    {
      strvec_free (&s[i].def);
      strvec_free (&s[i].undef);
    }
  free (s);
}

void
explain_free (struct explain *x)
{
  for (size_t i = 0; i < x->n; i++)
    {
      free (x->v[i].file);
      free (x->v[i].package);
    }
  free (x->v);
  x->v = NULL;
  x->n = 0;
}

/* "x.go (x.cgo2.c)" for cmd/cgo's file, else the file (malloc'd).  */
static char *
source_words (const char *file, bool with_c)
{
  if (ends (file, ".cgo2.c"))
    {
      size_t stem = strlen (file) - strlen (".cgo2.c");
      return with_c ? xasprintf ("%.*s.go (%s)", (int) stem, file, file)
	: xasprintf ("%.*s.go", (int) stem, file);
    }
  return xstrdup (file);
}

char *
explain_describe (const struct explain *x, size_t k)
{
  if (k >= x->n || !x->v[k].host)
    return NULL;
  const struct explain_origin *o = &x->v[k];
  if (o->file == NULL)
    return o->package != NULL
      ? xasprintf ("cgo code of package %s", o->package) : NULL;
  char *words = source_words (o->file, true);
  char *text = o->package != NULL
    ? xasprintf ("cgo code of package %s from %s", o->package, words)
    : xasprintf ("a host object from %s", words);
  free (words);
  return text;
}

char *
explain_short (const struct explain *x, size_t k, const char *path)
{
  const struct explain_origin *o = k < x->n ? &x->v[k] : NULL;
  if (o == NULL || o->file == NULL)
    return o != NULL && o->package != NULL
      ? xasprintf ("%s of package %s", base_name (path), o->package)
      : xstrdup (base_name (path));
  char *words = source_words (o->file, false);
  char *text = o->package != NULL
    ? xasprintf ("%s of package %s", words, o->package)
    : xstrdup (words);
  free (words);
  return text;
}

/* Characters kept in a member name; the rest become '_'.  */
static char *
member_safe (const char *s)
{
  char *out = xstrdup (s);
  for (char *p = out; *p != '\0'; p++)
    if (!isalnum ((unsigned char) *p) && strchr ("._-+", *p) == NULL)
      *p = '_';
  return out;
}

char *
explain_member_name (const struct explain *x, size_t k, const char *path)
{
  /* Only safe characters: a name longer than 15 bytes goes into the GNU
     long-name table, whose entries end at a newline (lld refuses an
     archive with a newline inside one).  */
  char *base = member_safe (base_name (path));
  const struct explain_origin *o = k < x->n ? &x->v[k] : NULL;
  if (o == NULL || !o->host || o->file == NULL)
    return base;
  size_t stem = ends (base, ".o") ? strlen (base) - 2 : strlen (base);
  char *file = member_safe (o->file);
  char *name;
  if (o->package != NULL)
    {
      char *package = member_safe (o->package);
      name = xasprintf ("%.*s-%s-%s.o", (int) stem, base, package, file);
      free (package);
    }
  else
    name = xasprintf ("%.*s-%s.o", (int) stem, base, file);
  free (file);
  free (base);
  return name;
}

/* The lines.  */

void
explain_watch_init (struct explain_watch *w)
{
  memset (w, 0, sizeof *w);
  strvec_init (&w->undefined);
  strvec_init (&w->pic);
}

void
explain_watch_free (struct explain_watch *w)
{
  strvec_free (&w->undefined);
  strvec_free (&w->pic);
  free (w->bad_linker);
  w->bad_linker = NULL;
}

/* How many undefined symbols a watch keeps.  */
#define EXPLAIN_KEEP 4096
/* How many lines after a "recompile with -fPIC" one are kept.  */
#define EXPLAIN_PIC_LINES 6

static void
add_sorted (struct explain_watch *w, char *sym)
{
  if (!strvec_insert_sorted_own (&w->undefined, sym, EXPLAIN_KEEP))
    w->more++;
}

static const char *
find (const char *line, size_t len, const char *what)
{
  return memmem (line, len, what, strlen (what));
}

void
explain_watch_line (struct explain_watch *w, const char *line, size_t len)
{
  while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
    len--;
  if (w->pic_open)
    {
      /* lld names the object on ">>> " lines after its message.  */
      if (len >= 4 && memcmp (line, ">>> ", 4) == 0
	  && w->pic.n < EXPLAIN_PIC_LINES)
	strvec_push_own (&w->pic, xstrndup (line, len));
      else
	w->pic_open = false;
    }
  char *sym = cxx_linker_undefined (line, len);
  if (sym != NULL)
    {
      if (cxx_runtime_symbol (sym, NULL) == CXX_NOT)
	add_sorted (w, sym);
      else
	free (sym);
      return;
    }
  if (find (line, len, "recompile with -fPIC") != NULL && w->pic.n == 0)
    {
      strvec_push_own (&w->pic, xstrndup (line, len));
      w->pic_open = true;
      return;
    }
  /* gcc quotes 'ld' with the locale's quotes: ASCII in the C locale,
     U+2018 and U+2019 in UTF-8 ones.  */
  if (find (line, len, "cannot find 'ld'") != NULL
      || find (line, len, "cannot find \xe2\x80\x98ld\xe2\x80\x99") != NULL)
    w->no_ld = true;
  const char *bad = find (line, len, "invalid linker name in argument '-fuse-ld=");
  if (bad != NULL && w->bad_linker == NULL)
    {
      const char *s = bad + strlen ("invalid linker name in argument '-fuse-ld=");
      const char *e = memchr (s, '\'', len - (size_t) (s - line));
      if (e != NULL)
	w->bad_linker = xstrndup (s, (size_t) (e - s));
    }
}

/* Does LINE name NAME as a whole word: not inside a longer name?  */
static bool
names_word (const char *line, const char *name)
{
  size_t n = strlen (name);
  for (const char *at = strstr (line, name); at != NULL;
       at = strstr (at + 1, name))
    {
      char before = at == line ? ' ' : at[-1];
      char after = at[n];
      if (!isalnum ((unsigned char) before) && before != '_'
	  && !isalnum ((unsigned char) after) && after != '_' && after != '.')
	return true;
    }
  return false;
}

/* The linker's name for a missing linker FUSE.  */
static char *
linker_program (const char *fuse)
{
  return strcmp (fuse, "mold") == 0 ? xstrdup ("mold")
    : xasprintf ("ld.%s", fuse);
}

static bool
explain_no_linker (const struct explain_watch *w,
		   const struct explain_link *link, int status,
		   struct gl_error *err)
{
  if (w->bad_linker != NULL)
    {
      char *option = xasprintf ("-fuse-ld=%s", w->bad_linker);
      gl_error_set (err, status, option, NULL, "%s knows no linker named %s",
		    link->cc, w->bad_linker);
      gl_error_note (err, "name bfd, gold, lld or mold, or the linker's "
		     "path; gold-link's --linker= checks the name first "
		     "(--linker=auto picks an installed one)");
      free (option);
      return true;
    }
  if (!w->no_ld)
    return false;
  if (link->fuse_ld == NULL || link->fuse_ld[0] == '\0')
    {
      gl_error_set (err, status, link->cc, NULL, "%s cannot find its linker, "
		    "ld", link->cc);
      gl_error_note (err, "install binutils for %s's target, or name "
		     "another linker with --linker=", link->cc);
      return true;
    }
  char *program = linker_program (link->fuse_ld);
  char *option = xasprintf ("-fuse-ld=%s", link->fuse_ld);
  char *found = strchr (link->fuse_ld, '/') == NULL
    ? run_find_program (program) : NULL;
  if (found != NULL)
    {
      gl_error_set (err, status, option, NULL, "%s cannot find %s, although "
		    "%s is on PATH", link->cc, program, found);
      gl_error_note (err, "%s looks for %s only in its own directories: "
		     "link with --linker=%s instead, which gold-link hands "
		     "to it by directory (-B)", link->cc, program,
		     link->fuse_ld);
    }
  else
    {
      gl_error_set (err, status, option, NULL, "%s cannot find %s: it is "
		    "not installed, or not on PATH", link->cc, program);
      gl_error_note (err, "install it (Debian: %s), or pick an installed "
		     "linker with --linker= (--linker=auto picks one)",
		     strcmp (link->fuse_ld, "lld") == 0 ? "lld"
		     : strcmp (link->fuse_ld, "mold") == 0 ? "mold"
		     : "binutils");
    }
  free (found);
  free (option);
  free (program);
  return true;
}

/* One undefined symbol and the host object that references it.  */
struct ref
{
  const char *symbol;
  size_t input;
};

static bool
explain_undefined (const struct explain_watch *w,
		   const struct explain_link *link, const struct explain *x,
		   int status, struct gl_error *err)
{
  if (w->undefined.n == 0)
    return false;
  const struct inputs *ins = link->ins;
  struct ref *refs = xcalloc (w->undefined.n + 1, sizeof *refs);
  size_t nrefs = 0;
  /* Each symbol with the first host object that references it.  */
  for (size_t i = 0; i < ins->n; i++)
    {
      if (!x->v[i].host)
	continue;
      struct explain_origin scratch = { 0 };
      struct strvec undef = { 0 };
      struct gl_error ignored = { 0 };
      strvec_init (&undef);
      if (read_object (ins->v[i].path, &scratch, NULL, &undef,
		       &ignored) == 0)
	for (size_t j = 0; j < undef.n; j++)
	  {
	    if (lookup (&w->undefined, undef.v[j]) == NULL)
	      continue;
	    bool seen = false;
	    for (size_t r = 0; r < nrefs && !seen; r++)
	      seen = strcmp (refs[r].symbol, undef.v[j]) == 0;
	    if (!seen)
	      {
		refs[nrefs].symbol = lookup (&w->undefined, undef.v[j]);
		refs[nrefs++].input = i;
	      }
	  }
      gl_error_clear (&ignored);
      strvec_free (&undef);
      free (scratch.file);
      free (scratch.package);
    }
  if (nrefs == 0)
    {
      free (refs);
      return false;
    }
  /* By symbol name.  */
  for (size_t a = 1; a < nrefs; a++)
    for (size_t b = a; b > 0 && strcmp (refs[b - 1].symbol,
					 refs[b].symbol) > 0; b--)
      {
	struct ref t = refs[b];
	refs[b] = refs[b - 1];
	refs[b - 1] = t;
      }
  size_t shown = nrefs < 3 ? nrefs : 3;
  char *list = xstrdup ("");
  struct strvec packages = { 0 };
  strvec_init (&packages);
  for (size_t r = 0; r < nrefs; r++)
    {
      const char *package = x->v[refs[r].input].package;
      if (package != NULL && !strvec_contains (&packages, package))
	strvec_push (&packages, package);
      if (r >= shown)
	continue;
      char *where = explain_short (x, refs[r].input,
				   ins->v[refs[r].input].path);
      const char *obj = base_name (ins->v[refs[r].input].path);
      char *longer = nrefs == 1
	? xasprintf ("'%s', referenced by %s (%s)", refs[r].symbol, where, obj)
	: xasprintf ("%s%s'%s' (%s, %s)", list,
		     r == 0 ? "" : r + 1 < shown || nrefs > shown ? ", "
		     : " and ", refs[r].symbol, where, obj);
      free (where);
      free (list);
      list = longer;
    }
  if (nrefs > shown)
    {
      char *longer = xasprintf ("%s and %zu more", list, nrefs - shown);
      free (list);
      list = longer;
    }
  gl_error_set (err, status, link->output, NULL, "undefined C symbol%s%s",
		nrefs == 1 ? " " : "s: ", list);
  const char *them = nrefs == 1 ? "it" : "them";
  if (packages.n == 0)
    gl_error_note (err, "the library that defines %s is not linked: add "
		   "-lNAME (and -LDIR) to the link, or to the #cgo LDFLAGS "
		   "of the package that calls %s", them, them);
  else
    {
      char *names = xstrdup ("");
      for (size_t p = 0; p < packages.n; p++)
	{
	  char *longer = xasprintf ("%s%s%s", names,
				    p == 0 ? "" : p + 1 < packages.n ? ", "
				    : " and ", packages.v[p]);
	  free (names);
	  names = longer;
	}
      gl_error_note (err, "the library that defines %s is not linked: add "
		     "'#cgo LDFLAGS: -lNAME' (and -LDIR) to %s %s, or "
		     "-lNAME to CGO_LDFLAGS; or, if the C code is the "
		     "package's own, add the file that defines %s", them,
		     packages.n == 1 ? "package" : "packages", names, them);
      free (names);
    }
  strvec_free (&packages);
  free (list);
  free (refs);
  return true;
}

static bool
explain_pic (const struct explain_watch *w, const struct explain_link *link,
	     const struct explain *x, int status, struct gl_error *err)
{
  if (w->pic.n == 0)
    return false;
  const struct inputs *ins = link->ins;
  size_t found = ins->n;
  for (size_t l = 0; l < w->pic.n && found == ins->n; l++)
    for (size_t i = 0; i < ins->n && found == ins->n; i++)
      {
	if (!x->v[i].host)
	  continue;
	char *member = explain_member_name (x, i, ins->v[i].path);
	if (names_word (w->pic.v[l], member)
	    || names_word (w->pic.v[l], ins->v[i].path)
	    || names_word (w->pic.v[l], base_name (ins->v[i].path)))
	  found = i;
	free (member);
      }
  if (found == ins->n)
    return false;
  char *where = explain_short (x, found, ins->v[found].path);
  gl_error_set (err, status, link->output, NULL, "%s (%s) is not "
		"position-independent code, which a shared library or a "
		"PIE needs", where, base_name (ins->v[found].path));
  gl_error_note (err, "compile it with -fPIC (a .syso file or a "
		 "prebuilt library included: rebuild it so), or build an "
		 "executable with -buildmode=exe");
  free (where);
  return true;
}

bool
explain_watch_explain (const struct explain_watch *w,
		       const struct explain_link *link, int status,
		       struct gl_error *err)
{
  if (explain_no_linker (w, link, status, err))
    return true;
  if (w->undefined.n == 0 && w->pic.n == 0)
    return false;
  struct explain x = { 0 };
  explain_origins (link->ins, &x);
  bool told = explain_undefined (w, link, &x, status, err)
    || explain_pic (w, link, &x, status, err);
  explain_free (&x);
  return told;
}
