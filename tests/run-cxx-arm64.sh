#!/bin/sh
# C++ host objects for another architecture (issue 13): arm64 with
# Debian's cross g++, the programs run under qemu-user.
#  - CC and CXX the cross gcc and g++, as a cross build of C++ needs:
#    CXX is the cross gcc's C++ driver, and links;
#  - go test of the C++ package, run under qemu;
#  - cmd/link's command again with what cmd/go exports when neither is
#    set (CC=gcc, CXX=g++, both for this machine): gcc is passed over for
#    the target's cross gcc, and g++, not its family, for its C++ driver.
. "$abs_srcdir/tests/lib.sh"
need_cmd go readelf aarch64-linux-gnu-gcc-12
command -v aarch64-linux-gnu-g++-12 > /dev/null 2>&1 \
  || skip "no aarch64-linux-gnu-g++-12: install g++-12-aarch64-linux-gnu (tools/install-deps.sh)"
xemu_setup qemu-aarch64 aarch64-linux-gnu
unset CXX
go_module cxxprog
GOARCH=arm64
export GOARCH

# What the C++ program prints when the C++ runtime works.
cp "$TESTDATA/cxxprog.out" want.out
same () { diff want.out "$1"; }
has () { grep -qxF -- "$2" "$1" || { cat "$1"; fail "no line '$2' in $1"; }; }

write_recorder rec
CC=aarch64-linux-gnu-gcc-12 CXX=aarch64-linux-gnu-g++-12 REC=$WORK/cxx.rsp \
  go build -o prog -ldflags="-linkmode=external -extld=$WORK/rec -extldflags=-v" ./cxxprog \
  > build.log 2>&1 || { cat build.log; fail "go build for arm64 failed"; }
has build.log "gold-link: compiler: aarch64-linux-gnu-g++-12 (CXX, the compiler's C++ driver) instead of aarch64-linux-gnu-gcc-12: it links the C++ runtime"
readelf -h prog | grep -q 'Machine: *AArch64' || fail "not an arm64 program"
xrun_ok run.out same ./prog || { cat run.out; fail "the arm64 C++ program did not run"; }

CC=aarch64-linux-gnu-gcc-12 CXX=aarch64-linux-gnu-g++-12 \
  go test -count=1 -exec "$XEMU" -ldflags="$GL_LDFLAGS" ./cxxprog/cxx > test.log 2>&1 || true
grep -q '^ok[[:space:]]*gltest/cxxprog/cxx' test.log || { cat test.log; fail "go test for arm64 failed"; }

CC=gcc CXX=g++ "$GOLD_LINK" -v -o prog2 @cxx.rsp > relink.log 2>&1 \
  || { cat relink.log; fail "relinking with CC=gcc CXX=g++ failed"; }
has relink.log "gold-link: compiler: CC (gcc) targets x86_64-linux-gnu, not arm64: looking for arm64's compiler"
has relink.log "gold-link: compiler: CXX (g++) is not aarch64-linux-gnu-g++-12, the C++ driver of aarch64-linux-gnu-gcc-12: not linking through it"
has relink.log "gold-link: compiler: aarch64-linux-gnu-g++-12 (the C++ driver of the target's Debian cross compiler) instead of aarch64-linux-gnu-gcc-12: it links the C++ runtime"
xrun_ok run2.out same ./prog2 || { cat run2.out; fail "the relinked arm64 program did not run"; }
