#!/bin/sh
# Which linker runs: --linker, GOLD_LINK_LINKER, -fuse-ld= and auto in
# SPEC's order; linkers are identified by their -V text, not their names;
# the limits table refuses what is known to break, and the refusal is right
# (forcing it with --no-linker-check really fails).
. "$abs_srcdir/tests/lib.sh"
need_cmd go gcc readelf ld.bfd
go_module cgoprog
go_objects te -o p0 ./cgoprog

link () {			# link OUT [gold-link options...]
  out=$1; shift
  "$GOLD_LINK" -v "$@" -o "$out" te/go.o te/0*.o -lpthread 2> "$out.log" \
    || { cat "$out.log"; fail "link $out ($*)"; }
  "./$out" | grep -q 'hello from a gold-linked' || fail "$out does not run"
}

installed=""
for l in bfd gold lld mold; do
  case $l in
    bfd) p=ld.bfd ;; gold) p=ld.gold ;; lld) p=ld.lld ;; mold) p=mold ;;
  esac
  command -v "$p" > /dev/null && installed="$installed $l"
done
note "installed linkers:$installed"

# Each by name, through gcc: the output really comes from that linker.
# (mold is refused for an amd64 exe, arch/amd64.def's limit that
# tests/cross.sh proves: named here with --no-linker-check.)
for l in $installed; do
  link "by-$l" --linker="$l" $([ $l != mold ] || echo --no-linker-check)
  [ "$(made_by "by-$l")" = "$l" ] || fail "--linker=$l made by $(made_by "by-$l")"
  grep -q "by --linker=$l" "by-$l.log" || fail "-v does not say --linker=$l"
done

# Precedence: --linker over GOLD_LINK_LINKER over -fuse-ld= over auto.
if command -v ld.gold > /dev/null; then
  GOLD_LINK_LINKER=gold link env-gold
  [ "$(made_by env-gold)" = gold ] || fail "GOLD_LINK_LINKER ignored"
  GOLD_LINK_LINKER=gold link opt-bfd --linker=bfd
  [ "$(made_by opt-bfd)" = bfd ] || fail "--linker does not beat GOLD_LINK_LINKER"
  link fuse-gold -fuse-ld=gold
  [ "$(made_by fuse-gold)" = gold ] || fail "-fuse-ld=gold ignored"
  GOLD_LINK_LINKER=bfd link env-over-fuse -fuse-ld=gold
  [ "$(made_by env-over-fuse)" = bfd ] || fail "GOLD_LINK_LINKER does not beat -fuse-ld="
fi

# A path is identified by what it says it is, whatever its name.
mkdir bin
ln -s "$(command -v ld.bfd)" bin/ld.lld
link by-path --linker="$WORK/bin/ld.lld"
[ "$(made_by by-path)" = bfd ] || fail "a path named ld.lld that is bfd"
grep -q 'GNU ld' by-path.log || fail "-v does not show the version text"

# A name on PATH that is not what it claims is not used.
PATH="$WORK/bin:$PATH" expect_fail_exact 2 \
  "gold-link: error: --linker=lld: no usable lld linker for amd64: $WORK/bin/ld.lld is $(ld.bfd -v), not lld" \
  "gold-link: note: install it, or use --linker=auto to pick an installed one" \
  "$GOLD_LINK" --linker=lld -o x te/go.o te/0*.o -lpthread
printf '#!/bin/sh\necho hello\n' > bin/fake-ld
chmod +x bin/fake-ld
expect_fail_exact 2 "gold-link: error: $WORK/bin/fake-ld: not a linker gold-link knows: 'hello'" \
  "gold-link: note: gold-link drives GNU ld (bfd), gold, lld and mold" \
  "$GOLD_LINK" --linker="$WORK/bin/fake-ld" -o x te/go.o te/0*.o -lpthread
expect_fail_exact 2 "gold-link: error: no-such-ld: no such linker program (from --linker)" \
  "gold-link: note: name bfd, gold, lld, mold, auto, or the path of a linker" \
  "$GOLD_LINK" --linker=no-such-ld -o x te/go.o te/0*.o -lpthread
[ ! -e x ] || fail "an output after a refused linker"

# auto: the fastest installed one known good (mold is not, for an amd64
# exe: arch/amd64.def), and -v says why; with lld hidden from PATH it
# falls back to gold, then bfd.
link auto-default
first=$(echo $installed | awk '{print $NF}')
for l in lld gold bfd; do
  case " $installed " in *" $l "*) first=$l; break ;; esac
done
[ "$(made_by auto-default)" = "$first" ] || fail "auto chose $(made_by auto-default), not $first"
grep -q 'default auto: the fastest installed linker known good for amd64 exe' auto-default.log \
  || { cat auto-default.log; fail "-v does not say why auto chose"; }
case " $installed " in
  *" mold "*) grep -q '; skipped mold: mold 1.10 puts ' auto-default.log \
    || { cat auto-default.log; fail "-v does not say why auto passed mold over"; } ;;
esac
mkdir lean
for t in gcc ld.bfd ld; do ln -s "$(command -v $t)" lean/$t; done
PATH="$WORK/lean" "$GOLD_LINK" -v --linker=auto -o auto-lean te/go.o te/0*.o -lpthread \
  2> auto-lean.log || { cat auto-lean.log; fail "auto with only bfd on PATH"; }
./auto-lean | grep -q 'hello from a gold-linked' || fail "auto-lean does not run"
[ "$(made_by auto-lean)" = bfd ] || fail "auto with only bfd installed"
grep -q 'skipped lld: none of ld.lld is on PATH' auto-lean.log \
  || { cat auto-lean.log; fail "-v does not say what auto skipped"; }

# The limits: gold cannot link a static PIE.  Named, it is refused with the
# reason; auto passes it over; forced, gold really fails, so the entry is
# right.
if command -v ld.gold > /dev/null; then
  printf 'int main(void){return 0;}\n' > c.c
  gcc -c -fPIE c.c
  expect_fail_exact 2 "gold-link: error: --linker=gold: gold cannot link amd64 static-pie: gold has no --no-dynamic-linker, which a static PIE needs" \
    "gold-link: note: use --linker=auto to pick a linker that works here, or --no-linker-check to try it anyway" \
    "$GOLD_LINK" --linker=gold -static-pie -o sp c.o
  [ ! -e sp ] || fail "output after a refusal"
  "$GOLD_LINK" -v --linker=auto -static-pie -o sp c.o 2> sp.log || { cat sp.log; fail "auto static-pie"; }
  ./sp || fail "static-pie from auto does not run"
  if "$GOLD_LINK" --no-linker-check --linker=gold -static-pie -o sp2 c.o 2> forced.log; then
    fail "gold linked a static PIE: the limit in src/linker.c is stale"
  fi
  [ ! -e sp2 ] || fail "output left by the failed forced link"
fi
# --direct: the raw linker runs, with the crt glue gold-link found; the
# compile-only flags cmd/link passes (-m64 -g -O2) are dropped, and an
# option only the compiler driver can honour is refused.
link direct-mold --direct -g -O2
grep -q "run: [^ ]*/\(mold\|ld.lld\|ld.gold\|ld.bfd\|ld\) .*crt1.o" direct-mold.log \
  || { cat direct-mold.log; fail "--direct did not run the linker with crt1.o"; }
expect_fail_exact 2 "gold-link: error: -flto: only the compiler driver knows what this needs at link time" \
  "gold-link: note: link through the compiler driver (without --direct)" \
  "$GOLD_LINK" --direct -flto -o x te/go.o te/0*.o -lpthread
[ ! -e x ] || fail "an output after a refused --direct"
exit 0
