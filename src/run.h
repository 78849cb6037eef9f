/* Running the compiler driver or linker: spawn, forward signals, wait, and
   turn its end into gold-link's exit status.  */
#ifndef GL_RUN_H
#define GL_RUN_H

#include "diag.h"

/* Run ARGV (searched on PATH) with our stdin/stdout/stderr.  *STATUS is its
   exit status, or 128+N when signal N ended it.  -1 with ERR set when it
   could not be started.  */
int run_command (char *const argv[], int *status, struct gl_error *err);

/* Run ARGV (searched on PATH) with LC_ALL=C and stdin from /dev/null, and
   collect what it writes to stdout and stderr into *OUT (malloc'd, NUL
   terminated).  *STATUS as for run_command.  For short queries such as
   "LINKER -V" or "CC -print-search-dirs".  */
int run_capture (char *const argv[], char **out, int *status,
		 struct gl_error *err);

/* ARGV as one shell-quoted line (malloc'd), for -v and --dry-run.  */
char *run_format_command (char *const argv[]);

#endif
