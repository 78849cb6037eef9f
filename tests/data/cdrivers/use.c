/* Calls the Go library linked in directly (c-shared .so or c-archive .a).  */
#include <stdio.h>
#include <stdlib.h>

extern int GoAdd (int, int);
extern char *GoUpper (char *);

int
main (void)
{
  char *s = GoUpper ("gold-link");
  printf ("GoAdd(40, 2) = %d, GoUpper = %s\n", GoAdd (40, 2), s);
  free (s);
  return GoAdd (40, 2) == 42 ? 0 : 1;
}
