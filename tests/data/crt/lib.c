/* A shared library for raw links: its own TLS and constructor.  */
static __thread int calls = 7;
static int constructed;

__attribute__ ((constructor)) static void
init (void)
{
  constructed = 1;
}

int
lib_calls (void)
{
  return constructed ? ++calls : -1;
}
