#!/bin/sh
# The TLS checker on hand-assembled objects with LE/IE/other relocations and
# on real go.o files made by cmd/link for every build mode.
. "$abs_srcdir/tests/lib.sh"
need_cmd go as gcc readelf
T="$GOLD_LINK_UNIT/test-tls"

for f in tls-le tls-ie tls-stray tls-two tls-gd; do
  as --64 -I "$TESTDATA/asm" -o $f.o "$TESTDATA/asm/$f.s"
done
"$T" tls-le.o exe ok 2 0
"$T" tls-le.o pie ok 2 0
"$T" tls-le.o c-shared error:"not built for a library mode"
"$T" tls-le.o shared error:"local-exec TLS relocations (R_X86_64_TPOFF32) against runtime.tlsg"
"$T" tls-le.o plugin error:"needs initial-exec"
"$T" tls-le.o c-archive error:"not built for a library mode"
"$T" tls-ie.o c-archive ok 0 3
"$T" tls-ie.o c-shared ok 0 3
"$T" tls-ie.o exe ok 0 3
"$T" tls-stray.o exe error:"TLS relocation (R_X86_64_GOTTPOFF) against 'other_tls'"
"$T" tls-two.o exe error:"second TLS symbol 'second_slot'"
"$T" tls-gd.o exe error:"dynamic-model TLS relocation (R_X86_64_TLSGD)"

# Real objects: cmd/link keeps go.o in -tmpdir.
go_module cgoprog clib plugin
count () { readelf -rW "$1" | grep -c " $2 " || true; }
gobuild () {   # gobuild MODE PKG -> t_MODE/go.o
  mkdir -p "t_$1"
  go build -buildmode="$1" -o "out_$1" \
    -ldflags="-linkmode=external -tmpdir=$WORK/t_$1" "./$2"
}
gobuild exe cgoprog
gobuild pie cgoprog
gobuild c-shared clib
gobuild c-archive clib
gobuild plugin plugin

le=$(count t_exe/go.o R_X86_64_TPOFF32)
[ "$le" -gt 100 ] || fail "expected many TPOFF32 in an exe go.o, got $le"
"$T" t_exe/go.o exe ok "$le" 0
"$T" t_exe/go.o plugin error:"$le local-exec TLS relocations"
"$T" t_exe/go.o c-shared error:"not built for a library mode"
for m in pie c-shared c-archive plugin; do
  ie=$(count t_$m/go.o R_X86_64_GOTTPOFF)
  [ "$ie" -gt 100 ] || fail "expected many GOTTPOFF in a $m go.o, got $ie"
  "$T" t_$m/go.o $m ok 0 "$ie"
done
"$T" t_pie/go.o c-shared error:"not built for a library mode"
