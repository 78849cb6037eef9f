/* Which linker runs the link, and the command the compiler driver is given.  */
#include <config.h>

#include "linker.h"
#include "cache.h"
#include "run.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

bool
linker_driver_takes_v (const struct gl_arch *arch,
		       const struct gl_ld_choice *ld)
{
  return !(arch != NULL && arch->cc_v_gives_ld_V && ld != NULL
	   && ld->kind == LD_LLD);
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
  { 0, 0, NULL, NULL }
};

const struct gl_ld_limit *
linker_limit (enum gl_ld kind, const struct gl_arch *arch, unsigned modes,
	      const char *libc)
{
  const struct gl_ld_limit *tables[] = { limits_everywhere,
					 arch ? arch->ld_limits : NULL };
  for (size_t t = 0; t < sizeof tables / sizeof tables[0]; t++)
    for (const struct gl_ld_limit *l = tables[t]; l && l->why; l++)
      if (l->ld == kind && (l->modes & modes) != 0
	  && (l->libc == NULL || libc == NULL || strcmp (l->libc, libc) == 0))
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
  struct cache_question q;
  cache_question_init (&q, "linker", argv, 1);
  if (cache_capture (&q, &text, &status, err) != 0)
    goto out;
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
  cache_keep (&q, text);
  rc = 0;

out:
  cache_question_free (&q);
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
      char *path = run_find_program (names.v[i]), *version = NULL;
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

const char *
linker_request (const char *opt_linker, const char *env_linker,
		const char *fuse_ld, const char **origin)
{
  if (opt_linker != NULL && opt_linker[0] != '\0')
    {
      *origin = "--linker=";
      return opt_linker;
    }
  if (env_linker != NULL && env_linker[0] != '\0')
    {
      *origin = "GOLD_LINK_LINKER=";
      return env_linker;
    }
  if (fuse_ld != NULL && fuse_ld[0] != '\0')
    {
      *origin = "-fuse-ld=";
      return fuse_ld;
    }
  *origin = "default ";
  return GL_DEFAULT_LINKER;
}

int
linker_choose (const char *value, const char *origin,
	       const struct gl_arch *arch, unsigned modes, const char *libc,
	       const char *mode, bool check, struct gl_ld_choice *ld,
	       struct gl_error *err)
{
  memset (ld, 0, sizeof *ld);

  if (strcmp (value, "auto") == 0)
    {
      struct strvec skipped = { 0 };
      strvec_init (&skipped);
      for (int k = 0; k < LD_COUNT; k++)
	{
	  const struct gl_ld_limit *limit = linker_limit (k, arch, modes, libc);
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
      const struct gl_ld_limit *limit = linker_limit (kind, arch, modes, libc);
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
  char *path = run_find_program (value);
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
  const struct gl_ld_limit *limit = linker_limit (ld->kind, arch, modes, libc);
  if (check && limit != NULL)
    {
      linker_choice_free (ld);
      return refuse (err, origin, value, limit, arch, mode);
    }
  ld->why = xasprintf ("%s%s", origin, value);
  return 0;
}
