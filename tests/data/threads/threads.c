#include <pthread.h>
#include <stdint.h>

extern int goCall (int thread, int i);

static __thread int mine;
static int calls;

static void *
work (void *arg)
{
  mine = (int) (intptr_t) arg;
  long sum = 0;
  for (int i = 0; i < calls; i++)
    sum += goCall (mine, i) - i;
  return (void *) (intptr_t) (sum == (long) mine * calls ? mine : -1);
}

/* The sum of 1..THREADS when every thread saw its own __thread value in
   each of its CALLS calls into Go.  */
int
run (int threads, int n)
{
  pthread_t t[64];
  int total = 0;
  calls = n;
  for (int i = 0; i < threads; i++)
    pthread_create (&t[i], NULL, work, (void *) (intptr_t) (i + 1));
  for (int i = 0; i < threads; i++)
    {
      void *r;
      pthread_join (t[i], &r);
      total += (int) (intptr_t) r;
    }
  return total;
}
