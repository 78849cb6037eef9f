#!/bin/sh
# C++ decisions as tables (tests/unit/test-cxx.c): a C driver's C++ driver
# by name, what a symbol is to the C++ runtime, the undefined symbol in
# each linker's lines, the error after a failed link.
. "$abs_srcdir/tests/lib.sh"
"$GOLD_LINK_UNIT/test-cxx"
