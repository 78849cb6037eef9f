/* Which C library a link uses.  A compiler driver's name says nothing
   (musl-gcc is gcc with a specs file: its -dumpmachine and
   -print-file-name answer for glibc); the dynamic linker on the link line
   it would run does (docs/research/issue13-libc.md §1).  */
#include <config.h>

#include "libc.h"
#include "cache.h"
#include "mode.h"
#include "run.h"

#include <stdlib.h>
#include <string.h>

#define M(mode) (1u << MODE_##mode)
#define REFUSE(modes, why, what_to_do) { modes, why, what_to_do }
#define REFUSAL_END { 0, NULL, NULL }

const struct gl_libc gl_libcs[] = {
#include "libc.def"
};

const size_t gl_nlibcs = sizeof gl_libcs / sizeof gl_libcs[0];

const struct gl_libc *
libc_by_loader (const char *path)
{
  const char *base = strrchr (path, '/');
  base = base ? base + 1 : path;
  for (size_t i = 1; i < gl_nlibcs; i++)
    if (strncmp (base, gl_libcs[i].loader, strlen (gl_libcs[i].loader)) == 0)
      return &gl_libcs[i];
  return &gl_libcs[0];
}

const struct gl_libc_refusal *
libc_refusal (const struct gl_libc *libc, unsigned modes)
{
  for (const struct gl_libc_refusal *r = libc->refusals; r->why; r++)
    if (r->modes & modes)
      return r;
  return NULL;
}

/* Does the driver argument W (with NEXT, the word after it) choose the
   target, the libc or where they are found?  Those the probe must see;
   the rest would only make the driver compile or complain.  Sets *TAKES
   when NEXT is W's value.  */
static bool
selects_target (const char *w, const char *next, bool *takes)
{
  static const char *const joined[] = {
    "-m", "--target=", "-specs=", "--specs=", "--sysroot=", "-B",
    "--gcc-toolchain=", "-nostdlib", "-nostartfiles", "-nodefaultlibs",
    "-rtlib=", "--rtlib=", "-stdlib=", NULL
  };
  static const char *const separate[] = {
    "-target", "-specs", "--sysroot", "-B", NULL
  };
  *takes = false;
  for (const char *const *s = separate; *s; s++)
    if (strcmp (w, *s) == 0)
      {
	*takes = next != NULL;
	return next != NULL;
      }
  for (const char *const *j = joined; *j; j++)
    if (strncmp (w, *j, strlen (*j)) == 0)
      return true;
  return false;
}

/* The words of the -### output LINE, as gcc and clang quote them
   ("..." with backslash escapes, or bare).  */
static void
split_quoted (const char *line, struct strvec *words)
{
  const char *p = line;
  while (*p != '\0')
    {
      while (*p == ' ' || *p == '\t' || *p == '\n')
	p++;
      if (*p == '\0')
	break;
      size_t cap = strlen (p) + 1, n = 0;
      char *w = xmalloc (cap);
      if (*p == '"')
	for (p++; *p != '\0' && *p != '"'; p++)
	  {
	    if (*p == '\\' && p[1] != '\0')
	      p++;
	    w[n++] = *p;
	  }
      else
	while (*p != '\0' && *p != ' ' && *p != '\t' && *p != '\n')
	  w[n++] = *p++;
      if (*p == '"')
	p++;
      w[n] = '\0';
      strvec_push_own (words, w);
    }
}

int
libc_probe (const struct strvec *cc, const struct gl_arch *arch,
	    const struct cmdline *cl, const char *as_flag,
	    struct libc_probe *probe, struct gl_error *err)
{
  struct strvec argv = { 0 }, words = { 0 };
  struct cache_question q;
  char *out = NULL;
  int status, rc = -1;
  memset (probe, 0, sizeof *probe);
  strvec_init (&argv);
  strvec_init (&words);
  strvec_append (&argv, cc);
  if (arch != NULL && arch->cc_flags[0] != '\0')
    strvec_push (&argv, arch->cc_flags);
  for (size_t i = 0; cl != NULL && i < cl->args->n; i++)
    {
      const char *next = i + 1 < cl->args->n ? cl->args->v[i + 1] : NULL;
      bool takes;
      if (!selects_target (cl->args->v[i], next, &takes))
	continue;
      strvec_push (&argv, cl->args->v[i]);
      if (takes)
	strvec_push (&argv, cl->args->v[++i]);
    }
  if (as_flag != NULL)
    strvec_push (&argv, as_flag);
  static const char *const tail[] = {
    "-###", "-x", "c", "/dev/null", "-o", "/dev/null", NULL
  };
  for (const char *const *t = tail; *t; t++)
    strvec_push (&argv, *t);
  cache_question_init (&q, "libc", argv.v, cc->n);
  if (cache_capture (&q, &out, &status, err) != 0)
    goto out;
  if (status != 0)
    {
      char *line = run_format_command (argv.v);
      gl_error_set (err, GL_EXIT_USAGE, NULL, NULL,
		    "the compiler '%s' cannot say how it links: '%s' "
		    "exited with status %d", cc->v[0], line, status);
      free (line);
      goto out;
    }
  split_quoted (out, &words);
  for (size_t i = 0; i < words.n; i++)
    if (strcmp (words.v[i], "-dynamic-linker") == 0 && i + 1 < words.n
	&& probe->dynamic_linker == NULL)
      probe->dynamic_linker = xstrdup (words.v[i + 1]);
    else if (strcmp (words.v[i], "--no-dynamic-linker") == 0
	     || strcmp (words.v[i], "-no-dynamic-linker") == 0)
      probe->no_dynamic_linker = true;
  if (probe->dynamic_linker != NULL)
    probe->libc = libc_by_loader (probe->dynamic_linker);
  cache_keep (&q, out);
  rc = 0;
out:
  cache_question_free (&q);
  free (out);
  strvec_free (&argv);
  strvec_free (&words);
  return rc;
}

void
libc_probe_free (struct libc_probe *probe)
{
  free (probe->dynamic_linker);
  probe->dynamic_linker = NULL;
}
