#!/bin/sh
# Which libc a dynamic linker names, and what each refuses
# (tests/unit/test-libc.c).
. "$abs_srcdir/tests/lib.sh"
"$GOLD_LINK_UNIT/test-libc"
