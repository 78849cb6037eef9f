/* The answers to gold-link's questions to the toolchain ("LINKER -V",
   "CC -dumpmachine", "CC ... -###", "CC -print-search-dirs"), remembered
   across runs: they are facts of files that do not change between links,
   so each is asked once per version of the programs it depends on.  */
#ifndef GL_CACHE_H
#define GL_CACHE_H

#include "diag.h"
#include "xalloc.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* One question: ARGV as run_capture runs it.  Its first NPROGRAM words
   are the command (a compiler's words, "ccache gcc -m32"): each of them
   that names a program is part of the key by its file.  WHAT starts the
   -v note of a remembered answer ("linker", "compiler", "libc", "crt").  */
struct cache_question
{
  const char *what;
  char *const *argv;
  size_t nprogram;
  /* Filled by cache_capture.  */
  char *key;			/* the key; NULL: the answer is not kept */
  char *name;			/* the entry's file name: the key's hash */
  struct strvec paths;		/* the -B directories and specs files of
				   ARGV: the key holds what they are, the
				   entry a mark for each path */
  bool hit;			/* the answer came from the cache */
};

void cache_question_init (struct cache_question *q, const char *what,
			  char *const argv[], size_t nprogram);
void cache_question_free (struct cache_question *q);

/* Q's answer: the remembered one when the cache holds it (*STATUS 0,
   Q->hit set), else run_capture's (same contract).  */
int cache_capture (struct cache_question *q, char **out, int *status,
		   struct gl_error *err);

/* The caller has read ANSWER, a live answer to Q with status 0, and found
   it good: remember it.  Nothing when it came from the cache, when the
   cache is not used, or when it cannot be written (a -v note says so).  */
void cache_keep (struct cache_question *q, const char *answer);

/* What the cache did since the last call (-v notes): NOTES, which holds
   nothing, takes them (all zero when there are none).  */
void cache_take_notes (struct strvec *notes);

/* The entry format, for the unit test.  */

/* 64-bit FNV-1a of N bytes at P, continuing from H (start with
   CACHE_HASH_INIT).  */
#define CACHE_HASH_INIT UINT64_C (0xcbf29ce484222325)
uint64_t cache_hash (uint64_t h, const void *p, size_t n);

/* An entry's bytes (malloc'd, *LEN long) holding KEY and ANSWER.  */
char *cache_entry_format (const char *key, const char *answer, size_t *len);

/* The answer of the entry BUF (LEN bytes) when it is a whole, intact entry
   for KEY: 0 and *ANSWER (malloc'd); else -1 and *WHY says what is wrong
   ("truncated", "damaged", "another question's", ...).  */
int cache_entry_parse (const char *buf, size_t len, const char *key,
		       char **answer, const char **why);

/* ANSWER with each of PATHS (longest first) replaced by a mark, so that an
   entry serves the same question with its -B directory elsewhere
   (malloc'd), or NULL when ANSWER holds the mark's byte itself; and back:
   the marks replaced by PATHS.  */
char *cache_answer_marked (const char *answer, const struct strvec *paths);
char *cache_answer_unmarked (const char *stored, const struct strvec *paths);

#endif
