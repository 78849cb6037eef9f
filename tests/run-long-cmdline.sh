#!/bin/sh
# Long command lines.  gold-link reads @file (nested) and, when the command
# it runs would be too long for execve (ARG_MAX in total, 128 KiB for one
# argument, or gcc's COLLECT_GCC_OPTIONS), writes a response file; it also
# retries with one when the kernel says E2BIG.  Every argument is quoted so
# that gcc, ld.bfd, gold, lld and mold read it back exactly.
. "$abs_srcdir/tests/lib.sh"
need_cmd go gcc awk readelf nm
go_module cgoprog
mkdir out
go_objects t -o prog ./cgoprog
export TMPDIR="$WORK/tmp"
mkdir "$TMPDIR"
no_staging_left () {
  [ -z "$(ls_dir "$TMPDIR")" ] || fail "$1: staging left: $(ls_dir "$TMPDIR")"
}

# The linkers installed; the big links use the quickest of them.
linkers=
for l in bfd gold lld mold; do
  case $l in bfd|gold|lld) p=ld.$l ;; mold) p=mold ;; esac
  command -v $p > /dev/null 2>&1 && linkers="$linkers $l"
done
heavy=bfd
case " $linkers " in *" lld "*) heavy=lld ;; esac
note "linkers:$linkers; the 300 000-argument links use $heavy"
# mold is refused for an amd64 exe (Go's build ID, arch/amd64.def): these
# links, about the command line, name it with --no-linker-check.
forced () { [ "$1" != mold ] || echo --no-linker-check; }

# A host object with only a local symbol (it may be named any number of
# times), and a library found only through the last of many -L options.
echo 'static int unused_local (void) { return 1; }' > e.c
echo 'int glx_marker (void) { return 42; }' > glx.c
gcc -c e.c glx.c
mkdir libdir
ar rc libdir/libglx.a glx.o

# 300 000 arguments of the kinds build systems pass: 100 000 objects,
# 50 000 -L, 149 980 -Wl, and 20 -l, one per line, in a response file
# named from another.
awk 'BEGIN {
  for (i = 0; i < 100000; i++) print "e.o"
  for (i = 0; i < 49999; i++) printf "\"-L/nonexistent/dir %d\"\n", i
  print "-Llibdir"
  n = split("-Wl,-z,relro -Wl,-z,now -Wl,-O1 -Wl,--sort-common -Wl,--hash-style=gnu -Wl,--build-id", w, " ")
  for (i = 0; i < 149979; i++) print w[i % n + 1]
  print "-Wl,-u,glx_marker"; print "-lglx"
  for (i = 0; i < 19; i++) print i % 2 ? "-lm" : "-lpthread"
}' > many.rsp
[ "$(wc -l < many.rsp)" = 300000 ] || fail "many.rsp: $(wc -l < many.rsp) arguments"
echo 't/go.o t/0*.o @many.rsp' > outer.rsp
sed -i "s|t/0\*\.o|$(echo t/0*.o)|" outer.rsp

check_prog () {
  ./out/prog | grep -q 'hello from a gold-linked cgo program' \
    || fail "$1: the program does not run"
  nm out/prog | grep -q ' T glx_marker$' \
    || fail "$1: libglx.a, found by the last -L, was not linked"
  rm -f out/prog
  no_staging_left "$1"
}

# Through gcc: the -L options would overflow COLLECT_GCC_OPTIONS, so they
# go to the linker; the rest reaches gcc in a response file.
"$GOLD_LINK" -v --linker=$heavy -o out/prog @outer.rsp 2> many-gcc.log \
  || { tail -5 many-gcc.log; fail "300 000 arguments through gcc"; }
grep -q 'response file: 50000 -L options given to the linker' many-gcc.log \
  || fail "the -L options were not moved"
check_prog "300 000 arguments through gcc"

# 5 000 -L options fit execve, but not gcc's COLLECT_GCC_OPTIONS.
awk 'BEGIN { for (i = 0; i < 4999; i++) printf "-L/nonexistent/directory/%d\n", i
  print "-Llibdir"; print "-Wl,-u,glx_marker"; print "-lglx" }' > many-l.rsp
