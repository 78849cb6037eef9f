#!/bin/sh
# Errors that point at the source (issue 14).  cmd/link names the host
# objects 000000.o, 000001.o ...; gold-link says which package and file
# each comes from, stages them under those names, and after a failed link
# adds, after the linker's own lines (kept whole), one error in those
# terms with what to do:
#  - a cgo package calling C functions nothing links (tests/data/explain:
#    zlibVersion without -lz, missing_in_helper from its own helper.c):
#    through go build, then replayed with bfd, gold, lld and mold, the
#    linker's lines compared with the kept command run by hand, gold-link's
#    error and note compared whole, the exit status the linker's;
#  - -v names each host object's origin; the staged archive's members;
#  - C code built without -fPIC (a .syso) in a c-shared library; the
#    .syso of a package without cgo is not claimed for the cgo package
#    cmd/link copies it after;
#  - a linker that is not there: gcc's "cannot find 'ld'" for -fuse-ld=
#    (a PATH without ld.gold; Debian's cross gcc, which looks for ld.lld
#    only in its own directories), clang's "invalid linker name".
. "$abs_srcdir/tests/lib.sh"
need_cmd go gcc readelf ar
go_module explain
bad_setup

# obj DIR FILE: the host object in DIR whose STT_FILE symbol is FILE.
obj () {
  for o in "$WORK/$1"/0*.o; do
    readelf -sW "$o" | awk '$4 == "FILE" { print $8; exit }' | grep -qxF "$2" && { echo "$o"; return; }
  done
  fail "no host object in $1 from $2"
}
# check_tail LOG LINES: the last lines of LOG are LINES, whole.
check_tail () {
  n=$(printf '%s\n' "$2" | wc -l)
  [ "$(tail -n "$n" "$1")" = "$2" ] || { cat "$1"; fail "$1 does not end with: $2"; }
}
pkg=gltest/explain/nolib

# Through go build: cmd/link shows what gold-link said last.
write_recorder rec
REC=$WORK/nolib.rsp go build -o out/prog -ldflags="-linkmode=external -extld=$WORK/rec" ./explain/prog \
  > build.log 2>&1 && fail "a program with undefined C functions linked"
helper=$(obj nolib.d helper.c)
cgo2=$(obj nolib.d nolib.cgo2.c)
export0=$(obj nolib.d _cgo_export.c)
undefined="gold-link: error: $WORK/out/prog: undefined C symbols: 'missing_in_helper' (helper.c of package $pkg, ${helper##*/}) and 'zlibVersion' (nolib.go of package $pkg, ${cgo2##*/})
gold-link: note: the library that defines them is not linked: add '#cgo LDFLAGS: -lNAME' (and -LDIR) to package $pkg, or -lNAME to CGO_LDFLAGS; or, if the C code is the package's own, add the file that defines them"
grep -qF ": undefined C symbols: 'missing_in_helper' (helper.c of package $pkg, ${helper##*/}) and 'zlibVersion' (nolib.go of package $pkg, ${cgo2##*/})" build.log \
  || { cat build.log; fail "go build does not show gold-link's error"; }
grep -qxF "$(echo "$undefined" | tail -n 1)" build.log || { cat build.log; fail "go build does not show gold-link's note"; }

# -v: each host object's origin; the staged members are named so.
set +e
TMPDIR=$WORK/tmp "$GOLD_LINK" -v --keep-temps -o out/prog @nolib.rsp > v.out 2> v.err
status=$?
set -e
[ "$status" = 1 ] || { cat v.err; fail "-v: exit $status, not the linker's 1"; }
for line in \
  "gold-link: host object $export0: cgo code of package $pkg from _cgo_export.c" \
  "gold-link: host object $cgo2: cgo code of package $pkg from nolib.go (nolib.cgo2.c)" \
  "gold-link: host object $helper: cgo code of package $pkg from helper.c"; do
  grep -qxF "$line" v.err || { cat v.err; fail "-v does not say: $line"; }
