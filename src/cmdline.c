/* The gcc-style command line: @file expansion, gold-link's own options split
   from the compiler driver's, and what the driver's arguments ask for.  */
#include <config.h>

#include "cmdline.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* gcc's response files may include others; a cycle must end somewhere.  */
#define RESPONSE_FILE_MAX_DEPTH 64
/* gcc (libiberty's expandargv) stops at the 2000th @-word, read or not:
   a few small files that each name the next many times would otherwise
   expand to billions of words.  */
#define RESPONSE_FILE_MAX_COUNT 2000

static bool
is_blank (int c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
    || c == '\v';
}

/* Split TEXT into words as libiberty's buildargv does.  */
static void
split_response_text (const char *text, size_t len, struct strvec *words)
{
  char *word = xmalloc (len + 1);
  size_t i = 0;
  while (i < len)
    {
      while (i < len && is_blank ((unsigned char) text[i]))
	i++;
      if (i >= len)
	break;
      size_t n = 0;
      bool squote = false, dquote = false, backslash = false;
      for (; i < len; i++)
	{
	  char c = text[i];
	  if (backslash)
	    {
	      word[n++] = c;
	      backslash = false;
	    }
	  else if (c == '\\')
	    backslash = true;
	  else if (squote)
	    {
	      if (c == '\'')
		squote = false;
	      else
		word[n++] = c;
	    }
	  else if (dquote)
	    {
	      if (c == '"')
		dquote = false;
	      else
		word[n++] = c;
	    }
	  else if (is_blank ((unsigned char) c))
	    break;
	  else if (c == '\'')
	    squote = true;
	  else if (c == '"')
	    dquote = true;
	  else
	    word[n++] = c;
	}
      strvec_push_own (words, xstrndup (word, n));
    }
  free (word);
}

static int
hex_value (int c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* Append rune R to WORD as UTF-8; false when it is not a valid rune.  */
static bool
put_utf8 (char *word, size_t *n, unsigned long r)
{
  if (r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff))
    return false;
  if (r < 0x80)
    word[(*n)++] = (char) r;
  else if (r < 0x800)
    {
      word[(*n)++] = (char) (0xc0 | (r >> 6));
      word[(*n)++] = (char) (0x80 | (r & 0x3f));
    }
  else if (r < 0x10000)
    {
      word[(*n)++] = (char) (0xe0 | (r >> 12));
      word[(*n)++] = (char) (0x80 | ((r >> 6) & 0x3f));
      word[(*n)++] = (char) (0x80 | (r & 0x3f));
    }
  else
    {
      word[(*n)++] = (char) (0xf0 | (r >> 18));
      word[(*n)++] = (char) (0x80 | ((r >> 12) & 0x3f));
      word[(*n)++] = (char) (0x80 | ((r >> 6) & 0x3f));
      word[(*n)++] = (char) (0x80 | (r & 0x3f));
    }
  return true;
}

/* Decode one Go-quoted string (strconv.Quote, as fmt's %q writes it) of
   LEN bytes at LINE into WORD; *ESCAPES is set when it holds an escape
   that gcc's quoting reads otherwise (\t, \x1b, \u00e9, ...).  False when
   LINE is not exactly one such string.  */
static bool
decode_go_quoted (const char *line, size_t len, char *word, size_t *n,
		  bool *escapes)
{
  if (len < 2 || line[0] != '"' || line[len - 1] != '"')
    return false;
  *n = 0;
  for (size_t i = 1; i < len - 1; i++)
    {
      unsigned char c = (unsigned char) line[i];
      if (c == '"' || c < 0x20 || c == 0x7f)
	return false;
      if (c != '\\')
	{
	  word[(*n)++] = (char) c;
	  continue;
	}
      if (++i >= len - 1)
	return false;
      char e = line[i];
      static const char simple[] = "abfnrtv";
      static const char value[] = "\a\b\f\n\r\t\v";
      const char *p = strchr (simple, e);
      if (e == '\\' || e == '"')
	word[(*n)++] = e;
      else if (p != NULL && e != '\0')
	{
	  word[(*n)++] = value[p - simple];
	  *escapes = true;
	}
      else if (e == 'x' || e == 'u' || e == 'U')
	{
	  size_t digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
	  if (i + digits >= len - 1)
	    return false;
	  unsigned long r = 0;
	  for (size_t k = 1; k <= digits; k++)
	    {
	      int h = hex_value ((unsigned char) line[i + k]);
	      if (h < 0)
		return false;
	      r = r * 16 + (unsigned long) h;
	    }
	  i += digits;
	  if (e == 'x')
	    word[(*n)++] = (char) r;
	  else if (!put_utf8 (word, n, r))
	    return false;
	  *escapes = true;
	}
      else
	return false;
    }
  return true;
}

