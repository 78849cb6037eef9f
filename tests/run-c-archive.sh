#!/bin/sh
# A c-archive written by gold-link-ar (cmd/link's -extar), linked into C
# programs as PIE and non-PIE; and gold-link --buildmode=c-archive.
. "$abs_srcdir/tests/lib.sh"
need_cmd go gcc ar nm
go_module clib
mkdir t
go build -buildmode=c-archive -o libgo.a -ldflags="$GL_LDFLAGS -v -tmpdir=$WORK/t" ./clib > build.log 2>&1 \
  || { cat build.log; fail "go build failed"; }
grep -q "archive: $GOLD_LINK_AR -q -c -s" build.log || { cat build.log; fail "gold-link-ar was not the archiver"; }
ar t libgo.a > members
head -1 members | grep -qx go.o || fail "go.o is not the first member"
nm -s libgo.a | grep -q 'GoAdd in go.o' || fail "no symbol index entry for GoAdd"
# Members carry gold-link-ar's mode field (GNU ar writes 644).
grep -a -q 'go.o/  .*100644' libgo.a || fail "not written by gold-link-ar"
for pie in -pie -no-pie; do
  gcc $pie -o use$pie "$TESTDATA/cdrivers/use.c" libgo.a -lpthread || fail "gcc $pie cannot link the archive"
  ./use$pie | grep -q 'GoAdd(40, 2) = 42' || fail "$pie program broken"
done
! readelf -d use-pie | grep -q TEXTREL || fail "PIE consumer has TEXTREL"

# The same through gold-link itself, as a build system would call it.
"$GOLD_LINK" -v --buildmode=c-archive -o libgo2.a t/go.o t/0*.o 2> direct.log || { cat direct.log; fail "gold-link --buildmode=c-archive failed"; }
grep -q 'mode: c-archive (from --buildmode)' direct.log || fail "mode not reported"
# cmd/go rewrote the Go build ID inside libgo.a afterwards, so compare
# what does not contain it: the members and the symbol index.
[ "$(ar t libgo.a)" = "$(ar t libgo2.a)" ] || fail "member lists differ"
[ "$(nm -s libgo.a | sed -n '/^Archive index/,/^$/p')" = "$(nm -s libgo2.a | sed -n '/^Archive index/,/^$/p')" ] \
  || fail "symbol indexes differ"
gcc -o use2 "$TESTDATA/cdrivers/use.c" libgo2.a -lpthread && ./use2 > /dev/null || fail "direct c-archive broken"
