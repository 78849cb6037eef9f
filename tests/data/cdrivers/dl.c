/* Loads the Go c-shared library with dlopen and calls into it.  */
#include <dlfcn.h>
#include <stdio.h>

int
main (int argc, char **argv)
{
  if (argc != 2)
    return 2;
  void *h = dlopen (argv[1], RTLD_NOW);
  if (h == NULL)
    {
      fprintf (stderr, "dlopen: %s\n", dlerror ());
      return 1;
    }
  int (*add) (int, int) = (int (*) (int, int)) dlsym (h, "GoAdd");
  if (add == NULL)
    {
      fprintf (stderr, "dlsym: %s\n", dlerror ());
      return 1;
    }
  printf ("dlopen GoAdd(1, 2) = %d\n", add (1, 2));
  return add (1, 2) == 3 ? 0 : 1;
}
