/* The offset of the Go TLS slot (a C thread-local under its name, SLOT)
   from the thread pointer, as the running program sees it: what gold-link
   audit computes from PT_TLS and the arch's TLS variant must agree
   (tests/run-audit.sh).  */
#include <stdio.h>
__thread long other[3] = {1, 2, 3};
__thread char pad;
__thread void *slot __asm__ (SLOT);
static char *
thread_pointer (void)
{
#ifdef __powerpc64__
  char *tp;
  __asm__ ("mr %0, 13" : "=r" (tp));
  return tp;
#else
  return __builtin_thread_pointer ();
#endif
}
int
main (void)
{
  slot = &pad;
  printf ("TP%+ld\n", (long) ((char *) &slot - thread_pointer ()));
  return other[0] == 1 ? 0 : 1;
}
