#!/bin/sh
# The error vocabulary and opening an input (tests/unit/test-diag.c).
. "$abs_srcdir/tests/lib.sh"
"$GOLD_LINK_UNIT/test-diag"
