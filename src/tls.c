/* The TLS rules (SPEC "TLS rules"): one Go TLS slot, every TLS relocation
   against it, local-exec only where the output is an executable.  */
#include <config.h>

#include "tls.h"
#include "xalloc.h"

#include <string.h>

static const char *
plural (size_t n)
{
  return n == 1 ? "" : "s";
}

int
tls_check (const struct goobj *g, const char *path, enum gl_mode mode,
	   bool static_link, struct gl_error *err, char **warning)
{
  const struct gl_arch *arch = g->arch;
  *warning = NULL;

  if (g->slot_symbols == 0 && !g->slot_in_shlib)
    {
      gl_error_set (err, GL_EXIT_INPUT, path, NULL,
		    "has no Go TLS slot %s", arch->tls_slot);
      gl_error_note (err, "this is not a complete go.o from cmd/link for %s; "
		     "rebuild it", arch->goarch);
      return -1;
    }
  if (g->slot_symbols > 1)
    {
      gl_error_set (err, GL_EXIT_INPUT, path, NULL,
		    "has %zu symbols named %s; a Go object has exactly one "
		    "TLS slot", g->slot_symbols, arch->tls_slot);
      gl_error_note (err, "the object was altered after cmd/link wrote it; "
		     "rebuild it");
      return -1;
    }
  if (g->stray_tls_symbol != NULL)
    {
      gl_error_set (err, GL_EXIT_INPUT, path, NULL,
		    "has a second TLS symbol '%s' besides the Go slot %s",
		    g->stray_tls_symbol, arch->tls_slot);
      gl_error_note (err, "Go objects have exactly one TLS slot; C thread "
		     "locals belong in the host objects, not in go.o");
      return -1;
    }
  if (g->dynamic_count > 0)
    {
      gl_error_set (err, GL_EXIT_INPUT, path, NULL,
		    "%zu dynamic-model TLS relocation%s (%s); Go emits only "
		    "local-exec and initial-exec", g->dynamic_count,
		    plural (g->dynamic_count), g->dynamic_type);
      gl_error_note (err, "the object was not written by cmd/link; rebuild it");
      return -1;
    }
  if (g->stray_count > 0)
    {
      gl_error_set (err, GL_EXIT_INPUT, path, NULL,
		    "%zu TLS relocation%s (%s) against '%s', not the Go TLS "
		    "slot %s", g->stray_count, plural (g->stray_count),
		    g->stray_type, g->stray_target, arch->tls_slot);
      gl_error_note (err, "every TLS access in go.o must go through %s; "
		     "rebuild the object with cmd/link", arch->tls_slot);
      return -1;
    }

  /* Before the TLS model: an exe go.o given for a library has local-exec
     TLS too, but the cause to report is the build mode.  */
  if ((mode == MODE_C_SHARED || mode == MODE_C_ARCHIVE) && !g->lib_entry)
    {
      gl_error_set (err, GL_EXIT_INPUT, path, NULL,
		    "has no %s: it was not built for a library mode",
		    arch->lib_entry);
      gl_error_note (err, "rebuild with go build -buildmode=%s",
		     mode_name (mode));
      return -1;
    }
  enum gl_output out = mode_output (mode);
  if (g->le_count > 0 && out == OUTPUT_SHARED_OBJECT)
    {
      gl_error_set (err, GL_EXIT_INPUT, path, NULL,
		    "%zu local-exec TLS relocation%s (%s) against %s, but a "
		    "shared object (%s) needs initial-exec",
		    g->le_count, plural (g->le_count), g->le_type,
		    arch->tls_slot, mode_name (mode));
      gl_error_note (err, "rebuild with go build -buildmode=%s: it compiles "
		     "with -shared, which selects initial-exec TLS",
		     mode == MODE_C_SHARED ? "c-shared" : mode_name (mode));
      return -1;
    }
  if (static_link && out == OUTPUT_EXECUTABLE && !g->cgo_init
      && arch->settls_without_cgo)
    {
      gl_error_set (err, GL_EXIT_INPUT, path, NULL,
		    "a Go program without runtime/cgo cannot be linked "
		    "-static: it sets the thread pointer itself and needs %s "
		    "at TP-%d, where static libc puts its own TLS",
		    arch->tls_slot, arch->elfclass == 2 ? 8 : 4);
      gl_error_note (err, "import runtime/cgo (import _ \"runtime/cgo\") or "
		     "drop -static");
      return -1;
    }
  if (g->le_count > 0 && out == OUTPUT_ARCHIVE)
    *warning = xasprintf ("%zu local-exec TLS relocation%s (%s) against %s: "
			  "the archive can only be linked into a non-PIE "
			  "executable", g->le_count, plural (g->le_count),
			  g->le_type, arch->tls_slot);
  return 0;
}

char *
tls_describe (const struct goobj *g)
{
  const char *model = g->le_count && g->ie_count ? "local-exec and initial-exec"
    : g->le_count ? "local-exec" : g->ie_count ? "initial-exec" : "no";
  if (g->slot_symbols == 0 && g->slot_in_shlib)
    return xasprintf ("TLS: slot %s not in go.o, which names %s undefined "
		      "(-linkshared: the slot is in the Go shared library)",
		      g->arch->tls_slot, g->arch->tls_unused);
  return xasprintf ("TLS: slot %s (%s, %s), %s model: %zu local-exec%s%s%s, "
		    "%zu initial-exec%s%s%s",
		    g->arch->tls_slot,
		    g->slot_global ? "global" : "local",
		    g->slot_defined ? "defined" : "undefined", model,
		    g->le_count, g->le_type ? " (" : "",
		    g->le_type ? g->le_type : "", g->le_type ? ")" : "",
		    g->ie_count, g->ie_type ? " (" : "",
		    g->ie_type ? g->ie_type : "", g->ie_type ? ")" : "");
}
