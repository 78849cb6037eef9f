/* Unit tests of the argument classifier: @file expansion, the split of
   gold-link's options from the driver's, and what the driver's ask for.  */
#include <config.h>

#include <stdlib.h>
#include <unistd.h>

#include "cmdline.h"
#include "unit.h"

static struct poptOption own_options[] = {
  { "buildmode", '\0', POPT_ARG_STRING, NULL, 1, NULL, NULL },
  { "cc", '\0', POPT_ARG_STRING, NULL, 2, NULL, NULL },
  { "verbose", 'v', POPT_ARG_NONE, NULL, 3, NULL, NULL },
  { "dry-run", '\0', POPT_ARG_NONE, NULL, 0, NULL, NULL },
  POPT_AUTOHELP
  POPT_TABLEEND
};

static void
write_file (const char *path, const char *text)
{
  FILE *f = fopen (path, "w");
  fputs (text, f);
  fclose (f);
}

static char *
joined (const struct strvec *sv)
{
  static char buf[4096];
  buf[0] = '\0';
  for (size_t i = 0; i < sv->n; i++)
    {
      strcat (buf, i ? "|" : "");
      strcat (buf, sv->v[i]);
    }
  return buf;
}

static void
test_response_files (const char *dir)
{
  char *inner = xasprintf ("%s/inner.rsp", dir);
  char *outer = xasprintf ("%s/outer.rsp", dir);
  char *loop = xasprintf ("%s/loop.rsp", dir);
  write_file (inner, "-lm\n  'single quoted' \"double \\\"q\\\"\"\tback\\ slash ''\n");
  char *outer_text = xasprintf ("go.o @%s -o 'out put'", inner);
  write_file (outer, outer_text);
  char *loop_text = xasprintf ("x @%s", loop);
  write_file (loop, loop_text);

  struct gl_error err = { 0 };
  struct strvec out = { 0 };
  char *at_outer = xasprintf ("@%s", outer);
  char *argv[] = { "gold-link", "-v", at_outer, "@/no/such/file", NULL };
  CHECK (cmdline_expand_response_files (4, argv, &out, &err) == 0);
  CHECK_STR (joined (&out), "gold-link|-v|go.o|-lm|single quoted|double \"q\""
	     "|back slash||-o|out put|@/no/such/file");
  strvec_free (&out);

  char *at_loop = xasprintf ("@%s", loop);
  char *argv2[] = { "gold-link", at_loop, NULL };
  CHECK (cmdline_expand_response_files (2, argv2, &out, &err) == -1);
  CHECK (err.status == GL_EXIT_USAGE);
  CHECK (err.message != NULL && strstr (err.message, "nested") != NULL);
  gl_error_clear (&err);
  strvec_free (&out);
  unlink (inner);
  unlink (outer);
  unlink (loop);
  free (inner); free (outer); free (loop); free (outer_text); free (loop_text);
  free (at_outer); free (at_loop);
}

/* Write N words "@NAME" to PATH.  */
static void
write_at_words (const char *path, const char *name, int n)
{
  FILE *f = fopen (path, "w");
  for (int i = 0; i < n; i++)
    fprintf (f, "@%s\n", name);
  fclose (f);
}

/* As gcc, the 2000th @-word is an error, read or not: files that name each
   other many times (50 x 50 x 50 words here) must not expand without end.  */
static void
test_response_file_count (const char *dir)
{
  char *a = xasprintf ("%s/fan-a.rsp", dir);
  char *b = xasprintf ("%s/fan-b.rsp", dir);
  char *c = xasprintf ("%s/fan-c.rsp", dir);
  write_at_words (a, b, 50);
  write_at_words (b, c, 50);
  write_file (c, "x.o y.o");
  struct gl_error err = { 0 };
  struct strvec out = { 0 };
  char *at_a = xasprintf ("@%s", a);
  char *argv[] = { "gold-link", at_a, NULL };
  CHECK (cmdline_expand_response_files (2, argv, &out, &err) == -1);
  CHECK (err.status == GL_EXIT_USAGE);
  CHECK (err.message != NULL && strstr (err.message, "too many @-files"));
  gl_error_clear (&err);
  strvec_free (&out);

  /* gcc takes 1999: the @-word naming the file and 1998 in it.  */
  write_at_words (a, "/no/such/file", 1998);
  CHECK (cmdline_expand_response_files (2, argv, &out, &err) == 0);
  CHECK (out.n == 1999);
  strvec_free (&out);
  write_at_words (a, "/no/such/file", 1999);
  CHECK (cmdline_expand_response_files (2, argv, &out, &err) == -1);
  gl_error_clear (&err);
  strvec_free (&out);
  unlink (a);
  unlink (b);
  unlink (c);
  free (a); free (b); free (c); free (at_a);
}

