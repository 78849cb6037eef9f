/* Direct links: the raw linker's command line, made from the compiler-driver
   arguments and gold-link's own C runtime glue (research/driver-anchors.md
   §2: gcc's order, mode flags and library sequence).  */
#include <config.h>

#include "direct.h"

#include <string.h>

enum crt_link
direct_link_kind (enum gl_mode mode, const struct cmdline *cl)
{
  if (cl->static_pie)
    return CRT_STATIC_PIE;
  if (cl->static_exe)
    return CRT_STATIC;
  switch (mode)
    {
    case MODE_C_SHARED:
    case MODE_SHARED:
    case MODE_PLUGIN:
      return CRT_SHARED;
    case MODE_EXE:
      return CRT_EXE;
    case MODE_PIE:
      return CRT_PIE;
    default:
      /* -linkshared executables and plain C links: the flags, else PIE as
         Debian's gcc would.  */
      return cl->shared ? CRT_SHARED : cl->no_pie ? CRT_EXE : CRT_PIE;
    }
}

/* Does WORD start with one of PREFIXES (NULL-terminated)?  */
static bool
starts_with_any (const char *word, const char *const *prefixes)
{
  for (; *prefixes != NULL; prefixes++)
    if (strncmp (word, *prefixes, strlen (*prefixes)) == 0)
      return true;
  return false;
}

/* Driver options that only matter when compiling: a link ignores them.  */
static const char *const compile_only[] = {
  "-g", "-O", "-m", "-D", "-U", "-I", "-std=", "-pipe", "-Qunused-arguments",
  "-fPIC", "-fpic", "-fPIE", "-fpie", "-fno-", "-fstack-", "-fomit-",
  "-fdebug-prefix-map=", "-ffile-prefix-map=", "-fmacro-prefix-map=",
  "-fcf-protection", "-fasynchronous-unwind-tables", "-fexceptions",
  "-fmessage-length=", "-fdiagnostics-", "-fcolor-diagnostics",
  "-fvisibility", "-ffunction-sections", "-fdata-sections", NULL
};

/* Driver options a raw linker takes as they are, with their value when it
   is a separate word.  */
static const char *const same_for_ld[] = { "-T", "-u", "-e", "-z", NULL };

static int
cannot_pass (struct gl_error *err, const char *word)
{
  gl_error_set (err, GL_EXIT_USAGE, NULL, NULL,
		"%s: only the compiler driver knows what this needs at link "
		"time", word);
  gl_error_note (err, "link through the compiler driver (without --direct)");
  return -1;
}

int
direct_translate (const struct cmdline *cl, const char *output,
		  struct strvec *cmd, struct strvec *late, unsigned *crt_flags,
		  struct gl_error *err)
{
  const struct strvec *a = cl->args;
  for (size_t i = 0; i < a->n; i++)
    {
      const char *w = a->v[i];
      const char *next = i + 1 < a->n ? a->v[i + 1] : NULL;
      bool is_operand = false;
      for (size_t k = 0; k < cl->noperands; k++)
	is_operand = is_operand || cl->operands[k] == i;

      if ((long) i == cl->output_index)
	{
	  if (cl->output_joined)
	    {
	      strvec_push (cmd, "-o");
	      strvec_push (cmd, output);
	    }
	  continue;
	}
      if (is_operand || w[0] != '-' || w[1] == '\0')
	strvec_push (cmd, w);
      else if (strcmp (w, "-o") == 0)
	{
	  strvec_push (cmd, "-o");
	  strvec_push (cmd, output);
	  i++;
	}
      else if (strncmp (w, "-Wl,", 4) == 0)
	{
	  const char *p = w + 4;
	  while (*p != '\0')
	    {
	      size_t n = strcspn (p, ",");
	      strvec_push_own (cmd, xstrndup (p, n));
	      p += n;
	      p += *p == ',';
	    }
	}
      else if (strcmp (w, "-Xlinker") == 0 && next != NULL)
	{
	  strvec_push (cmd, next);
	  i++;
	}
      else if ((strcmp (w, "-l") == 0 || strcmp (w, "-L") == 0)
	       && next != NULL)
	{
	  strvec_push_own (cmd, xasprintf ("%s%s", w, next));
	  i++;
	}
      else if (strncmp (w, "-l", 2) == 0 || strncmp (w, "-L", 2) == 0
	       || strcmp (w, "-s") == 0 || strncmp (w, "--sysroot=", 10) == 0)
	strvec_push (cmd, w);
      else if (strcmp (w, "--sysroot") == 0 && next != NULL)
	{
	  strvec_push_own (cmd, xasprintf ("--sysroot=%s", next));
	  i++;
	}
      else if (strcmp (w, "-rdynamic") == 0)
	strvec_push (cmd, "--export-dynamic");
      else if (strcmp (w, "-pthread") == 0)
	strvec_push (late, "-lpthread");
      else if (strcmp (w, "-static-libgcc") == 0)
	*crt_flags |= CRT_STATIC_LIBGCC;
      else if (strcmp (w, "-nostdlib") == 0)
	*crt_flags |= CRT_NOSTARTFILES | CRT_NODEFAULTLIBS;
      else if (strcmp (w, "-nostartfiles") == 0)
	*crt_flags |= CRT_NOSTARTFILES;
      else if (strcmp (w, "-nodefaultlibs") == 0)
	*crt_flags |= CRT_NODEFAULTLIBS;
      else if (strcmp (w, "-shared") == 0 || strcmp (w, "-pie") == 0
	       || strcmp (w, "-no-pie") == 0 || strcmp (w, "-nopie") == 0
	       || strcmp (w, "-static") == 0 || strcmp (w, "-static-pie") == 0
	       || strcmp (w, "-shared-libgcc") == 0
	       || strncmp (w, "-fuse-ld=", 9) == 0 || strcmp (w, "-v") == 0)
	;			/* the mode, linker and -v are gold-link's */
      else if (starts_with_any (w, same_for_ld) && strlen (w) == 2
	       && next != NULL)
	{
	  strvec_push (cmd, w);
	  strvec_push (cmd, next);
	  i++;
	}
      else if (starts_with_any (w, same_for_ld))
	strvec_push (cmd, w);
      else if (strncmp (w, "-W", 2) == 0 && strncmp (w, "-Wa,", 4) != 0
	       && strncmp (w, "-Wp,", 4) != 0)
	;			/* warnings: compile time only */
      else if (starts_with_any (w, compile_only))
	/* With its value when that is the next word (-I DIR, -D NAME).  */
	i += cmdline_takes_separate_value (w) && next != NULL;
      else if (cmdline_takes_separate_value (w) && strncmp (w, "-i", 2) == 0
	       && next != NULL)
	i++;			/* -isystem DIR and the like: compile time */
      else
	return cannot_pass (err, w);
    }
  return 0;
}

