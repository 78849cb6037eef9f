/* Response files out: a command too long for execve runs as
   "PROGRAM @FILE" instead (SPEC "What it does", research/driver-anchors.md
   §1.5, §7.4).  */
#ifndef GL_RSPFILE_H
#define GL_RSPFILE_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "xalloc.h"

/* What the kernel takes, measured for this process: the total of the
   arguments and environment (ARG_MAX) and one string (MAX_ARG_STRLEN, 32
   pages).  */
struct rsp_limits
{
  size_t total;
  size_t one;
};

/* The limits of this system; GOLD_LINK_ARG_MAX (bytes), when set, replaces
   the total.  */
void rsp_limits (struct rsp_limits *lim);

/* Why ARGV, run with our environment, would fail with E2BIG, or NULL when
   it fits.  VIA_CC: ARGV runs a gcc-like compiler driver, which copies its
   options (not its inputs) into the environment variable
   COLLECT_GCC_OPTIONS for collect2; that one string must fit too.  */
const char *rsp_too_long (char *const argv[], bool via_cc,
			  const struct rsp_limits *lim);

/* Write ARGV[1..] to PATH, one argument per line, each in double quotes
   with '\' and '"' escaped: the syntax gcc, clang, ld.bfd, gold, lld and
   mold all read (research/driver-anchors.md E6).  */
int rsp_write (const char *path, char *const argv[], struct gl_error *err);

/* Rewrite CMD to run as "CMD[0] @FILE", FILE written in the staging
   directory under NAME.  VIA_CC: when the driver's options would overflow
   COLLECT_GCC_OPTIONS, the -L options go to the linker as "-Xlinker -LDIR"
   instead; *MOVED is how many were moved.  */
int rsp_rewrite (struct strvec *cmd, bool via_cc, const char *name,
		 const struct rsp_limits *lim, size_t *moved,
		 struct gl_error *err);

#endif
