// Built into libhello.a by tests/run-cxx.sh: it needs only operator new
// and delete of the C++ runtime.
extern "C" void *
hello_new (void)
{
  return new int (42);
}

extern "C" void
hello_delete (void *p)
{
  delete static_cast<int *> (p);
}
