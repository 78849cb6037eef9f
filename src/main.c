/* gold-link: options and dispatch.  Run as gold-link-ar (or ar) it is the
   archiver; otherwise the external-linking driver for Go.  */
#include <config.h>

#include <errno.h>
#include <gelf.h>
#include <popt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ar.h"
#include "arfile.h"
#include "cmdline.h"
#include "diag.h"
#include "direct.h"
#include "glue.h"
#include "goobj.h"
#include "inputs.h"
#include "linker.h"
#include "mode.h"
#include "output.h"
#include "rspfile.h"
#include "run.h"
#include "stage.h"
#include "tls.h"
#include "xalloc.h"

enum
{
  OPT_BUILDMODE = 1,
  OPT_CC,
  OPT_LINKER,
  OPT_VERBOSE,
  OPT_VERSION
};

struct options
{
  char *buildmode;		/* --buildmode */
  char *cc;			/* --cc */
  char *linker;			/* --linker */
  int direct;			/* --direct */
  int no_linker_check;		/* --no-linker-check */
  int dry_run;			/* --dry-run */
  int keep_temps;		/* --keep-temps */
  int no_stage;			/* --no-stage */
  int response_file;		/* --response-file */
};

static struct options opt;

static struct poptOption options[] = {
  { "buildmode", '\0', POPT_ARG_STRING, NULL, OPT_BUILDMODE,
    "build mode: exe, pie, c-shared, c-archive, shared or plugin "
    "(default: from the driver flags and go.o)", "MODE" },
  { "cc", '\0', POPT_ARG_STRING, NULL, OPT_CC,
    "compiler driver that runs the link (default: GOLD_LINK_CC, CC, the "
    "target's gcc)", "CC" },
  { "linker", '\0', POPT_ARG_STRING, NULL, OPT_LINKER,
    "bfd, gold, lld, mold, auto (the fastest known good here), or a "
    "linker's path (default: GOLD_LINK_LINKER, -fuse-ld=, "
    GL_DEFAULT_LINKER ")", "LINKER" },
  { "direct", '\0', POPT_ARG_NONE, &opt.direct, 0,
    "run the linker itself with gold-link's C runtime glue, not through "
    "the compiler driver", NULL },
  { "no-linker-check", '\0', POPT_ARG_NONE, &opt.no_linker_check, 0,
    "use the linker asked for even where it is known to break this mode",
    NULL },
  { "verbose", 'v', POPT_ARG_NONE, NULL, OPT_VERBOSE,
    "explain each decision and print the command; -v also reaches the "
    "driver", NULL },
  { "dry-run", '\0', POPT_ARG_NONE, &opt.dry_run, 0,
    "print the command and run nothing", NULL },
  { "keep-temps", '\0', POPT_ARG_NONE, &opt.keep_temps, 0,
    "keep the staging directory and say where it is", NULL },
  { "no-stage", '\0', POPT_ARG_NONE, &opt.no_stage, 0,
    "pass host objects to the linker loose instead of in one archive "
    "linked whole", NULL },
  { "response-file", '\0', POPT_ARG_NONE, &opt.response_file, 0,
    "pass the command to the driver or linker in a response file even when "
    "it is short (by default only when it is too long to run)", NULL },
  { "version", '\0', POPT_ARG_NONE, NULL, OPT_VERSION,
    "print the version and exit", NULL },
  POPT_AUTOHELP
  POPT_TABLEEND
};

static int
fail (struct gl_error *err)
{
  gl_error_print (gl_progname, err);
  int status = err->status ? err->status : GL_EXIT_INPUT;
  gl_error_clear (err);
  return status;
}

/* Parse gold-link's own options; -1 to go on, else an exit status.  */
static int
parse_own_options (struct strvec *own)
{
  poptContext con = poptGetContext ("gold-link", (int) own->n,
				    (const char **) own->v, options, 0);
  poptSetOtherOptionHelp (con, "[OPTION...] [gcc-driver argument...]");
  int rc, status = -1;
  while ((rc = poptGetNextOpt (con)) > 0)
    switch (rc)
      {
      case OPT_BUILDMODE:
	free (opt.buildmode);
	opt.buildmode = poptGetOptArg (con);
	break;
      case OPT_CC:
	free (opt.cc);
	opt.cc = poptGetOptArg (con);
	break;
      case OPT_LINKER:
	free (opt.linker);
	opt.linker = poptGetOptArg (con);
	break;
      case OPT_VERBOSE:
	gl_verbose++;
	break;
      case OPT_VERSION:
	printf ("gold-link %s\n", PACKAGE_VERSION);
	status = GL_EXIT_OK;
	break;
      }
  if (rc < -1)
    {
      fprintf (stderr, "gold-link: error: %s: %s\n",
	       poptBadOption (con, POPT_BADOPTION_NOALIAS), poptStrerror (rc));
      fprintf (stderr, "gold-link: note: gold-link --help lists the options\n");
      status = GL_EXIT_USAGE;
    }
  poptFreeContext (con);
  return status;
}

