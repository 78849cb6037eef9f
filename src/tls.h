/* The TLS rules (SPEC "TLS rules"): one Go TLS slot, every TLS relocation
   against it, local-exec only where the output is an executable.  */
#ifndef GL_TLS_H
#define GL_TLS_H

#include <stdbool.h>

#include "diag.h"
#include "goobj.h"
#include "mode.h"

/* Check the Go object G (read from PATH) for a link in MODE; STATIC_LINK
   when the driver is given -static.  -1 with ERR set on a violation; a
   warning that does not stop the link is returned in *WARNING (malloc'd).  */
int tls_check (const struct goobj *g, const char *path, enum gl_mode mode,
	       bool static_link, struct gl_error *err, char **warning);

/* One line on what the TLS scan found, for -v (malloc'd).  */
char *tls_describe (const struct goobj *g);

#endif
