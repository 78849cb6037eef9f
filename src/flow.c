/* The link flow (SPEC "What it does"): the steps, in the order they run,
   are listed in link_steps[] near the end; each reads what the steps
   before it decided in struct link and adds its own decision.  A step
   tells what it decided and why with note(); it never prints.  */
#include <config.h>

#include "flow.h"
#include "arfile.h"
#include "audit.h"
#include "auditfmt.h"
#include "buildmode.h"
#include "cache.h"
#include "cc.h"
#include "command.h"
#include "cxx.h"
#include "explain.h"
#include "libc.h"
#include "repro.h"
#include "rspfile.h"
#include "run.h"
#include "stage.h"
#include "tls.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* A step's verdict: go on, or the run is complete (L->status says how it
   ended); -1 is a failure with L->err set.  */
enum
{
  STEP_NEXT = 0,
  STEP_DONE = 1
};

/* What the cache did for the questions asked so far (cache.c): told
   before the note that uses their answers.  */
static void
tell_cache (const struct link *l)
{
  struct strvec notes = { 0 };
  cache_take_notes (&notes);
  for (size_t i = 0; i < notes.n && l->tell != NULL; i++)
    l->tell (LINK_NOTE, NULL, notes.v[i], l->tell_arg);
  strvec_free (&notes);
}

static void
tell (const struct link *l, enum link_say what, const char *file,
      const char *text)
{
  tell_cache (l);
  if (l->tell != NULL)
    l->tell (what, file, text, l->tell_arg);
}

static void note (const struct link *l, const char *fmt, ...)
  __attribute__ ((format (printf, 2, 3)));

static void
note (const struct link *l, const char *fmt, ...)
{
  if (l->tell == NULL)
    return;
  va_list ap;
  va_start (ap, fmt);
  char *text = xvasprintf (fmt, ap);
  va_end (ap);
  tell (l, LINK_NOTE, NULL, text);
  free (text);
}

