/* The build modes: their names, what they output, and the flags cmd/link
   passes the driver for each (buildmode.h decides a link's).  */
#ifndef GL_MODE_H
#define GL_MODE_H

/* A leaf, included by the arch/ data, whose limits name modes.  */

enum gl_mode
{
  MODE_NONE = 0,		/* no Go object and no mode flag: the driver's default */
  MODE_EXE,
  MODE_PIE,
  MODE_C_SHARED,
  MODE_C_ARCHIVE,
  MODE_SHARED,
  MODE_PLUGIN,
  MODE_EXE_LINKSHARED		/* an executable using Go shared libraries */
};

enum gl_output
{
  OUTPUT_EXECUTABLE,		/* exe, pie: local-exec TLS is fine */
  OUTPUT_SHARED_OBJECT,		/* c-shared, shared, plugin: initial-exec only */
  OUTPUT_ARCHIVE		/* c-archive */
};

const char *mode_name (enum gl_mode mode);
enum gl_output mode_output (enum gl_mode mode);

/* The flags cmd/link 1.19 passes the driver for MODE, NULL-terminated.  */
const char *const *mode_flags (enum gl_mode mode);

#endif