"$GOLD_LINK" -v -o out/prog t/go.o t/0*.o -lpthread $(cat many-l.rsp) 2> many-l.log \
  || { tail -5 many-l.log; fail "5 000 -L options"; }
grep -q 'response file: .*COLLECT_GCC_OPTIONS' many-l.log \
  || fail "no response file for COLLECT_GCC_OPTIONS: $(grep 'response file' many-l.log)"
check_prog "5 000 -L options"

# Loose host objects: 100 000 of them in the response file.
"$GOLD_LINK" --no-stage --linker=$heavy -o out/prog @outer.rsp
check_prog "300 000 arguments, loose objects"

# The linker run directly reads the response file itself.
"$GOLD_LINK" -v --direct --linker=$heavy -o out/prog @outer.rsp 2> many-direct.log
grep -q 'response file: the arguments and environment exceed' many-direct.log \
  || fail "direct: no response file: $(grep 'response file' many-direct.log)"
check_prog "300 000 arguments, direct"

# A limit set too high: the kernel refuses, and gold-link retries.
GOLD_LINK_ARG_MAX=1000000000000 "$GOLD_LINK" -v --direct --linker=$heavy \
  -o out/prog @outer.rsp 2> retry.log
grep -q 'response file: the kernel refused the command (E2BIG)' retry.log \
  || fail "no retry after E2BIG: $(grep 'response file' retry.log)"
check_prog "E2BIG retry"
# ... and without --direct, through gcc.
sed '/nonexistent/d' many.rsp > few-l.rsp
echo "t/go.o $(echo t/0*.o) @few-l.rsp" > outer-few-l.rsp
GOLD_LINK_ARG_MAX=1000000000000 "$GOLD_LINK" -v --linker=$heavy \
  -o out/prog @outer-few-l.rsp 2> retry-gcc.log
grep -q 'response file: the kernel refused the command (E2BIG)' retry-gcc.log \
  || fail "gcc: no retry after E2BIG: $(grep 'response file' retry-gcc.log)"
check_prog "E2BIG retry through gcc"

# One argument of 200 KiB, over the kernel's 128 KiB for one string: a
# run path of 12 000 directories, with every linker, through gcc and direct.
rpath=$(awk 'BEGIN { for (i = 0; i < 12000; i++) printf "%s/nonexistent/d%06d", i ? ":" : "", i }')
[ ${#rpath} -ge 204800 ] || fail "the run path is only ${#rpath} bytes"
# gold-link itself can only be given it in a response file.
echo "-Wl,-rpath,$rpath" > long-arg.rsp
for l in $linkers; do
  for how in "" --direct; do
    "$GOLD_LINK" -v $how --linker=$l $(forced $l) -o out/prog t/go.o t/0*.o -lpthread \
      @long-arg.rsp 2> long-arg.log \
      || { tail -5 long-arg.log; fail "$l $how: one 200 KiB argument"; }
    grep -q 'response file: an argument is longer than the kernel takes' \
      long-arg.log || fail "$l $how: no response file for a 200 KiB argument"
    ./out/prog | grep -q hello || fail "$l $how: the program does not run"
    readelf -d out/prog | grep -q "nonexistent/d011999\]" \
      || fail "$l $how: the run path did not reach the linker whole"
    rm out/prog
    no_staging_left "$l $how: one 200 KiB argument"
  done
done

# Quoting: --response-file forces one; paths with spaces, both quotes, a
# backslash and non-ASCII must reach every linker unchanged.
odd="od d'q\"b\\s é"
mkdir "$odd"
cp t/000000.o "$odd/host one.o"
hosts=$(ls t/0*.o | grep -v 000000.o)
for l in $linkers; do
  for how in "" --direct; do
    rm -rf "$odd/out"; mkdir "$odd/out"
    "$GOLD_LINK" -v --response-file $how --linker=$l $(forced $l) -o "$odd/out/pro g" \
      t/go.o "$odd/host one.o" $hosts -lpthread 2> odd.log \
      || { tail -5 odd.log; fail "$l $how: odd paths in a response file"; }
    grep -q 'response file: --response-file' odd.log \
      || fail "$l $how: --response-file used none"
    "$odd/out/pro g" | grep -q hello || fail "$l $how: the program does not run"
    no_staging_left "$l $how: --response-file"
  done
done
