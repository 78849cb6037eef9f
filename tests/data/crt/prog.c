/* A C program for raw links with crt_find's glue: TLS in two threads, a
   constructor and a destructor (crti/crtn, crtbegin/crtend), and unwinding
   through libgcc (the frame registration of crtbeginT.o when static).  */
#include <pthread.h>
#include <stdio.h>
#include <unwind.h>

static __thread int counter = 40;
static int constructed;

__attribute__ ((constructor)) static void
init (void)
{
  constructed = 1;
  counter++;
}

__attribute__ ((destructor)) static void
fini (void)
{
  printf ("destructor ran\n");
}

static void *
thread (void *arg)
{
  (void) arg;
  counter += 100;
  return (void *) (long) counter;
}

static _Unwind_Reason_Code
count_frame (struct _Unwind_Context *ctx, void *arg)
{
  (void) ctx;
  ++*(int *) arg;
  return _URC_NO_REASON;
}

__attribute__ ((noinline)) static int
frames (void)
{
  int n = 0;
  _Unwind_Backtrace (count_frame, &n);
  return n;
}

int
main (void)
{
  pthread_t t;
  void *r;
  counter++;
  if (pthread_create (&t, NULL, thread, NULL) != 0
      || pthread_join (t, &r) != 0)
    return 1;
  printf ("constructor %d, tls %d, thread tls %ld, unwound %s\n",
	  constructed, counter, (long) r, frames () >= 3 ? "ok" : "no");
  return 0;
}
