/* The link flow: a flat list of named steps over one struct link.  */
#ifndef GL_FLOW_H
#define GL_FLOW_H

#include "link.h"

/* Do what L's driver arguments ask: answer a question, pass a command
   that links nothing through to the compiler driver, or link.  The exit
   status, or -1 with L->err set.  */
int flow_run (struct link *l);

#endif
