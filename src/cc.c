/* Which compiler driver runs the link: the one named for gold-link, else
   CC when it targets the Go object's architecture, else that architecture's
   own gcc.  */
#include <config.h>

#include "cc.h"
#include "cache.h"
#include "run.h"

#include <stdlib.h>
#include <string.h>

/* Is the first word of CC this very program?  cmd/go exports CC to the
   link, and a user may set CC=gold-link: never run ourselves.  */
static bool
is_self (const char *cc)
{
  struct strvec w = { 0 };
  strvec_init (&w);
  strvec_push_words (&w, cc);
  bool self = false;
  if (w.n > 0)
    {
      const char *base = strrchr (w.v[0], '/');
      base = base ? base + 1 : w.v[0];
      self = strncmp (base, "gold-link", 9) == 0;
      char *real = realpath (w.v[0], NULL), *exe = run_self_path ();
      if (real != NULL && exe != NULL)
	self = self || strcmp (real, exe) == 0;
      free (real);
      free (exe);
    }
  strvec_free (&w);
  return self;
}

static bool
on_path (const char *name)
{
  char *full = run_find_program (name);
  free (full);
  return full != NULL;
}

/* The target of compiler CC: the triplet it prints for -dumpmachine
   (malloc'd), as gcc and clang answer it with their own flags applied
   (clang --target=, clang -m32); gcc -m32 still prints the 64-bit triplet,
   which arch_cc_targets knows.  A single word named "<triplet>-gcc..." or
   "<triplet>-clang..." for a known CPU is taken by its name, unprobed.
   NULL when CC cannot say (not gcc-compatible, or it failed): then its
   target is not judged here.  */
static char *
cc_triplet (const struct strvec *cc)
{
  const char *base = strrchr (cc->v[0], '/');
  base = base ? base + 1 : cc->v[0];
  const char *tool = strstr (base, "-gcc");
  tool = tool ? tool : strstr (base, "-clang");
  if (cc->n == 1 && tool != NULL && arch_by_triplet (base) != NULL)
    return xstrndup (base, (size_t) (tool - base));

  struct strvec argv = { 0 };
  struct gl_error err = { 0 };
  char *out = NULL, *triplet = NULL;
  int status;
  strvec_init (&argv);
  strvec_append (&argv, cc);
  strvec_push (&argv, "-dumpmachine");
  struct cache_question q;
  cache_question_init (&q, "compiler", argv.v, cc->n);
  if (cache_capture (&q, &out, &status, &err) == 0 && status == 0)
    /* The first line that is one word with a '-': clang may warn first.  */
    for (const char *line = out; *line != '\0' && triplet == NULL;)
      {
	size_t n = strcspn (line, "\n");
	if (n > 0 && strcspn (line, " \t\n") == n && memchr (line, '-', n))
	  triplet = xstrndup (line, n);
	line += n;
	line += *line == '\n';
      }
  if (triplet != NULL)
    cache_keep (&q, out);
  cache_question_free (&q);
  gl_error_clear (&err);
  free (out);
  strvec_free (&argv);
  return triplet;
}

/* Is WORDS (from ORIGIN) a compiler for ARCH, or one that cannot say?  If
   not, *TRIPLET is what it targets.  */
static bool
cc_suits (const struct strvec *words, const struct gl_arch *arch,
	  const char *origin, char **triplet, struct strvec *notes)
{
  *triplet = arch != NULL ? cc_triplet (words) : NULL;
  if (*triplet == NULL)
    {
      if (arch != NULL)
	strvec_pushf (notes, "compiler: '%s -dumpmachine' gave no target: its target "
	      "is not checked against %s", words->v[0], arch->goarch);
      return true;
    }
  /* Go's external linking is for Linux ("x86_64-linux-gnu",
     "aarch64-unknown-linux-gnu", "x86_64-linux-musl"), never Windows or
     bare metal.  */
  if (strstr (*triplet, "-linux") != NULL && arch_cc_targets (arch, *triplet))
    {
      char *line = run_format_command (words->v);
      strvec_pushf (notes, "compiler: %s (%s) targets %s, for %s", line,
		    origin, *triplet, arch->goarch);
      free (line);
      free (*triplet);
      *triplet = NULL;
      return true;
    }
  return false;
}

static void
words_set (struct strvec *words, const char *s)
{
  strvec_free (words);
  strvec_init (words);
  strvec_push_words (words, s);
}

