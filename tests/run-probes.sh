#!/bin/sh
# cmd/link's probes (compile trivial.c with one extra flag) get exactly the
# compiler driver's answers; a wrong yes or no changes the link silently.
. "$abs_srcdir/tests/lib.sh"
need_cmd gcc
echo 'int main() { return 0; }' > trivial.c
answer () {   # answer DRIVER FLAG -> "yes" or "no", as cmd/link decides
  rm -f a.out
  out=$(LC_ALL=C "$@" trivial.c 2>&1) && ! printf '%s' "$out" | grep -q -e unrecognized -e unknown \
    && echo yes || echo no
}
for flag in -no-pie -nopie -Qunused-arguments -Wl,--compress-debug-sections=zlib \
            -Wl,--build-id=0x1234567890abcdef -Wl,--bogus-flag -fno-such-flag -static-pie; do
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
