#!/bin/sh
# README.md's support table is what tools/support-table prints from the
# data auto decides by (arch/*.def, arch/libc.def, src/linker.c's limits):
# a limit, a mode or an architecture changed without the README fails.
. "$abs_srcdir/tests/lib.sh"
"$SUPPORT_TABLE" "$CHECK_ARCHES" > want || fail "tools/support-table failed"
grep -q '^| amd64 | glibc |' want || fail "the table has no amd64 glibc row"
sed -n '/^<!-- support-table: begin/,/^<!-- support-table: end/p' "$abs_srcdir/README.md" \
  | sed '1d;$d' > got
[ -s got ] || fail "README.md has no support table between its markers"
diff -u got want > diff || { cat diff; fail "README.md's support table is out of date: run make readme-table"; }
note "README.md's table: $(grep -c '^| [a-z0-9]* | ' want) rows, as the data says"