int
cc_choose (const char *opt_cc, const struct gl_arch *arch,
	   const char *arch_from, struct strvec *words, const char **why,
	   struct strvec *notes, struct gl_error *err)
{
  const struct gl_arch *native = arch_native ();
  /* gcc serves its own architecture and those it reaches with cc_flags.  */
  bool gcc_serves = arch == NULL || native == NULL || arch == native
    || arch_cc_targets (arch, native->triplet);
  const char *given = NULL;
  char *triplet = NULL, *what = NULL;
  struct strvec cross = { 0 };
  int ret = 0;
  strvec_init (&cross);
  if (arch != NULL)
    arch_cross_compilers (arch, &cross);

  if (opt_cc != NULL && opt_cc[0] != '\0')
    given = opt_cc, *why = "--cc";
  else if (getenv ("GOLD_LINK_CC") != NULL && getenv ("GOLD_LINK_CC")[0])
    given = getenv ("GOLD_LINK_CC"), *why = "GOLD_LINK_CC";
  if (given != NULL)
    words_set (words, given);
  if (given != NULL && words->n > 0)
    {
      /* Named for gold-link: it is used, or refused.  */
      if (cc_suits (words, arch, *why, &triplet, notes))
	goto out;
      what = arch_from ? xasprintf ("%s object", arch->goarch)
	: xasprintf ("GOARCH=%s", arch->goarch);
      gl_error_set (err, GL_EXIT_USAGE, arch_from, NULL,
		    "%s, but the compiler '%s' (%s) targets %s", what, given,
		    *why, triplet);
      gl_error_note (err, "name a compiler for %s with %s, such as %s",
		     arch->goarch, *why, gcc_serves ? "gcc" : cross.v[0]);
      ret = -1;
      goto out;
    }

  /* cmd/go exports CC to the link even when it is only its default "gcc"
     and GOARCH is another architecture: a CC for another target is passed
     over for the target's own compiler (SPEC "Interfaces").  */
  const char *cc = getenv ("CC");
  if (cc != NULL && cc[0] != '\0' && !is_self (cc))
    {
      words_set (words, cc);
      *why = "CC";
      if (words->n > 0 && cc_suits (words, arch, "CC", &triplet, notes))
	goto out;
      if (triplet != NULL)
	strvec_pushf (notes, "compiler: CC (%s) targets %s, not %s: looking for %s's "
	      "compiler", cc, triplet, arch->goarch, arch->goarch);
    }
  words_set (words, "");

  if (arch != NULL && arch != native)
    for (size_t i = 0; i < cross.n; i++)
      if (on_path (cross.v[i]))
	{
	  strvec_push (words, cross.v[i]);
	  *why = "the target's Debian cross compiler";
	  goto out;
	}
  /* The machine's own gcc, where it serves (gcc -m32 for 386).  */
  if (gcc_serves)
    {
      strvec_push (words, "gcc");
      *why = "default";
      goto out;
    }
  what = arch_from ? xasprintf ("%s object", arch->goarch)
    : xasprintf ("GOARCH=%s", arch->goarch);
  if (triplet != NULL)
    gl_error_set (err, GL_EXIT_USAGE, arch_from, NULL,
		  "%s, but CC (%s) targets %s, and neither %s nor %s is on "
		  "PATH", what, cc, triplet, cross.v[0], cross.v[1]);
  else
    gl_error_set (err, GL_EXIT_USAGE, arch_from, NULL,
		  "%s, but neither %s nor %s is on PATH", what, cross.v[0],
		  cross.v[1]);
  char *package = arch_cross_package (arch);
  gl_error_note (err, "install %s (Debian), or name a compiler for %s with "
		 "--cc or CC", package, arch->goarch);
  free (package);
  ret = -1;
out:
  free (triplet);
  free (what);
  strvec_free (&cross);
  return ret;
}

/* C++ (cxx.c): the C++ driver of the compiler family that links.  */

/* WORD's file name, past any directory.  */
static const char *
base_name (const char *word)
{
  const char *slash = strrchr (word, '/');
  return slash ? slash + 1 : word;
}

/* Is S empty, or "-" and a version ("-12", "-14.0.6")?  */
static bool
is_version_suffix (const char *s)
{
  if (*s == '\0')
    return true;
  if (s[0] != '-' || !(s[1] >= '0' && s[1] <= '9'))
    return false;
  return strspn (s + 1, "0123456789.") == strlen (s + 1);
}

/* The C drivers whose C++ driver is named after them, as
   [TRIPLET-]C[-VERSION] → [TRIPLET-]CXX[-VERSION].  */
static const struct
{
  const char *c, *cxx;
} cxx_names[] = {
  { "gcc", "g++" },
  { "clang", "clang++" },
  { "cc", "c++" },
  { "icx", "icpx" },		/* Intel oneAPI */
  { "icc", "icpc" },		/* Intel classic */
};