/* The architecture to prepare for when there is no object to say: GOARCH
   (cmd/go exports it to the linker), else this machine's.  */
static const struct gl_arch *
hinted_arch (void)
{
  const char *goarch = getenv ("GOARCH");
  const struct gl_arch *a = goarch ? arch_by_goarch (goarch) : NULL;
  return a ? a : arch_native ();
}

static void
print_command (const struct strvec *cmd)
{
  char *line = run_format_command (cmd->v);
  if (opt.dry_run)
    printf ("%s\n", line);
  else
    gl_verbosef ("run: %s", line);
  free (line);
}

/* --keep-temps: leave the command as a response file in the staging
   directory, so the link can be rerun by hand as "CC @link.rsp".  */
static int
keep_command (const struct strvec *cmd, struct gl_error *err)
{
  const char *dir;
  if (stage_dir (&dir, err) != 0)
    return -1;
  char *path = xasprintf ("%s/link.rsp", dir);
  stage_add_staged (path);
  int rc = rsp_write (path, cmd->v, err);
  if (rc == 0)
    gl_verbosef ("kept the command in %s", path);
  free (path);
  return rc;
}

/* Run CMD, through a response file when it is too long to run as it is
   (or --response-file asks), and again through one if the kernel still
   says E2BIG.  VIA_CC: CMD runs a compiler driver, not a linker.  */
static int
run_and_report (struct strvec *cmd, bool via_cc, struct gl_error *err)
{
  struct rsp_limits lim;
  rsp_limits (&lim);
  const char *why = opt.response_file ? "--response-file"
    : rsp_too_long (cmd->v, via_cc, &lim);
  for (int attempt = 0;; attempt++)
    {
      if (why != NULL)
	{
	  size_t moved;
	  if (rsp_rewrite (cmd, via_cc, attempt == 0 ? "args.rsp"
			   : "args-retry.rsp", &lim, &moved, err) != 0)
	    return -1;
	  gl_verbosef ("response file: %s: running %s %s", why, cmd->v[0],
		       cmd->v[1]);
	  if (moved > 0)
	    gl_verbosef ("response file: %zu -L option%s given to the linker "
			 "with -Xlinker, searched after %s's own "
			 "directories", moved, moved == 1 ? "" : "s",
			 cmd->v[0]);
	}
      int status;
      int rc = run_command (cmd->v, &status, err);
      if (rc == RUN_TOO_LONG && attempt == 0)
	{
	  why = "the kernel refused the command (E2BIG)";
	  gl_error_clear (err);
	  continue;
	}
      return rc != 0 ? -1 : status;
    }
}

/* Not a link gold-link needs to look at (a probe compiling trivial.c, a
   version query): hand it to the driver exactly as the driver would see it.  */
static int
pass_through (const struct strvec *driver, struct gl_error *err)
{
  struct strvec cc = { 0 }, cmd = { 0 };
  strvec_init (&cc);
  strvec_init (&cmd);
  const char *why;
  if (linker_choose_cc (opt.cc, hinted_arch (), NULL, &cc, &why, err) != 0)
    {
      strvec_free (&cc);
      strvec_free (&cmd);
      return fail (err);
    }
  gl_verbosef ("not a link of objects: passing the command to %s (%s)",
	       cc.v[0], why);
  strvec_append (&cmd, &cc);
  strvec_append (&cmd, driver);
  if (gl_verbose)
    strvec_push (&cmd, "-v");
  print_command (&cmd);
  int status = opt.dry_run ? 0 : run_and_report (&cmd, true, err);
  strvec_free (&cc);
  strvec_free (&cmd);
  return status < 0 ? fail (err) : status;
}

