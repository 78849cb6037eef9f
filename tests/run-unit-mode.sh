#!/bin/sh
# The build-mode decision, flags x evidence (tests/unit/test-mode.c).
. "$abs_srcdir/tests/lib.sh"
"$GOLD_LINK_UNIT/test-mode"
