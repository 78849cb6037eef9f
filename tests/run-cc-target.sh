#!/bin/sh
# The compiler driver must target go.o's architecture (SPEC "Interfaces",
# issue 5).  Its target is what it prints for -dumpmachine, so that
# CC="gcc -m32", CC="clang --target=..." and a cross gcc are judged by what
# they make, not by their names.
#  - every architecture's go.o (pure Go, no cross toolchain needed): clang
#    --target=<its triplet> is accepted with --cc, another one refused;
#  - --cc and GOLD_LINK_CC for another architecture: a clear error;
#  - CC for another architecture (cmd/go exports its default "gcc" even when
#    GOARCH is another one): the target's cross gcc is used, or, when there
#    is none, a clear error; through go build too;
#  - CC="gcc -m32", x86_64-linux-gnu-gcc and clang -m32 link 386 as given;
#    CC="gcc -m32" links amd64 (cmd/link's -m64 comes after);
#  - a compiler that cannot say its target is used unchecked;
#  - a probe (compile of trivial.c) goes to the target's compiler.
. "$abs_srcdir/tests/lib.sh"
need_cmd go gcc clang readelf aarch64-linux-gnu-gcc-12 qemu-aarch64
echo 'int main(void){return 0;}' > m32.c
gcc -m32 -o m32 m32.c > /dev/null 2>&1 && ./m32 \
  || skip "gcc -m32 cannot link and run a program: install gcc-12-multilib and libc6-i386"
bad_setup

printf 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("pure ok") }\n' > main.go
printf 'module gltest\n\ngo 1.19\n' > go.mod
# gofix ARCH: go.o of ARCH in fix-ARCH/, kept by cmd/link's -tmpdir; no C
# compiler is needed (CGO_ENABLED=0) and /bin/true stands in for the link.
# cmd/go 1.22+ refuses -linkmode=external without cgo, so cmd/link is run
# again by hand, from go build -x, with external linking added.
gofix () {
  mkdir -p "fix-$1"
  GOARCH=$1 CGO_ENABLED=0 go build -work -x -o "fix-$1/a.out" . > "fix-$1.log" 2>&1 \
    || { cat "fix-$1.log" >&2; fail "go build for $1 failed"; }
  gowork=$(sed -n 's/^WORK=//p' "fix-$1.log")
  link=$(grep -E '/link -o ' "fix-$1.log" | tail -n 1 \
    | sed -e 's| -extld=[^ ]*||g' \
	  -e "s| -o | -linkmode=external -tmpdir=$WORK/fix-$1 -extld=/bin/true -o |")
  [ -n "$link" ] || { cat "fix-$1.log" >&2; fail "no link command for $1"; }
  (WORK=$gowork GOARCH=$1 CGO_ENABLED=0; export GOARCH CGO_ENABLED; cd "$WORK" && eval "$link") \
    > "fix-$1.link.log" 2>&1 || true
  rm -rf "$gowork"
  [ -s "fix-$1/go.o" ] || { cat "fix-$1.log" "fix-$1.link.log" >&2; fail "no go.o for $1"; }
}
ok_pure () { grep -qx 'pure ok' "$1"; }

# Every architecture arch/arches.def lists: the CPU part of the triplet
# clang prints is its own (accepted), the next architecture's is refused,
# with the compiler to name instead: gcc where the machine's gcc serves
# it (its triplet, or a CPU of its .multilib_cpus), else its cross gcc.
# (Not those marked .unsupported, whose objects gold-link refuses before
# any compiler is chosen: their own tests show it.)
host=$(gcc -dumpmachine)
arch_field () { sed -n "s/^ *\.$2 = \"\(.*\)\",.*/\1/p" "$abs_srcdir/arch/$1.def"; }
arches=$(for a in $(sed -n 's/^#include "\(.*\)\.def"$/\1/p' "$abs_srcdir/arch/arches.def"); do
  [ -n "$(arch_field "$a" unsupported)" ] || echo "$a"; done)