done
grep -q "^gold-link: host object .*/0[0-9]*\.o: cgo code of package runtime/cgo from _cgo_export.c$" v.err \
  || { cat v.err; fail "-v does not name runtime/cgo's objects"; }
kept=$(sed -n 's/^gold-link: kept the staging directory //p' v.err)
[ -n "$kept" ] || { cat v.err; fail "no kept staging directory"; }
# clang writes the same symbols.
if command -v clang > /dev/null 2>&1; then
  REC=$WORK/clang.rsp CC=clang go build -o out/prog -ldflags="-linkmode=external -extld=$WORK/rec -extldflags=-v" ./explain/prog \
    > clang-build.log 2>&1 && fail "clang: a program with undefined C functions linked"
  chelper=$(obj clang.d helper.c)
  grep -qx "gold-link: host object .*/${chelper##*/}: cgo code of package $pkg from helper.c" clang-build.log \
    || { cat clang-build.log; fail "clang: -v does not name helper.c's package"; }
  grep -qF ": undefined C symbols: 'missing_in_helper' (helper.c of package $pkg, ${chelper##*/})" clang-build.log \
    || { cat clang-build.log; fail "clang: no error naming the package"; }
fi
members=$(ar t "$kept/hostobj0.a")
for m in "$(basename "$export0" .o)-gltest_explain_nolib-_cgo_export.c.o" \
  "$(basename "$cgo2" .o)-gltest_explain_nolib-nolib.cgo2.c.o" \
  "$(basename "$helper" .o)-gltest_explain_nolib-helper.c.o"; do
  echo "$members" | grep -qxF "$m" || { echo "$members"; fail "no member $m"; }
done
[ "$(echo "$members" | wc -l)" = "$(ls nolib.d/0*.o | wc -l)" ] || fail "not one member per host object"
[ "$(echo "$members" | sort -u | wc -l)" = "$(echo "$members" | wc -l)" ] || fail "member names repeat"
rm -rf "$kept"

# Each linker: its lines first, whole, as the kept command prints them by
# hand (sorted: mold reports in no fixed order); then gold-link's two
# lines; the linker's exit status.
for ld in bfd gold lld mold; do
  command -v "ld.$ld" > /dev/null 2>&1 || command -v "$ld" > /dev/null 2>&1 \
    || { note "$ld is not installed"; continue; }
  set +e
  TMPDIR=$WORK/tmp "$GOLD_LINK" --linker=$ld --no-linker-check --keep-temps -o out/prog @nolib.rsp > $ld.out 2> $ld.err
  status=$?
  set -e
  [ "$status" = 1 ] || { cat $ld.err; fail "$ld: exit $status, not the linker's 1"; }
  [ ! -e out/prog ] || fail "$ld: a failed link left its output"
  kept=$(sed -n 's/^gold-link: kept the staging directory //p' $ld.err)
  [ "$(tail -n 1 $ld.err)" = "gold-link: kept the staging directory $kept" ] || { cat $ld.err; fail "$ld: not ended by the kept directory"; }
  head -n -1 $ld.err > $ld.told
  check_tail $ld.told "$(echo "$undefined" | sed "s|$WORK/out/prog|out/prog|")"
  [ -n "$kept" ] && [ -s "$kept/link.rsp" ] || { cat $ld.err; fail "$ld: no kept command"; }
  n=$(wc -l < $ld.err)
  head -n $((n - 3)) $ld.err | sort > $ld.linker
  set +e
  gcc @"$kept/link.rsp" > /dev/null 2> $ld.by-hand
  set -e
  sort $ld.by-hand > $ld.by-hand.sorted
  grep -q "missing_in_helper" $ld.linker || { cat $ld.err; fail "$ld: its message is not there"; }
  cmp $ld.linker $ld.by-hand.sorted || { diff $ld.linker $ld.by-hand.sorted >&2 || :; fail "$ld: the linker's lines did not pass whole"; }
  rm -rf "$kept"
done
# bfd, lld and mold name the staged member, which says where it is from.
grep -qF "(${helper##*/}" bfd.err && fail "bfd names the member by cmd/link's name"
grep -qF "hostobj0.a($(basename "$helper" .o)-gltest_explain_nolib-helper.c.o): in function \`use_helper':" bfd.err \
  || { cat bfd.err; fail "bfd does not name the member by its origin"; }
