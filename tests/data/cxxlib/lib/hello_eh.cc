// Built with hello.cc into libhelloeh.a by tests/run-cxx.sh: exception
// handling, which leaves DW.ref.__gxx_personality_v0 in the archive's
// symbol index.
#include <stdexcept>

extern "C" int
hello_check (int n)
{
  try
    {
      if (n < 0)
	throw std::out_of_range ("negative");
      return n;
    }
  catch (const std::out_of_range &)
    {
      return -1;
    }
}
