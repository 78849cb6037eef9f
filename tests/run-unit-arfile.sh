#!/bin/sh
# The archive writer: its symbol index equals GNU ar rcsD's as nm -s shows
# it, ar t lists it, and gcc links from it with bfd, gold and lld.
. "$abs_srcdir/tests/lib.sh"
need_cmd gcc ar nm
cat > a.c <<'C'
int a_global = 1;
static int a_local;
int a_func (void) { return a_local + a_global; }
__attribute__ ((weak)) int a_weak (void) { return 7; }
C
cat > a_very_long_member_name_over_15.c <<'C'
int common_sym __attribute__ ((common));
extern int a_func (void);
int long_func (void) { return a_func () + 1; }
C
cat > main.c <<'C'
extern int long_func (void);
int main (void) { return long_func () == 2 ? 0 : 1; }
C
printf 'not an object\n' > notes.txt
gcc -c -O2 a.c a_very_long_member_name_over_15.c main.c
"$GOLD_LINK_UNIT/test-arfile" mine.a a.o a_very_long_member_name_over_15.o notes.txt
ar rcsD gnu.a a.o a_very_long_member_name_over_15.o notes.txt
index () { nm -s "$1" | sed -n '/^Archive index:/,/^$/p'; }
index mine.a > mine.idx
index gnu.a > gnu.idx
cat mine.idx
diff -u gnu.idx mine.idx || fail "symbol index differs from ar rcsD's"
grep -q 'a_weak in a.o' mine.idx || fail "weak symbol missing"
grep -q 'common_sym in a_very_long_member_name_over_15.o' mine.idx || fail "common symbol missing"
! grep -q a_local mine.idx || fail "local symbol indexed"
[ "$(ar t mine.a)" = "$(ar t gnu.a)" ] || fail "ar t lists differently"
ar tv mine.a | grep -q ' 0/0 .*Jan  1 00:00 1970 a.o' || fail "not deterministic"
for ld in bfd gold lld; do
  gcc -fuse-ld=$ld -o prog_$ld main.o mine.a || fail "gcc -fuse-ld=$ld cannot link the archive"
  ./prog_$ld || fail "program linked by $ld fails"
done
# Byte-for-byte identical across runs.
"$GOLD_LINK_UNIT/test-arfile" again.a a.o a_very_long_member_name_over_15.o notes.txt
cmp mine.a again.a || fail "archives differ between runs"
