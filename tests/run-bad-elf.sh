#!/bin/sh
# Damaged or unsuitable ELF objects: truncated, headers pointing past the
# end, absurd section counts, the wrong ELF type, machine or class, and
# go.o files that break the TLS rules.  gold-link must refuse each before a
# linker sees it (expect_bad, lib.sh).
. "$abs_srcdir/tests/lib.sh"
need_cmd go gcc perl readelf
go_module cgoprog
mkdir t
go build -o prog -ldflags="-linkmode=external -tmpdir=$WORK/t" ./cgoprog
bad_setup
GL=$GOLD_LINK
HOST="t/000000.o"

# go.o truncated: at the header, in the middle, before the section headers.
size=$(stat -c %s t/go.o)
for cut in 40 4096 $((size / 2)) $((size - 64)); do
  head -c $cut t/go.o > trunc.o
  expect_bad 1 "error: trunc.o: " "$GL" -o out/a trunc.o $HOST
done

# An object for another machine (e_machine patched to EM_AARCH64).
cp t/000000.o arm.o
printf '\267\000' | dd of=arm.o bs=1 seek=18 conv=notrunc 2>/dev/null
expect_bad 1 "error: arm.o: is for arm64, but t/go.o is for amd64" \
  "$GL" -o out/a t/go.o arm.o

# An exe go.o linked as a shared library: not built for it, and local-exec
# TLS in a shared object.
expect_bad 1 "error: t/go.o: has no _rt0_amd64_linux_lib: it was not built for a library mode" \
  "$GL" -shared -o out/lib.so t/go.o t/0*.o -lpthread
grep -q 'note: rebuild with go build -buildmode=c-shared' .err || fail "no rebuild note"
expect_bad 1 "error: t/go.o: [0-9]* local-exec TLS relocations (R_X86_64_TPOFF32) against runtime.tlsg, but a shared object (plugin) needs initial-exec" \
  "$GL" --buildmode=plugin -o out/lib.so t/go.o t/0*.o -lpthread
grep -q 'note: rebuild with go build -buildmode=plugin' .err || fail "no rebuild note"
