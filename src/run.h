/* Running the compiler driver or linker: spawn, forward signals, wait, and
   turn its end into gold-link's exit status.  */
#ifndef GL_RUN_H
#define GL_RUN_H

#include "diag.h"

#include <stddef.h>

/* Run ARGV (searched on PATH) with our stdin/stdout/stderr.  *STATUS is its
   exit status, or 128+N when signal N ended it.  -1 with ERR set when it
   could not be started; RUN_TOO_LONG (ERR set too) when the kernel said
   E2BIG, so that the caller may retry with a response file.  */
#define RUN_TOO_LONG (-2)
int run_command (char *const argv[], int *status, struct gl_error *err);

/* Run ARGV as run_command does, with its stderr through a pipe: each line
   it writes there, newline included (the last one may lack it), goes to
   LINE as it comes, NUL-terminated, to be passed on.  What it writes
   after it has ended (a linker's child that cleans up, as mold's does)
   is not waited for.  */
typedef void run_line_fn (const char *line, size_t len, void *arg);
int run_command_lines (char *const argv[], int *status, run_line_fn *line,
		       void *arg, struct gl_error *err);

/* Run ARGV (searched on PATH) to read what it prints, such as
   "gcc -print-search-dirs" or "ld --version": stdin from /dev/null, stdout
   and stderr together into *OUT (malloc'd, NUL-terminated), and LC_ALL=C
   so that the text is not translated.  *STATUS as for run_command.  -1
   with ERR set, without a note (the caller knows what to suggest), when it
   could not be started or read.  */
int run_capture (char *const argv[], char **out, int *status,
		 struct gl_error *err);

/* ARGV as one shell-quoted line (malloc'd), for -v and --dry-run.  */
char *run_format_command (char *const argv[]);

/* NAME's full path on PATH (malloc'd), as execvp would find it, or NULL;
   a NAME with a slash is taken as it is.  */
char *run_find_program (const char *name);

/* This very program's canonical path (malloc'd), or NULL.  */
char *run_self_path (void);

#endif
