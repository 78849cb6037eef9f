#!/bin/sh
# Which linker a link asks for: --linker, GOLD_LINK_LINKER, -fuse-ld=, the
# configured default (tests/unit/test-linker.c).
. "$abs_srcdir/tests/lib.sh"
"$GOLD_LINK_UNIT/test-linker"