/* cmd/link 1.21+ writes its response file with Go's %q, one argument a
   line: read as Go meant it when an escape tells the readings apart, and
   with gcc's rules otherwise.  */
static void
test_go_response_file (const char *dir)
{
  char *go = xasprintf ("%s/go.rsp", dir);
  char *plain = xasprintf ("%s/plain.rsp", dir);
  char *mixed = xasprintf ("%s/mixed.rsp", dir);
  char *bad = xasprintf ("%s/bad.rsp", dir);
  write_file (go, "\"-m64\"\n\"/t\\tab/d\\xe9j\\u00e0/go.o\"\n"
	      "\"q\\\"uote\\\\b\"\n\"-Wl,--export-dynamic-symbol=\\U0001F600\"\n");
  /* Only \\ and \" escapes: gcc's reading is the same.  */
  write_file (plain, "\"-o\"\n\"a \\\"b\\\"\"\n");
  /* Two words on a line: not Go's, so gcc's rules ("\t" is "t").  */
  write_file (mixed, "\"a\\tb\" \"c\"\n");
  /* A bad escape: not Go's.  */
  write_file (bad, "\"a\\qb\"\n\"\\t\"\n");
  struct gl_error err = { 0 };
  struct strvec out = { 0 };
  char *a1 = xasprintf ("@%s", go), *a2 = xasprintf ("@%s", plain);
  char *a3 = xasprintf ("@%s", mixed), *a4 = xasprintf ("@%s", bad);
  char *argv[] = { "gold-link", a1, a2, a3, a4, NULL };
  CHECK (cmdline_expand_response_files (5, argv, &out, &err) == 0);
  CHECK_STR (joined (&out), "gold-link|-m64|/t\tab/d\xe9j\xc3\xa0/go.o|"
	     "q\"uote\\b|-Wl,--export-dynamic-symbol=\xf0\x9f\x98\x80|"
	     "-o|a \"b\"|atb|c|aqb|t");
  strvec_free (&out);
  unlink (go); unlink (plain); unlink (mixed); unlink (bad);
  free (go); free (plain); free (mixed); free (bad);
  free (a1); free (a2); free (a3); free (a4);
}

static void
split (const char *const *words, struct strvec *own, struct strvec *driver)
{
  struct strvec args = { 0 };
  strvec_init (&args);
  for (size_t i = 0; words[i]; i++)
    strvec_push (&args, words[i]);
  cmdline_split (&args, own_options, own, driver);
  strvec_free (&args);
}

static void
test_split (void)
{
  const char *words[] = { "gold-link", "-v", "--buildmode=c-shared", "-o",
			  "-v", "x.o", "--cc", "clang -m64", "-Xlinker",
			  "--dry-run", "--dry-run", "-Wl,-v", "--help", NULL };
  struct strvec own = { 0 }, driver = { 0 };
  split (words, &own, &driver);
  CHECK_STR (joined (&own), "gold-link|-v|--buildmode=c-shared|--cc|"
	     "clang -m64|--dry-run|--help");
  CHECK_STR (joined (&driver), "-o|-v|x.o|-Xlinker|--dry-run|-Wl,-v");
  strvec_free (&own);
  strvec_free (&driver);
}

static void
classify (const char *const *words, struct cmdline *cl, struct strvec *args,
	  int want_rc)
{
  strvec_init (args);
  for (size_t i = 0; words[i]; i++)
    strvec_push (args, words[i]);
  struct gl_error err = { 0 };
  CHECK (cmdline_classify (args, cl, &err) == want_rc);
  gl_error_clear (&err);
}