static void
tell_command (const struct link *l, const struct strvec *cmd)
{
  char *line = run_format_command (cmd->v);
  tell (l, LINK_COMMAND, NULL, line);
  free (line);
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

/* The compiler driver for ARCH (named by the file ARCH_FROM, or NULL) into
   L->cc, telling what cc_choose judged on the way.  */
static int
choose_cc (struct link *l, const struct gl_arch *arch, const char *arch_from)
{
  struct strvec notes = { 0 };
  strvec_init (&notes);
  int rc = cc_choose (l->opt.cc, arch, arch_from, &l->cc, &l->cc_why, &notes,
		      &l->err);
  for (size_t i = 0; i < notes.n; i++)
    tell (l, LINK_NOTE, NULL, notes.v[i]);
  strvec_free (&notes);
  return rc;
}

/* Run CMD, through a response file when it is too long to run as it is
   (or --response-file asks), and again through one if the kernel still
   says E2BIG.  VIA_CC: CMD runs a compiler driver, not a linker.  LINE
   (may be NULL) is given each line of its stderr, with ARG.  */
static int
run_and_report (struct link *l, struct strvec *cmd, bool via_cc,
		run_line_fn *line, void *arg)
{
  struct rsp_limits lim;
  rsp_limits (&lim);
  const char *why = l->opt.response_file ? "--response-file"
    : rsp_too_long (cmd->v, via_cc, &lim);
  for (int attempt = 0;; attempt++)
    {
      if (why != NULL)
	{
	  size_t moved;
	  if (rsp_rewrite (cmd, via_cc, attempt == 0 ? "args.rsp"
			   : "args-retry.rsp", &lim, &moved, &l->err) != 0)
	    return -1;
	  note (l, "response file: %s: running %s %s", why, cmd->v[0],
		cmd->v[1]);
	  if (moved > 0)
	    note (l, "response file: %zu -L option%s given to the linker "
		  "with -Xlinker, searched after %s's own directories", moved,
		  moved == 1 ? "" : "s", cmd->v[0]);
	}
      int status;
      int rc = line != NULL
	? run_command_lines (cmd->v, &status, line, arg, &l->err)
	: run_command (cmd->v, &status, &l->err);
      if (rc == RUN_TOO_LONG && attempt == 0)
	{
	  why = "the kernel refused the command (E2BIG)";
	  gl_error_clear (&l->err);
	  continue;
	}
      return rc != 0 ? -1 : status;
    }
}

/* The steps of a link.  */

/* Each operand, classified by its content; the output is not one of
   them.  */
static int
step_inputs (struct link *l)
{
  for (size_t i = 0; i < l->cl.noperands; i++)
    if (inputs_add (&l->ins, l->driver->v[l->cl.operands[i]], &l->err) != 0)
      return -1;
  l->output = l->cl.output ? l->cl.output : "a.out";
  struct stat o;
  if (stat (l->output, &o) == 0)
    for (size_t i = 0; i < l->ins.n; i++)
      {
	const char *in = l->ins.v[i].path;
	struct stat s;
	if (stat (in, &s) == 0 && s.st_dev == o.st_dev && s.st_ino == o.st_ino)
	  {
	    bool same_name = strcmp (l->output, in) == 0;
	    gl_error_set (&l->err, GL_EXIT_USAGE, l->output, NULL,
			  "the output is also an input%s%s%s",
			  same_name ? "" : " (", same_name ? "" : in,
			  same_name ? "" : ")");
	    gl_error_note (&l->err, "name another output with -o");
	    return -1;
	  }
      }
  l->arch = l->ins.arch ? l->ins.arch
    : l->ins.go_archive_arch ? l->ins.go_archive_arch : hinted_arch ();
  return STEP_NEXT;
}

/* What go.o says about itself: its Go release, its build mode's evidence,
   its TLS.  */
static int
step_go_object (struct link *l)
{
  const struct input *go = l->ins.go;
  if (go == NULL)
    return STEP_NEXT;
  if (goobj_scan (go->elf, go->path, l->arch, &l->g, &l->err) != 0)
    return -1;
  l->have_g = true;
  note (l, "Go object: %s (%s, %s)", go->path, l->arch->goarch,
	l->g.go_version ? l->g.go_version
	: "Go release unknown: no .go.buildinfo, runtime.buildVersion or DWARF");
  return STEP_NEXT;
}

/* The build mode: --buildmode, else the driver's flags checked against
   go.o's evidence.  */
static int
step_mode (struct link *l)
{
  const char *why;
  if (buildmode_decide (l->opt.buildmode, &l->cl, l->have_g ? &l->g : NULL,
			l->have_g ? l->ins.go->path : NULL,
			&l->mode, &why, &l->err) != 0)
    return -1;
  note (l, "mode: %s (from %s)", mode_name (l->mode), why);
  if (l->mode == MODE_PIE && l->cl.static_exe && !l->cl.static_pie)
    note (l, "mode: -static with -pie: the driver drops -pie, and the "
	  "output is a static, position-dependent executable; -static-pie "
	  "makes a static PIE");
  l->go_archive = !l->have_g && l->ins.go_archive != NULL;
  return STEP_NEXT;
}

/* The TLS rules (SPEC "TLS rules").  */
static int
step_tls (struct link *l)
{
  if (l->have_g)
    {
      char *desc = tls_describe (&l->g), *warning = NULL;
      note (l, "%s", desc);
      free (desc);
      if (tls_check (&l->g, l->ins.go->path, l->mode, l->cl.static_exe,
		     &l->err, &warning) != 0)
	return -1;
      if (warning != NULL)
	tell (l, LINK_WARNING, l->ins.go->path, warning);
      free (warning);
    }
  else if (l->go_archive)
    note (l, "no go.o, but the Go c-archive member %s: linking a C program "
	  "that contains Go code", l->ins.go_archive);
  else
    note (l, "no Go object among the inputs: linking as the driver would, "
	  "without Go checks");
  return STEP_NEXT;
}

/* The command names operand K (one input per operand, in order) by WORD
   instead of its own; WORD NULL: by nothing.  */
static void
name_operand (struct link *l, size_t k, const char *word)
{
  if (l->named_as == NULL)
    l->named_as = xcalloc (l->cl.noperands, sizeof *l->named_as);
  strvec_free (&l->named_as[k]);
  strvec_init (&l->named_as[k]);
  if (word != NULL)
    strvec_push (&l->named_as[k], word);
}

/* c-shared and c-archive: the library entry must run from .init_array
   (SPEC "What it does" step 4); the driver then links the glued copy where
   go.o was named.  */
static int
step_glue (struct link *l)
{
  const char *adds_crt = l->opt.direct ? "gold-link" : "the compiler driver";
  if (!l->have_g || (l->mode != MODE_C_SHARED && l->mode != MODE_C_ARCHIVE))
    {
      if (l->mode != MODE_C_ARCHIVE)
	note (l, "glue: no .init_array entry needed; %s adds the C runtime",
	      adds_crt);
      return STEP_NEXT;
    }
  const struct goobj *g = &l->g;
  const char *entry = l->arch->lib_entry;
  if (!glue_init_array_needed (g))
    {
      bool shared = l->mode == MODE_C_SHARED;
      note (l, "glue: go.o has %zu .init_array entr%s for %s: none added%s%s%s",
	    g->init_entries, g->init_entries == 1 ? "y" : "ies", entry,
	    shared ? "; " : "", shared ? adds_crt : "",
	    shared ? " adds the C runtime" : "");
      return STEP_NEXT;
    }
  if (l->opt.dry_run)
    {
      note (l, "glue: go.o has no .init_array entry for %s: one would be "
	    "added in a staged copy (--dry-run writes nothing)", entry);
      return STEP_NEXT;
    }
  if (glue_init_array (l->ins.go, g, l->arch, &l->glue, &l->err) != 0)
    return -1;
  note (l, "glue: go.o has no .init_array entry for %s, which starts the Go "
	"runtime when %s: added one (.init_array and %s) in a staged copy, %s",
	entry, l->mode == MODE_C_SHARED ? "the library is loaded"
	: "a program linked with the archive starts",
	l->arch->rela ? ".rela.init_array" : ".rel.init_array",
	l->glue.copy);
  if (l->glue.stack_note)
    note (l, "glue: go.o has no .note.GNU-stack: added an empty one to the "
	  "copy, for a non-executable stack");
  if (l->glue.copy != NULL && l->mode != MODE_C_ARCHIVE)
    name_operand (l, (size_t) (l->ins.go - l->ins.v), l->glue.copy);
  return STEP_NEXT;
}

/* c-archive: gold-link writes the archive itself, the glued copy of go.o
   in its place, and the run is complete.  */
static int
step_c_archive (struct link *l)
{
  if (l->mode != MODE_C_ARCHIVE)
    return STEP_NEXT;
  struct ar_set set = { 0 };
  int rc = -1;
  for (size_t i = 0; i < l->ins.n; i++)
    {
      const struct input *in = &l->ins.v[i];
      if (in->kind != INPUT_OBJECT)
	{
	  gl_error_set (&l->err, GL_EXIT_USAGE, in->path, NULL,
			"a c-archive holds objects only, not a %s",
			inputs_kind_name (in->kind));
	  gl_error_note (&l->err, "pass the archive's objects, and give "
			 "libraries to the program's final link instead");
	  goto out;
	}
      const char *member = in == l->ins.go && l->glue.copy != NULL
	? l->glue.copy : in->path;
      if (ar_set_add_file (&set, member, &l->err) != 0)
	goto out;
    }
  note (l, "c-archive: %zu members with a symbol index into %s", set.n,
	l->output);
  rc = l->opt.dry_run ? 0
    : ar_write_file (l->output, &set, true, &l->err);
out:
  ar_set_free (&set);
  l->status = GL_EXIT_OK;
  return rc < 0 ? -1 : STEP_DONE;
}

/* Is operand K a host object (an ELF relocatable that is not go.o)?  */
static bool
is_host_object (const struct link *l, size_t k)
{
  return k < l->ins.n && l->ins.v[k].kind == INPUT_OBJECT
    && !l->ins.v[k].go;
}

/* Host objects go to the linker as one archive per run of them, linked
   whole: nothing is dropped, and the command stays short however many
   there are.  The command names each run of consecutive host operands
   -Wl,--whole-archive ARCHIVE -Wl,--no-whole-archive.  */
static int
step_stage_host_objects (struct link *l)
{
  bool stage = !l->opt.no_stage && !l->opt.dry_run;
  if (!stage && !l->opt.verbose)
    return STEP_NEXT;
  /* Where each host object comes from (explain.c): told with -v, and
     the name it is staged under, which the linkers' messages show.  */
  struct explain origins = { 0 };
  explain_origins (&l->ins, &origins);
  for (size_t k = 0; k < l->ins.n; k++)
    {
      char *what = explain_describe (&origins, k);
      if (what != NULL)
	note (l, "host object %s: %s", l->ins.v[k].path, what);
      free (what);
    }
  if (!stage)
    {
      explain_free (&origins);
      return STEP_NEXT;
    }
  const struct cmdline *cl = &l->cl;
  size_t count = 0, runs = 0;
  for (size_t k = 0; k < cl->noperands; k++)
    {
      if (!is_host_object (l, k))
	continue;
      /* A run: operands k..end-1, adjacent on the command line.  */
      size_t end = k + 1;
      while (end < cl->noperands && is_host_object (l, end)
	     && cl->operands[end] == cl->operands[end - 1] + 1)
	end++;
      const char *dir;
      if (stage_dir (&dir, &l->err) != 0)
	{
	  explain_free (&origins);
	  return -1;
	}
      struct ar_set set = { 0 };
      char *path = xasprintf ("%s/hostobj%zu.a", dir, runs++);
      int rc = 0;
      for (size_t j = k; j < end && rc == 0; j++)
	if ((rc = ar_set_add_file (&set, l->ins.v[j].path, &l->err)) == 0)
	  {
	    free (set.v[set.n - 1].name);
	    set.v[set.n - 1].name = explain_member_name (&origins, j,
							 l->ins.v[j].path);
	  }
      if (rc == 0)
	{
	  stage_add_staged (path);
	  rc = ar_write_file (path, &set, true, &l->err);
	}
      ar_set_free (&set);
      if (rc == 0)
	{
	  name_operand (l, k, "-Wl,--whole-archive");
	  strvec_push (&l->named_as[k], path);
	  strvec_push (&l->named_as[k], "-Wl,--no-whole-archive");
	  for (size_t j = k + 1; j < end; j++)
	    name_operand (l, j, NULL);
	}
      free (path);
      if (rc != 0)
	{
	  explain_free (&origins);
	  return -1;
	}
      count += end - k;
      k = end - 1;
    }
  explain_free (&origins);
  if (count > 0)
    note (l, "staging: %zu host object%s archived, linked whole", count,
	  count == 1 ? "" : "s");
  return STEP_NEXT;
}

/* The compiler driver that runs the link, or gives --direct its C runtime
   glue; chosen once (step_libc may have chosen it).  */
static int
step_compiler (struct link *l)
{
  if (l->cc.n > 0)
    return STEP_NEXT;
  const char *arch_from = l->ins.go ? l->ins.go->path
    : l->ins.arch ? l->ins.first_elf : l->ins.go_archive;
  return choose_cc (l, l->arch, arch_from) != 0 ? -1 : STEP_NEXT;
}

/* A libc that cannot run what is linked: refused with the reason, unless
   --no-linker-check.  */
static int
refuse_for_libc (struct link *l, const char *file, const char *why,
		 const char *what_to_do)
{
  if (l->opt.no_linker_check)
    {
      char *text = xasprintf ("%s; linking anyway (--no-linker-check)", why);
      tell (l, LINK_WARNING, file, text);
      free (text);
      return STEP_NEXT;
    }
  gl_error_set (&l->err, GL_EXIT_USAGE, file, NULL, "%s", why);
  gl_error_note (&l->err, "%s, or pass --no-linker-check to link it anyway",
		 what_to_do);
  return -1;
}

/* The C library the link uses (SPEC "Libcs"), as the driver's own link
   line names it: what that libc cannot run is refused; a static link
   whose driver still names a dynamic linker (musl-gcc) would get a
   PT_INTERP from lld and mold and crash at start, so the linker is told
   --no-dynamic-linker; a driver that ignores -static-pie is refused.  */
static int
step_libc (struct link *l)
{
  if (!l->have_g && !l->go_archive)
    return STEP_NEXT;
  bool archive = l->mode == MODE_C_ARCHIVE;
  if (step_compiler (l) != STEP_NEXT)
    {
      if (!archive)
	return -1;
      /* gold-link writes a c-archive itself: no compiler is needed.  */
      note (l, "libc: not checked: %s", l->err.message);
      gl_error_clear (&l->err);
      return STEP_NEXT;
    }
  /* A signal stopped the compiler's question: ask it no more.  */
  if (stage_caught_signal () != 0)
    return STEP_NEXT;
  const char *file = l->ins.go ? l->ins.go->path : l->ins.go_archive;
  struct libc_probe p;
  struct gl_error e = { 0 };
  if (libc_probe (&l->cc, l->arch, &l->cl, NULL, &p, &e) != 0
      || p.libc == NULL)
    {
      note (l, "libc: not known: %s", p.libc == NULL && e.message == NULL
	    ? "the compiler's link line names no dynamic linker"
	    : e.message);
      gl_error_clear (&e);
      libc_probe_free (&p);
      return STEP_NEXT;
    }
  l->libc = p.libc;
  note (l, "libc: %s (%s names the dynamic linker %s)", l->libc->name,
	l->cc.v[0], p.dynamic_linker);
  libc_probe_free (&p);
  unsigned modes = l->go_archive ? 1u << MODE_C_ARCHIVE : 1u << l->mode;
  const struct gl_libc_refusal *r = libc_refusal (l->libc, modes);
  int rc = STEP_NEXT;
  if (r != NULL)
    rc = refuse_for_libc (l, file, r->why, r->what_to_do);
  if (rc == STEP_NEXT && l->opt.direct && l->libc != &gl_libcs[0])
    {
      gl_error_set (&l->err, GL_EXIT_USAGE, file, NULL,
		    "--direct links with %s's C runtime, and %s links "
		    "against %s", gl_libcs[0].name, l->cc.v[0],
		    l->libc->name);
      gl_error_note (&l->err, "link through the compiler: drop --direct");
      return -1;
    }
  if (rc != STEP_NEXT || archive || !(l->cl.static_exe || l->cl.static_pie))
    return rc;

  if (stage_caught_signal () != 0)
    return STEP_NEXT;
  const char *flag = l->cl.static_pie ? "-static-pie" : "-static";
  if (libc_probe (&l->cc, l->arch, &l->cl, flag, &p, &e) != 0)
    {
      note (l, "libc: %s with %s: not known: %s", l->cc.v[0], flag,
	    e.message);
      gl_error_clear (&e);
      return STEP_NEXT;
    }
  if (l->cl.static_pie && !p.no_dynamic_linker)
    {
      char *why = xasprintf ("%s ignores -static-pie: its link line %s%s "
			     "and no --no-dynamic-linker, so the output "
			     "would be a dynamically linked PIE",
			     l->cc.v[0], p.dynamic_linker
			     ? "names the dynamic linker " : "has no -static",
			     p.dynamic_linker ? p.dynamic_linker : "");
      rc = refuse_for_libc (l, file, why, "link with -static for a static "
			    "executable, or use a compiler that makes static "
			    "PIEs");
      free (why);
    }
  else if (l->cl.static_exe && !l->cl.static_pie && p.dynamic_linker
	   && !p.no_dynamic_linker)
    {
      l->no_interp = true;
      note (l, "libc: %s names the dynamic linker %s even with -static",
	    l->cc.v[0], p.dynamic_linker);
    }
  libc_probe_free (&p);
  return rc;
}

/* C++ (cxx.c): host objects that need the C++ runtime link through the
   C++ driver of the compiler's family, as cmd/go links them through CXX;
   a link that fails on C++ runtime symbols says so, after the linker's
   own messages.  */
static int
step_cxx (struct link *l)
{
  struct strvec notes = { 0 };
  strvec_init (&notes);
  int rc = cxx_choose (&l->ins, l->driver, l->arch, &l->cc, &l->cc_why,
		       &notes, &l->err);
  for (size_t i = 0; i < notes.n; i++)
    tell (l, LINK_NOTE, NULL, notes.v[i]);
  strvec_free (&notes);
  return rc != 0 ? -1 : STEP_NEXT;
}

/* A line of the linker's stderr: told on as it is, and watched for the
   C++ runtime (cxx.c) and for what explain.c tells in terms of the
   source.  */
struct watching
{
  struct link *l;
  struct cxx_watch watch;
  struct explain_watch explain;
};

static void
watch_line (const char *line, size_t len, void *arg)
{
  struct watching *w = arg;
  tell (w->l, LINK_OUTPUT, NULL, line);
  cxx_watch_line (&w->watch, line, len);
  explain_watch_line (&w->explain, line, len);
}

/* After the command failed with STATUS: the error that says why, after
   the linker's own lines, when one of the watches can tell; its status
   stays the linker's.  */
static bool
watch_explain (struct watching *w, int status)
{
  struct link *l = w->l;
  struct explain_link what = {
    .ins = &l->ins, .cc = l->cc.n > 0 ? l->cc.v[0] : "the compiler",
    .fuse_ld = l->cl.fuse_ld, .output = l->output
  };
  /* A link names the linker gold-link chose.  */
  if (l->ld.version != NULL && !l->opt.direct)
    what.fuse_ld = linker_kind_name (l->ld.kind);
  if (status <= 0 || status >= 128)
    return false;
  return cxx_watch_explain (&w->watch, &l->cc, l->output, status, &l->err)
    || explain_watch_explain (&w->explain, &what, status, &l->err);
}

/* The linker (SPEC "Linkers"): asked for by --linker, GOLD_LINK_LINKER,
   -fuse-ld= or the default, and never one the arch/ limits forbid for what
   is linked; with the options this link needs of it.  */
static int
step_linker (struct link *l)
{
  const struct cmdline *cl = &l->cl;
  const char *origin;
  const char *value = linker_request (l->opt.linker,
				      getenv ("GOLD_LINK_LINKER"),
				      cl->fuse_ld, &origin);
  /* A program containing a Go c-archive has the archive's initial-exec
     TLS: the limits for c-archive consumers apply.  */
  unsigned modes = l->go_archive ? 1u << MODE_C_ARCHIVE : 1u << l->mode;
  if (cl->static_pie)
    modes |= GL_LIMIT_STATIC_PIE;
  /* cmd/link 1.26+ sends -Wl,-S for -w without -s (-linkshared and Go
     shared libraries always): the symbol table must stay.  */
  if (cl->strip_debug)
    modes |= GL_LIMIT_STRIP_DEBUG;
  const char *what = cl->static_pie ? "static-pie"
    : l->go_archive ? "a program containing a Go c-archive"
    : mode_name (l->mode);
  if (linker_choose (value, origin, l->arch, modes,
		     l->libc ? l->libc->name : NULL, what,
		     !l->opt.no_linker_check, &l->ld, &l->err) != 0)
    return -1;
  /* lld and mold write the PT_INTERP a static executable must not have;
     bfd and gold do not (and bfd, told --no-dynamic-linker, would make a
     dynamic section).  */
  if (l->no_interp && (l->ld.kind == LD_LLD || l->ld.kind == LD_MOLD))
    {
      strvec_push (&l->ld.flags, "--no-dynamic-linker");
      note (l, "linker: --no-dynamic-linker, because %s names a dynamic "
	    "linker in a -static link, and %s would write it into the "
	    "program, which would not start", l->cc.v[0],
	    linker_kind_name (l->ld.kind));
    }
  /* cmd/link 1.24+ reopens the output and sums the FIPS module through the
     pointers in .go.fipsinfo as the file holds them; lld leaves the place
     of a dynamic relocation zero unless asked, and the program then fails
     its self-test under GODEBUG=fips140=on.  */
  if (l->have_g && l->g.fipsinfo && l->ld.kind == LD_LLD)
    {
      strvec_push (&l->ld.flags, "--apply-dynamic-relocs");
      note (l, "linker: --apply-dynamic-relocs, because go.o has "
	    ".go.fipsinfo: cmd/link checksums the FIPS module through "
	    "pointers it reads from the file");
    }
  if (l->opt.direct)
    note (l, "linker: %s (%s) run directly, with the C runtime glue %s "
	  "(chosen by %s) uses, by %s", l->ld.version, l->ld.path,
	  l->cc.v[0], l->cc_why, l->ld.why);
  else
    note (l, "linker: %s (%s) through %s (chosen by %s), by %s",
	  l->ld.version, l->ld.path, l->cc.v[0], l->cc_why, l->ld.why);
  if (!l->opt.direct && !linker_driver_takes_v (l->arch, &l->ld))
    note (l, "-v is not passed to %s: it would pass %s -V, which %s reads "
	  "as --version, and nothing would be linked", l->cc.v[0],
	  linker_kind_name (l->ld.kind), linker_kind_name (l->ld.kind));
  return STEP_NEXT;
}

/* --keep-temps: leave the command as a response file in the staging
   directory, so the link can be rerun by hand as "CC @link.rsp".  It names
   the real output, not the temporary one.  */
static int
keep_command (struct link *l)
{
  struct strvec kept = { 0 };
  const char *dir;
  strvec_init (&kept);
  int rc = -1;
  if (command_build (l, l->ld_dir, l->output, &kept, &l->err) == 0
      && stage_dir (&dir, &l->err) == 0)
    {
      char *path = xasprintf ("%s/link.rsp", dir);
      stage_add_staged (path);
      rc = rsp_write (path, kept.v, &l->err);
      if (rc == 0)
	note (l, "kept the command in %s", path);
      free (path);
    }
  strvec_free (&kept);
  return rc;
}

/* What makes this link's bytes depend on more than its inputs (repro.c).  */
static void
tell_repro (const struct link *l)
{
  if (l->tell == NULL)
    return;
  struct repro_link r = {
    .cl = &l->cl, .go = l->have_g ? l->ins.go->elf : NULL, .ins = &l->ins,
    .mode = l->mode,
    .ld = l->ld.kind, .output = l->output, .random_tmp = l->out.random_name
  };
  struct strvec notes = { 0 };
  strvec_init (&notes);
  repro_notes (&r, &notes);
  for (size_t i = 0; i < notes.n; i++)
    tell (l, LINK_NOTE, NULL, notes.v[i]);
  strvec_free (&notes);
}

/* gold names a shared library without a soname after the file it writes:
   that file's name must be the same on every run.  */
static int
begin_output (struct link *l)
{
  bool shared = l->mode == MODE_C_SHARED || l->mode == MODE_SHARED
    || l->mode == MODE_PLUGIN;
  if (shared && l->ld.kind == LD_GOLD)
    return output_begin_stable (&l->out, l->output, &l->err);
  return output_begin (&l->out, l->output, false, &l->err);
}

/* The command that links, writing a temporary output beside the real one;
   with --dry-run it is only told, and the run is complete.  */
static int
step_command (struct link *l)
{
  const char *tmpdir;
  if (l->opt.dry_run)
    {
      if (command_build (l, "$STAGING/bin", l->output, &l->cmd,
			 &l->err) != 0)
	return -1;
      tell_repro (l);
      tell_command (l, &l->cmd);
      l->status = GL_EXIT_OK;
      return STEP_DONE;
    }
  if ((!l->opt.direct
       && stage_linker_dir (linker_kind_name (l->ld.kind), l->ld.path,
			    &l->ld_dir, &l->err) != 0)
      || stage_dir (&tmpdir, &l->err) != 0
      || begin_output (l) != 0
      || command_build (l, l->ld_dir, l->out.tmp, &l->cmd, &l->err) != 0)
    return -1;
  tell_repro (l);
  /* What the driver and the linker leave in TMPDIR (gcc's temporary
     files; the symbolizer input of an lld that dies, as on a full disk)
     goes to the staging directory, and is removed with it.  */
  if (setenv ("TMPDIR", tmpdir, 1) != 0)
    return gl_error_errno (&l->err, NULL, errno, "cannot set TMPDIR");
  tell_command (l, &l->cmd);
  if (l->opt.keep_temps && keep_command (l) != 0)
    return -1;
  return STEP_NEXT;
}

/* Run it; the output is renamed into place only when the link succeeded
   and wrote it.  */
static int
step_run (struct link *l)
{
  /* Without a tell, nothing could pass the linker's stderr on.  */
  struct watching w = { .l = l };
  cxx_watch_init (&w.watch);
  explain_watch_init (&w.explain);
  int status = run_and_report (l, &l->cmd, !l->opt.direct,
			       l->tell != NULL ? watch_line : NULL, &w);
  if (watch_explain (&w, status))
    status = -1;
  cxx_watch_free (&w.watch);
  explain_watch_free (&w.explain);
  if (status == 0 && stage_caught_signal () == 0)
    {
      if (access (l->out.tmp, F_OK) != 0 && !l->out.in_place)
	{
	  gl_error_set (&l->err, GL_EXIT_INPUT, l->output, NULL,
			"%s succeeded but wrote no output", l->cc.v[0]);
	  status = -1;
	}
      else if (output_commit (&l->out, &l->err) != 0)
	status = -1;
    }
  if (status != 0)
    output_abort (&l->out);
  l->status = status;
  return status < 0 ? -1 : status != 0 ? STEP_DONE : STEP_NEXT;
}

/* --audit: the output in place, audited as gold-link audit does; an error
   finding fails the run (exit 1) and keeps the output, for a packager to
   look at.  */
static int
step_audit (struct link *l)
{
  if (!l->opt.audit || l->out.in_place)
    return STEP_DONE;
  struct audit_report r;
  if (audit_file (l->output, &r, &l->err) != 0)
    return -1;
  char *text = auditfmt_human (&r);
  tell (l, LINK_AUDIT, l->output, text);
  free (text);
  size_t errors = 0;
  for (size_t i = 0; i < r.nfindings; i++)
    errors += r.findings[i].severity == AUDIT_ERROR;
  audit_free (&r);
  if (errors == 0)
    return STEP_DONE;
  gl_error_set (&l->err, GL_EXIT_INPUT, l->output, NULL, "the audit found "
		"%zu error%s (listed above); the output is kept", errors,
		errors == 1 ? "" : "s");
  gl_error_note (&l->err, "fix the inputs or the link flags it names, or "
		 "link without --audit to accept it");
  return -1;
}

/* A link, step by step (docs/architecture.md "The flow").  */
static int (*const link_steps[]) (struct link *l) = {
  step_inputs,			/* classify the operands, find go.o */
  step_go_object,		/* what go.o says about itself */
  step_mode,			/* the build mode */
  step_tls,			/* the TLS rules */
  step_glue,			/* the .init_array entry of a library */
  step_libc,			/* the libc, and what it cannot run */
  step_c_archive,		/* c-archive: write it, done */
  step_stage_host_objects,	/* host objects archived, linked whole */
  step_compiler,		/* the compiler driver */
  step_cxx,			/* C++ host objects: its C++ driver */
  step_linker,			/* the linker */
  step_command,			/* the command; --dry-run: done */
  step_run,			/* run it, the output into place */
  step_audit,			/* --audit: the output's report: done */
};

/* Not a link gold-link needs to look at (a probe compiling trivial.c, a
   version query): hand it to the driver exactly as the driver would see
   it.  */
static int
pass_through (struct link *l)
{
  if (choose_cc (l, hinted_arch (), NULL) != 0)
    return -1;
  if (stage_caught_signal () != 0)
    return 128 + stage_caught_signal ();
  note (l, "not a link of objects: passing the command to %s (%s)",
	l->cc.v[0], l->cc_why);
  strvec_append (&l->cmd, &l->cc);
  strvec_append (&l->cmd, l->driver);
  if (l->opt.verbose)
    strvec_push (&l->cmd, "-v");
  tell_command (l, &l->cmd);
  if (l->opt.dry_run)
    return 0;
  /* A probe whose -fuse-ld= names a linker that is not there fails: the
     compiler's lines pass, then gold-link's error (explain.c).  */
  struct watching w = { .l = l };
  cxx_watch_init (&w.watch);
  explain_watch_init (&w.explain);
  int status = run_and_report (l, &l->cmd, true,
			       l->tell != NULL ? watch_line : NULL, &w);
  if (watch_explain (&w, status))
    status = -1;
  cxx_watch_free (&w.watch);
  explain_watch_free (&w.explain);
  return status;
}

/* gold-link-ar beside gold-link's own executable, or NULL.  */
static char *
own_ar_path (void)
{
  char *self = run_self_path ();
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

static int flow_steps (struct link *l);

int
flow_run (struct link *l)
{
  int rc = flow_steps (l);
  tell_cache (l);
  return rc;
}

/* The run: a question answered, a command passed through, or a link.  */
static int
flow_steps (struct link *l)
{
  if (cmdline_classify (l->driver, &l->cl, &l->err) != 0)
    return -1;
  /* "Which ar?" (-print-prog-name=ar, --print-prog-name ar): cmd/link
     1.23+ asks its -extld this when it has no -extar and uses the answer,
     stdout and stderr together, as the archiver of a c-archive.  Without
     a gold-link-ar beside gold-link, the driver answers.  */
  if (l->cl.print_prog_name != NULL
      && strcmp (l->cl.print_prog_name, "ar") == 0)
    {
      char *ar = own_ar_path ();
      if (ar != NULL)
	{
	  tell (l, LINK_ANSWER, NULL, ar);
	  free (ar);
	  return GL_EXIT_OK;
	}
    }
  bool is_link = !l->cl.sources && !l->cl.no_link
    && (l->cl.noperands > 0 || l->cl.nlibs > 0);
  if (!is_link && l->opt.buildmode == NULL)
    return pass_through (l);
  if (l->cl.noperands == 0)
    {
      gl_error_set (&l->err, GL_EXIT_USAGE, NULL, NULL, "no input files");
      gl_error_note (&l->err, "name go.o and the host objects to link");
      return -1;
    }
  for (size_t i = 0; i < sizeof link_steps / sizeof link_steps[0]; i++)
    {
      int rc = link_steps[i] (l);
      if (rc < 0)
	return -1;
      if (rc == STEP_DONE)
	break;
      /* A signal stopped what the step ran (a question to the compiler or
	 a linker): go no further.  */
      if (stage_caught_signal () != 0)
	return 128 + stage_caught_signal ();
    }
  return l->status;
}
