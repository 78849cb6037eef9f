/* The cache's entries (src/cache.c): an entry read back gives its answer
   for its own key only; cut at any length, one byte changed anywhere,
   another format, garbage or another key's entry is a miss with the
   reason -v gives; the marks of -B paths in an answer go back to the
   paths of the question that reads it.  */
#include <config.h>

#include "cache.h"
#include "unit.h"

#include <inttypes.h>

static const char key[] = "question\narg 6:ld.bfd\narg 2:-V\n";
static const char answer[] = "GNU ld (GNU Binutils for Debian) 2.40\n"
  "  Supported emulations:\n   elf_x86_64\n   elf_i386\n";

/* The reason an entry of LEN bytes at BUF is refused for KEY, or "hit".  */
static const char *
verdict (const char *buf, size_t len, const char *for_key)
{
  char *got = NULL;
  const char *why = NULL;
  if (cache_entry_parse (buf, len, for_key, &got, &why) == 0)
    {
      bool same = strcmp (got, answer) == 0;
      free (got);
      return same ? "hit" : "hit, another answer";
    }
  CHECK (got == NULL);
  return why;
}

int
main (void)
{
  size_t len;
  char *entry = cache_entry_format (key, answer, &len);

  /* The format, whole.  */
  char *want = xasprintf ("gold-link cache 1\nkey %zu\n%s\nanswer %zu\n%s\n"
			  "check %016" PRIx64 "\n", strlen (key), key,
			  strlen (answer), answer,
			  cache_hash (CACHE_HASH_INIT, entry, len - 23));
  CHECK_STR (entry, want);
  CHECK (len == strlen (want));
  free (want);
  CHECK_STR (verdict (entry, len, key), "hit");

  /* Cut anywhere: truncated, never a hit.  */
  for (size_t n = 0; n < len; n++)
    {
      const char *why = verdict (entry, n, key);
      if (strcmp (why, "truncated") != 0)
	{
	  fprintf (stderr, "cut at %zu of %zu: %s\n", n, len, why);
	  CHECK (false);
	}
    }
  /* A byte more, or any byte changed: a miss.  */
  char *longer = xasprintf ("%s\n", entry);
  CHECK_STR (verdict (longer, len + 1, key), "damaged");
  free (longer);
  char *copy = xmalloc (len);
  for (size_t i = 0; i < len; i++)
    {
      memcpy (copy, entry, len);
      copy[i] ^= 0x20;
      if (strcmp (verdict (copy, len, key), "hit") == 0)
	{
	  fprintf (stderr, "byte %zu changed: still a hit\n", i);
	  CHECK (false);
	}
    }
  /* The words for each kind of miss.  */
  memcpy (copy, entry, len);
  copy[len - 20] ^= 1;		/* in the check line's hash */
  CHECK_STR (verdict (copy, len, key), "damaged");
  memcpy (copy, entry, len);
  copy[16] = '2';		/* "gold-link cache 2" */
  CHECK_STR (verdict (copy, len, key), "of another gold-link cache format");
  CHECK_STR (verdict ("\177ELF\2\1\1\0\0\0\0\0\0\0\0\0\0\0\0\0", 20, key),
	     "not a gold-link cache entry");
  CHECK_STR (verdict ("", 0, key), "truncated");
  CHECK_STR (verdict ("GOLD", 4, key), "not a gold-link cache entry");
  CHECK_STR (verdict (entry, len, "question\narg 6:ld.bfd\narg 2:-v\n"),
	     "another question's");
  CHECK_STR (verdict (entry, len, "question\n"), "another question's");
  free (copy);
  free (entry);

  /* An answer with a NUL byte inside, its check right: damaged (answers
     are text).  */
  char raw[256];
  int n = snprintf (raw, sizeof raw, "gold-link cache 1\nkey %zu\n%s\n"
		    "answer 3\na#b\n", strlen (key), key);
  raw[n - 3] = '\0';
  n += snprintf (raw + n, sizeof raw - (size_t) n, "check %016" PRIx64 "\n",
		 cache_hash (CACHE_HASH_INIT, raw, (size_t) n));
  CHECK_STR (verdict (raw, (size_t) n, key), "damaged");
  raw[n - 23 - 3] = '#';	/* the NUL put back: the check fails */
  CHECK_STR (verdict (raw, (size_t) n, key), "damaged");

  /* Marks: each path, the longest first, as a whole path only.  */
  struct strvec paths = { 0 };
  strvec_init (&paths);
  strvec_push (&paths, "/tmp/b1/");
  strvec_push (&paths, "/tmp/b1/specs");
  const char *said =
    "libraries: =/tmp/b1/x86_64-linux-gnu/:/tmp/b1/:/usr/lib/\n"
    "COLLECT_GCC_OPTIONS='-B' '/tmp/b1/' '-specs=/tmp/b1/specs' "
    "'/tmp/b1/specsx'\n"
    "/var/tmp/b1/ -B/tmp/b1/\n";
  char *marked = cache_answer_marked (said, &paths);
  CHECK_STR (marked,
	     "libraries: =\0010\001x86_64-linux-gnu/:\0010\001:/usr/lib/\n"
	     "COLLECT_GCC_OPTIONS='-B' '\0010\001' '-specs=\0011\001' "
	     "'\0010\001specsx'\n"
	     "/var/tmp/b1/ -B\0010\001\n");
  struct strvec other = { 0 };
  strvec_init (&other);
  strvec_push (&other, "/w/b2/");
  strvec_push (&other, "/w/s");
  char *back = cache_answer_unmarked (marked, &other);
  CHECK_STR (back, "libraries: =/w/b2/x86_64-linux-gnu/:/w/b2/:/usr/lib/\n"
	     "COLLECT_GCC_OPTIONS='-B' '/w/b2/' '-specs=/w/s' '/w/b2/specsx'\n"
	     "/var/tmp/b1/ -B/w/b2/\n");
  free (back);
  back = cache_answer_unmarked (marked, &paths);
  CHECK_STR (back, said);
  free (back);
  free (marked);
  /* An answer with the mark's byte is not kept.  */
  CHECK (cache_answer_marked ("odd \001 byte", &paths) == NULL);
  /* A path without a slash at its end: a whole component only.  */
  strvec_free (&paths);
  strvec_init (&paths);
  strvec_push (&paths, "/w/b");
  marked = cache_answer_marked ("/w/b/x /w/bc /w/b:/w/b", &paths);
  CHECK_STR (marked, "\0010\001/x /w/bc \0010\001:\0010\001");
  free (marked);
  strvec_free (&paths);
  strvec_free (&other);
  return unit_report ("test-cache");
}
