/* Errors as values: modules fill a struct gl_error, only front ends print.  */
#ifndef GL_DIAG_H
#define GL_DIAG_H

#include <stdbool.h>

/* Exit statuses (SPEC "Interfaces and conventions").  */
enum
{
  GL_EXIT_OK = 0,
  GL_EXIT_INPUT = 1,	/* bad input, failed I/O */
  GL_EXIT_USAGE = 2	/* bad command line */
};

struct gl_error
{
  int status;		/* GL_EXIT_INPUT or GL_EXIT_USAGE; 0 when clear */
  char *file;		/* the file at fault, or NULL */
  char *member;		/* the archive member at fault, or NULL */
  char *message;	/* what is wrong */
  char *note;		/* what to do about it, or NULL */
};

void gl_error_set (struct gl_error *err, int status, const char *file,
		   const char *member, const char *fmt, ...)
  __attribute__ ((format (printf, 5, 6)));
void gl_error_note (struct gl_error *err, const char *fmt, ...)
  __attribute__ ((format (printf, 2, 3)));
void gl_error_clear (struct gl_error *err);

/* WHAT failed on the object PATH, with libelf's own message and a note that
   the object is damaged; returns -1.  */
int gl_error_libelf (struct gl_error *err, const char *path, const char *what);

/* Print "PROG: error: FILE(MEMBER): MESSAGE" and "PROG: note: NOTE".  */
void gl_error_print (const char *prog, const struct gl_error *err);
void gl_warning (const char *prog, const char *file, const char *fmt, ...)
  __attribute__ ((format (printf, 3, 4)));

/* Set by the front end: the name diagnostics are printed under.  */
extern const char *gl_progname;
extern int gl_verbose;

/* "PROG: MESSAGE" on stderr when -v was given.  */
void gl_verbosef (const char *fmt, ...) __attribute__ ((format (printf, 1, 2)));

#endif
