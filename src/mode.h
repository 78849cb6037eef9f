/* The build mode: asked for with --buildmode, else read from the driver's
   flags checked against the evidence in go.o; and the flags each mode needs.  */
#ifndef GL_MODE_H
#define GL_MODE_H

/* A leaf: the arch/ data names modes in its limits.  */
struct cmdline;
struct gl_error;
struct goobj;

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

/* Decide the mode.  REQUESTED is --buildmode's value or NULL; G is the Go
   object's evidence or NULL.  *WHY says what decided it.  */
int mode_decide (const char *requested, const struct cmdline *cl,
		 const struct goobj *g, enum gl_mode *mode, const char **why,
		 struct gl_error *err);

/* The flags cmd/link 1.19 passes the driver for MODE, NULL-terminated.  */
const char *const *mode_flags (enum gl_mode mode);

#endif