/* gold-link-ar beside gold-link's own executable, or NULL.  */
static char *
own_ar_path (void)
{
  char *self = realpath ("/proc/self/exe", NULL);
  char *slash = self ? strrchr (self, '/') : NULL;
  if (slash == NULL)
    {
      free (self);
      return NULL;
    }
  *slash = '\0';
  char *ar = xasprintf ("%s/gold-link-ar", self);
  free (self);
  if (access (ar, X_OK) != 0)
    {
      free (ar);
      return NULL;
    }
  return ar;
}

/* "Which ar?" (-print-prog-name=ar, --print-prog-name ar): gold-link-ar.
   cmd/link 1.23+ asks its -extld this when it has no -extar and uses the
   answer, stdout and stderr together, as the archiver of a c-archive; so
   nothing else may be printed.  -1 when there is no gold-link-ar beside
   gold-link: then the driver answers.  */
static int
answer_ar_query (void)
{
  char *ar = own_ar_path ();
  if (ar == NULL)
    return -1;
  printf ("%s\n", ar);
  free (ar);
  return GL_EXIT_OK;
}

/* The output must not overwrite one of its inputs.  */
static int
check_output_not_input (const char *output, const struct inputs *ins,
			struct gl_error *err)
{
  struct stat o;
  if (stat (output, &o) != 0)
    return 0;
  for (size_t i = 0; i < ins->n; i++)
    {
      struct stat s;
      if (stat (ins->v[i].path, &s) == 0 && s.st_dev == o.st_dev
	  && s.st_ino == o.st_ino)
	{
	  bool same_name = strcmp (output, ins->v[i].path) == 0;
	  gl_error_set (err, GL_EXIT_USAGE, output, NULL,
			"the output is also an input%s%s%s",
			same_name ? "" : " (", same_name ? "" : ins->v[i].path,
			same_name ? "" : ")");
	  gl_error_note (err, "name another output with -o");
	  return -1;
	}
    }
  return 0;
}

/* c-archive: gold-link writes the archive itself.  GO_COPY, when not
   NULL, is the glued copy of the Go object, archived in its place.  */
static int
write_c_archive (const struct inputs *ins, const char *go_copy,
		 const char *path, struct gl_error *err)
{
  struct ar_set set = { 0 };
  int rc = -1;
  for (size_t i = 0; i < ins->n; i++)
    {
      if (ins->v[i].kind != INPUT_OBJECT)
	{
	  gl_error_set (err, GL_EXIT_USAGE, ins->v[i].path, NULL,
			"a c-archive holds objects only, not a %s",
			inputs_kind_name (ins->v[i].kind));
	  gl_error_note (err, "pass the archive's objects, and give libraries "
			 "to the program's final link instead");
	  goto out;
	}
      const char *member = ins->v[i].path;
      if (&ins->v[i] == ins->go && go_copy != NULL)
	member = go_copy;
      if (ar_set_add_file (&set, member, err) != 0)
	goto out;
    }
  gl_verbosef ("c-archive: %zu members with a symbol index into %s",
	       set.n, path);
  rc = opt.dry_run ? 0 : ar_write_file (path, &set, true, err);

out:
  ar_set_free (&set);
  return rc;
}

/* The linker for this link (SPEC "Linkers"): --linker, GOLD_LINK_LINKER,
   the command line's -fuse-ld=, then the configured default.  */
static int
choose_linker (const struct cmdline *cl, const struct gl_arch *arch,
	       enum gl_mode mode, bool go_archive, struct gl_ld_choice *ld,
	       struct gl_error *err)
{
  const char *requested = opt.linker, *origin = "--linker=";
  if (requested == NULL)
    {
      requested = getenv ("GOLD_LINK_LINKER");
      origin = "GOLD_LINK_LINKER=";
    }
  /* A program containing a Go c-archive has the archive's initial-exec
     TLS: the limits for c-archive consumers apply.  */
  unsigned modes = go_archive ? 1u << MODE_C_ARCHIVE : 1u << mode;
  if (cl->static_pie)
    modes |= GL_LIMIT_STATIC_PIE;
  /* cmd/link 1.26+ sends -Wl,-S for -w without -s (-linkshared and Go
     shared libraries always): the symbol table must stay.  */
  if (cl->strip_debug)
    modes |= GL_LIMIT_STRIP_DEBUG;
  char *what = xstrdup (cl->static_pie ? "static-pie"
			 : go_archive ? "a program containing a Go c-archive"
			 : mode_name (mode));
  int rc = linker_choose (requested, origin, cl->fuse_ld, arch, modes, what,
			  !opt.no_linker_check, ld, err);
  free (what);
  return rc;
}

