#!/bin/sh
# --direct's translation of the driver's arguments for a raw linker
# (tests/unit/test-direct.c).
. "$abs_srcdir/tests/lib.sh"
"$GOLD_LINK_UNIT/test-direct"