/* cmd/link (1.21+) writes its response file one argument per line, each
   quoted by Go's %q.  gcc reads "\t" in it as "t" and "\xe9" as "xe9";
   gold-link reads such a file as Go meant it: when every line is exactly
   one Go-quoted string and one of them holds an escape that the two
   readings disagree on.  Otherwise false, and WORDS is unchanged.  */
static bool
split_go_response_text (const char *text, size_t len, struct strvec *words)
{
  struct strvec got = { 0 };
  strvec_init (&got);
  char *word = xmalloc (len + 1);
  bool escapes = false, ok = true;
  for (size_t i = 0; i < len && ok;)
    {
      const char *nl = memchr (text + i, '\n', len - i);
      size_t end = nl ? (size_t) (nl - text) : len;
      size_t n;
      if (end > i)
	{
	  ok = decode_go_quoted (text + i, end - i, word, &n, &escapes);
	  if (ok)
	    strvec_push_own (&got, xstrndup (word, n));
	}
      i = end + 1;
    }
  free (word);
  ok = ok && escapes;
  if (ok)
    strvec_append (words, &got);
  strvec_free (&got);
  return ok;
}

static int
read_whole_file (const char *path, char **text, size_t *len)
{
  FILE *f = fopen (path, "rb");
  if (f == NULL)
    return -1;
  size_t cap = 4096, n = 0;
  char *buf = xmalloc (cap);
  size_t got;
  while ((got = fread (buf + n, 1, cap - n, f)) > 0)
    {
      n += got;
      if (n == cap)
	buf = xrealloc (buf, cap *= 2);
    }
  int failed = ferror (f);
  fclose (f);
  if (failed)
    {
      free (buf);
      errno = EIO;
      return -1;
    }
  *text = buf;
  *len = n;
  return 0;
}

static int
expand_word (const char *word, struct strvec *out, int depth,
	     unsigned *count, struct gl_error *err)
{
  if (word[0] == '@' && ++*count >= RESPONSE_FILE_MAX_COUNT)
    {
      gl_error_set (err, GL_EXIT_USAGE, NULL, NULL,
		    "too many @-files encountered (gcc's limit is %d)",
		    RESPONSE_FILE_MAX_COUNT);
      gl_error_note (err, "response files probably name each other "
		     "without end");
      return -1;
    }
  if (word[0] != '@' || word[1] == '\0')
    {
      strvec_push (out, word);
      return 0;
    }
  char *text = NULL;
  size_t len = 0;
  if (read_whole_file (word + 1, &text, &len) != 0)
    {
      /* Like gcc: an @word that names no readable file is an argument.  */
      strvec_push (out, word);
      return 0;
    }
  if (depth >= RESPONSE_FILE_MAX_DEPTH)
    {
      free (text);
      gl_error_set (err, GL_EXIT_USAGE, word + 1, NULL,
		    "response files nested more than %d deep",
		    RESPONSE_FILE_MAX_DEPTH);
      gl_error_note (err, "a response file probably includes itself");
      return -1;
    }
  struct strvec words = { 0 };
  strvec_init (&words);
  if (!split_go_response_text (text, len, &words))
    split_response_text (text, len, &words);
  free (text);
  int rc = 0;
  for (size_t i = 0; i < words.n && rc == 0; i++)
    rc = expand_word (words.v[i], out, depth + 1, count, err);
  strvec_free (&words);
  return rc;
}

int
cmdline_expand_response_files (int argc, char *const argv[],
			       struct strvec *out, struct gl_error *err)
{
  if (out->v == NULL)
    strvec_init (out);
  if (argc > 0)
    strvec_push (out, argv[0]);
  unsigned count = 0;
  for (int i = 1; i < argc; i++)
    if (expand_word (argv[i], out, 0, &count, err) != 0)
      return -1;
  return 0;
}

/* Driver options whose value may be the next word.  Single letters take the
   next word only when they stand alone ("-o" "x"), never "-ox".  */
static const char *const separate_value_options[] = {
  "-o", "-x", "-l", "-L", "-T", "-u", "-e", "-z", "-B", "-I", "-D", "-U",
  "-Xlinker", "-Xassembler", "-Xpreprocessor", "-Xclang", "-include",
  "-imacros", "-isystem", "-idirafter", "-iprefix", "-iwithprefix",
  "-iwithprefixbefore", "-iquote", "-isysroot", "-imultilib", "-MF", "-MT",
  "-MQ", "-aux-info", "--param", "-wrapper", "-dumpbase", "-dumpdir",
  "-dumpbase-ext", "--sysroot", "-specs", "-target", "--target", "-arch",
  "--print-prog-name", NULL
};

