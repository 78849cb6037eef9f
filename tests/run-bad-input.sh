#!/bin/sh
# Bad input: one clear error naming the file, a note, a non-zero exit, and
# no output or temporary file left behind.
. "$abs_srcdir/tests/lib.sh"
need_cmd go gcc
go_module cgoprog
mkdir t
go build -o prog -ldflags="-linkmode=external -tmpdir=$WORK/t" ./cgoprog
mkdir out
check_clean () {
  [ -z "$(ls_dir out)" ] || { ls -la out; fail "$1: left files in the output directory"; }
  left=$(ls -d "${TMPDIR:-/tmp}"/gold-link-* 2>/dev/null | wc -l)
}

# Not ELF at all.
printf 'garbage bytes \001\002\003\000\377' > junk.o
expect_fail 1 "error: junk.o: not an ELF object, archive or linker script" \
  "$GOLD_LINK" -o out/a t/go.o junk.o
grep -q '^gold-link: note: ' .err || fail "no note"
check_clean non-elf

# go.o truncated: at the header, in the middle, before the section headers.
size=$(stat -c %s t/go.o)
for cut in 40 4096 $((size / 2)) $((size - 64)); do
  head -c $cut t/go.o > trunc.o
  expect_fail 1 "error: trunc.o: " "$GOLD_LINK" -o out/a trunc.o t/000000.o
  check_clean "truncated at $cut"
done

# An object for another machine (e_machine patched to EM_AARCH64).
cp t/000000.o arm.o
printf '\267\000' | dd of=arm.o bs=1 seek=18 conv=notrunc 2>/dev/null
expect_fail 1 "error: arm.o: is for arm64, but t/go.o is for amd64" \
  "$GOLD_LINK" -o out/a t/go.o arm.o
check_clean wrong-machine

# An exe go.o linked as a shared library: not built for it, and local-exec
# TLS in a shared object.
expect_fail 1 "error: t/go.o: has no _rt0_amd64_linux_lib: it was not built for a library mode" \
  "$GOLD_LINK" -shared -o out/lib.so t/go.o t/0*.o -lpthread
grep -q 'note: rebuild with go build -buildmode=c-shared' .err || fail "no rebuild note"
check_clean exe-as-c-shared
expect_fail 1 "error: t/go.o: [0-9]* local-exec TLS relocations (R_X86_64_TPOFF32) against runtime.tlsg, but a shared object (plugin) needs initial-exec" \
  "$GOLD_LINK" --buildmode=plugin -o out/lib.so t/go.o t/0*.o -lpthread
grep -q 'note: rebuild with go build -buildmode=plugin' .err || fail "no rebuild note"
check_clean le-in-shared

# Missing input; a directory as input; empty file.
expect_fail 1 "error: missing.o: cannot open: No such file or directory" \
  "$GOLD_LINK" -o out/a t/go.o missing.o
: > empty.o
expect_fail 1 "error: empty.o: is empty" "$GOLD_LINK" -o out/a t/go.o empty.o
expect_fail 1 "error: t: is a directory" "$GOLD_LINK" -o out/a t/go.o t
check_clean missing

# Output directory missing; output is a directory; output equals an input.
expect_fail 1 "error: nodir/a: the output directory nodir does not exist" \
  "$GOLD_LINK" -o nodir/a t/go.o t/0*.o -lpthread
expect_fail 1 "error: out: the output is a directory" \
  "$GOLD_LINK" -o out t/go.o t/0*.o -lpthread
cp t/000000.o same.o
expect_fail 2 "error: same.o: the output is also an input" \
  "$GOLD_LINK" -o same.o t/go.o same.o
cmp same.o t/000000.o || fail "input changed"

# Usage errors exit 2.
expect_fail 2 "error: -shared and -pie conflict" "$GOLD_LINK" -shared -pie -o out/a t/go.o
expect_fail 2 "error: unknown build mode 'bogus'" "$GOLD_LINK" --buildmode=bogus -o out/a t/go.o
expect_fail 2 "error: missing argument to '-o'" "$GOLD_LINK" t/go.o -o
expect_fail 2 "error: --buildmode: missing argument" "$GOLD_LINK" t/go.o --buildmode
# Options gold-link does not know are the driver's, and it says so.
expect_fail 1 "unrecognized command-line option" "$GOLD_LINK" --no-such-option -o out/a t/go.o
check_clean usage

# A linker failure: its status and output come through, nothing is left.
expect_fail 1 "undefined \(reference\|symbol\)" "$GOLD_LINK" -o out/a t/go.o
check_clean link-failure
[ -z "$(ls -A t | grep -v -e '^go.o$' -e '^0.*\.o$' -e trivial.c -e a.out)" ] || fail "files left beside the inputs"

# An output directory that cannot be written: read-only for a user, a
# read-only mount for root (who may write anywhere else).
mkdir ro
if [ "$(id -u)" != 0 ]; then
  chmod a-w ro
elif mount -t tmpfs -o ro,size=64k tmpfs ro 2>/dev/null; then
  trap 'umount "$WORK/ro" 2>/dev/null || true; cleanup_work' EXIT
else
  ro=
  note "cannot make a read-only directory here: unwritable output not tested"
fi
if [ -n "${ro-x}" ]; then
  expect_fail 1 "error: ro/a: cannot create the output in ro: " \
    "$GOLD_LINK" -o ro/a t/go.o t/0*.o -lpthread
  grep -q 'note: check that the directory is writable' .err || fail "no note"
  [ "$(id -u)" != 0 ] || umount ro || true
fi
