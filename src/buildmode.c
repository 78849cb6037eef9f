/* The build mode of a link: asked for with --buildmode, else read from the
   driver's flags checked against the evidence in go.o.  */
#include <config.h>

#include "buildmode.h"

#include <string.h>

static int
conflict (struct gl_error *err, const char *a, const char *b)
{
  gl_error_set (err, GL_EXIT_USAGE, NULL, NULL, "%s and %s conflict", a, b);
  gl_error_note (err, "ask for one build mode: a shared library (-shared), "
		 "a PIE (-pie) or an executable (-no-pie)");
  return -1;
}

/* The mode a go.o was built for, as far as its content tells.  */
static enum gl_mode
evidence_mode (const struct goobj *g, const char **why)
{
  if (g->pkglist_note || g->abihash_note)
    {
      *why = "go.o has .note.go.pkg-list (-buildmode=shared)";
      return MODE_SHARED;
    }
  /* A plugin registers its module with the host's runtime; a -linkshared
     executable does too, but leaves the TLS slot to a Go shared library.  */
  if ((g->plugin_tabs || g->addmoduledata) && g->slot_defined)
    {
      *why = "go.o registers its module with a host runtime (plugin)";
      return MODE_PLUGIN;
    }
  if (g->lib_entry)
    {
      *why = "go.o has the library entry (c-shared/c-archive)";
      return MODE_C_SHARED;
    }
  if (g->slot_in_shlib)
    {
      *why = "go.o leaves the TLS slot undefined (-linkshared)";
      return MODE_EXE_LINKSHARED;
    }
  if (!g->data_rel_ro || g->le_count > 0)
    {
      *why = "go.o is position-dependent (exe)";
      return MODE_EXE;
    }
  *why = "go.o is position-independent (pie)";
  return MODE_PIE;
}

int
buildmode_decide (const char *requested, const struct cmdline *cl,
	     const struct goobj *g, const char *go_path, enum gl_mode *mode,
	     const char **why, struct gl_error *err)
{
  if (cl->shared && cl->pie)
    return conflict (err, "-shared", "-pie");
  if (cl->shared && cl->static_pie)
    return conflict (err, "-shared", "-static-pie");
  if (cl->pie && cl->no_pie)
    return conflict (err, "-pie", "-no-pie");

  if (requested != NULL)
    {
      enum gl_mode m = MODE_NONE;
      for (int i = MODE_EXE; i <= MODE_PLUGIN; i++)
	if (strcmp (requested, mode_name ((enum gl_mode) i)) == 0)
	  m = (enum gl_mode) i;
      if (m == MODE_NONE)
	{
	  gl_error_set (err, GL_EXIT_USAGE, NULL, NULL,
			"unknown build mode '%s'", requested);
	  gl_error_note (err, "--buildmode takes exe, pie, c-shared, "
			 "c-archive, shared or plugin");
	  return -1;
	}
      bool wants_shared = mode_output (m) == OUTPUT_SHARED_OBJECT;
      if (cl->shared && !wants_shared && m != MODE_C_ARCHIVE)
	return conflict (err, "-shared", "--buildmode=exe/pie");
      if ((cl->pie || cl->static_pie) && m != MODE_PIE)
	return conflict (err, "-pie", requested);
      if (cl->no_pie && m == MODE_PIE)
	return conflict (err, "-no-pie", "--buildmode=pie");
      if (m == MODE_EXE && g != NULL && g->slot_in_shlib)
	m = MODE_EXE_LINKSHARED;
      *mode = m;
      *why = "--buildmode";
      return 0;
    }

  const char *evidence = NULL;
  enum gl_mode found = g ? evidence_mode (g, &evidence) : MODE_NONE;
  if (cl->shared)
    {
      /* -shared alone cannot tell c-shared, shared and plugin apart.  */
      if (found == MODE_SHARED || found == MODE_PLUGIN)
	{
	  *mode = found;
	  *why = evidence;
	}
      else
	{
	  *mode = MODE_C_SHARED;
	  *why = "-shared";
	}
    }
  else if (cl->pie || cl->static_pie)
    {
      /* cmd/link built go.o for -buildmode=exe (it passes -no-pie), and a
	 flag in -extldflags asks for a PIE: bfd and mold refuse the
	 absolute relocations, lld makes a PIE that crashes at start.  */
      if (cl->static_pie && found == MODE_EXE)
	{
	  gl_error_set (err, GL_EXIT_USAGE, go_path, NULL,
			"-static-pie asks for a position-independent "
			"executable, but %s", evidence);
	  gl_error_note (err, "build with go build -buildmode=pie for "
			 "-static-pie");
	  return -1;
	}
      *mode = MODE_PIE;
      *why = cl->pie ? "-pie" : "-static-pie";
    }
  else if (cl->no_pie || cl->static_exe)
    {
      *mode = found == MODE_EXE_LINKSHARED ? found : MODE_EXE;
      *why = cl->no_pie ? "-no-pie" : "-static";
    }
  else if (g != NULL)
    {
      /* No mode flag: a -linkshared executable, or a build system that
         leaves the mode to us.  A library needs its mode named.  */
      if (mode_output (found) == OUTPUT_SHARED_OBJECT)
	{
	  gl_error_set (err, GL_EXIT_USAGE, NULL, NULL,
			"no build mode given, and %s", evidence);
	  gl_error_note (err, "pass --buildmode=%s (or -shared) to link a "
			 "library", mode_name (found));
	  return -1;
	}
      *mode = found;
      *why = evidence;
    }
  else
    {
      *mode = MODE_NONE;
      *why = "no Go object and no mode flag";
    }
  return 0;
}