bool
cmdline_takes_separate_value (const char *word)
{
  for (const char *const *o = separate_value_options; *o != NULL; o++)
    if (strcmp (word, *o) == 0)
      return true;
  return false;
}

/* Is WORD one of OPTIONS (popt table, included tables too)?  Sets
   *TAKES_ARG when it wants a value and none is joined with '='.  */
static bool
is_own_option (const char *word, const struct poptOption *options,
	       bool *takes_arg)
{
  for (const struct poptOption *o = options;
       o->longName != NULL || o->shortName != '\0' || o->argInfo != 0; o++)
    {
      unsigned kind = o->argInfo & POPT_ARG_MASK;
      if (kind == POPT_ARG_INCLUDE_TABLE)
	{
	  if (is_own_option (word, o->arg, takes_arg))
	    return true;
	  continue;
	}
      bool wants = kind != POPT_ARG_NONE && kind != POPT_ARG_VAL;
      if (o->shortName != '\0' && word[0] == '-' && word[1] == o->shortName
	  && word[2] == '\0')
	{
	  *takes_arg = wants;
	  return true;
	}
      if (o->longName != NULL && word[0] == '-' && word[1] == '-')
	{
	  size_t n = strlen (o->longName);
	  if (strncmp (word + 2, o->longName, n) == 0)
	    {
	      if (word[2 + n] == '\0')
		{
		  *takes_arg = wants;
		  return true;
		}
	      if (word[2 + n] == '=' && wants)
		{
		  *takes_arg = false;
		  return true;
		}
	    }
	}
    }
  return false;
}

void
cmdline_split (const struct strvec *args, const struct poptOption *options,
	       struct strvec *own, struct strvec *driver)
{
  if (own->v == NULL)
    strvec_init (own);
  if (driver->v == NULL)
    strvec_init (driver);
  if (args->n == 0)
    return;
  strvec_push (own, args->v[0]);
  for (size_t i = 1; i < args->n; i++)
    {
      const char *w = args->v[i];
      bool takes_arg = false;
      if (is_own_option (w, options, &takes_arg))
	{
	  strvec_push (own, w);
	  if (takes_arg && i + 1 < args->n)
	    strvec_push (own, args->v[++i]);
	  continue;
	}
      strvec_push (driver, w);
      if (cmdline_takes_separate_value (w) && i + 1 < args->n)
	strvec_push (driver, args->v[++i]);
    }
}

bool
cmdline_is_source_name (const char *path)
{
  static const char *const exts[] = {
    "c", "i", "ii", "cc", "cp", "cxx", "cpp", "CPP", "c++", "C", "m", "mi",
    "mm", "M", "mii", "h", "hh", "H", "hp", "hxx", "hpp", "HPP", "h++", "tcc",
    "s", "S", "sx", "f", "for", "ftn", "F", "FOR", "fpp", "FPP", "FTN", "f90",
    "f95", "f03", "f08", "F90", "F95", "F03", "F08", "go", "d", "di", "dd",
    "ads", "adb", "rs", NULL
  };
  const char *base = strrchr (path, '/');
  base = base ? base + 1 : path;
  const char *dot = strrchr (base, '.');
  if (dot == NULL || dot == base)
    return false;
  for (const char *const *e = exts; *e != NULL; e++)
    if (strcmp (dot + 1, *e) == 0)
      return true;
  return false;
}

static bool
starts_with (const char *s, const char *prefix)
{
  return strncmp (s, prefix, strlen (prefix)) == 0;
}

/* Options after which the driver does not link at all.  */
static bool
is_no_link_option (const char *w)
{
  static const char *const exact[] = {
    "-c", "-S", "-E", "-M", "-MM", "-fsyntax-only", "-###", "-dumpmachine",
    "-dumpversion", "-dumpfullversion", "-dumpspecs", "--help", "--version",
    "--target-help", "-print-search-dirs", "-print-libgcc-file-name",
    "-print-multi-directory", "-print-multi-lib", "-print-multi-os-directory",
    "-print-multiarch", "-print-sysroot", "-print-sysroot-headers-suffix",
    "-r", NULL
  };
  for (const char *const *e = exact; *e != NULL; e++)
    if (strcmp (w, *e) == 0)
      return true;
  return starts_with (w, "-print-file-name=")
    || starts_with (w, "-print-prog-name=")
    || starts_with (w, "--print-") || starts_with (w, "--help=");
}

/* Does a -Wl,/-Xlinker value give the linker a build ID?  */
static bool
names_build_id (const char *w)
{
  return strstr (w, "--build-id") != NULL || strstr (w, "-build-id") != NULL;
}

