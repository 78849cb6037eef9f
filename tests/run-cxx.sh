#!/bin/sh
# C++ host objects (issue 13).  cmd/go links a program whose cgo packages
# have C++ files through CXX (g++ by default), but only without -extld;
# with -extld=gold-link, gold-link reads the host objects' symbol tables
# and links through the C++ driver of the compiler's family:
#  - a C++ cgo package (std::string, std::vector, an exception thrown and
#    caught, a global constructor, thread_local, std::thread): go build and
#    go test through gold-link with gcc (CXX unset: cmd/go exports g++)
#    and with clang (CXX=clang++, and CXX unset: then not g++ but
#    clang++); -v says the driver and why (the object and the symbol);
#  - --direct: the raw linker gets -lstdc++ -lm, as g++ adds them;
#  - no C++ driver: the error names the object and the symbol (PATH
#    without g++, a --cc whose C++ driver does not exist, musl-gcc), or
#    the C driver links when the command names -lstdc++;
#  - C++ only inside a -l library, which gold-link does not read: the
#    link fails, the linker's messages stay whole, and gold-link's error
#    after them names the C++ runtime symbols and what to do;
#  - C++ in an archive named on the command line: its symbol index tells.
. "$abs_srcdir/tests/lib.sh"
need_cmd go gcc g++ clang clang++ readelf nm
unset CXX
bad_setup
go_module cxxprog cxxlib

# What the C++ program prints when the C++ runtime works.
cp "$TESTDATA/cxxprog.out" want.out
# ran PROG: it prints want.out and needs the C++ runtime.
ran () {
  ./"$1" > "$1.out" 2>&1 || { cat "$1.out"; fail "$1 failed"; }
  diff want.out "$1.out" || fail "$1 printed something else"
  readelf -d "$1" | grep -q 'NEEDED.*libstdc++' || fail "$1 does not need libstdc++"
}
# has LOG LINE: the -v line LINE (whole) is in LOG.
has () { grep -qxF -- "$2" "$1" || { cat "$1"; fail "no line '$2' in $1"; }; }
# tested LOG: go test's verdict on the package is ok.
tested () { grep -q '^ok[[:space:]]*gltest/cxxprog/cxx' "$1" || { cat "$1"; fail "go test failed: $1"; }; }
personality="references __gxx_personality_v0 (the C++ exception personality routine)"

# gcc, CXX unset: cmd/go compiled cxx.cc with its default CXX, g++, and
# exports it to the link; it is gcc's C++ driver.
go build -o prog-gcc -ldflags="$GL_LDFLAGS -extldflags=-v" ./cxxprog > gcc.log 2>&1 \
  || { cat gcc.log; fail "go build with gcc failed"; }
grep -q "^gold-link: C++ runtime: needed: .*/0000[0-9]*\.o $personality and [0-9]* more C++ runtime symbols$" gcc.log \
  || { cat gcc.log; fail "-v does not say which object needs the C++ runtime, and why"; }
has gcc.log "gold-link: compiler: g++ (CXX, the compiler's C++ driver) instead of gcc: it links the C++ runtime"
grep -q "^gold-link: linker: .* through g++ (chosen by CXX, the compiler's C++ driver)" gcc.log \
  || fail "the linker line does not name g++"
grep -q "^gold-link: run: g++ " gcc.log || fail "g++ did not run the link"
ran prog-gcc
go test -count=1 -ldflags="$GL_LDFLAGS" ./cxxprog/cxx > gcc-test.log 2>&1 || true
tested gcc-test.log

# clang with CXX=clang++: CXX is clang's C++ driver.
CC=clang CXX=clang++ go build -o prog-clang -ldflags="$GL_LDFLAGS -extldflags=-v" ./cxxprog \
  > clang.log 2>&1 || { cat clang.log; fail "go build with clang failed"; }
has clang.log "gold-link: compiler: clang++ (CXX, the compiler's C++ driver) instead of clang: it links the C++ runtime"
grep -q "^gold-link: run: clang++ " clang.log || fail "clang++ did not run the link"
readelf -p .comment prog-clang | grep -q 'clang version' || fail "prog-clang has no clang code"
ran prog-clang
CC=clang CXX=clang++ go test -count=1 -ldflags="$GL_LDFLAGS" ./cxxprog/cxx > clang-test.log 2>&1 || true
tested clang-test.log
# CC=clang alone: cmd/go exports its default CXX, g++, which is not
# clang's: clang++ links.
CC=clang go build -o prog-clang2 -ldflags="$GL_LDFLAGS -extldflags=-v" ./cxxprog \
  > clang2.log 2>&1 || { cat clang2.log; fail "go build with CC=clang failed"; }
