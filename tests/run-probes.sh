#!/bin/sh
# cmd/link's probes (compile trivial.c with one extra flag; Go 1.19 to
# 1.27) get exactly the compiler driver's answers; a wrong yes or no
# changes the link silently.
. "$abs_srcdir/tests/lib.sh"
need_cmd gcc
echo 'int main() { return 0; }' > trivial.c
answer () {   # answer DRIVER FLAG -> "yes" or "no", as cmd/link decides
  rm -f a.out
  out=$(LC_ALL=C "$@" trivial.c 2>&1) && ! printf '%s' "$out" | grep -q -e unrecognized -e unknown \
    && echo yes || echo no
}
for flag in -no-pie -nopie -Qunused-arguments -Wl,--compress-debug-sections=zlib \
            -Wl,--build-id=0x1234567890abcdef -Wl,--export-dynamic-symbol=main -Wl,--bogus-flag -fno-such-flag -static-pie; do
  want=$(answer gcc -m64 $flag)
  got=$(answer "$GOLD_LINK" -m64 $flag)
  note "probe $flag: gcc $want, gold-link $got"
  [ "$want" = "$got" ] || fail "probe $flag answered $got, gcc answers $want"
done
[ "$(answer "$GOLD_LINK" -m64 -no-pie)" = yes ] || fail "-no-pie must be supported"
[ -x a.out ] || fail "the probe left no a.out (gcc does)"
# The arm/arm64 gold check: -fuse-ld=gold -Wl,--version must say GNU gold.
"$GOLD_LINK" -fuse-ld=gold -Wl,--version > gold.out 2>&1 || fail "gold version check failed"
grep -q 'GNU gold' gold.out || fail "gold version check does not print GNU gold"
# clang's answers come from clang.
if command -v clang > /dev/null; then
  [ "$(answer "$GOLD_LINK" --cc=clang -m64 -Qunused-arguments)" = yes ] \
    || fail "-Qunused-arguments is clang's: --cc=clang must say yes"
fi
# cmd/go exports CC; CC=gold-link must not make gold-link run itself.
CC="$GOLD_LINK" "$GOLD_LINK" -m64 trivial.c -o t2 || fail "CC=gold-link recursed or failed"
[ -x t2 ] || fail "no output"

# cmd/link 1.21+ probes with -o and absolute paths, and probes the
# response file with an empty @file before it writes one.
mkdir probe
: > probe/response
[ "$(answer "$GOLD_LINK" -m64 -o "$WORK/probe/a.out" "@$WORK/probe/response")" = yes ] \
  || fail "the @file probe was answered no"
[ -x probe/a.out ] || fail "the -o probe wrote no probe/a.out"
# The arm64 gold rule of newer Go: "-Wl,--version" must show GNU ld's line
# as gcc does (>= 2.36: no gold forced).
want=$(gcc -Wl,--version 2>&1 | grep '^GNU ld ') || true
got=$("$GOLD_LINK" -Wl,--version 2>&1 | grep '^GNU ld ') || true
[ "$got" = "$want" ] || fail "-Wl,--version: '$got', gcc says '$want'"
# cmd/link 1.23+ with no -extar: the probe, then the query, whose whole
# output (stdout and stderr) it runs as ar.
[ "$(answer "$GOLD_LINK" -m64 -o "$WORK/probe/b.out" --print-prog-name=ar)" = yes ] \
  || fail "the --print-prog-name=ar probe was answered no"
ar=$("$GOLD_LINK" -m64 --print-prog-name ar 2>&1) || fail "--print-prog-name ar failed"
[ "$ar" = "$(dirname "$(readlink -f "$GOLD_LINK")")/gold-link-ar" ] \
  || fail "--print-prog-name ar answered '$ar', not gold-link-ar beside gold-link"
"$ar" t /dev/null 2>&1 | grep -q 'gold-link-ar: error:' || fail "the answer is not gold-link-ar"
# Other tools are the driver's answer.
[ "$("$GOLD_LINK" -print-prog-name=ld)" = "$(gcc -print-prog-name=ld)" ] \
  || fail "-print-prog-name=ld is not gcc's answer"
