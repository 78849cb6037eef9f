/* The staging directory and every file gold-link must remove when the link
   fails or a signal arrives; signals are forwarded to the running linker.
   The bottom layer: it depends on nothing of gold-link's but diag.  */
#ifndef GL_STAGE_H
#define GL_STAGE_H

#include <stdbool.h>
#include <sys/types.h>

#include "diag.h"

/* Catch SIGINT, SIGTERM, SIGHUP and SIGQUIT.  KEEP: leave the staging
   directory in place at the end (--keep-temps).  */
void stage_init (bool keep);

/* The staging directory, made on first use under $TMPDIR.  */
int stage_dir (const char **dir, struct gl_error *err);

/* A subdirectory NAME of the staging directory; *PATH is malloc'd.  */
int stage_subdir (const char *name, char **path, struct gl_error *err);

/* A directory in the staging area holding ld.KIND -> PATH, for a compiler
   driver's -B: the driver then runs exactly that linker.  */
int stage_linker_dir (const char *kind, const char *path, char **dir,
		      struct gl_error *err);

/* Temporary outputs to remove if gold-link fails or is stopped.  */
void stage_track (const char *path);
void stage_untrack (const char *path);
/* A file written into the staging directory.  */
void stage_add_staged (const char *path);

/* The linker now running (0: none); a signal is passed on to it.  */
void stage_set_child (pid_t pid);

/* The signal that stopped us, or 0.  */
int stage_caught_signal (void);

/* Remove what is tracked and, unless kept, the staging directory; return
   the kept directory's path (or NULL).  */
const char *stage_cleanup (void);

/* Block or unblock the caught signals (around fork and bookkeeping).  */
void stage_block_signals (bool block);

#endif