[ -n "$arches" ] || fail "no architecture in arch/arches.def"
set -- $arches
for a in $arches; do
  shift; next=${1:-${arches%%[!a-z0-9]*}}
  t=$(arch_field "$a" triplet) o=$(arch_field "$next" triplet)
  case "$t $(arch_field "$a" multilib_cpus) " in
    "$host "*|*" ${host%%-*} "*) such=gcc ;;
    *) such=$t-gcc-12 ;;
  esac
  gofix "$a"
  "$GOLD_LINK" --dry-run --cc "clang --target=$t" -o out/x "fix-$a/go.o" \
    > "dry-$a.out" 2> "dry-$a.err" \
    || { cat "dry-$a.err" >&2; fail "$a: clang --target=$t refused"; }
  grep -q "^clang --target=$t " "dry-$a.out" || fail "$a: not linked by clang --target=$t"
  expect_bad_exact 2 \
    "gold-link: error: fix-$a/go.o: $a object, but the compiler 'clang --target=$o' (--cc) targets ${o%%-*}-unknown-${o#*-}" \
    "gold-link: note: name a compiler for $a with --cc, such as $such" \
    "$GOLD_LINK" --cc "clang --target=$o" -o out/x "fix-$a/go.o"
done
# The right CPU for another system.
expect_bad_exact 2 "gold-link: error: fix-amd64/go.o: amd64 object, but the compiler 'clang --target=x86_64-w64-mingw32' (--cc) targets x86_64-w64-windows-gnu" \
  "gold-link: note: name a compiler for amd64 with --cc, such as gcc" \
  "$GOLD_LINK" --cc "clang --target=x86_64-w64-mingw32" -o out/x fix-amd64/go.o
# ARM CPUs as clang spells them with a version.
"$GOLD_LINK" --dry-run --cc "clang --target=armv7a-linux-gnueabihf" -o out/x \
  fix-arm/go.o > /dev/null || fail "arm: armv7a refused"

# --cc and GOLD_LINK_CC for another architecture are refused; a name that
# says the target is judged without a probe.
expect_bad_exact 2 "gold-link: error: fix-arm64/go.o: arm64 object, but the compiler 'gcc' (--cc) targets x86_64-linux-gnu" \
  "gold-link: note: name a compiler for arm64 with --cc, such as aarch64-linux-gnu-gcc-12" \
  "$GOLD_LINK" --cc gcc -o out/x fix-arm64/go.o
expect_bad_exact 2 "gold-link: error: fix-arm64/go.o: arm64 object, but the compiler 'gcc -m32' (GOLD_LINK_CC) targets x86_64-linux-gnu" \
  "gold-link: note: name a compiler for arm64 with GOLD_LINK_CC, such as aarch64-linux-gnu-gcc-12" \
  env GOLD_LINK_CC="gcc -m32" "$GOLD_LINK" -o out/x fix-arm64/go.o
expect_bad_exact 2 "gold-link: error: fix-amd64/go.o: amd64 object, but the compiler 'aarch64-linux-gnu-gcc-12' (--cc) targets aarch64-linux-gnu" \
  "gold-link: note: name a compiler for amd64 with --cc, such as gcc" \
  "$GOLD_LINK" --cc aarch64-linux-gnu-gcc-12 -o out/x fix-amd64/go.o

# CC for another architecture: the cross gcc links, and the program runs.
CC=gcc "$GOLD_LINK" -v -o arm64-cc fix-arm64/go.o > v.log 2>&1 \
  || { cat v.log >&2; fail "CC=gcc with an arm64 go.o"; }
grep -q "CC (gcc) targets x86_64-linux-gnu, not arm64" v.log || fail "no -v line on CC"
grep -q "through aarch64-linux-gnu-gcc-12 (chosen by the target's Debian cross compiler)" v.log \
  || fail "arm64 not linked by the cross gcc"
xemu_setup qemu-aarch64 aarch64-linux-gnu
xrun_ok run.out ok_pure ./arm64-cc || fail "the arm64 program did not run"
# clang --target=, given as CC, is used as it is.
CC="clang --target=aarch64-linux-gnu" "$GOLD_LINK" -v -o arm64-clang \
  fix-arm64/go.o > v.log 2>&1 || { cat v.log >&2; fail "CC=clang --target"; }
grep -q "compiler: clang --target=aarch64-linux-gnu (CC) targets aarch64-unknown-linux-gnu, for arm64" v.log \
  || fail "no -v line on clang's target"
grep -q "through clang (chosen by CC)" v.log || fail "clang --target= was not used"
xrun_ok run.out ok_pure ./arm64-clang || fail "the arm64 program linked by clang did not run"

# Without the cross gcc on PATH: a clear error, with CC and without.
mkdir bin
for t in gcc as ld ld.bfd collect2; do
  p=$(command -v "$t") && ln -s "$p" "bin/$t"