/* The command that links: through the compiler driver CC, or with
   --direct the linker itself with the crt glue, given the same driver
   arguments gold-link would have passed CC.  */
static int
build_command (const struct strvec *cc, const struct gl_arch *arch,
	       enum gl_mode mode, bool go_object, bool go_archive,
	       const struct cmdline *cl, const struct gl_ld_choice *ld,
	       const char *ld_dir, const char *output, struct strvec *cmd,
	       struct gl_error *err)
{
  if (!opt.direct)
    {
      linker_build_command (cc, arch, mode, go_object, go_archive, cl, ld,
			    ld_dir, output, gl_verbose, cmd);
      return 0;
    }
  struct strvec words = { 0 }, none = { 0 };
  struct cmdline wcl = { 0 };
  strvec_init (&words);
  strvec_init (&none);
  linker_build_command (&none, arch, mode, go_object, go_archive, cl, NULL,
			NULL, output, false, &words);
  int rc = cmdline_classify (&words, &wcl, err) == 0
    && direct_build_command (ld, cc, arch, mode, &wcl, output, cmd,
			     err) == 0 ? 0 : -1;
  cmdline_free (&wcl);
  strvec_free (&words);
  strvec_free (&none);
  return rc;
}

/* c-shared and c-archive: the library entry must run from .init_array
   (SPEC "What it does" step 4).  */
static int
add_library_glue (const struct input *go, const struct goobj *g,
		  const struct gl_arch *arch, enum gl_mode mode,
		  struct glue *glue, struct gl_error *err)
{
  if (!glue_init_array_needed (g))
    {
      gl_verbosef ("glue: go.o has %zu .init_array entr%s for %s: none "
		   "added%s", g->init_entries,
		   g->init_entries == 1 ? "y" : "ies", arch->lib_entry,
		   mode != MODE_C_SHARED ? ""
		   : opt.direct ? "; gold-link adds the C runtime"
		   : "; the compiler driver adds the C runtime");
      return 0;
    }
  if (opt.dry_run)
    {
      gl_verbosef ("glue: go.o has no .init_array entry for %s: one would "
		   "be added in a staged copy (--dry-run writes nothing)",
		   arch->lib_entry);
      return 0;
    }
  if (glue_init_array (go, g, arch, glue, err) != 0)
    return -1;
  gl_verbosef ("glue: go.o has no .init_array entry for %s, which starts "
	       "the Go runtime when %s: added one (.init_array and %s) in a "
	       "staged copy, %s", arch->lib_entry,
	       mode == MODE_C_SHARED ? "the library is loaded"
	       : "a program linked with the archive starts",
	       arch->rela ? ".rela.init_array" : ".rel.init_array", glue->copy);
  if (glue->stack_note)
    gl_verbosef ("glue: go.o has no .note.GNU-stack: added an empty one to "
		 "the copy, for a non-executable stack");
  return 0;
}

