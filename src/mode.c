/* The build modes: their names, what they output, and the flags cmd/link
   passes the driver for each.  */
#include <config.h>

#include "mode.h"

#include <string.h>

static const char *const mode_names[] = {
  [MODE_NONE] = "default",
  [MODE_EXE] = "exe",
  [MODE_PIE] = "pie",
  [MODE_C_SHARED] = "c-shared",
  [MODE_C_ARCHIVE] = "c-archive",
  [MODE_SHARED] = "shared",
  [MODE_PLUGIN] = "plugin",
  [MODE_EXE_LINKSHARED] = "exe (-linkshared)",
};

const char *
mode_name (enum gl_mode mode)
{
  return mode_names[mode];
}

enum gl_output
mode_output (enum gl_mode mode)
{
  switch (mode)
    {
    case MODE_C_SHARED:
    case MODE_SHARED:
    case MODE_PLUGIN:
      return OUTPUT_SHARED_OBJECT;
    case MODE_C_ARCHIVE:
      return OUTPUT_ARCHIVE;
    default:
      return OUTPUT_EXECUTABLE;
    }
}

/* SPEC "Build modes": what cmd/link 1.19 adds per mode (lib.go:1434-1557).  */
static const char *const flags_exe[] = { "-no-pie", NULL };
static const char *const flags_pie[] = { "-Wl,-z,relro", "-pie", NULL };
static const char *const flags_c_shared[] = {
  "-Wl,-z,relro", "-shared", "-Wl,-z,nodelete", "-Wl,-Bsymbolic", NULL
};
static const char *const flags_dynlink_lib[] = {
  "-Wl,-z,relro", "-shared", "-Wl,-z,now", "-Wl,-z,nocopyreloc", NULL
};
static const char *const flags_linkshared[] = {
  "-Wl,-z,now", "-Wl,-z,nocopyreloc", NULL
};
static const char *const flags_none[] = { NULL };

const char *const *
mode_flags (enum gl_mode mode)
{
  switch (mode)
    {
    case MODE_EXE:
      return flags_exe;
    case MODE_PIE:
      return flags_pie;
    case MODE_C_SHARED:
      return flags_c_shared;
    case MODE_SHARED:
    case MODE_PLUGIN:
      return flags_dynlink_lib;
    case MODE_EXE_LINKSHARED:
      return flags_linkshared;
    default:
      return flags_none;
    }
}
