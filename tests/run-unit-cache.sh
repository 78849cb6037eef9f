#!/bin/sh
# The cache's entry format and the marks of -B paths in its answers
# (tests/unit/test-cache.c).
. "$abs_srcdir/tests/lib.sh"
"$GOLD_LINK_UNIT/test-cache"
