// C++ that needs the C++ runtime: std::string and std::vector, an
// exception thrown and caught, a global object with a constructor, a
// thread_local, std::thread.
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "cxx.h"

namespace
{
struct registry
{
  std::vector<std::string> names;
  registry () { names.push_back ("constructed"); }
};

registry the_registry;		// constructed before main, from .init_array
thread_local int calls;

int
parse (const std::string &s)
{
  std::size_t end = 0;
  int v = std::stoi (s, &end);	// throws std::invalid_argument
  if (end != s.size ())
    throw std::runtime_error ("trailing characters in '" + s + "'");
  return v;
}
}

const char *
cxx_global (void)
{
  return the_registry.names.empty () ? "" : the_registry.names[0].c_str ();
}

char *
cxx_join (const char *a, const char *b)
{
  std::vector<std::string> parts{ a, b };
  std::string s;
  for (const std::string &p : parts)
    s += (s.empty () ? "" : "+") + p;
  return strdup (s.c_str ());
}

int
cxx_parse (const char *s, int *out)
{
  try
    {
      *out = parse (s);
      return 0;
    }
  catch (const std::invalid_argument &)
    {
      return 1;
    }
  catch (const std::exception &)
    {
      return 2;
    }
}

int
cxx_count (void)
{
  return ++calls;
}

int
cxx_count_in_new_thread (void)
{
  int n = 0;
  std::thread t ([&n] { n = cxx_count (); });
  t.join ();
  return n;
}
