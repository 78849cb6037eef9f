/* Unit tests of response files out: the limits, the quoting read back by
   gold-link's own reader (gcc's rules), and the rewrite of a command.  */
#include <config.h>

#include <stdbool.h>
#include <stdlib.h>

#include "cmdline.h"
#include "rspfile.h"
#include "stage.h"
#include "unit.h"

static char *
joined (const struct strvec *sv, size_t from)
{
  static char buf[4096];
  buf[0] = '\0';
  for (size_t i = from; i < sv->n; i++)
    {
      strcat (buf, i > from ? "|" : "");
      strcat (buf, sv->v[i]);
    }
  return buf;
}

static bool
says (const char *why, const char *what)
{
  return why != NULL && strstr (why, what) != NULL;
}

/* Read the response file back the way gcc (and gold-link) would.  */
static void
read_back (const char *at, struct strvec *out)
{
  struct gl_error err = { 0 };
  char *argv[] = { (char *) "prog", (char *) at, NULL };
  strvec_init (out);
  CHECK (cmdline_expand_response_files (2, argv, out, &err) == 0);
}

static void
test_quoting (const char *dir)
{
  char *words[] = {
    (char *) "prog", (char *) "plain", (char *) "with space",
    (char *) "dq\"uote", (char *) "sq'uote", (char *) "back\\slash",
    (char *) "trailing\\", (char *) "new\nline", (char *) "tab\there",
    (char *) "\xc3\xa9t\xc3\xa9", (char *) "", (char *) "-Wl,-rpath,$ORIGIN",
    NULL
  };
  char *path = xasprintf ("%s/quoting.rsp", dir);
  struct gl_error err = { 0 };
  CHECK (rsp_write (path, words, &err) == 0);
  char *at = xasprintf ("@%s", path);
  struct strvec back;
  read_back (at, &back);
  size_t n = 0;
  while (words[n] != NULL)
    n++;
  CHECK (back.n == n);
  for (size_t i = 1; i < n && i < back.n; i++)
    CHECK_STR (back.v[i], words[i]);
  strvec_free (&back);
  free (at);
  free (path);

  /* A directory that is not there: an error naming the file.  */
  CHECK (rsp_write ("/nonexistent/dir/x.rsp", words, &err) == -1);
  CHECK_STR (err.file, "/nonexistent/dir/x.rsp");
  gl_error_clear (&err);
}

static void
test_limits (void)
{
  struct rsp_limits lim;
  rsp_limits (&lim);
  CHECK (lim.one >= 131072);
  CHECK (lim.total > lim.one);
  CHECK (lim.total <= (6u << 20));

  /* Small limits, and an environment-sized total. */
  size_t env = 0;
  extern char **environ;
  for (char **e = environ; *e != NULL; e++)
    env += strlen (*e) + 1 + sizeof (char *);
  lim.total = env + 2000;
  lim.one = 100;
  char long_arg[151];
  memset (long_arg, 'x', 150);
  long_arg[150] = '\0';
  char *fits[] = { (char *) "gcc", (char *) "-o", (char *) "a", NULL };
  char *one[] = { (char *) "gcc", long_arg, NULL };
  CHECK (rsp_too_long (fits, false, &lim) == NULL);
  CHECK (says (rsp_too_long (one, false, &lim), "MAX_ARG_STRLEN"));
  char *many[60];
  many[0] = (char *) "ld";
  for (size_t i = 1; i < 59; i++)
    many[i] = (char *) "an-argument-of-32-bytes-or-so.o";
  many[59] = NULL;
  CHECK (says (rsp_too_long (many, false, &lim), "ARG_MAX"));

  /* Driver options (not inputs, -l, -Wl, or -Xlinker's word) count
     towards COLLECT_GCC_OPTIONS, whose one string must fit too.  */
  lim.total = (size_t) -1;
  lim.one = 1024 + 20 + 40;
  char *inputs[] = { (char *) "gcc", (char *) "obj-with-a-long-name-1.o",
    (char *) "obj-with-a-long-name-2.o", (char *) "-lwith-a-long-name",
    (char *) "-Wl,--with-a-long-option", (char *) "-Xlinker",
    (char *) "-Lwith-a-long-dir", NULL };
  CHECK (rsp_too_long (inputs, true, &lim) == NULL);
  char *options[] = { (char *) "gcc", (char *) "-L/a/long/directory/1",
    (char *) "-L", (char *) "/a/long/directory/2", (char *) "-o",
    (char *) "x", NULL };
  CHECK (says (rsp_too_long (options, true, &lim), "COLLECT_GCC_OPTIONS"));
  CHECK (rsp_too_long (options, false, &lim) == NULL);
}

static void
test_rewrite (void)
{
  struct rsp_limits lim = { (size_t) -1, 1024 + 20 + 40 };
  const char *words[] = { "gcc", "-o", "-Lout", "-L/a/long/directory/1",
    "-L", "/a/long/directory/2", "-lfoo", "-Xlinker", "-L/c", "obj.o" };
  struct strvec cmd;
  strvec_init (&cmd);
  for (size_t i = 0; i < sizeof words / sizeof *words; i++)
    strvec_push (&cmd, words[i]);
  size_t moved;
  struct gl_error err = { 0 };
  CHECK (rsp_rewrite (&cmd, true, "args.rsp", &lim, &moved, &err) == 0);
  CHECK (moved == 2);
  CHECK (cmd.n == 2);
  CHECK_STR (cmd.v[0], "gcc");
  CHECK (cmd.v[1][0] == '@' && strstr (cmd.v[1], "/args.rsp") != NULL);
  struct strvec back;
  read_back (cmd.v[1], &back);
  CHECK_STR (joined (&back, 1), "-o|-Lout|-Xlinker|-L/a/long/directory/1|"
	     "-Xlinker|-L/a/long/directory/2|-lfoo|-Xlinker|-L/c|obj.o");
  strvec_free (&back);
  strvec_free (&cmd);

  /* A linker, or options that fit: the arguments go as they are.  */
  strvec_init (&cmd);
  for (size_t i = 0; i < sizeof words / sizeof *words; i++)
    strvec_push (&cmd, words[i]);
  CHECK (rsp_rewrite (&cmd, false, "ld.rsp", &lim, &moved, &err) == 0);
  CHECK (moved == 0);
  read_back (cmd.v[1], &back);
  CHECK_STR (joined (&back, 1), "-o|-Lout|-L/a/long/directory/1|-L|"
	     "/a/long/directory/2|-lfoo|-Xlinker|-L/c|obj.o");
  strvec_free (&back);
  strvec_free (&cmd);
}

int
main (int argc, char **argv)
{
  const char *dir = argc > 1 ? argv[1] : ".";
  stage_init (false);
  test_quoting (dir);
  test_limits ();
  test_rewrite ();
  stage_cleanup ();
  return unit_report ("test-rspfile");
}