# --no-stage: the objects are named by their paths; the same error.
set +e
"$GOLD_LINK" --no-stage --linker=bfd -o out/prog @nolib.rsp > /dev/null 2> nostage.err
set -e
check_tail nostage.err "$(echo "$undefined" | sed "s|$WORK/out/prog|out/prog|")"
# -lz links zlibVersion: the one left is named alone.
set +e
"$GOLD_LINK" --linker=bfd -o out/prog @nolib.rsp -lz > /dev/null 2> lz.err
set -e
check_tail lz.err "gold-link: error: out/prog: undefined C symbol 'missing_in_helper', referenced by helper.c of package $pkg (${helper##*/})
gold-link: note: the library that defines it is not linked: add '#cgo LDFLAGS: -lNAME' (and -LDIR) to package $pkg, or -lNAME to CGO_LDFLAGS; or, if the C code is the package's own, add the file that defines it"

# C code that is not position-independent in a c-shared library: the
# .syso compiled without -fPIC (amd64: an R_X86_64_32 in the code).
if [ "$(go env GOARCH)" = amd64 ]; then
  gcc -fno-pic -O2 -c -o explain/pic/nopic_amd64.syso explain/nopic.c
  REC=$WORK/pic.rsp go build -buildmode=c-shared -o out/lib.so -ldflags="-linkmode=external -extld=$WORK/rec" ./explain/lib \
    > pic.log 2>&1 && fail "non-PIC code linked into a shared library"
  grep -qF "gold-link: note: compile it with -fPIC" pic.log || { cat pic.log; fail "go build does not show gold-link's -fPIC error"; }
  syso=
  for o in pic.d/0*.o; do
    readelf -sW "$o" | grep -q ' nopic_value$' && syso=$o
  done
  [ -n "$syso" ] || fail "no host object defines nopic_value"
  # In an executable the same code links; cmd/link copies the .syso of
  # plain, a package without cgo, after pic's objects: nothing of pic
  # references it, and it is not claimed for pic.
  gcc -O2 -c -o explain/plain/plain_amd64.syso explain/plain.c
  mkdir both.d
  go build -o out/both -ldflags="$GL_LDFLAGS -extldflags=-v -tmpdir=$WORK/both.d" ./explain/both \
    > both.log 2>&1 || { cat both.log; fail "the program with a non-cgo .syso did not link"; }
  [ "$(./out/both 2>&1)" = "42 7" ] || fail "out/both printed something else"
  grep -qx "gold-link: host object .*/$(obj both.d nopic.c | sed 's|.*/||'): cgo code of package gltest/explain/pic from nopic.c" both.log \
    || { cat both.log; fail "-v does not name pic's .syso"; }
  grep -qx "gold-link: host object .*/$(obj both.d plain.c | sed 's|.*/||'): a host object from plain.c" both.log \
    || { cat both.log; fail "-v claims plain's .syso for a package"; }
  rm out/both
  for ld in bfd gold lld mold; do
    command -v "ld.$ld" > /dev/null 2>&1 || command -v "$ld" > /dev/null 2>&1 || continue
    set +e
    "$GOLD_LINK" --linker=$ld --no-linker-check -o out/lib.so @pic.rsp > /dev/null 2> pic-$ld.err
    status=$?
    set -e
    [ "$status" = 1 ] || { cat pic-$ld.err; fail "$ld: -fPIC: exit $status, not the linker's 1"; }
    grep -q "recompile with -fPIC" pic-$ld.err || { cat pic-$ld.err; fail "$ld: its -fPIC message is not there"; }
    check_tail pic-$ld.err "gold-link: error: out/lib.so: nopic.c of package gltest/explain/pic (${syso##*/}) is not position-independent code, which a shared library or a PIE needs
gold-link: note: compile it with -fPIC (a .syso file or a prebuilt library included: rebuild it so), or build an executable with -buildmode=exe"
  done
fi