has clang2.log "gold-link: compiler: CXX (g++) is not clang++, the C++ driver of clang: not linking through it"
has clang2.log "gold-link: compiler: clang++ (CC's C++ driver) instead of clang: it links the C++ runtime"
ran prog-clang2
# --cc names the family; CXX of another family is passed over.
CXX=g++ go build -o prog-cc -ldflags="$GL_LDFLAGS '-extldflags=-v --cc=clang-14'" ./cxxprog \
  > cc.log 2>&1 || { cat cc.log; fail "go build with --cc=clang-14 failed"; }
has cc.log "gold-link: compiler: clang++-14 (--cc's C++ driver) instead of clang-14: it links the C++ runtime"
ran prog-cc

# cmd/link's command for the C++ program, replayed below (the objects
# copied to cxx.d).  The object from cxx.cc is the one defining cxx_join.
write_recorder rec
REC=$WORK/cxx.rsp go build -o prog-rec -ldflags="-linkmode=external -extld=$WORK/rec" ./cxxprog \
  > rec.log 2>&1 || { cat rec.log; fail "go build through the recorder failed"; }
cxxobj=
for o in "$WORK"/cxx.d/0*.o; do
  nm --defined-only "$o" | grep -q ' T cxx_join$' && cxxobj=$o
done
[ -n "$cxxobj" ] || fail "no host object defines cxx_join"
"$GOLD_LINK" --dry-run -o out/x @cxx.rsp | grep -q '^g++ ' || fail "--dry-run does not show g++"
# --direct: the raw linker gets the C++ runtime and libm from gold-link,
# with every linker (mold forced: the limit it has here is about Go's
# build ID, not what this checks).
for ld in bfd gold lld mold; do
  "$GOLD_LINK" --direct --linker=$ld --no-linker-check -o prog-direct-$ld @cxx.rsp > direct-$ld.log 2>&1 \
    || { cat direct-$ld.log; fail "--direct --linker=$ld failed"; }
  ran prog-direct-$ld
done
# No C++ driver.  PATH without g++: gcc is there, g++ is not.
mkdir bin
for t in gcc as ld ld.bfd; do ln -s "$(command -v $t)" "bin/$t"; done
expect_bad_exact 2 \
  "gold-link: error: $cxxobj: C++ code (it references __gxx_personality_v0), but g++, the C++ driver of gcc, is not on PATH" \
  "gold-link: note: install g++, or name another C++ driver with --cc, or add -lstdc++ to the link" \
  env PATH="$WORK/bin" "$GOLD_LINK" -o out/prog @cxx.rsp
# ... and the command names -lstdc++: gcc links it (with ld.bfd, all there
# is on that PATH), and -v says why.
env PATH="$WORK/bin" "$GOLD_LINK" -v -o prog-lstdcxx @cxx.rsp -lstdc++ > lstdcxx.log 2>&1 \
  || { cat lstdcxx.log; fail "gcc with -lstdc++ did not link"; }
has lstdcxx.log "gold-link: compiler: g++, the C++ driver of gcc, is not there; the command names -lstdc++: linking through gcc"
ran prog-lstdcxx
# --cc naming a compiler whose C++ driver does not exist beside it.
mkdir tc
ln -s "$(command -v gcc-12)" tc/gcc-12
expect_bad_exact 2 \
  "gold-link: error: $cxxobj: C++ code (it references __gxx_personality_v0), but $WORK/tc/g++-12, the C++ driver of $WORK/tc/gcc-12, does not exist" \
  "gold-link: note: name a C++ driver with --cc, or add -lstdc++ to the link" \
  "$GOLD_LINK" --cc "$WORK/tc/gcc-12" -o out/prog @cxx.rsp
# musl-gcc: Debian's musl has no C++ driver or runtime.
if command -v musl-gcc > /dev/null 2>&1; then
  expect_bad_exact 2 \
    "gold-link: error: $cxxobj: C++ code (it references __gxx_personality_v0), but musl-g++, the C++ driver of musl-gcc, is not on PATH" \
    "gold-link: note: Debian's musl-tools has no C++ driver or C++ runtime for musl: name a musl C++ toolchain with --cc, or link for glibc (--cc=g++)" \
    "$GOLD_LINK" --cc musl-gcc -o out/prog @cxx.rsp
else
  note "musl-gcc is not installed: its refusal is not checked"
fi

# C++ only inside a -l library (libhello.a: operator new and delete):
# gold-link does not read -l libraries, gcc links, and the link fails.
g++ -c -O2 -fPIC -o hello.o cxxlib/lib/hello.cc
g++ -c -O2 -fPIC -o hello_eh.o cxxlib/lib/hello_eh.cc
ar rcs cxxlib/lib/libhello.a hello.o
ar rcs cxxlib/lib/libhelloeh.a hello.o hello_eh.o
REC=$WORK/lib.rsp CGO_LDFLAGS="-L$WORK/cxxlib/lib -lhello" \
  go build -o prog-lib -ldflags="-linkmode=external -extld=$WORK/rec" ./cxxlib > lib.log 2>&1 \
  && fail "a C++ -l library linked through gcc"
