/* gold-link-ar: the ar commands Go and build systems use, writing
   deterministic archives with a GNU symbol index.  */
#ifndef GL_AR_H
#define GL_AR_H

int ar_main (int argc, char **argv);

#endif