int
direct_build_command (const struct gl_ld_choice *ld, const struct strvec *cc,
		      const struct gl_arch *arch, enum gl_mode mode,
		      const struct cmdline *cl, const char *output,
		      struct strvec *cmd, struct gl_error *err)
{
  struct strvec args = { 0 }, late = { 0 };
  struct crt_glue glue = { 0 };
  unsigned crt_flags = 0;
  int rc = -1;
  strvec_init (&args);
  strvec_init (&late);
  if (direct_translate (cl, output, &args, &late, &crt_flags, err) != 0)
    goto out;
  enum crt_link kind = direct_link_kind (mode, cl);
  if (crt_find (cc, arch, kind, crt_flags, &glue, err) != 0)
    goto out;

  strvec_push (cmd, ld->path);
  if (kind != CRT_STATIC)
    strvec_push (cmd, "--eh-frame-hdr");
  strvec_push (cmd, "-m");
  strvec_push (cmd, arch->ld_emulation);
  strvec_push_own (cmd, xasprintf ("--hash-style=%s", arch->hash_style
				    ? arch->hash_style : "gnu"));
  strvec_push (cmd, "--as-needed");
  for (size_t i = 0; i < ld->flags.n; i++)
    strvec_push (cmd, ld->flags.v[i]);
  switch (kind)
    {
    case CRT_EXE:
    case CRT_PIE:
      strvec_push (cmd, "-dynamic-linker");
      strvec_push (cmd, arch->dynamic_linker);
      if (kind == CRT_PIE)
	strvec_push (cmd, "-pie");
      break;
    case CRT_SHARED:
      strvec_push (cmd, "-shared");
      break;
    case CRT_STATIC:
      strvec_push (cmd, "-static");
      break;
    case CRT_STATIC_PIE:
      strvec_push (cmd, "-static");
      strvec_push (cmd, "-pie");
      strvec_push (cmd, "--no-dynamic-linker");
      strvec_push (cmd, "-z");
      strvec_push (cmd, "text");
      break;
    }
  if (cl->output_index < 0)
    {
      strvec_push (cmd, "-o");
      strvec_push (cmd, output);
    }
  strvec_append (cmd, &glue.start);
  strvec_append (cmd, &args);
  /* After the user's -L, as gcc puts them: the user's directories are
     searched first.  */
  for (size_t i = 0; i < glue.libdirs.n; i++)
    strvec_push_own (cmd, xasprintf ("-L%s", glue.libdirs.v[i]));
  strvec_append (cmd, &late);
  strvec_append (cmd, &glue.libs);
  strvec_append (cmd, &glue.end);
  rc = 0;

out:
  crt_free (&glue);
  strvec_free (&args);
  strvec_free (&late);
  return rc;
}
