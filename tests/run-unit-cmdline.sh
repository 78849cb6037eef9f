#!/bin/sh
# Unit tests of the argument classifier (tests/unit/test-cmdline.c).
. "$abs_srcdir/tests/lib.sh"
"$GOLD_LINK_UNIT/test-cmdline" "$WORK"
