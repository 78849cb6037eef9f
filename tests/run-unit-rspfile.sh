#!/bin/sh
# Unit tests of response files out (tests/unit/test-rspfile.c).
. "$abs_srcdir/tests/lib.sh"
export TMPDIR="$WORK/tmp"
mkdir "$TMPDIR"
"$GOLD_LINK_UNIT/test-rspfile" "$WORK"
[ -z "$(ls_dir "$TMPDIR")" ] || fail "staging left: $(ls_dir "$TMPDIR")"
