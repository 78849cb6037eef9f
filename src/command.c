/* The command that links (SPEC "What it does" step 5): the driver
   arguments with what cmd/link would have added for the mode, and the
   linker gold-link chose.  */
#include <config.h>

#include "command.h"
#include "cc.h"
#include "direct.h"

#include <string.h>

static void
add_missing (struct strvec *cmd, const struct cmdline *cl, const char *flag)
{
  if (!strvec_contains (cl->args, flag) && !strvec_contains (cmd, flag))
    strvec_push (cmd, flag);
}

/* The driver command: the words of CC (none for --direct, which gets the
   same arguments), the arch and mode flags cmd/link would pass that the
   arguments lack (a C program with a Go c-archive gets the arch flags
   only), the linker LD (found through LD_DIR) with -fuse-ld, -z
   noexecstack, the arguments with each operand named as the link named it
   (the glue's copy, the staged archives) and the output renamed to
   OUTPUT, and -v when VERBOSE.  LD NULL: the linker is not the driver's
   to choose.  */
static void
driver_command (const struct link *l, const struct strvec *cc,
		const struct gl_ld_choice *ld, const char *ld_dir,
		const char *output, bool verbose, struct strvec *cmd)
{
  const struct cmdline *cl = &l->cl;
  const struct gl_arch *arch = l->arch;
  strvec_append (cmd, cc);
  /* The driver may serve several targets (gcc -m32): say which, as
     cmd/link does before every command.  */
  if ((l->have_g || l->go_archive) && arch != NULL
      && arch->cc_flags[0] != '\0')
    add_missing (cmd, cl, arch->cc_flags);
  if (l->have_g)
    {
      for (const char *const *f = mode_flags (l->mode); *f != NULL; f++)
	add_missing (cmd, cl, *f);
      /* cmd/link leaves a -linkshared executable to the driver's default;
         gold-link says PIE, which direct links make too.  */
      if (l->mode == MODE_EXE_LINKSHARED && !cl->pie && !cl->no_pie)
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
  size_t k = 0;			/* the next operand */
  for (size_t i = 0; i < cl->args->n; i++)
    {
      const char *a = cl->args->v[i];
      if (k < cl->noperands && cl->operands[k] == i)
	{
	  const struct strvec *as = l->named_as ? &l->named_as[k] : NULL;
	  k++;
	  if (as != NULL && as->v != NULL)
	    {
	      strvec_append (cmd, as);
	      continue;
	    }
	}
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

int
command_build (const struct link *l, const char *ld_dir, const char *output,
	       struct strvec *cmd, struct gl_error *err)
{
  if (!l->opt.direct)
    {
      driver_command (l, &l->cc, &l->ld, ld_dir, output, l->opt.verbose,
		      cmd);
      return 0;
    }
  /* --direct: the driver arguments gold-link would have given CC, read as
     the driver would, then translated for the linker.  */
  struct strvec words = { 0 }, none = { 0 };
  struct cmdline wcl = { 0 };
  strvec_init (&words);
  strvec_init (&none);
  driver_command (l, &none, NULL, NULL, output, false, &words);
  /* A C++ driver links the C++ runtime (libc++ for clang++
     -stdlib=libc++) and libm after the inputs, as g++ does; a raw link
     gets them here.  */
  if (cc_is_cxx (&l->cc))
    {
      strvec_push (&words, strvec_contains (&l->cc, "-stdlib=libc++")
		   ? "-lc++" : "-lstdc++");
      strvec_push (&words, "-lm");
    }
  int rc = cmdline_classify (&words, &wcl, err) == 0
    && direct_build_command (&l->ld, &l->cc, l->arch, l->mode, &wcl, output,
			     cmd, err) == 0 ? 0 : -1;
  cmdline_free (&wcl);
  strvec_free (&words);
  strvec_free (&none);
  return rc;
}
