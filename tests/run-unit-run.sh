#!/bin/sh
# Unit tests of capturing a command's output (tests/unit/test-run.c).
. "$abs_srcdir/tests/lib.sh"
"$GOLD_LINK_UNIT/test-run"
