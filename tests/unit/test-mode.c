/* Table of the build-mode decision (buildmode_decide): --buildmode, the driver's
   flags and go.o's evidence in, the -v decision line or the whole error out.  */
#include <config.h>

#include <stdlib.h>

#include "cmdline.h"
#include "goobj.h"
#include "buildmode.h"
#include "unit.h"

/* go.o's evidence, as goobj_scan would fill it for each kind of object
   cmd/link writes, and for objects that carry two kinds of evidence.  */
static const struct goobj ev_exe = {	/* -buildmode=exe: LE TLS */
  .slot_defined = true, .le_count = 120
};
static const struct goobj ev_bare = {	/* no .data.rel.ro, no TLS at all */
  .slot_defined = true
};
static const struct goobj ev_pie = {	/* -buildmode=pie: IE TLS */
  .data_rel_ro = true, .slot_defined = true, .ie_count = 120
};
static const struct goobj ev_pie_le = {	/* position-independent data, LE TLS */
  .data_rel_ro = true, .slot_defined = true, .le_count = 3, .ie_count = 120
};
static const struct goobj ev_lib = {	/* c-shared and c-archive */
  .data_rel_ro = true, .slot_defined = true, .lib_entry = true,
  .ie_count = 120
};
static const struct goobj ev_shared = {	/* -buildmode=shared */
  .pkglist_note = true, .abihash_note = true, .data_rel_ro = true,
  .addmoduledata = true, .slot_defined = true, .ie_count = 120
};
static const struct goobj ev_abihash = {	/* the abihash note alone */
  .abihash_note = true, .data_rel_ro = true, .slot_defined = true
};
static const struct goobj ev_plugin = {	/* -buildmode=plugin with exports */
  .plugin_tabs = true, .addmoduledata = true, .data_rel_ro = true,
  .slot_defined = true, .ie_count = 120
};
static const struct goobj ev_plugin_bare = {	/* a plugin without exports */
  .addmoduledata = true, .data_rel_ro = true, .slot_defined = true
};
static const struct goobj ev_linkshared = {	/* exe with -linkshared */
  .addmoduledata = true, .data_rel_ro = true, .slot_in_shlib = true,
  .ie_count = 120
};
static const struct goobj ev_shared_lib = {	/* both: the notes win */
  .pkglist_note = true, .lib_entry = true, .slot_defined = true
};
static const struct goobj ev_plugin_lib = {	/* both: the plugin wins */
  .plugin_tabs = true, .lib_entry = true, .slot_defined = true
};
static const struct goobj ev_lib_linkshared = {	/* both: the entry wins */
  .lib_entry = true, .slot_in_shlib = true
};

struct mode_row
{
  int line;
  const char *buildmode;	/* --buildmode's value, or NULL */
  const char *words;		/* the driver's arguments */
  const struct goobj *g;	/* go.o's evidence, or NULL: no Go object */
  const char *want;		/* the -v line, or the error as printed */
};
#define ROW(...) { __LINE__, __VA_ARGS__ }

#define USAGE(message, note) \
  "gold-link: error: " message "\ngold-link: note: " note "\nexit 2"
#define CONFLICT(a, b) \
  USAGE (a " and " b " conflict", "ask for one build mode: a shared " \
	 "library (-shared), a PIE (-pie) or an executable (-no-pie)")
#define UNKNOWN(m) \
  USAGE ("unknown build mode '" m "'", "--buildmode takes exe, pie, " \
	 "c-shared, c-archive, shared or plugin")
#define NO_MODE(evidence, m) \
  USAGE ("no build mode given, and " evidence, \
	 "pass --buildmode=" m " (or -shared) to link a library")

#define WHY_SHARED "go.o has .note.go.pkg-list (-buildmode=shared)"
#define WHY_PLUGIN "go.o registers its module with a host runtime (plugin)"
#define WHY_LIB "go.o has the library entry (c-shared/c-archive)"
#define WHY_LINKSHARED "go.o leaves the TLS slot undefined (-linkshared)"
#define WHY_EXE "go.o is position-dependent (exe)"
#define WHY_PIE "go.o is position-independent (pie)"
#define STATIC_PIE_OF_EXE \
  "gold-link: error: go.o: -static-pie asks for a position-independent " \
  "executable, but " WHY_EXE "\ngold-link: note: build with go build " \
  "-buildmode=pie for -static-pie\nexit 2"

