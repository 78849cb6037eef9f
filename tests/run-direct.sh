#!/bin/sh
# gold-link called directly, as build systems do: --buildmode adds the flags
# cmd/link would, the mode is inferred from flags and go.o, --dry-run runs
# nothing, response files work, and the output appears only when complete.
. "$abs_srcdir/tests/lib.sh"
need_cmd go gcc readelf
go_module cgoprog clib
go_objects te -o p0 ./cgoprog
go_objects tc -buildmode=c-shared -o l0.so ./clib

# c-shared from --buildmode alone: the mode flags come from gold-link.
"$GOLD_LINK" -v --buildmode=c-shared -o libdirect.so tc/go.o tc/0*.o -lpthread 2> v.log \
  || { cat v.log; fail "--buildmode=c-shared link failed"; }
grep -q 'run: gcc .*-shared -Wl,-z,nodelete -Wl,-Bsymbolic' v.log || { cat v.log; fail "c-shared flags missing"; }
gcc -o use "$TESTDATA/cdrivers/use.c" -L. -ldirect -Wl,-rpath,"$WORK" && ./use > /dev/null \
  || fail "library from --buildmode=c-shared broken"

# No mode flag at all: the exe go.o says exe.
"$GOLD_LINK" -v -o p1 te/go.o te/0*.o -lpthread 2> v1.log || { cat v1.log; fail "plain link failed"; }
grep -q 'mode: exe (from go.o is position-dependent (exe))' v1.log || fail "exe not inferred"
readelf -h p1 | grep -q 'Type: *EXEC' || fail "not ET_EXEC"
./p1 | grep -q 'hello from a gold-linked' || fail "p1 broken"

# A library go.o with no mode named is refused with a hint.
expect_fail_exact 2 "gold-link: error: no build mode given, and go.o has the library entry (c-shared/c-archive)" \
  "gold-link: note: pass --buildmode=c-shared (or -shared) to link a library" \
  "$GOLD_LINK" -o x tc/go.o tc/0*.o

# --dry-run prints the command and writes nothing.
"$GOLD_LINK" --dry-run -o never te/go.o te/0*.o -lpthread > dry.out
grep -q '^gcc .*-no-pie.* -o never te/go.o' dry.out || { cat dry.out; fail "dry run command"; }
[ ! -e never ] || fail "--dry-run wrote the output"

# Response file with quoting, and an output name with a space.
printf '%s\n' "-o 'with space'" te/go.o te/0*.o '"-lpthread"' > args.rsp
"$GOLD_LINK" @args.rsp || fail "@file link failed"
"./with space" | grep -q hello || fail "output from @file broken"

# -o /dev/null is written in place; the output's directory gets no leftovers.
"$GOLD_LINK" -o /dev/null te/go.o te/0*.o -lpthread || fail "-o /dev/null"
[ -c /dev/null ] || fail "/dev/null replaced"
[ -z "$(ls -A | grep gold-link)" ] || fail "temporary outputs left"

# GOLD_LINK_CC and --cc choose the driver; clang links too.
if command -v clang > /dev/null; then
  GOLD_LINK_CC=clang "$GOLD_LINK" -v -o p2 te/go.o te/0*.o -lpthread 2> v2.log || { cat v2.log; fail "clang link"; }
  grep -q 'through clang (chosen by GOLD_LINK_CC)' v2.log || fail "GOLD_LINK_CC ignored"
  ./p2 | grep -q hello || fail "clang-linked program broken"
fi
