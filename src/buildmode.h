/* The build mode of a link: asked for with --buildmode, else read from the
   driver's flags checked against the evidence in go.o.  */
#ifndef GL_BUILDMODE_H
#define GL_BUILDMODE_H

#include "cmdline.h"
#include "diag.h"
#include "goobj.h"
#include "mode.h"

/* Decide the mode.  REQUESTED is --buildmode's value or NULL; G is the Go
   object's evidence or NULL, GO_PATH its file.  *WHY says what decided
   it.  */
int buildmode_decide (const char *requested, const struct cmdline *cl,
		      const struct goobj *g, const char *go_path,
		      enum gl_mode *mode, const char **why,
		      struct gl_error *err);

#endif