# A linker that is not there.  gcc's collect2 says "cannot find 'ld'"
# whichever -fuse-ld= it missed: a probe as cmd/link sends them, with a
# PATH without ld.gold.
mkdir bin
for t in gcc as ld ld.bfd; do ln -s "$(command -v $t)" "bin/$t"; done
set +e
env PATH="$WORK/bin" LC_ALL=C "$GOLD_LINK" -fuse-ld=gold -Wl,--version > probe.out 2> probe.err
status=$?
set -e
[ "$status" = 1 ] || { cat probe.err; fail "the probe: exit $status, not gcc's 1"; }
grep -qxF "collect2: fatal error: cannot find 'ld'" probe.err || { cat probe.err; fail "gcc's line is not there"; }
check_tail probe.err "gold-link: error: -fuse-ld=gold: gcc cannot find ld.gold: it is not installed, or not on PATH
gold-link: note: install it (Debian: binutils), or pick an installed linker with --linker= (--linker=auto picks one)"
# The same gcc with ld.gold on PATH answers.
env PATH="$WORK/bin:$(dirname "$(command -v ld.gold)")" "$GOLD_LINK" -fuse-ld=gold -Wl,--version 2>&1 \
  | grep -q "GNU gold" || fail "the probe with ld.gold on PATH"
# In a UTF-8 locale gcc quotes 'ld' otherwise; the error is the same.
set +e
env PATH="$WORK/bin" LC_ALL=C.UTF-8 "$GOLD_LINK" -fuse-ld=gold -Wl,--version > /dev/null 2> probe8.err
set -e
check_tail probe8.err "$(tail -n 2 probe.err)"
# Debian's cross gcc looks for ld.lld only in its own directories.
if command -v aarch64-linux-gnu-gcc-12 > /dev/null 2>&1 && command -v ld.lld > /dev/null 2>&1; then
  set +e
  GOARCH=arm64 LC_ALL=C "$GOLD_LINK" --cc=aarch64-linux-gnu-gcc-12 -fuse-ld=lld -Wl,--version > /dev/null 2> cross.err
  status=$?
  set -e
  [ "$status" = 1 ] || { cat cross.err; fail "the cross probe: exit $status"; }
  check_tail cross.err "gold-link: error: -fuse-ld=lld: aarch64-linux-gnu-gcc-12 cannot find ld.lld, although $(command -v ld.lld) is on PATH
gold-link: note: aarch64-linux-gnu-gcc-12 looks for ld.lld only in its own directories: link with --linker=lld instead, which gold-link hands to it by directory (-B)"
else
  note "no aarch64-linux-gnu-gcc-12 or ld.lld: the cross gcc's 'cannot find ld' is not checked"
fi
# clang checks the name itself.
if command -v clang > /dev/null 2>&1; then
  set +e
  "$GOLD_LINK" --cc=clang -fuse-ld=nosuch -Wl,--version > /dev/null 2> clang.err
  status=$?
  set -e
  [ "$status" = 1 ] || { cat clang.err; fail "clang: exit $status"; }
  grep -qxF "clang: error: invalid linker name in argument '-fuse-ld=nosuch'" clang.err || { cat clang.err; fail "clang's line is not there"; }
  check_tail clang.err "gold-link: error: -fuse-ld=nosuch: clang knows no linker named nosuch
gold-link: note: name bfd, gold, lld or mold, or the linker's path; gold-link's --linker= checks the name first (--linker=auto picks an installed one)"
fi
# A link whose linker does not exist never runs: --linker checks first.
expect_bad_exact 2 \
  "gold-link: error: nosuch: no such linker program (from --linker)" \
  "gold-link: note: name bfd, gold, lld, mold, auto, or the path of a linker" \
  "$GOLD_LINK" --linker=nosuch -o out/prog @nolib.rsp
[ -z "$(ls_dir "$WORK/tmp")" ] || fail "staging left behind: $(ls_dir "$WORK/tmp")"
[ -z "$(ls_dir "$WORK/out")" ] || fail "output left behind: $(ls_dir "$WORK/out")"