static const struct mode_row rows[] = {
  /* Flags that contradict each other, before anything else.  */
  ROW (NULL, "-shared -pie", NULL, CONFLICT ("-shared", "-pie")),
  ROW (NULL, "-pie go.o -shared", &ev_lib, CONFLICT ("-shared", "-pie")),
  ROW ("c-shared", "-shared -pie", &ev_lib, CONFLICT ("-shared", "-pie")),
  ROW ("bogus", "-shared -pie", NULL, CONFLICT ("-shared", "-pie")),
  ROW (NULL, "-shared -static-pie", NULL,
       CONFLICT ("-shared", "-static-pie")),
  ROW ("pie", "-static-pie -shared", &ev_pie,
       CONFLICT ("-shared", "-static-pie")),
  ROW (NULL, "-pie -no-pie", NULL, CONFLICT ("-pie", "-no-pie")),
  ROW (NULL, "-nopie -pie", &ev_pie, CONFLICT ("-pie", "-no-pie")),
  ROW ("exe", "-pie -no-pie", &ev_exe, CONFLICT ("-pie", "-no-pie")),

  /* --buildmode: the six names, and nothing else.  */
  ROW ("bogus", "", NULL, UNKNOWN ("bogus")),
  ROW ("bogus", "-shared", &ev_lib, UNKNOWN ("bogus")),
  ROW ("", "", &ev_exe, UNKNOWN ("")),
  ROW ("EXE", "", &ev_exe, UNKNOWN ("EXE")),
  ROW ("default", "", NULL, UNKNOWN ("default")),
  ROW ("exe (-linkshared)", "", &ev_linkshared,
       UNKNOWN ("exe (-linkshared)")),
  ROW ("c-shared ", "", &ev_lib, UNKNOWN ("c-shared ")),

  /* --buildmode wins over the evidence; flags may agree with it.  */
  ROW ("exe", "", NULL, "mode: exe (from --buildmode)"),
  ROW ("exe", "", &ev_pie, "mode: exe (from --buildmode)"),
  ROW ("exe", "-no-pie", &ev_exe, "mode: exe (from --buildmode)"),
  ROW ("exe", "-static", &ev_exe, "mode: exe (from --buildmode)"),
  ROW ("exe", "-rdynamic", &ev_lib, "mode: exe (from --buildmode)"),
  ROW ("pie", "", &ev_exe, "mode: pie (from --buildmode)"),
  ROW ("pie", "-pie", NULL, "mode: pie (from --buildmode)"),
  ROW ("pie", "-static-pie", &ev_pie, "mode: pie (from --buildmode)"),
  ROW ("pie", "-static", &ev_pie, "mode: pie (from --buildmode)"),
  ROW ("c-shared", "", &ev_lib, "mode: c-shared (from --buildmode)"),
  ROW ("c-shared", "-shared", &ev_lib, "mode: c-shared (from --buildmode)"),
  ROW ("c-shared", "-shared", &ev_shared,
       "mode: c-shared (from --buildmode)"),
  ROW ("c-shared", "-no-pie", &ev_lib, "mode: c-shared (from --buildmode)"),
  ROW ("c-archive", "", &ev_lib, "mode: c-archive (from --buildmode)"),
  ROW ("c-archive", "-shared", &ev_lib,
       "mode: c-archive (from --buildmode)"),
  ROW ("shared", "-shared", &ev_shared, "mode: shared (from --buildmode)"),
  ROW ("shared", "", NULL, "mode: shared (from --buildmode)"),
  ROW ("plugin", "-shared", &ev_plugin, "mode: plugin (from --buildmode)"),
  ROW ("plugin", "", &ev_exe, "mode: plugin (from --buildmode)"),
  /* An exe go.o that leaves the TLS slot to a Go shared library.  */
  ROW ("exe", "", &ev_linkshared, "mode: exe (-linkshared) (from --buildmode)"),
  ROW ("exe", "-no-pie", &ev_linkshared,
       "mode: exe (-linkshared) (from --buildmode)"),
  ROW ("pie", "", &ev_linkshared, "mode: pie (from --buildmode)"),

  /* --buildmode against a flag that asks for another mode.  */
  ROW ("exe", "-shared", &ev_exe, CONFLICT ("-shared", "--buildmode=exe/pie")),
  ROW ("pie", "-shared", &ev_pie, CONFLICT ("-shared", "--buildmode=exe/pie")),
  ROW ("exe", "-pie", &ev_exe, CONFLICT ("-pie", "exe")),
  ROW ("exe", "-static-pie", NULL, CONFLICT ("-pie", "exe")),
  ROW ("c-shared", "-pie", &ev_lib, CONFLICT ("-pie", "c-shared")),
  ROW ("c-archive", "-pie", &ev_lib, CONFLICT ("-pie", "c-archive")),
  ROW ("shared", "-pie", &ev_shared, CONFLICT ("-pie", "shared")),
  ROW ("plugin", "-static-pie", &ev_plugin, CONFLICT ("-pie", "plugin")),
  ROW ("pie", "-no-pie", &ev_pie, CONFLICT ("-no-pie", "--buildmode=pie")),
  ROW ("pie", "-nopie", NULL, CONFLICT ("-no-pie", "--buildmode=pie")),

  /* -shared: the evidence tells shared and plugin from c-shared.  */
  ROW (NULL, "-shared", NULL, "mode: c-shared (from -shared)"),
  ROW (NULL, "-shared", &ev_lib, "mode: c-shared (from -shared)"),
  ROW (NULL, "-shared", &ev_exe, "mode: c-shared (from -shared)"),
  ROW (NULL, "-shared", &ev_pie, "mode: c-shared (from -shared)"),
  ROW (NULL, "-shared", &ev_linkshared, "mode: c-shared (from -shared)"),
  ROW (NULL, "-shared", &ev_lib_linkshared, "mode: c-shared (from -shared)"),
  ROW (NULL, "-shared -no-pie", &ev_lib, "mode: c-shared (from -shared)"),
  ROW (NULL, "-shared -static", NULL, "mode: c-shared (from -shared)"),
  ROW (NULL, "-shared", &ev_shared, "mode: shared (from " WHY_SHARED ")"),
  ROW (NULL, "-shared", &ev_abihash, "mode: shared (from " WHY_SHARED ")"),
  ROW (NULL, "-shared", &ev_shared_lib, "mode: shared (from " WHY_SHARED ")"),
  ROW (NULL, "-shared", &ev_plugin, "mode: plugin (from " WHY_PLUGIN ")"),
  ROW (NULL, "-shared", &ev_plugin_bare, "mode: plugin (from " WHY_PLUGIN ")"),
  ROW (NULL, "-shared", &ev_plugin_lib, "mode: plugin (from " WHY_PLUGIN ")"),

  /* -pie and -static-pie: a PIE, whatever go.o says (tls.c judges it).  */
  ROW (NULL, "-pie", NULL, "mode: pie (from -pie)"),
  ROW (NULL, "-pie", &ev_exe, "mode: pie (from -pie)"),
  ROW (NULL, "-pie", &ev_lib, "mode: pie (from -pie)"),
  ROW (NULL, "-pie -static", &ev_pie, "mode: pie (from -pie)"),
  ROW (NULL, "-static-pie", NULL, "mode: pie (from -static-pie)"),
  ROW (NULL, "-static-pie", &ev_pie, "mode: pie (from -static-pie)"),
  ROW (NULL, "-static-pie -pie", &ev_pie, "mode: pie (from -pie)"),
  /* Without go.o to say otherwise, -static-pie wins over -no-pie.  */
  ROW (NULL, "-static-pie -no-pie", NULL, "mode: pie (from -static-pie)"),
  /* A static PIE of a position-dependent go.o: bfd and mold fail, lld
     links a program that crashes at start.  */
  ROW (NULL, "-no-pie -static-pie", &ev_exe, STATIC_PIE_OF_EXE),
  ROW (NULL, "-static-pie", &ev_exe, STATIC_PIE_OF_EXE),
  ROW (NULL, "-static-pie", &ev_pie_le, STATIC_PIE_OF_EXE),

  /* -no-pie and -static: an executable, -linkshared when go.o says so.  */
  ROW (NULL, "-no-pie", NULL, "mode: exe (from -no-pie)"),
  ROW (NULL, "-nopie", NULL, "mode: exe (from -no-pie)"),
  ROW (NULL, "-no-pie", &ev_pie, "mode: exe (from -no-pie)"),
  ROW (NULL, "-no-pie", &ev_lib, "mode: exe (from -no-pie)"),
  ROW (NULL, "-static", NULL, "mode: exe (from -static)"),
  ROW (NULL, "-static", &ev_exe, "mode: exe (from -static)"),
  ROW (NULL, "-static -no-pie", &ev_exe, "mode: exe (from -no-pie)"),
  ROW (NULL, "-no-pie", &ev_linkshared,
       "mode: exe (-linkshared) (from -no-pie)"),
  ROW (NULL, "-static", &ev_linkshared,
       "mode: exe (-linkshared) (from -static)"),

  /* No mode flag: the evidence decides, except for a library.  */
  ROW (NULL, "", &ev_exe, "mode: exe (from " WHY_EXE ")"),
  ROW (NULL, "", &ev_bare, "mode: exe (from " WHY_EXE ")"),
  ROW (NULL, "", &ev_pie_le, "mode: exe (from " WHY_EXE ")"),
  ROW (NULL, "", &ev_pie, "mode: pie (from " WHY_PIE ")"),
  ROW (NULL, "-rdynamic", &ev_pie, "mode: pie (from " WHY_PIE ")"),
  ROW (NULL, "", &ev_linkshared,
       "mode: exe (-linkshared) (from " WHY_LINKSHARED ")"),
  ROW (NULL, "-m64 -o a.out -rdynamic go.o -lpthread", &ev_linkshared,
       "mode: exe (-linkshared) (from " WHY_LINKSHARED ")"),
  ROW (NULL, "", &ev_shared, NO_MODE (WHY_SHARED, "shared")),
  ROW (NULL, "", &ev_abihash, NO_MODE (WHY_SHARED, "shared")),
  ROW (NULL, "", &ev_plugin, NO_MODE (WHY_PLUGIN, "plugin")),
  ROW (NULL, "-rdynamic", &ev_plugin_bare, NO_MODE (WHY_PLUGIN, "plugin")),
  ROW (NULL, "", &ev_lib, NO_MODE (WHY_LIB, "c-shared")),
  ROW (NULL, "-o libx.so go.o", &ev_lib, NO_MODE (WHY_LIB, "c-shared")),
  ROW (NULL, "", &ev_lib_linkshared, NO_MODE (WHY_LIB, "c-shared")),

  /* No Go object and no mode flag: the driver's own default.  */
  ROW (NULL, "", NULL, "mode: default (from no Go object and no mode flag)"),
  ROW (NULL, "main.o -lm -rdynamic", NULL,
       "mode: default (from no Go object and no mode flag)"),
};

/* One row: the decision as main prints it under -v, or the error.  */
static char *
decide (const struct mode_row *r)
{
  struct strvec words = { 0 };
  struct cmdline cl = { 0 };
  struct gl_error err = { 0 };
  enum gl_mode mode = MODE_NONE;
  const char *why = NULL;
  char *got;
  strvec_init (&words);
  unit_words (&words, r->words);
  if (cmdline_classify (&words, &cl, &err) != 0)
    got = xasprintf ("cmdline_classify: %s", err.message);
  else if (buildmode_decide (r->buildmode, &cl, r->g, "go.o", &mode, &why,
			     &err) != 0)
    got = unit_error_text (&err);
  else
    {
      CHECK (err.message == NULL && err.status == 0);
      got = xasprintf ("mode: %s (from %s)", mode_name (mode), why);
    }
  gl_error_clear (&err);
  cmdline_free (&cl);
  strvec_free (&words);
  return got;
}

int
main (void)
{
  for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
    {
      char *got = decide (&rows[i]);
      CHECK_ROW_STR (rows[i].line, got, rows[i].want);
      free (got);
    }
  return unit_report ("test-mode");
}
