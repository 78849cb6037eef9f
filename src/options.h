/* gold-link's own options (gold-link(1)): their popt table, and the
   command line taken apart into them and the compiler driver's arguments.  */
#ifndef GL_OPTIONS_H
#define GL_OPTIONS_H

#include <popt.h>

#include "diag.h"
#include "link.h"
#include "xalloc.h"

/* The table: what cmdline_split recognises as gold-link's own words.  */
extern const struct poptOption options_table[];

struct options
{
  struct link_options link;	/* for the link; its strings point into
				   the fields below */
  char *buildmode, *cc, *linker;
  int verbose;			/* how many -v */
  bool version;			/* --version: print it, do nothing else */
};

/* Parse OWN, the words cmdline_split found to be gold-link's (OWN->v[0]
   the program name), into OPTS.  -1 with ERR set (GL_EXIT_USAGE) on an
   unknown option or a missing value.  --help is answered by popt itself,
   which exits.  */
int options_parse (const struct strvec *own, struct options *opts,
		   struct gl_error *err);
void options_free (struct options *opts);

/* gold-link audit [--json] FILE...: ARGV[0] is "audit".  */
struct audit_options
{
  bool json;
  struct strvec files;
};
int options_parse_audit (int argc, char **argv, struct audit_options *ao,
			 struct gl_error *err);

#endif
