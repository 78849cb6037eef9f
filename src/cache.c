/* The answers to gold-link's questions to the toolchain, remembered across
   runs in a directory of the user's (docs/architecture.md "The cache"):
   one small file per question, named by the hash of its key and holding
   the key whole, written to a temporary name and renamed into place.  */
#include <config.h>

#include "cache.h"
#include "run.h"
#include "stage.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* What a question's answer may depend on besides its words and programs:
   the variables a gcc or clang driver, the dynamic loader or a driver's
   usual wrappers read to find their parts (musl-gcc's REALGCC, ccache's
   CCACHE_PATH).  The locale is not among them: run_capture sets
   LC_ALL=C.  */
static const char *const key_environment[] = {
  "GCC_EXEC_PREFIX", "COMPILER_PATH", "LIBRARY_PATH", "CCC_OVERRIDE_OPTIONS",
  "REALGCC", "CCACHE_PATH", "LD_LIBRARY_PATH", "LD_PRELOAD",
};

enum
{
  ENTRY_MAX = 256 * 1024,	/* a larger entry is not read or written */
  DIR_FILES_MAX = 64,		/* a -B directory with more is not keyed */
  DIR_DEPTH_MAX = 3,
  CONTENT_MAX = 64 * 1024	/* a file up to this size is keyed by its
				   bytes, a larger one by its identity */
};

static const char entry_magic[] = "gold-link cache 1\n";
#define MARK '\001'

/* The directory, decided on the first question of the run.  */
static struct
{
  bool decided;
  int fd;			/* -1: not used */
  char *path;
  bool writable;		/* false after a write failed */
  struct strvec notes;
} store = { .fd = -1 };

static void cache_note (const char *fmt, ...)
  __attribute__ ((format (printf, 1, 2)));

static void
cache_note (const char *fmt, ...)
{
  if (store.notes.v == NULL)
    strvec_init (&store.notes);
  /* Nobody takes them (a front end without -v notes): a few are enough.  */
  if (store.notes.n >= 64)
    return;
  va_list ap;
  va_start (ap, fmt);
  strvec_push_own (&store.notes, xvasprintf (fmt, ap));
  va_end (ap);
}

void
cache_take_notes (struct strvec *notes)
{
  *notes = store.notes;
  memset (&store.notes, 0, sizeof store.notes);
}

uint64_t
cache_hash (uint64_t h, const void *p, size_t n)
{
  const unsigned char *b = p;
  for (size_t i = 0; i < n; i++)
    {
      h ^= b[i];
      h *= UINT64_C (0x100000001b3);
    }
  return h;
}

/* A growing byte buffer, for keys and entries.  */
struct buf
{
  char *p;
  size_t n, cap;
};

static void
buf_add (struct buf *b, const void *p, size_t n)
{
  if (b->cap - b->n < n + 1)
    {
      b->cap = (b->n + n + 1) * 2;
      b->p = xrealloc (b->p, b->cap);
    }
  memcpy (b->p + b->n, p, n);
  b->n += n;
  b->p[b->n] = '\0';
}

static void buf_printf (struct buf *b, const char *fmt, ...)
  __attribute__ ((format (printf, 2, 3)));

static void
buf_printf (struct buf *b, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  char *s = xvasprintf (fmt, ap);
  va_end (ap);
  buf_add (b, s, strlen (s));
  free (s);
}

/* "WORD LEN:BYTES\n": any string, newlines too, without ambiguity.  */
static void
buf_field (struct buf *b, const char *word, const char *s)
{
  buf_printf (b, "%s %zu:", word, strlen (s));
  buf_add (b, s, strlen (s));
  buf_add (b, "\n", 1);
}

/* The directory.  */

/* Make DIR and its missing parents, 0700 (as the XDG base directory
   specification asks of its directories).  */
static int
make_dirs (const char *dir)
{
  char *p = xstrdup (dir);
  int rc = 0;
  for (char *s = p + 1; rc == 0; s++)
    if (*s == '/' || *s == '\0')
      {
	char c = *s;
	*s = '\0';
	if (mkdir (p, 0700) != 0 && errno != EEXIST)
	  rc = -1;
	*s = c;
	if (c == '\0')
	  break;
      }
  int e = errno;
  free (p);
  errno = e;
  return rc;
}

/* The directory the variables name, or NULL with a note saying why none
   is used.  */