/* Does it name a symbol to export (-Wl,--export-dynamic-symbol=X, and the
   linkers' other spellings)?  */
static bool
names_export_symbol (const char *w)
{
  return strstr (w, "-export-dynamic-symbol") != NULL;
}

/* Does it tell the linker -S (--strip-debug)?  W is a whole -Wl, word,
   whose options are separated by commas, or one -Xlinker value.  */
static bool
names_strip_debug (const char *w)
{
  if (starts_with (w, "-Wl,"))
    w += strlen ("-Wl,");
  while (*w != '\0')
    {
      size_t n = strcspn (w, ",");
      if ((n == 2 && strncmp (w, "-S", n) == 0)
	  || (n == 13 && strncmp (w, "--strip-debug", n) == 0)
	  || (n == 12 && strncmp (w, "-strip-debug", n) == 0))
	return true;
      w += n;
      if (*w == ',')
	w++;
    }
  return false;
}

/* What a linker option given through -Wl, or -Xlinker says.  */
static void
classify_linker_option (struct cmdline *cl, const char *w)
{
  if (names_build_id (w))
    cl->build_id = true;
  if (names_export_symbol (w))
    cl->export_dynamic_symbol = true;
  if (names_strip_debug (w))
    cl->strip_debug = true;
}

int
cmdline_classify (const struct strvec *args, struct cmdline *cl,
		  struct gl_error *err)
{
  memset (cl, 0, sizeof *cl);
  cl->args = args;
  cl->output_index = -1;
  cl->operands = xcalloc (args->n + 1, sizeof *cl->operands);
  bool lang_source = false;	/* after -x LANG other than none */

  for (size_t i = 0; i < args->n; i++)
    {
      const char *w = args->v[i];
      if (w[0] != '-' || w[1] == '\0')
	{
	  /* "-" is standard input, which the driver only compiles.  */
	  if (lang_source || strcmp (w, "-") == 0
	      || cmdline_is_source_name (w))
	    cl->sources = true;
	  cl->operands[cl->noperands++] = i;
	  continue;
	}
      if (cmdline_takes_separate_value (w))
	{
	  if (i + 1 >= args->n)
	    {
	      gl_error_set (err, GL_EXIT_USAGE, NULL, NULL,
			    "missing argument to '%s'", w);
	      gl_error_note (err, "'%s' takes a value as the next word", w);
	      return -1;
	    }
	  const char *v = args->v[++i];
	  if (strcmp (w, "-o") == 0)
	    {
	      cl->output_index = (long) i;
	      cl->output_joined = false;
	      cl->output = v;
	    }
	  else if (strcmp (w, "-x") == 0)
	    lang_source = strcmp (v, "none") != 0;
	  else if (strcmp (w, "-l") == 0)
	    cl->nlibs++;
	  else if (strcmp (w, "-Xlinker") == 0)
	    classify_linker_option (cl, v);
	  else if (strcmp (w, "--print-prog-name") == 0)
	    {
	      cl->print_prog_name = v;
	      cl->no_link = true;
	    }
	  continue;
	}
      if (w[1] == 'o')
	{
	  cl->output_index = (long) i;
	  cl->output_joined = true;
	  cl->output = w + 2;
	}
      else if (w[1] == 'l')
	cl->nlibs++;
      else if (w[1] == 'x')
	lang_source = strcmp (w + 2, "none") != 0;
      else if (strcmp (w, "-shared") == 0)
	cl->shared = true;
      else if (strcmp (w, "-pie") == 0)
	cl->pie = true;
      else if (strcmp (w, "-no-pie") == 0 || strcmp (w, "-nopie") == 0)
	cl->no_pie = true;
      else if (strcmp (w, "-static") == 0)
	cl->static_exe = true;
      else if (strcmp (w, "-static-pie") == 0)
	cl->static_pie = true;
      else if (strcmp (w, "-rdynamic") == 0)
	cl->rdynamic = true;
      else if (starts_with (w, "-fuse-ld="))
	cl->fuse_ld = w + strlen ("-fuse-ld=");
      else if (starts_with (w, "-Wl,"))
	classify_linker_option (cl, w);
      else if (is_no_link_option (w))
	{
	  cl->no_link = true;
	  if (starts_with (w, "-print-prog-name=")
	      || starts_with (w, "--print-prog-name="))
	    cl->print_prog_name = strchr (w, '=') + 1;
	}
    }
  return 0;
}

void
cmdline_free (struct cmdline *cl)
{
  free (cl->operands);
  cl->operands = NULL;
  cl->noperands = 0;
}
