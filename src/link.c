/* The context of one gold-link run.  */
#include <config.h>

#include "link.h"

#include <stdlib.h>
#include <string.h>

void
link_init (struct link *l, const struct link_options *opt,
	   const struct strvec *driver, link_tell_fn *tell_fn, void *tell_arg)
{
  memset (l, 0, sizeof *l);
  l->opt = *opt;
  l->driver = driver;
  l->tell = tell_fn;
  l->tell_arg = tell_arg;
  strvec_init (&l->cc);
  strvec_init (&l->cmd);
}

void
link_free (struct link *l)
{
  for (size_t i = 0; l->named_as != NULL && i < l->cl.noperands; i++)
    strvec_free (&l->named_as[i]);
  free (l->named_as);
  cmdline_free (&l->cl);
  inputs_free (&l->ins);
  if (l->have_g)
    goobj_free (&l->g);
  glue_free (&l->glue);
  strvec_free (&l->cc);
  linker_choice_free (&l->ld);
  free (l->ld_dir);
  output_free (&l->out);
  strvec_free (&l->cmd);
  gl_error_clear (&l->err);
}
