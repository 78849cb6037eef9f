/* Calls the raw-linked shared library twice.  */
#include <stdio.h>

int lib_calls (void);

int
main (void)
{
  lib_calls ();
  printf ("library %d\n", lib_calls ());
  return 0;
}