done
install="gold-link: note: install gcc-12-aarch64-linux-gnu (Debian), or name a compiler for arm64 with --cc or CC"
expect_bad_exact 2 "gold-link: error: fix-arm64/go.o: arm64 object, but CC (gcc) targets x86_64-linux-gnu, and neither aarch64-linux-gnu-gcc-12 nor aarch64-linux-gnu-gcc is on PATH" \
  "$install" env PATH="$WORK/bin" CC=gcc "$GOLD_LINK" -o out/x fix-arm64/go.o
expect_bad_exact 2 "gold-link: error: fix-arm64/go.o: arm64 object, but neither aarch64-linux-gnu-gcc-12 nor aarch64-linux-gnu-gcc is on PATH" \
  "$install" env PATH="$WORK/bin" "$GOLD_LINK" -o out/x fix-arm64/go.o
printf 'int x;\n' > trivial.c
expect_bad_exact 2 "gold-link: error: GOARCH=arm64, but CC (gcc) targets x86_64-linux-gnu, and neither aarch64-linux-gnu-gcc-12 nor aarch64-linux-gnu-gcc is on PATH" \
  "$install" env PATH="$WORK/bin" GOARCH=arm64 CC=gcc "$GOLD_LINK" -c trivial.c -o out/t.o

# go build for arm64 without CC: cmd/go exports CC=gcc, GOARCH=arm64.  Only
# Go up to 1.21 links externally without cgo (cmd/go 1.22+ refuses, and
# with cgo it needs a CC for arm64 anyway).
if [ "${GL_GO_MINOR:-0}" -lt 22 ]; then
  GOARCH=arm64 CGO_ENABLED=0 go build -o arm64-go -ldflags="$GL_LDFLAGS" . \
    > build.log 2>&1 || { cat build.log >&2; fail "go build for arm64 through gold-link"; }
  xrun_ok run.out ok_pure ./arm64-go || fail "the arm64 program go build linked did not run"
else
  note "$GL_GO_VERSION links externally only with cgo: no go build for arm64 with cmd/go's CC=gcc"
fi
# A probe goes to the target's compiler: the object is AArch64.
GOARCH=arm64 CC=gcc "$GOLD_LINK" -c trivial.c -o trivial.o
readelf -h trivial.o | grep -q 'Machine: *AArch64' || fail "the probe was not compiled for arm64"

# 386 by the x86_64 compilers, given as they are.
for cc in "gcc -m32" x86_64-linux-gnu-gcc-12 "clang -m32"; do
  command -v "${cc%% *}" > /dev/null 2>&1 || { note "no ${cc%% *}"; continue; }
  CC=$cc "$GOLD_LINK" -v -o i386 fix-386/go.o > v.log 2>&1 \
    || { cat v.log >&2; fail "CC=$cc with a 386 go.o"; }
  grep -q "through ${cc%% *} (chosen by CC)" v.log || fail "CC=$cc was not used for 386"
  case $cc in *-m32) want="$cc " ;; *) want="$cc -m32 " ;; esac
  grep -q "^gold-link: run: $want" v.log || fail "CC=$cc was not used as given"
  (XEMU=; xrun_ok run.out ok_pure ./i386) || fail "the 386 program linked by $cc did not run"
done
# amd64 with CC="gcc -m32": cmd/link's -m64 comes last, as with cmd/link.
CC="gcc -m32" "$GOLD_LINK" -v -o amd64 fix-amd64/go.o > v.log 2>&1 \
  || { cat v.log >&2; fail "CC='gcc -m32' with an amd64 go.o"; }
grep -q "^gold-link: run: gcc -m32 -m64 " v.log || fail "no -m64 after CC's -m32"
./amd64 > run.out 2>&1 && ok_pure run.out || fail "the amd64 program did not run"

# A compiler that cannot say its target: used, unchecked, and -v says so.
cat > nodump << 'EOF'
#!/bin/sh
for a; do [ "$a" = -dumpmachine ] && exit 1; done
exec gcc "$@"
EOF
chmod +x nodump
"$GOLD_LINK" -v --cc "$WORK/nodump" -o amd64-nodump fix-amd64/go.o > v.log 2>&1 \
  || { cat v.log >&2; fail "a compiler without -dumpmachine"; }
grep -q "gave no target: its target is not checked against amd64" v.log \
  || fail "no -v line on an unchecked compiler"
./amd64-nodump > run.out 2>&1 && ok_pure run.out || fail "the nodump program did not run"
exit 0