static int
link_inputs (struct strvec *driver, const struct cmdline *cl, struct gl_error *err)
{
  struct inputs ins = { 0 };
  struct goobj g;
  bool have_g = false;
  struct strvec cc = { 0 }, cmd = { 0 }, staged_args = { 0 };
  struct cmdline staged_cl = { 0 };
  struct output out = { 0 };
  struct gl_ld_choice ld = { 0 };
  char *ld_dir = NULL;
  struct glue glue = { 0 };
  int status = -1;
  strvec_init (&cc);
  strvec_init (&cmd);

  for (size_t i = 0; i < cl->noperands; i++)
    if (inputs_add (&ins, driver->v[cl->operands[i]], err) != 0)
      goto out;

  const char *output = cl->output ? cl->output : "a.out";
  if (check_output_not_input (output, &ins, err) != 0)
    goto out;
  const struct gl_arch *arch = ins.arch ? ins.arch
    : ins.go_archive_arch ? ins.go_archive_arch : hinted_arch ();

  if (ins.go != NULL)
    {
      if (goobj_scan (ins.go->elf, ins.go->path, arch, &g, err) != 0)
	goto out;
      have_g = true;
      gl_verbosef ("Go object: %s (%s, %s)", ins.go->path, arch->goarch,
		   g.go_version ? g.go_version
		   : "Go release unknown: no .go.buildinfo, runtime.buildVersion or DWARF");
    }
  enum gl_mode mode;
  const char *why;
  if (mode_decide (opt.buildmode, cl, have_g ? &g : NULL, &mode, &why,
		   err) != 0)
    goto out;
  gl_verbosef ("mode: %s (from %s)", mode_name (mode), why);
  if (have_g)
    {
      char *desc = tls_describe (&g), *warning = NULL;
      gl_verbosef ("%s", desc);
      free (desc);
      if (tls_check (&g, ins.go->path, mode, cl->static_exe, err,
		     &warning) != 0)
	goto out;
      if (warning != NULL)
	gl_warning (gl_progname, ins.go->path, "%s", warning);
      free (warning);
    }
  else if (ins.go_archive != NULL)
    gl_verbosef ("no go.o, but the Go c-archive member %s: linking a C "
		 "program that contains Go code", ins.go_archive);
  else
    gl_verbosef ("no Go object among the inputs: linking as the driver "
		 "would, without Go checks");

  if (have_g && (mode == MODE_C_SHARED || mode == MODE_C_ARCHIVE))
    {
      if (add_library_glue (ins.go, &g, arch, mode, &glue, err) != 0)
	goto out;
    }
  else if (mode != MODE_C_ARCHIVE)
    gl_verbosef ("glue: no .init_array entry needed; %s adds the C runtime",
		 opt.direct ? "gold-link" : "the compiler driver");

  if (mode == MODE_C_ARCHIVE)
    {
      status = write_c_archive (&ins, glue.copy, output, err) == 0 ? 0 : -1;
      goto out;
    }
  if (glue.copy != NULL)
    {
      /* The driver links the copy where go.o was named (one input per
	 operand, in order).  */
      size_t word = cl->operands[ins.go - ins.v];
      free (driver->v[word]);
      driver->v[word] = xstrdup (glue.copy);
    }

  /* Host objects go to the linker as one archive linked whole.  */
  if (!opt.no_stage && !opt.dry_run)
    {
      size_t count;
      strvec_init (&staged_args);
      if (stage_host_objects (cl, &ins, &staged_args, &count, err) != 0
	  || cmdline_classify (&staged_args, &staged_cl, err) != 0)
	goto out;
      if (count > 0)
	gl_verbosef ("staging: %zu host object%s archived, linked whole",
		     count, count == 1 ? "" : "s");
      cl = &staged_cl;
    }

  const char *cc_why;
  const char *arch_from = ins.go ? ins.go->path
    : ins.arch ? ins.first_elf : ins.go_archive;
  if (linker_choose_cc (opt.cc, arch, arch_from, &cc, &cc_why, err) != 0)
    goto out;
  bool go_archive = !have_g && ins.go_archive != NULL;
  if (choose_linker (cl, arch, mode, go_archive, &ld, err) != 0)
    goto out;
  /* cmd/link 1.24+ reopens the output and sums the FIPS module through the
     pointers in .go.fipsinfo as the file holds them; lld leaves the place
     of a dynamic relocation zero unless asked, and the program then fails
     its self-test under GODEBUG=fips140=on.  */
  if (have_g && g.fipsinfo && ld.kind == LD_LLD)
    {
      strvec_init (&ld.flags);
      strvec_push (&ld.flags, "--apply-dynamic-relocs");
      gl_verbosef ("linker: --apply-dynamic-relocs, because go.o has "
		   ".go.fipsinfo: cmd/link checksums the FIPS module through "
		   "pointers it reads from the file");
    }
  if (opt.direct)
    gl_verbosef ("linker: %s (%s) run directly, with the C runtime glue "
		 "%s (chosen by %s) uses, by %s", ld.version, ld.path,
		 cc.v[0], cc_why, ld.why);
  else
    gl_verbosef ("linker: %s (%s) through %s (chosen by %s), by %s",
		 ld.version, ld.path, cc.v[0], cc_why, ld.why);
  if (!opt.direct && !linker_driver_takes_v (arch, &ld))
    gl_verbosef ("-v is not passed to %s: it would pass %s -V, which %s "
		 "reads as --version, and nothing would be linked",
		 cc.v[0], linker_kind_name (ld.kind),
		 linker_kind_name (ld.kind));
  if (opt.dry_run)
    {
      if (build_command (&cc, arch, mode, have_g, go_archive, cl, &ld,
			 "$STAGING/bin", output, &cmd, err) != 0)
	goto out;
      print_command (&cmd);
      status = 0;
      goto out;
    }
  if ((!opt.direct
       && stage_linker_dir (linker_kind_name (ld.kind), ld.path, &ld_dir,
			    err) != 0)
      || output_begin (&out, output, false, err) != 0
      || build_command (&cc, arch, mode, have_g, go_archive, cl, &ld, ld_dir,
			out.tmp, &cmd, err) != 0)
    goto out;
  print_command (&cmd);
  if (opt.keep_temps)
    {
      /* The kept command names the real output, not the temporary one.  */
      struct strvec kept = { 0 };
      strvec_init (&kept);
      int rc = build_command (&cc, arch, mode, have_g, go_archive, cl, &ld,
			      ld_dir, output, &kept, err);
      if (rc == 0)
	rc = keep_command (&kept, err);
      strvec_free (&kept);
      if (rc != 0)
	goto out;
    }
  status = run_and_report (&cmd, !opt.direct, err);
  if (status == 0 && stage_caught_signal () == 0)
    {
      if (access (out.tmp, F_OK) != 0 && !out.in_place)
	{
	  gl_error_set (err, GL_EXIT_INPUT, output, NULL,
			"%s succeeded but wrote no output", cc.v[0]);
	  status = -1;
	}
      else if (output_commit (&out, err) != 0)
	status = -1;
    }
  if (status != 0)
    output_abort (&out);

out:
  if (status < 0 && err->status != 0)
    status = fail (err);
  else if (status < 0)
    status = GL_EXIT_INPUT;
  if (have_g)
    goobj_free (&g);
  output_free (&out);
  linker_choice_free (&ld);
  free (ld_dir);
  glue_free (&glue);
  inputs_free (&ins);
  cmdline_free (&staged_cl);
  strvec_free (&staged_args);
  strvec_free (&cc);
  strvec_free (&cmd);
  return status;
}