# Through go build, gold-link's error ends what cmd/link shows.
grep -q "^gold-link: error: .*: undefined C++ runtime symbols: 'operator delete(void\*, unsigned long)' and 'operator new(unsigned long)': gcc does not link the C++ runtime$" lib.log \
  || { cat lib.log; fail "go build does not show gold-link's C++ error"; }
# Replayed with bfd: the linker's own lines first, whole (the same as
# running the kept command by hand), then the error and the note.
set +e
TMPDIR=$WORK/tmp "$GOLD_LINK" --linker=bfd --keep-temps -o out/prog-lib @lib.rsp > lib.out 2> lib.err
status=$?
set -e
[ "$status" = 1 ] || { cat lib.err; fail "exit $status, not the linker's 1"; }
[ ! -e out/prog-lib ] || fail "a failed link left its output"
kept=$(sed -n 's/^gold-link: kept the staging directory //p' lib.err)
[ -n "$kept" ] && [ -s "$kept/link.rsp" ] || { cat lib.err; fail "no kept command"; }
n=$(wc -l < lib.err)
head -n $((n - 3)) lib.err > linker.err
set +e
gcc @"$kept/link.rsp" > /dev/null 2> by-hand.err
set -e
[ -s by-hand.err ] || fail "the kept command linked by hand"
grep -q "undefined reference to \`operator new(unsigned long)'" linker.err \
  || { cat lib.err; fail "the linker's message is not there"; }
cmp linker.err by-hand.err || { diff linker.err by-hand.err >&2; fail "the linker's messages did not pass whole"; }
[ "$(tail -n 3 lib.err | head -n 2)" = "gold-link: error: out/prog-lib: undefined C++ runtime symbols: 'operator delete(void*, unsigned long)' and 'operator new(unsigned long)': gcc does not link the C++ runtime
gold-link: note: link through a C++ driver, such as --cc=g++, or add -lstdc++ to the link" ] \
  || { cat lib.err; fail "not gold-link's C++ error and note after the linker's lines"; }
rm -rf "$kept"
# The note is right: --cc=g++ links it, and it runs.
"$GOLD_LINK" --cc=g++ -o prog-lib @lib.rsp || fail "--cc=g++ did not link the -l library"
./prog-lib | grep -qx 'hello from a C++ library: 42' || fail "prog-lib did not run"
# With lld and mold too, the error names the symbols.
for ld in lld mold; do
  command -v "ld.$ld" > /dev/null 2>&1 || command -v "$ld" > /dev/null 2>&1 || continue
  set +e
  "$GOLD_LINK" --linker=$ld --no-linker-check -o out/prog-lib @lib.rsp > /dev/null 2> $ld.err
  set -e
  grep -qx "gold-link: error: out/prog-lib: undefined C++ runtime symbols: 'operator delete(void\*, unsigned long)' and 'operator new(unsigned long)': gcc does not link the C++ runtime" $ld.err \
    || { cat $ld.err; fail "$ld: no C++ error"; }
done

# C++ in an archive named on the command line: its symbol index (no member
# is read) shows C++ with exceptions, and g++ links.
CGO_LDFLAGS="$WORK/cxxlib/lib/libhelloeh.a" \
  go build -o prog-ar -ldflags="$GL_LDFLAGS -extldflags=-v" ./cxxlib > ar.log 2>&1 \
  || { cat ar.log; fail "a C++ archive operand did not link"; }
has ar.log "gold-link: C++ runtime: needed: $WORK/cxxlib/lib/libhelloeh.a(hello_eh.o) defines DW.ref.__gxx_personality_v0, as C++ code built against the C++ runtime does"
./prog-ar | grep -qx 'hello from a C++ library: 42' || fail "prog-ar did not run"
# A C program: its objects are read, and nothing needs the C++ runtime.
go_module cgoprog
go build -o prog-c -ldflags="$GL_LDFLAGS -extldflags=-v" ./cgoprog > c.log 2>&1 \
  || { cat c.log; fail "go build of a C program failed"; }
grep -q "^gold-link: C++ runtime: not needed: no C++ runtime symbol in the symbol tables of [1-9][0-9]* objects and the indexes of 0 archives$" c.log \
  || { cat c.log; fail "-v does not say the C program needs no C++ runtime"; }
grep -q "^gold-link: run: gcc " c.log || fail "the C program was not linked by gcc"
