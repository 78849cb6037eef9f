#!/bin/sh
# A c-shared library linked through gold-link: exactly one Go init entry,
# static TLS flagged, usable linked directly and through dlopen.
. "$abs_srcdir/tests/lib.sh"
need_cmd go gcc readelf
go_module clib
go build -buildmode=c-shared -o libgo.so -ldflags="$GL_LDFLAGS -extldflags=-v" ./clib > build.log 2>&1 \
  || { cat build.log; fail "go build failed"; }
grep -q '^gold-link: mode: c-shared (from -shared)' build.log || { cat build.log; fail "gold-link did not link it"; }
grep -q '^gold-link: glue: go.o has 1 .init_array entry for _rt0_amd64_linux_lib' build.log || fail "init entry not found in go.o"
readelf -h libgo.so | grep -q 'Type: *DYN' || fail "not ET_DYN"
readelf -d libgo.so | grep -q 'STATIC_TLS' || fail "no DF_STATIC_TLS"
readelf -d libgo.so | grep -q 'NODELETE' || fail "no -z nodelete"
! readelf -d libgo.so | grep -q TEXTREL || fail "has TEXTREL"
readelf --dyn-syms -W libgo.so | grep -q ' GoAdd$' || fail "GoAdd not exported"
# crtbeginS's frame_dummy and the Go entry: two pointers.
sz=$(readelf -d libgo.so | awk '/INIT_ARRAYSZ/ {print $3}')
[ "$sz" = 16 ] || fail "INIT_ARRAYSZ is $sz, want 16 (one Go entry)"

gcc -o use "$TESTDATA/cdrivers/use.c" -L. -lgo -Wl,-rpath,"$WORK"
./use | grep -q 'GoAdd(40, 2) = 42, GoUpper = GOLD-LINK' || fail "direct link broken"
gcc -o dl "$TESTDATA/cdrivers/dl.c" -ldl
./dl "$WORK/libgo.so" | grep -q 'dlopen GoAdd(1, 2) = 3' || fail "dlopen broken"
