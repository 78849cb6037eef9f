/* Which compiler driver runs the link, and the exact command it is given.  */
#include <config.h>

#include "linker.h"
#include "run.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void
linker_split_words (const char *s, struct strvec *words)
{
  const char *p = s;
  while (*p != '\0')
    {
      p += strspn (p, " \t\n");
      if (*p == '\0')
	break;
      size_t n = strcspn (p, " \t\n");
      strvec_push_own (words, xstrndup (p, n));
      p += n;
    }
}

/* Is the first word of CC this very program?  cmd/go exports CC to the
   link, and a user may set CC=gold-link: never run ourselves.  */
static bool
is_self (const char *cc)
{
  struct strvec w = { 0 };
  strvec_init (&w);
  linker_split_words (cc, &w);
  bool self = false;
  if (w.n > 0)
    {
      const char *base = strrchr (w.v[0], '/');
      base = base ? base + 1 : w.v[0];
      self = strncmp (base, "gold-link", 9) == 0;
      char exe[PATH_MAX], *real = realpath (w.v[0], NULL);
      ssize_t n = readlink ("/proc/self/exe", exe, sizeof exe - 1);
      if (real != NULL && n > 0)
	{
	  exe[n] = '\0';
	  self = self || strcmp (real, exe) == 0;
	}
      free (real);
    }
  strvec_free (&w);
  return self;
}

/* NAME's full path on PATH (malloc'd), or NULL; a NAME with a slash is
   taken as it is.  */
static char *
find_on_path (const char *name)
{
  if (strchr (name, '/') != NULL)
    return access (name, X_OK) == 0 ? xstrdup (name) : NULL;
  const char *path = getenv ("PATH");
  if (path == NULL)
    path = "/usr/bin:/bin";
  while (*path != '\0')
    {
      size_t n = strcspn (path, ":");
      char *full = xasprintf ("%.*s/%s", (int) n, n ? path : ".", name);
      if (access (full, X_OK) == 0)
	return full;
      free (full);
      path += n;
      path += *path == ':';
    }
  return NULL;
}

static bool
on_path (const char *name)
{
  char *full = find_on_path (name);
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
  if (run_capture (argv.v, &out, &status, &err) == 0 && status == 0)
    /* The first line that is one word with a '-': clang may warn first.  */
    for (const char *line = out; *line != '\0' && triplet == NULL;)
      {
	size_t n = strcspn (line, "\n");
	if (n > 0 && strcspn (line, " \t\n") == n && memchr (line, '-', n))
	  triplet = xstrndup (line, n);
	line += n;
	line += *line == '\n';
      }
  gl_error_clear (&err);
  free (out);
  strvec_free (&argv);
  return triplet;
}

/* Is WORDS (from ORIGIN) a compiler for ARCH, or one that cannot say?  If
   not, *TRIPLET is what it targets.  */
