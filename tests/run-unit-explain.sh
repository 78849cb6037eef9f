#!/bin/sh
# Errors that point at the source, as tables (tests/unit/test-explain.c):
# what each linker's lines leave in the watch, the missing-linker errors,
# the words and member names of host objects' origins.
. "$abs_srcdir/tests/lib.sh"
"$GOLD_LINK_UNIT/test-explain"