static bool
is_ar_name (const char *argv0)
{
  const char *base = strrchr (argv0, '/');
  base = base ? base + 1 : argv0;
  size_t n = strlen (base);
  return strcmp (base, "ar") == 0 || (n > 3 && strcmp (base + n - 3, "-ar") == 0);
}

int
main (int argc, char **argv)
{
  if (argc > 0 && is_ar_name (argv[0]))
    return ar_main (argc, argv);

  struct gl_error err = { 0 };
  struct strvec args = { 0 }, own = { 0 }, driver = { 0 };
  struct cmdline cl = { 0 };
  int status;
  elf_version (EV_CURRENT);

  if (cmdline_expand_response_files (argc, argv, &args, &err) != 0)
    {
      status = fail (&err);
      goto out;
    }
  cmdline_split (&args, options, &own, &driver);
  status = parse_own_options (&own);
  if (status >= 0)
    goto out;
  if (cmdline_classify (&driver, &cl, &err) != 0)
    {
      status = fail (&err);
      goto out;
    }
  stage_init (opt.keep_temps);

  bool is_link = !cl.sources && !cl.no_link
    && (cl.noperands > 0 || cl.nlibs > 0);
  if (cl.print_prog_name != NULL && strcmp (cl.print_prog_name, "ar") == 0
      && (status = answer_ar_query ()) >= 0)
    ;
  else if (!is_link && opt.buildmode == NULL)
    status = pass_through (&driver, &err);
  else if (cl.noperands == 0)
    {
      gl_error_set (&err, GL_EXIT_USAGE, NULL, NULL, "no input files");
      gl_error_note (&err, "name go.o and the host objects to link");
      status = fail (&err);
    }
  else
    status = link_inputs (&driver, &cl, &err);

  int sig = stage_caught_signal ();
  const char *kept = stage_cleanup ();
  if (kept != NULL)
    fprintf (stderr, "gold-link: kept the staging directory %s\n", kept);
  else if (opt.keep_temps)
    fprintf (stderr, "gold-link: --keep-temps: nothing was staged\n");
  if (sig != 0)
    status = 128 + sig;

out:
  cmdline_free (&cl);
  strvec_free (&args);
  strvec_free (&own);
  strvec_free (&driver);
  free (opt.buildmode);
  free (opt.cc);
  free (opt.linker);
  return status;
}
