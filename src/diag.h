/* Errors as values: modules fill a struct gl_error, only front ends print.
   Opening an input file is here too, so that its failures read the same
   from every module.  */
#ifndef GL_DIAG_H
#define GL_DIAG_H

#include <stdbool.h>
#include <sys/stat.h>

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

/* The shapes most errors take, each setting ERR with GL_EXIT_INPUT and
   returning -1, so that a caller can "return gl_error_... (...)".  */

/* A system call failed on FILE (or NULL): "MESSAGE: <strerror (ERRNUM)>".
   ERRNUM is passed, not read here: by the time a caller reports, errno
   may be another call's (close, free), or the error came as a value
   (posix_spawn).  */
int gl_error_errno (struct gl_error *err, const char *file, int errnum,
		    const char *fmt, ...)
  __attribute__ ((format (printf, 4, 5)));

/* FILE(MEMBER) is damaged: MESSAGE says what is wrong, and the note is the
   one every damaged object, archive or file gets.  */
int gl_error_damaged (struct gl_error *err, const char *file,
		      const char *member, const char *fmt, ...)
  __attribute__ ((format (printf, 4, 5)));

/* libelf could not read FILE(MEMBER): gl_error_damaged with
   "MESSAGE: <elf_errmsg (-1)>".  Call it right after the libelf call that
   failed, before another one replaces libelf's error.  */
int gl_error_libelf (struct gl_error *err, const char *file,
		     const char *member, const char *fmt, ...)
  __attribute__ ((format (printf, 4, 5)));

/* Open PATH to read it as a regular file: close-on-exec, and non-blocking
   so that a FIFO is refused rather than waited on (which changes nothing
   for a regular file).  Returns the descriptor and fills *ST, or returns
   -1 with ERR saying "cannot open: <errno>", "cannot stat: <errno>",
   "is a directory, not a file" or "is not a regular file", and a note.  */
int gl_open_regular (const char *path, struct stat *st, struct gl_error *err);

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