static void
test_classify (void)
{
  struct cmdline cl;
  struct strvec args = { 0 };

  /* cmd/link 1.19's exe link (research/go-hostlink.md §1.3).  */
  const char *exe[] = { "-m64", "-o", "/w/b001/exe/a.out", "-rdynamic",
			"-Wl,--compress-debug-sections=zlib", "/t/go.o",
			"/t/000000.o", "-g", "-O2", "-lpthread", "-no-pie",
			NULL };
  classify (exe, &cl, &args, 0);
  CHECK (cl.noperands == 2);
  CHECK_STR (args.v[cl.operands[0]], "/t/go.o");
  CHECK_STR (cl.output, "/w/b001/exe/a.out");
  CHECK (cl.output_index == 2 && !cl.output_joined);
  CHECK (cl.no_pie && !cl.pie && !cl.shared && cl.rdynamic);
  CHECK (cl.nlibs == 1 && !cl.sources && !cl.no_link && !cl.build_id);
  cmdline_free (&cl);
  strvec_free (&args);

  /* A probe compiles trivial.c.  */
  const char *probe[] = { "-m64", "-Qunused-arguments", "trivial.c", NULL };
  classify (probe, &cl, &args, 0);
  CHECK (cl.sources && cl.noperands == 1);
  cmdline_free (&cl);
  strvec_free (&args);

  /* The arm gold check has no operands at all.  */
  const char *gold[] = { "-fuse-ld=gold", "-Wl,--version", NULL };
  classify (gold, &cl, &args, 0);
  CHECK (cl.noperands == 0 && cl.nlibs == 0);
  CHECK_STR (cl.fuse_ld, "gold");
  cmdline_free (&cl);
  strvec_free (&args);

  /* Joined output, -x, separate values that look like options.  */
  const char *mixed[] = { "-oout.so", "-shared", "-pie", "-Xlinker",
			  "--build-id=none", "-x", "c", "src", "-L", "/lib",
			  "-l", "m", NULL };
  classify (mixed, &cl, &args, 0);
  CHECK_STR (cl.output, "out.so");
  CHECK (cl.output_joined && cl.output_index == 0);
  CHECK (cl.shared && cl.pie && cl.build_id && cl.sources);
  CHECK (cl.noperands == 1 && cl.nlibs == 1);
  cmdline_free (&cl);
  strvec_free (&args);

  /* -o without its value is a usage error.  */
  const char *no_value[] = { "go.o", "-o", NULL };
  classify (no_value, &cl, &args, -1);
  cmdline_free (&cl);
  strvec_free (&args);

  /* Queries do not link.  */
  const char *query[] = { "-print-file-name=crtbegin.o", NULL };
  classify (query, &cl, &args, 0);
  CHECK (cl.no_link && cl.print_prog_name == NULL);
  cmdline_free (&cl);
  strvec_free (&args);

  /* cmd/link 1.23+ asks which ar: the probe, then the query.  */
  const char *ar_probe[] = { "-m64", "-o", "/t/a.out",
			     "--print-prog-name=ar", "/t/trivial.c", NULL };
  classify (ar_probe, &cl, &args, 0);
  CHECK (cl.no_link);
  CHECK_STR (cl.print_prog_name, "ar");
  cmdline_free (&cl);
  strvec_free (&args);
  const char *ar_query[] = { "-m64", "--print-prog-name", "ar", NULL };
  classify (ar_query, &cl, &args, 0);
  CHECK (cl.no_link && cl.noperands == 0);
  CHECK_STR (cl.print_prog_name, "ar");
  cmdline_free (&cl);
  strvec_free (&args);

  /* cmd/link 1.21+ names the exported symbols; 1.24+ gives the build ID.  */
  const char *exports[] = { "-m64", "-Wl,--build-id=0x0123",
			    "-Wl,--export-dynamic-symbol=crosscall2",
			    "/t/go.o", NULL };
  classify (exports, &cl, &args, 0);
  CHECK (cl.export_dynamic_symbol && cl.build_id && !cl.rdynamic);
  cmdline_free (&cl);
  strvec_free (&args);
  const char *xlinker[] = { "-Xlinker", "--export-dynamic-symbol",
			    "-Xlinker", "main", "/t/go.o", NULL };
  classify (xlinker, &cl, &args, 0);
  CHECK (cl.export_dynamic_symbol && !cl.build_id);
  CHECK (!cl.strip_debug);
  cmdline_free (&cl);
  strvec_free (&args);

  /* cmd/link 1.26+: -w without -s is -Wl,-S; a -Wl, word may hold several
     options, and -S is only a whole one.  */
  const char *strip[] = { "-m64", "-Wl,-z,relro,-S", "/t/go.o", NULL };
  classify (strip, &cl, &args, 0);
  CHECK (cl.strip_debug);
  cmdline_free (&cl);
  strvec_free (&args);
  const char *strip_x[] = { "-Xlinker", "--strip-debug", "/t/go.o", NULL };
  classify (strip_x, &cl, &args, 0);
  CHECK (cl.strip_debug);
  cmdline_free (&cl);
  strvec_free (&args);
  const char *no_strip[] = { "-Wl,-Sx", "-Wl,--strip-all", "-s", "/t/go.o",
			     NULL };
  classify (no_strip, &cl, &args, 0);
  CHECK (!cl.strip_debug);
  cmdline_free (&cl);
  strvec_free (&args);

  CHECK (cmdline_is_source_name ("dir.d/trivial.c"));
  CHECK (cmdline_is_source_name ("x.S"));
  CHECK (!cmdline_is_source_name ("go.o"));
  CHECK (!cmdline_is_source_name ("libfoo.so.1"));
  CHECK (!cmdline_is_source_name ("dir.c/obj"));
}

int
main (int argc, char **argv)
{
  const char *dir = argc > 1 ? argv[1] : ".";
  test_response_files (dir);
  test_response_file_count (dir);
  test_go_response_file (dir);
  test_split ();
  test_classify ();
  return unit_report ("test-cmdline");
}