char *
cc_cxx_name (const char *word)
{
  const char *base = base_name (word);
  for (size_t i = 0; i < sizeof cxx_names / sizeof cxx_names[0]; i++)
    {
      size_t n = strlen (cxx_names[i].c);
      /* The name, at the start of BASE or after the triplet's '-'.  */
      for (const char *at = strstr (base, cxx_names[i].c); at != NULL;
	   at = strstr (at + 1, cxx_names[i].c))
	if ((at == base || at[-1] == '-') && is_version_suffix (at + n))
	  return xasprintf ("%.*s%s%s", (int) (at - word), word,
			    cxx_names[i].cxx, at + n);
    }
  return NULL;
}

bool
cc_is_cxx_name (const char *word)
{
  const char *base = base_name (word);
  return strstr (base, "++") != NULL || strncmp (base, "icpx", 4) == 0
    || strncmp (base, "icpc", 4) == 0;
}

/* The index in CC of its compiler's word: the first that is not an
   option and that names a C or C++ driver ("ccache gcc", "zig cc"), or
   -1.  */
static long
compiler_word (const struct strvec *cc)
{
  for (size_t i = 0; i < cc->n; i++)
    {
      if (cc->v[i][0] == '-')
	continue;
      char *cxx = cc_cxx_name (cc->v[i]);
      bool known = cxx != NULL || cc_is_cxx_name (cc->v[i]);
      free (cxx);
      if (known)
	return (long) i;
    }
  return -1;
}

bool
cc_is_cxx (const struct strvec *cc)
{
  long k = compiler_word (cc);
  return k >= 0 && cc_is_cxx_name (cc->v[k]);
}

int
cc_cxx_words (const struct strvec *cc, struct strvec *cxx)
{
  long k = compiler_word (cc);
  if (k < 0)
    return CC_CXX_UNKNOWN;
  if (cc_is_cxx_name (cc->v[k]))
    return CC_CXX_ALREADY;
  for (size_t i = 0; i < cc->n; i++)
    if ((long) i == k)
      strvec_push_own (cxx, cc_cxx_name (cc->v[i]));
    else
      strvec_push (cxx, cc->v[i]);
  return CC_CXX_FOUND;
}

enum cc_cxx
cc_choose_cxx (const struct strvec *cc, const char *why_cc,
	       const struct gl_arch *arch, struct strvec *cxx,
	       const char **why, struct strvec *notes)
{
  strvec_free (cxx);
  strvec_init (cxx);
  int found = cc_cxx_words (cc, cxx);
  if (found != CC_CXX_FOUND)
    return found;
  const char *mapped = cxx->v[compiler_word (cc)];

  /* cmd/go compiled the C++ files with CXX, and exports it to the link
     (its default, g++, when unset): when it is this family's C++ driver
     (the same program, its flags its own), it is the one to link with.  */
  const char *env = getenv ("CXX");
  struct strvec words = { 0 };
  strvec_init (&words);
  if (env != NULL && env[0] != '\0')
    strvec_push_words (&words, env);
  long k = compiler_word (&words);
  char *triplet = NULL;
  bool same = k >= 0 && strcmp (words.v[k], mapped) == 0;
  if (same && on_path (words.v[k]))
    {
      if (cc_suits (&words, arch, "CXX", &triplet, notes))
	{
	  strvec_free (cxx);
	  *cxx = words;
	  *why = "CXX, the compiler's C++ driver";
	  return CC_CXX_FOUND;
	}
      strvec_pushf (notes, "compiler: CXX (%s) targets %s, not %s: not "
		    "linking through it", env, triplet, arch->goarch);
      free (triplet);
    }
  else if (!same && env != NULL && env[0] != '\0')
    strvec_pushf (notes, "compiler: CXX (%s) is not %s, the C++ driver of %s: "
	  "not linking through it", env, mapped, cc->v[compiler_word (cc)]);
  strvec_free (&words);
  if (!on_path (mapped))
    return CC_CXX_MISSING;
  /* The static reasons cc_choose gives, each with its C++ driver.  */
  static const struct
  {
    const char *c, *cxx;
  } whys[] = {
    { "--cc", "--cc's C++ driver" },
    { "GOLD_LINK_CC", "GOLD_LINK_CC's C++ driver" },
    { "CC", "CC's C++ driver" },
    { "the target's Debian cross compiler",
      "the C++ driver of the target's Debian cross compiler" },
    { "default", "the default's C++ driver" },
  };
  *why = "the compiler's C++ driver";
  for (size_t i = 0; i < sizeof whys / sizeof whys[0]; i++)
    if (strcmp (why_cc, whys[i].c) == 0)
      *why = whys[i].cxx;
  return CC_CXX_FOUND;
}