static char *
store_path (void)
{
  const char *v = getenv ("GOLD_LINK_CACHE");
  if (v != NULL)
    {
      if (v[0] == '\0' || strcmp (v, "off") == 0)
	{
	  cache_note ("cache: off (GOLD_LINK_CACHE=%s)", v);
	  return NULL;
	}
      if (v[0] != '/')
	{
	  cache_note ("cache: not used: GOLD_LINK_CACHE=%s is not an "
		      "absolute path", v);
	  return NULL;
	}
      return xstrdup (v);
    }
  /* The XDG base directory specification: a relative path is ignored.  */
  v = getenv ("XDG_CACHE_HOME");
  if (v != NULL && v[0] == '/')
    return xasprintf ("%s/gold-link", v);
  v = getenv ("HOME");
  if (v != NULL && v[0] == '/')
    return xasprintf ("%s/.cache/gold-link", v);
  cache_note ("cache: not used: neither GOLD_LINK_CACHE, XDG_CACHE_HOME nor "
	      "HOME names a directory");
  return NULL;
}

/* Decide the directory once: it is used only when it is the user's and
   nobody else may write in it, so that every entry in it is the user's
   own answer.  */
static void
store_open (void)
{
  if (store.decided)
    return;
  store.decided = true;
  char *path = store_path ();
  if (path == NULL)
    return;
  struct stat st;
  int fd = -1;
  if (make_dirs (path) != 0)
    {
      cache_note ("cache: not used: cannot make %s: %s", path,
		  strerror (errno));
      goto out;
    }
  fd = open (path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0 || fstat (fd, &st) != 0)
    {
      cache_note ("cache: not used: cannot open %s: %s", path,
		  strerror (errno));
      goto out;
    }
  if (st.st_uid != geteuid ())
    {
      cache_note ("cache: not used: %s belongs to uid %ju, not to this "
		  "user (uid %ju)", path, (uintmax_t) st.st_uid,
		  (uintmax_t) geteuid ());
      goto out;
    }
  if ((st.st_mode & (S_IWGRP | S_IWOTH)) != 0)
    {
      cache_note ("cache: not used: others may write in %s (mode %04o)",
		  path, (unsigned) (st.st_mode & 07777));
      goto out;
    }
  store.fd = fd;
  store.path = path;
  store.writable = true;
  fd = -1;
  path = NULL;
out:
  if (fd >= 0)
    close (fd);
  free (path);
}

/* The key.  */

static void
buf_identity (struct buf *b, const struct stat *st)
{
  buf_printf (b, "file dev=%ju ino=%ju size=%jd mtime=%lld.%09ld "
	      "ctime=%lld.%09ld\n", (uintmax_t) st->st_dev,
	      (uintmax_t) st->st_ino, (intmax_t) st->st_size,
	      (long long) st->st_mtim.tv_sec, st->st_mtim.tv_nsec,
	      (long long) st->st_ctim.tv_sec, st->st_ctim.tv_nsec);
}

/* A small file by its bytes: a copy made for each link is the same file
   to the question.  -1 when it cannot be read.  */
static int
buf_content (struct buf *b, const char *path, const struct stat *st)
{
  int fd = open (path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0)
    return -1;
  char *bytes = xmalloc ((size_t) st->st_size + 1);
  size_t n = 0;
  ssize_t r = 0;
  while (n <= (size_t) st->st_size
	 && (r = read (fd, bytes + n, (size_t) st->st_size + 1 - n)) > 0)
    n += (size_t) r;
  close (fd);
  if (r >= 0)
    buf_printf (b, "bytes size=%zu hash=%016" PRIx64 "\n", n,
		cache_hash (CACHE_HASH_INIT, bytes, n));
  free (bytes);
  return r < 0 ? -1 : 0;
}

/* A file that may be a link: where it leads and what is there.  */
static int
buf_file (struct buf *b, const char *path)
{
  struct stat st;
  char *real = realpath (path, NULL);
  if (real == NULL || stat (real, &st) != 0)
    {
      free (real);
      return -1;
    }
  buf_field (b, "real", real);
  free (real);
  if (S_ISREG (st.st_mode) && st.st_size <= CONTENT_MAX)
    return buf_content (b, path, &st);
  buf_identity (b, &st);
  return 0;
}