static bool
cc_suits (const struct strvec *words, const struct gl_arch *arch,
	  const char *origin, char **triplet)
{
  *triplet = arch != NULL ? cc_triplet (words) : NULL;
  if (*triplet == NULL)
    {
      if (arch != NULL)
	gl_verbosef ("compiler: '%s -dumpmachine' gave no target: its target "
		     "is not checked against %s", words->v[0], arch->goarch);
      return true;
    }
  /* Go's external linking is for Linux ("x86_64-linux-gnu",
     "aarch64-unknown-linux-gnu", "x86_64-linux-musl"), never Windows or
     bare metal.  */
  if (strstr (*triplet, "-linux") != NULL && arch_cc_targets (arch, *triplet))
    {
      char *line = run_format_command (words->v);
      gl_verbosef ("compiler: %s (%s) targets %s, for %s", line, origin,
		   *triplet, arch->goarch);
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
  linker_split_words (s, words);
}

int
linker_choose_cc (const char *opt_cc, const struct gl_arch *arch,
		  const char *arch_from, struct strvec *words,
		  const char **why, struct gl_error *err)
{
  const struct gl_arch *native = arch_native ();
  /* gcc serves its own architecture and those it reaches with cc_flags.  */
  bool gcc_serves = arch == NULL || native == NULL || arch == native
    || arch_cc_targets (arch, native->triplet);
  const char *given = NULL;
  char *triplet = NULL, *what = NULL;
  int ret = 0;

  if (opt_cc != NULL && opt_cc[0] != '\0')
    given = opt_cc, *why = "--cc";
  else if (getenv ("GOLD_LINK_CC") != NULL && getenv ("GOLD_LINK_CC")[0])
    given = getenv ("GOLD_LINK_CC"), *why = "GOLD_LINK_CC";
  if (given != NULL)
    words_set (words, given);
  if (given != NULL && words->n > 0)
    {
      /* Named for gold-link: it is used, or refused.  */
      if (cc_suits (words, arch, *why, &triplet))
	goto out;
      what = arch_from ? xasprintf ("%s object", arch->goarch)
	: xasprintf ("GOARCH=%s", arch->goarch);
      gl_error_set (err, GL_EXIT_USAGE, arch_from, NULL,
		    "%s, but the compiler '%s' (%s) targets %s", what, given,
		    *why, triplet);
      gl_error_note (err, "name a compiler for %s with %s, such as %s%s",
		     arch->goarch, *why, gcc_serves ? "gcc" : arch->triplet,
		     gcc_serves ? "" : "-gcc-12");
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
      if (words->n > 0 && cc_suits (words, arch, "CC", &triplet))
	goto out;
      if (triplet != NULL)
	gl_verbosef ("compiler: CC (%s) targets %s, not %s: looking for %s's "
		     "compiler", cc, triplet, arch->goarch, arch->goarch);
    }
  words_set (words, "");

  if (arch != NULL && arch != native)
    {
      char *names[] = { xasprintf ("%s-gcc-12", arch->triplet),
			xasprintf ("%s-gcc", arch->triplet) };
      const char *pick = on_path (names[0]) ? names[0]
	: on_path (names[1]) ? names[1] : NULL;
      if (pick != NULL)
	{
	  strvec_push (words, pick);
	  *why = "the target's Debian cross compiler";
	}
      free (names[0]);
      free (names[1]);
      if (pick != NULL)
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
		  "%s, but CC (%s) targets %s, and neither %s-gcc-12 nor "
		  "%s-gcc is on PATH", what, cc, triplet, arch->triplet,
		  arch->triplet);
  else
    gl_error_set (err, GL_EXIT_USAGE, arch_from, NULL,
		  "%s, but neither %s-gcc-12 nor %s-gcc is on PATH", what,
		  arch->triplet, arch->triplet);
  gl_error_note (err, "install gcc-12-%s (Debian), or name a compiler for "
		 "%s with --cc or CC", arch->triplet, arch->goarch);
  ret = -1;
out:
  free (triplet);
  free (what);
  return ret;
}

bool
linker_driver_takes_v (const struct gl_arch *arch,
		       const struct gl_ld_choice *ld)
{
  return !(arch != NULL && arch->cc_v_gives_ld_V && ld != NULL
	   && ld->kind == LD_LLD);
}

static void
add_missing (struct strvec *cmd, const struct cmdline *cl, const char *flag)
{
  if (!strvec_contains (cl->args, flag) && !strvec_contains (cmd, flag))
    strvec_push (cmd, flag);
}

void
linker_build_command (const struct strvec *cc, const struct gl_arch *arch,
		      enum gl_mode mode, bool go_object, bool go_archive,
		      const struct cmdline *cl, const struct gl_ld_choice *ld,
		      const char *ld_dir, const char *output, bool verbose,
		      struct strvec *cmd)
{
  strvec_append (cmd, cc);
  /* The driver may serve several targets (gcc -m32): say which, as
     cmd/link does before every command.  */
  if ((go_object || go_archive) && arch != NULL && arch->cc_flags[0] != '\0')
    add_missing (cmd, cl, arch->cc_flags);
  if (go_object)
    {
      for (const char *const *f = mode_flags (mode); *f != NULL; f++)
	add_missing (cmd, cl, *f);
      /* cmd/link leaves a -linkshared executable to the driver's default;
         gold-link says PIE, which direct links make too.  */
      if (mode == MODE_EXE_LINKSHARED && !cl->pie && !cl->no_pie)
	strvec_push (cmd, "-pie");
      /* cmd/link up to 1.20 exports every dynamic symbol (-rdynamic); from
	 1.21 it names them (--export-dynamic-symbol) for exe and pie, and
	 -rdynamic only where the probe for that fails.  With -static it
	 replaces -rdynamic by -static (lib.go checkStatic).  */
      if (!cl->static_exe && !cl->export_dynamic_symbol)
	add_missing (cmd, cl, "-rdynamic");
      /* One build ID for all linkers (gcc passes a bare --build-id).  */
      if (!cl->build_id)
	strvec_push (cmd, "-Wl,--build-id=sha1");
    }
  if (ld != NULL)
    {
      /* The driver runs exactly the linker gold-link identified: LD_DIR
         holds ld.KIND pointing at it, searched first with -B.  That is
         also how Debian's cross gcc finds lld and mold at all.  */
      if (ld_dir != NULL)
	strvec_push_own (cmd, xasprintf ("-B%s/", ld_dir));
      strvec_push_own (cmd, xasprintf ("-fuse-ld=%s",
				       linker_kind_name (ld->kind)));
      for (size_t i = 0; i < ld->flags.n; i++)
	strvec_push_own (cmd, xasprintf ("-Wl,%s", ld->flags.v[i]));
    }
  /* Before the arguments, so that an explicit -z execstack still wins.  */
  strvec_push (cmd, "-Wl,-z,noexecstack");
  for (size_t i = 0; i < cl->args->n; i++)
    {
      const char *a = cl->args->v[i];
      if ((long) i == cl->output_index)
	{
	  if (cl->output_joined)
	    strvec_push_own (cmd, xasprintf ("-o%s", output));
	  else
	    strvec_push (cmd, output);
	  continue;
	}
      if (ld != NULL && strncmp (a, "-fuse-ld=", 9) == 0)
	continue;
      strvec_push (cmd, a);
    }
  if (cl->output_index < 0 && output != NULL)
    {
      strvec_push (cmd, "-o");
      strvec_push (cmd, output);
    }
  if (verbose && linker_driver_takes_v (arch, ld))
    strvec_push (cmd, "-v");
}

/* Which linker.  */

static const char *const ld_names[LD_COUNT] = {
  [LD_MOLD] = "mold",
  [LD_LLD] = "lld",
  [LD_GOLD] = "gold",
  [LD_BFD] = "bfd",
};

const char *
linker_kind_name (enum gl_ld kind)
{
  return ld_names[kind];
}

static int
kind_by_name (const char *name)
{
  for (int k = 0; k < LD_COUNT; k++)
    if (strcmp (name, ld_names[k]) == 0)
      return k;
  return -1;
}

/* Limits that hold on every architecture (SPEC "Linkers").  */
static const struct gl_ld_limit limits_everywhere[] = {
  { LD_LLD, (1u << MODE_SHARED) | (1u << MODE_EXE_LINKSHARED),
    "lld 14 breaks -buildmode=shared and -linkshared: cmd/link cannot "
    "re-read the Go shared libraries it writes (golang/go#46560)" },
  { LD_GOLD, GL_LIMIT_STATIC_PIE,
    "gold has no --no-dynamic-linker, which a static PIE needs" },
  { LD_MOLD, GL_LIMIT_STRIP_DEBUG,
    "mold 1.10 drops the whole .symtab for -S (--strip-debug), which is "
    "to remove only the debug sections (rui314/mold#1080)" },
  { 0, 0, NULL }
};

const struct gl_ld_limit *
linker_limit (enum gl_ld kind, const struct gl_arch *arch, unsigned modes)
{
  const struct gl_ld_limit *tables[] = { limits_everywhere,
					 arch ? arch->ld_limits : NULL };
  for (size_t t = 0; t < sizeof tables / sizeof tables[0]; t++)
    for (const struct gl_ld_limit *l = tables[t]; l && l->why; l++)
      if (l->ld == kind && (l->modes & modes) != 0)
	return l;
  return NULL;
}

/* The program names a linker of KIND goes by, for ARCH: the target's
   binutils are prefixed with its triplet; lld and mold serve all targets.
   The unprefixed binutils serve this machine (and 386 on amd64, which
   linker_identify checks).  */
static void
candidate_names (enum gl_ld kind, const struct gl_arch *arch,
		 struct strvec *names)
{
  const char *t = arch ? arch->triplet : NULL;
  switch (kind)
    {
    case LD_BFD:
      if (t)
	{
	  strvec_push_own (names, xasprintf ("%s-ld.bfd", t));
	  strvec_push_own (names, xasprintf ("%s-ld", t));
	}
      strvec_push (names, "ld.bfd");
      strvec_push (names, "ld");
      break;
    case LD_GOLD:
      if (t)
	strvec_push_own (names, xasprintf ("%s-ld.gold", t));
      strvec_push (names, "ld.gold");
      break;
    case LD_LLD:
      strvec_push (names, "ld.lld");
      break;
    case LD_MOLD:
      strvec_push (names, "mold");
      strvec_push (names, "ld.mold");
      break;
    default:
      break;
    }
}

/* Is WORD one of the lines of TEXT (leading blanks ignored)?  */
static bool
has_line (const char *text, const char *word)
{
  size_t n = strlen (word);
  const char *p = text;
  while (p != NULL)
    {
      p += strspn (p, " \t");
      if (strncmp (p, word, n) == 0 && (p[n] == '\n' || p[n] == '\0'))
	return true;
      p = strchr (p, '\n');
      if (p != NULL)
	p++;
    }
  return false;
}

int
linker_identify (const char *path, const struct gl_arch *arch,
		 enum gl_ld *kind, char **version, bool *targets_arch,
		 struct gl_error *err)
{
  char *argv[] = { (char *) path, (char *) "-V", NULL }, *text = NULL;
  int status, rc = -1;
  if (run_capture (argv, &text, &status, err) != 0)
    return -1;
  size_t first = strcspn (text, "\n");
  if (status != 0 || first == 0)
    {
      gl_error_set (err, GL_EXIT_USAGE, path, NULL,
		    "'%s -V' failed (exit %d): not a linker gold-link knows",
		    path, status);
      goto out;
    }
  if (strstr (text, "GNU gold") == text)
    *kind = LD_GOLD;
  else if (strncmp (text, "GNU ld", 6) == 0)
    *kind = LD_BFD;
  else if (strstr (text, "LLD ") != NULL && strstr (text, "LLD ") < text + first)
    *kind = LD_LLD;
  else if (strncmp (text, "mold ", 5) == 0)
    *kind = LD_MOLD;
  else
    {
      gl_error_set (err, GL_EXIT_USAGE, path, NULL,
		    "not a linker gold-link knows: '%.*s'", (int) first, text);
      gl_error_note (err, "gold-link drives GNU ld (bfd), gold, lld and mold");
      goto out;
    }
  *version = xstrndup (text, first);
  /* bfd and mold list their emulations, gold its targets; lld (built for
     every target it has) lists nothing.  */
  if (arch == NULL || *kind == LD_LLD)
    *targets_arch = true;
  else if (*kind == LD_GOLD)
    *targets_arch = arch->gold_target && has_line (text, arch->gold_target);
  else
    *targets_arch = has_line (text, arch->ld_emulation);
  rc = 0;

out:
  free (text);
  return rc;
}

void
linker_choice_free (struct gl_ld_choice *ld)
{
  free (ld->path);
  free (ld->version);
  free (ld->why);
  strvec_free (&ld->flags);
  memset (ld, 0, sizeof *ld);
}

/* Find an installed linker of KIND that targets ARCH.  0 and LD filled,
   or 1 with *WHY_NOT saying what is missing.  */
static int
find_kind (enum gl_ld kind, const struct gl_arch *arch,
	   struct gl_ld_choice *ld, char **why_not)
{
  struct strvec names = { 0 };
  strvec_init (&names);
  candidate_names (kind, arch, &names);
  int rc = 1;
  for (size_t i = 0; i < names.n && rc == 1; i++)
    {
      char *path = find_on_path (names.v[i]), *version = NULL;
      enum gl_ld found;
      bool targets;
      if (path == NULL)
	continue;
      struct gl_error e = { 0 };
      if (linker_identify (path, arch, &found, &version, &targets, &e) != 0)
	{
	  free (*why_not);
	  *why_not = xasprintf ("%s: %s", path, e.message);
	  gl_error_clear (&e);
	}
      else if (found != kind || !targets)
	{
	  free (*why_not);
	  *why_not = found != kind
	    ? xasprintf ("%s is %s, not %s", path, version, ld_names[kind])
	    : xasprintf ("%s (%s) does not target %s", path, version,
			 arch->goarch);
	}
      else
	{
	  ld->kind = kind;
	  ld->path = path;
	  ld->version = version;
	  path = version = NULL;
	  rc = 0;
	}
      free (path);
      free (version);
    }
  if (rc == 1 && *why_not == NULL)
    {
      char *list = xstrdup (names.v[0]);
      for (size_t i = 1; i < names.n; i++)
	{
	  char *l = xasprintf ("%s, %s", list, names.v[i]);
	  free (list);
	  list = l;
	}
      *why_not = xasprintf ("none of %s is on PATH", list);
      free (list);
    }
  strvec_free (&names);
  return rc;
}

static int
refuse (struct gl_error *err, const char *origin, const char *value,
	const struct gl_ld_limit *limit, const struct gl_arch *arch,
	const char *mode)
{
  gl_error_set (err, GL_EXIT_USAGE, NULL, NULL,
		"%s%s: %s cannot link %s %s: %s", origin, value,
		ld_names[limit->ld], arch ? arch->goarch : "this target",
		mode, limit->why);
  gl_error_note (err, "use --linker=auto to pick a linker that works here, "
		 "or --no-linker-check to try it anyway");
  return -1;
}

int
linker_choose (const char *requested, const char *origin,
	       const char *fuse_ld, const struct gl_arch *arch,
	       unsigned modes, const char *mode, bool check,
	       struct gl_ld_choice *ld, struct gl_error *err)
{
  const char *value = requested;
  if (value == NULL || value[0] == '\0')
    {
      value = fuse_ld;
      origin = "-fuse-ld=";
    }
  if (value == NULL || value[0] == '\0')
    {
      value = GL_DEFAULT_LINKER;
      origin = "default ";
    }
  memset (ld, 0, sizeof *ld);

  if (strcmp (value, "auto") == 0)
    {
      struct strvec skipped = { 0 };
      strvec_init (&skipped);
      for (int k = 0; k < LD_COUNT; k++)
	{
	  const struct gl_ld_limit *limit = linker_limit (k, arch, modes);
	  char *why_not = NULL;
	  if (limit != NULL)
	    strvec_push_own (&skipped, xasprintf ("%s: %s", ld_names[k],
						  limit->why));
	  else if (find_kind (k, arch, ld, &why_not) == 0)
	    break;
	  else
	    strvec_push_own (&skipped, xasprintf ("%s: %s", ld_names[k],
						  why_not));
	  free (why_not);
	}
      if (ld->path == NULL)
	{
	  gl_error_set (err, GL_EXIT_USAGE, NULL, NULL,
			"%sauto: no installed linker can link %s %s",
			origin, arch ? arch->goarch : "this target", mode);
	  gl_error_note (err, "install binutils (ld.bfd) for this target");
	  strvec_free (&skipped);
	  return -1;
	}
      char *why = xasprintf ("%sauto: the fastest installed linker known "
			     "good for %s %s", origin,
			     arch ? arch->goarch : "this target", mode);
      for (size_t i = 0; i < skipped.n; i++)
	{
	  char *w = xasprintf ("%s; skipped %s", why, skipped.v[i]);
	  free (why);
	  why = w;
	}
      ld->why = why;
      strvec_free (&skipped);
      return 0;
    }

  int kind = kind_by_name (value);
  if (kind >= 0)
    {
      char *why_not = NULL;
      const struct gl_ld_limit *limit = linker_limit (kind, arch, modes);
      if (check && limit != NULL)
	return refuse (err, origin, value, limit, arch, mode);
      if (find_kind (kind, arch, ld, &why_not) != 0)
	{
	  gl_error_set (err, GL_EXIT_USAGE, NULL, NULL,
			"%s%s: no usable %s linker for %s: %s", origin, value,
			value, arch ? arch->goarch : "this target", why_not);
	  gl_error_note (err, "install it, or use --linker=auto to pick an "
			 "installed one");
	  free (why_not);
	  return -1;
	}
      ld->why = xasprintf ("%s%s", origin, value);
      return 0;
    }

  /* A program: a path, or a name to look up on PATH.  */
  char *path = find_on_path (value);
  bool targets;
  if (path == NULL)
    {
      gl_error_set (err, GL_EXIT_USAGE, value, NULL,
		    "no such linker program (from %.*s)",
		    (int) strcspn (origin, "= "), origin);
      gl_error_note (err, "name bfd, gold, lld, mold, auto, or the path of "
		     "a linker");
      return -1;
    }
  if (linker_identify (path, arch, &ld->kind, &ld->version, &targets,
		       err) != 0)
    {
      free (path);
      return -1;
    }
  ld->path = path;
  if (!targets)
    {
      gl_error_set (err, GL_EXIT_USAGE, path, NULL,
		    "%s does not target %s", ld->version, arch->goarch);
      gl_error_note (err, "use the target's binutils, or --linker=auto");
      linker_choice_free (ld);
      return -1;
    }
  const struct gl_ld_limit *limit = linker_limit (ld->kind, arch, modes);
  if (check && limit != NULL)
    {
      linker_choice_free (ld);
      return refuse (err, origin, value, limit, arch, mode);
    }
  ld->why = xasprintf ("%s%s", origin, value);
  return 0;
}
