/* Which compiler driver runs the link, and the exact command it is given.  */
#include <config.h>

#include "linker.h"

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

/* The architecture a compiler named like "aarch64-linux-gnu-gcc-12" targets;
   NULL for an unprefixed name (the machine's own).  */
static const struct gl_arch *
cc_target (const char *cc)
{
  const char *base = strrchr (cc, '/');
  base = base ? base + 1 : cc;
  if (strchr (base, '-') == NULL || strncmp (base, "gcc", 3) == 0
      || strncmp (base, "clang", 5) == 0)
    return NULL;
  return arch_by_triplet (base);
}

/* Find NAME on PATH.  */
static bool
on_path (const char *name)
{
  const char *path = getenv ("PATH");
  if (path == NULL)
    path = "/usr/bin:/bin";
  while (*path != '\0')
    {
      size_t n = strcspn (path, ":");
      char *full = xasprintf ("%.*s/%s", (int) n, n ? path : ".", name);
      bool found = access (full, X_OK) == 0;
      free (full);
      if (found)
	return true;
      path += n;
      path += *path == ':';
    }
  return false;
}

void
linker_choose_cc (const char *opt_cc, const struct gl_arch *arch,
		  struct strvec *words, const char **why)
{
  const struct gl_arch *native = arch_native ();
  const char *env_cc = getenv ("GOLD_LINK_CC");
  const char *cc = getenv ("CC");
  if (opt_cc != NULL && opt_cc[0] != '\0')
    {
      linker_split_words (opt_cc, words);
      *why = "--cc";
      return;
    }
  if (env_cc != NULL && env_cc[0] != '\0')
    {
      linker_split_words (env_cc, words);
      *why = "GOLD_LINK_CC";
      return;
    }
  if (cc != NULL && cc[0] != '\0' && !is_self (cc))
    {
      const struct gl_arch *target = cc_target (cc);
      if (target == NULL)
	target = native;
      if (arch == NULL || target == arch)
	{
	  linker_split_words (cc, words);
	  *why = "CC";
	  return;
	}
    }
  if (arch != NULL && arch != native)
    {
      char *names[] = { xasprintf ("%s-gcc-12", arch->triplet),
			xasprintf ("%s-gcc", arch->triplet) };
      const char *pick = on_path (names[0]) ? names[0]
	: on_path (names[1]) ? names[1] : NULL;
      if (pick != NULL)
	strvec_push (words, pick);
      free (names[0]);
      free (names[1]);
      if (pick != NULL)
	{
	  *why = "the target's Debian cross compiler";
	  return;
	}
    }
  strvec_push (words, "gcc");
  *why = "default";
}

static void
add_missing (struct strvec *cmd, const struct cmdline *cl, const char *flag)
{
  if (!strvec_contains (cl->args, flag) && !strvec_contains (cmd, flag))
    strvec_push (cmd, flag);
}

void
linker_build_command (const struct strvec *cc, const struct gl_arch *arch,
		      enum gl_mode mode, bool go_object,
		      const struct cmdline *cl, const char *output,
		      bool verbose, struct strvec *cmd)
{
  strvec_append (cmd, cc);
  if (go_object)
    {
      if (arch != NULL && arch->cc_flags[0] != '\0')
	add_missing (cmd, cl, arch->cc_flags);
      for (const char *const *f = mode_flags (mode); *f != NULL; f++)
	add_missing (cmd, cl, *f);
      /* cmd/link always exports the dynamic symbols; with -static it
         replaces -rdynamic by -static (lib.go checkStatic).  */
      if (!cl->static_exe)
	add_missing (cmd, cl, "-rdynamic");
      /* One build ID for all linkers (gcc passes a bare --build-id).  */
      if (!cl->build_id)
	strvec_push (cmd, "-Wl,--build-id=sha1");
    }
  for (size_t i = 0; i < cl->args->n; i++)
    {
      if ((long) i == cl->output_index)
	{
	  if (cl->output_joined)
	    strvec_push_own (cmd, xasprintf ("-o%s", output));
	  else
	    strvec_push (cmd, output);
	  continue;
	}
      strvec_push (cmd, cl->args->v[i]);
    }
  if (cl->output_index < 0 && output != NULL)
    {
      strvec_push (cmd, "-o");
      strvec_push (cmd, output);
    }
  if (verbose)
    strvec_push (cmd, "-v");
}