static int
compare_names (const void *a, const void *b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* A -B directory by what is in it: each name, and for a link where it
   leads and what is there (the driver finds its programs and specs
   there), so that a directory made anew for each link, holding the same
   links, is the same question.  -1 when it holds more than *BUDGET files
   or cannot be read.  */
static int
buf_dir (struct buf *b, const char *dir, int depth, int *budget)
{
  DIR *d = opendir (dir);
  if (d == NULL)
    return -1;
  struct strvec names = { 0 };
  strvec_init (&names);
  struct dirent *e;
  int rc = 0;
  while ((e = readdir (d)) != NULL && rc == 0)
    if (strcmp (e->d_name, ".") != 0 && strcmp (e->d_name, "..") != 0)
      {
	strvec_push (&names, e->d_name);
	rc = --*budget < 0 ? -1 : 0;
      }
  closedir (d);
  qsort (names.v, names.n, sizeof *names.v, compare_names);
  for (size_t i = 0; i < names.n && rc == 0; i++)
    {
      char *full = xasprintf ("%s/%s", dir, names.v[i]);
      struct stat st;
      buf_printf (b, "%*s", depth, "");
      buf_field (b, "entry", names.v[i]);
      if (lstat (full, &st) != 0)
	rc = -1;
      else if (S_ISDIR (st.st_mode))
	rc = depth >= DIR_DEPTH_MAX ? -1 : buf_dir (b, full, depth + 1,
						      budget);
      else if (S_ISLNK (st.st_mode) || S_ISREG (st.st_mode))
	{
	  if (buf_file (b, full) != 0)
	    {
	      /* A link to nothing is what it says.  */
	      char target[4096];
	      ssize_t n = readlink (full, target, sizeof target - 1);
	      target[n > 0 ? n : 0] = '\0';
	      buf_field (b, "dangling", target);
	    }
	}
      else
	buf_printf (b, "mode %o\n", (unsigned) st.st_mode);
      free (full);
    }
  strvec_free (&names);
  return rc;
}

/* PATH, an argument naming a -B directory or a specs file: absolute, it
   goes into the key by what it is (the entry marks where the answer names
   it); else as it is.  -1 when the question is not to be kept.  */
static int
key_path (struct cache_question *q, struct buf *b, const char *path)
{
  struct stat st;
  if (path[0] != '/' || path[1] == '\0' || stat (path, &st) != 0
      || !(S_ISDIR (st.st_mode) || S_ISREG (st.st_mode)))
    {
      buf_field (b, "arg", path);
      return 0;
    }
  buf_printf (b, "path %zu\n", q->paths.n);
  strvec_push (&q->paths, path);
  if (S_ISREG (st.st_mode))
    return buf_file (b, path);
  int budget = DIR_FILES_MAX;
  if (buf_dir (b, path, 1, &budget) != 0)
    {
      char *line = run_format_command (q->argv);
      cache_note ("cache: not remembered: -B %s %s: %s", path,
		  budget < 0 ? "holds too many files to compare"
		  : "cannot be read", line);
      free (line);
      return -1;
    }
  return 0;
}

/* PATH, an executable regular file: its real path and identity.  */
static bool
buf_program (struct buf *b, const char *path)
{
  struct stat st;
  char *real = NULL;
  bool ok = access (path, X_OK) == 0 && (real = realpath (path, NULL)) != NULL
    && stat (real, &st) == 0 && S_ISREG (st.st_mode);
  if (ok)
    {
      buf_field (b, "program", path);
      buf_field (b, "real", real);
      buf_identity (b, &st);
    }
  free (real);
  return ok;
}

/* The program NAME runs, as posix_spawnp finds it on PATH, and every
   other file of that name later on PATH: a wrapper that stands in for a
   compiler (ccache's masquerade directory, a shim) runs the next one,
   whose upgrade must change the key too.  How many there are.  */
static size_t
buf_programs (struct buf *b, const char *name)
{
  if (strchr (name, '/') != NULL)
    return buf_program (b, name) ? 1 : 0;
  const char *path = getenv ("PATH");
  if (path == NULL)
    path = "/usr/bin:/bin";
  size_t n = 0;
  while (*path != '\0')
    {
      size_t len = strcspn (path, ":");
      char *full = xasprintf ("%.*s/%s", (int) len, len ? path : ".", name);
      n += buf_program (b, full);
      free (full);
      path += len;
      path += *path == ':';
    }
  return n;
}

/* Does argument W take a path that goes into the key by what it is, and
   is it W itself (after PREFIX) or the next word?  */
static bool
path_option (const char *w, size_t *prefix, bool *separate)
{
  static const char *const joined[] = {
    "-B", "-specs=", "--specs=", NULL
  };
  static const char *const apart[] = { "-B", "-specs", "--specs", NULL };
  for (const char *const *s = apart; *s; s++)
    if (strcmp (w, *s) == 0)
      {
	*separate = true;
	return true;
      }
  for (const char *const *j = joined; *j; j++)
    if (strncmp (w, *j, strlen (*j)) == 0)
      {
	*prefix = strlen (*j);
	*separate = false;
	return true;
      }
  return false;
}

/* Q's key into Q->key: its words, each program by its file, the -B
   directories and specs files by what they are, and the environment that
   can change the answer.  -1 when it is not to be kept.  */
static int
key_make (struct cache_question *q)
{
  struct buf b = { 0 };
  buf_add (&b, "question\n", 9);
  int rc = 0;
  for (size_t i = 0; q->argv[i] != NULL && rc == 0; i++)
    {
      const char *w = q->argv[i];
      size_t prefix;
      bool separate;
      if (path_option (w, &prefix, &separate))
	{
	  if (separate && q->argv[i + 1] != NULL)
	    {
	      buf_field (&b, "arg", w);
	      rc = key_path (q, &b, q->argv[++i]);
	    }
	  else if (!separate)
	    {
	      buf_printf (&b, "option %.*s\n", (int) prefix, w);
	      rc = key_path (q, &b, w + prefix);
	    }
	  else
	    buf_field (&b, "arg", w);
	  continue;
	}
      buf_field (&b, "arg", w);
      if (i < q->nprogram && w[0] != '-' && buf_programs (&b, w) == 0
	  && i == 0)
	rc = -1;
    }
  for (size_t i = 0; i < sizeof key_environment / sizeof *key_environment;
       i++)
    {
      const char *v = getenv (key_environment[i]);
      if (v != NULL)
	{
	  char *word = xasprintf ("env %s", key_environment[i]);
	  buf_field (&b, word, v);
	  free (word);
	}
    }
  if (rc != 0)
    {
      free (b.p);
      return -1;
    }
  q->key = b.p;
  q->name = xasprintf ("%016" PRIx64,
		       cache_hash (CACHE_HASH_INIT, b.p, b.n));
  return 0;
}

/* Entries.  */

char *
cache_entry_format (const char *key, const char *answer, size_t *len)
{
  struct buf b = { 0 };
  buf_add (&b, entry_magic, sizeof entry_magic - 1);
  buf_printf (&b, "key %zu\n", strlen (key));
  buf_add (&b, key, strlen (key));
  buf_printf (&b, "\nanswer %zu\n", strlen (answer));
  buf_add (&b, answer, strlen (answer));
  buf_add (&b, "\n", 1);
  buf_printf (&b, "check %016" PRIx64 "\n",
	      cache_hash (CACHE_HASH_INIT, b.p, b.n));
  *len = b.n;
  return b.p;
}

/* At *P (before END): "WORD N\n", then N bytes and "\n".  The N bytes
   are at *FIELD, *P moves past them.  0, or -1 with *WHY.  */
static int
parse_field (const char **p, const char *end, const char *word,
	     const char **field, size_t *n, const char **why)
{
  size_t w = strlen (word);
  const char *s = *p;
  if ((size_t) (end - s) <= w)
    goto short_or_bad;
  if (memcmp (s, word, w) != 0 || s[w] != ' ')
    goto bad;
  s += w + 1;
  size_t v = 0, digits = 0;
  for (; s < end && *s >= '0' && *s <= '9' && digits < 10; s++, digits++)
    v = v * 10 + (size_t) (*s - '0');
  if (s == end)
    goto short_or_bad;
  if (digits == 0 || *s != '\n')
    goto bad;
  s++;
  if ((size_t) (end - s) < v + 1)
    {
      *why = "truncated";
      return -1;
    }
  if (s[v] != '\n')
    goto bad;
  *field = s;
  *n = v;
  *p = s + v + 1;
  return 0;
short_or_bad:
  *why = memcmp (s, word, (size_t) (end - s) < w ? (size_t) (end - s) : w)
    == 0 ? "truncated" : "damaged";
  return -1;
bad:
  *why = "damaged";
  return -1;
}

int
cache_entry_parse (const char *buf, size_t len, const char *key,
		   char **answer, const char **why)
{
  const char *end = buf + len, *p = buf, *k, *a;
  size_t m = sizeof entry_magic - 1, nk, na;
  *answer = NULL;
  if (len < m)
    {
      *why = memcmp (buf, entry_magic, len) == 0 ? "truncated"
	: "not a gold-link cache entry";
      return -1;
    }
  if (memcmp (buf, entry_magic, m) != 0)
    {
      *why = memcmp (buf, entry_magic, m - 2) == 0
	? "of another gold-link cache format" : "not a gold-link cache entry";
      return -1;
    }
  p += m;
  if (parse_field (&p, end, "key", &k, &nk, why) != 0
      || parse_field (&p, end, "answer", &a, &na, why) != 0)
    return -1;
  /* "check HASH\n", the hash of everything before it, and the end.  */
  char want[32];
  int w = snprintf (want, sizeof want, "check %016" PRIx64 "\n",
		    cache_hash (CACHE_HASH_INIT, buf, (size_t) (p - buf)));
  if ((size_t) (end - p) < (size_t) w)
    {
      *why = memcmp (p, "check ", (size_t) (end - p) < 6
		     ? (size_t) (end - p) : 6) == 0 ? "truncated" : "damaged";
      return -1;
    }
  if ((size_t) (end - p) > (size_t) w || memcmp (p, want, (size_t) w) != 0)
    {
      *why = "damaged";
      return -1;
    }
  if (nk != strlen (key) || memcmp (k, key, nk) != 0)
    {
      *why = "another question's";
      return -1;
    }
  if (memchr (a, '\0', na) != NULL)
    {
      *why = "damaged";
      return -1;
    }
  *answer = xstrndup (a, na);
  return 0;
}

/* Is S[POS..] an occurrence of the path P (N bytes) as a whole path:
   not the middle of a longer word?  */
static bool
path_at (const char *s, size_t pos, const char *p, size_t n)
{
  if (strncmp (s + pos, p, n) != 0)
    return false;
  bool before = pos == 0 || strchr (" \t\n'\"=:,", s[pos - 1]) != NULL
    || (pos >= 2 && s[pos - 2] == '-' && s[pos - 1] >= 'A'
	&& s[pos - 1] <= 'Z');
  char next = s[pos + n];
  bool after = p[n - 1] == '/' || next == '\0'
    || strchr ("/ \t\n'\":=,", next) != NULL;
  return before && after;
}

char *
cache_answer_marked (const char *answer, const struct strvec *paths)
{
  if (strchr (answer, MARK) != NULL)
    return NULL;
  struct buf b = { 0 };
  buf_add (&b, "", 0);
  for (size_t pos = 0; answer[pos] != '\0';)
    {
      /* The longest path that is here.  */
      size_t best = paths->n, best_n = 0;
      for (size_t i = 0; i < paths->n; i++)
	{
	  size_t n = strlen (paths->v[i]);
	  if (n > best_n && path_at (answer, pos, paths->v[i], n))
	    best = i, best_n = n;
	}
      if (best < paths->n)
	{
	  buf_printf (&b, "%c%zu%c", MARK, best, MARK);
	  pos += best_n;
	}
      else
	buf_add (&b, answer + pos++, 1);
    }
  return b.p;
}

char *
cache_answer_unmarked (const char *stored, const struct strvec *paths)
{
  struct buf b = { 0 };
  buf_add (&b, "", 0);
  for (const char *s = stored; *s != '\0';)
    {
      char *close_mark;
      size_t i;
      if (*s == MARK && sscanf (s + 1, "%zu", &i) == 1 && i < paths->n
	  && (close_mark = strchr (s + 1, MARK)) != NULL)
	{
	  buf_add (&b, paths->v[i], strlen (paths->v[i]));
	  s = close_mark + 1;
	}
      else
	buf_add (&b, s++, 1);
    }
  return b.p;
}

/* The question.  */

void
cache_question_init (struct cache_question *q, const char *what,
		     char *const argv[], size_t nprogram)
{
  memset (q, 0, sizeof *q);
  q->what = what;
  q->argv = argv;
  q->nprogram = nprogram;
  strvec_init (&q->paths);
}

void
cache_question_free (struct cache_question *q)
{
  free (q->key);
  free (q->name);
  strvec_free (&q->paths);
  q->key = q->name = NULL;
}

/* The entry of Q, read whole: 0 and its answer, 1 when there is none, -1
   when it is no good (*WHY).  */
static int
entry_read (const struct cache_question *q, char **answer, const char **why)
{
  int fd = openat (store.fd, q->name,
		   O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
  if (fd < 0)
    {
      *why = errno == ELOOP ? "a symbolic link" : "unreadable";
      return errno == ENOENT ? 1 : -1;
    }
  struct stat st;
  char *bytes = NULL;
  int rc = -1;
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    *why = "not a regular file";
  else if (st.st_uid != geteuid ())
    *why = "not the user's";
  else if (st.st_size > ENTRY_MAX)
    *why = "too large";
  else
    {
      size_t n = 0, cap = (size_t) st.st_size + 1;
      ssize_t r = 0;
      bytes = xmalloc (cap);
      while (n < cap && (r = read (fd, bytes + n, cap - n)) > 0)
	n += (size_t) r;
      if (r < 0)
	*why = "unreadable";
      else
	rc = cache_entry_parse (bytes, n, q->key, answer, why);
    }
  free (bytes);
  close (fd);
  return rc;
}

int
cache_capture (struct cache_question *q, char **out, int *status,
	       struct gl_error *err)
{
  q->hit = false;
  store_open ();
  if (store.fd >= 0 && q->key == NULL && key_make (q) == 0)
    {
      char *stored = NULL;
      const char *why = NULL;
      int rc = entry_read (q, &stored, &why);
      if (rc == 0)
	{
	  *out = cache_answer_unmarked (stored, &q->paths);
	  *status = 0;
	  free (stored);
	  q->hit = true;
	  char *line = run_format_command (q->argv);
	  cache_note ("%s: from the cache (%s/%s): %s", q->what, store.path,
		      q->name, line);
	  free (line);
	  return 0;
	}
      if (rc < 0)
	cache_note ("cache: %s/%s is %s: asked again", store.path, q->name,
		    why);
    }
  return run_capture (q->argv, out, status, err);
}

/* A name for the temporary file of NAME, not taken yet (O_EXCL tells).  */
static char *
temp_name (const char *name)
{
  uint64_t r;
  if (getrandom (&r, sizeof r, GRND_NONBLOCK) != (ssize_t) sizeof r)
    {
      struct timespec ts;
      clock_gettime (CLOCK_MONOTONIC, &ts);
      r = (uint64_t) ts.tv_nsec ^ ((uint64_t) getpid () << 32);
    }
  return xasprintf (".tmp-%s-%016" PRIx64, name, r);
}

/* Put BYTES (LEN) into place as Q's entry: a whole file under a temporary
   name, renamed over the old one, so that a link running beside sees the
   old entry or the new one, never a part.  The temporary file is removed
   on any failure, and on a signal (stage.c tracks it).  */
static void
entry_write (const struct cache_question *q, const char *bytes, size_t len)
{
  struct rlimit fsize;
  if (getrlimit (RLIMIT_FSIZE, &fsize) == 0 && fsize.rlim_cur != RLIM_INFINITY
      && fsize.rlim_cur < len)
    {
      cache_note ("cache: not written: an entry is larger than the file "
		  "size limit (ulimit -f)");
      store.writable = false;
      return;
    }
  char *tmp = NULL, *full = NULL;
  int fd = -1, e = 0;
  for (int attempt = 0; fd < 0 && attempt < 8; attempt++)
    {
      free (tmp);
      free (full);
      tmp = temp_name (q->name);
      full = xasprintf ("%s/%s", store.path, tmp);
      stage_track (full);
      fd = openat (store.fd, tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC
		   | O_NOFOLLOW, 0600);
      e = errno;
      if (fd < 0)
	stage_untrack (full);
      if (fd < 0 && e != EEXIST)
	break;
    }
  if (fd < 0)
    goto failed;
  size_t done = 0;
  while (done < len)
    {
      ssize_t w = write (fd, bytes + done, len - done);
      if (w < 0 && errno == EINTR)
	continue;
      if (w <= 0)
	{
	  e = w < 0 ? errno : EIO;
	  break;
	}
      done += (size_t) w;
    }
  if (close (fd) != 0 && done == len)
    e = errno, done = 0;
  if (done == len && renameat (store.fd, tmp, store.fd, q->name) == 0)
    {
      stage_untrack (full);
      goto out;
    }
  if (done == len)
    e = errno;
  unlinkat (store.fd, tmp, 0);
  stage_untrack (full);
failed:
  cache_note ("cache: not written: cannot write in %s: %s", store.path,
	      strerror (e));
  store.writable = false;
out:
  free (tmp);
  free (full);
}

void
cache_keep (struct cache_question *q, const char *answer)
{
  if (q->hit || q->key == NULL || store.fd < 0 || !store.writable
      || stage_caught_signal () != 0)
    return;
  char *marked = cache_answer_marked (answer, &q->paths);
  if (marked == NULL)
    return;
  size_t len;
  char *bytes = cache_entry_format (q->key, marked, &len);
  if (len <= ENTRY_MAX)
    entry_write (q, bytes, len);
  free (bytes);
  free (marked);
}
