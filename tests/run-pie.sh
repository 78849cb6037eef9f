#!/bin/sh
# A PIE linked through gold-link: ET_DYN with PT_INTERP and no TEXTREL.
. "$abs_srcdir/tests/lib.sh"
need_cmd go gcc readelf
go_module cgoprog
go build -buildmode=pie -o prog -ldflags="$GL_LDFLAGS -extldflags=-v" ./cgoprog > build.log 2>&1 \
  || { cat build.log; fail "go build failed"; }
grep -q '^gold-link: mode: pie (from -pie)' build.log || { cat build.log; fail "gold-link did not link it"; }
grep -q 'initial-exec' build.log || fail "TLS model not reported"
readelf -h prog | grep -q 'Type: *DYN' || fail "not ET_DYN"
readelf -l prog | grep -q INTERP || fail "no PT_INTERP"
! readelf -d prog | grep -q TEXTREL || fail "has TEXTREL"
./prog | grep -q 'hello from a gold-linked cgo program' || fail "PIE does not run"
