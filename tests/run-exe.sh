#!/bin/sh
# go build links a cgo executable through gold-link: a non-PIE ET_EXEC that
# runs, with gold-link's -v decisions in the build log.
. "$abs_srcdir/tests/lib.sh"
need_cmd go gcc readelf
go_module cgoprog
go build -o prog -ldflags="$GL_LDFLAGS -extldflags=-v" ./cgoprog > build.log 2>&1 \
  || { cat build.log; fail "go build failed"; }
grep -q '^gold-link: mode: exe (from -no-pie)' build.log || { cat build.log; fail "gold-link did not link it"; }
grep -q '^gold-link: run: gcc .*-no-pie' build.log || fail "no -no-pie: the probe was answered wrong"
grep -q 'TLS: slot runtime.tlsg (local, defined), local-exec' build.log || fail "TLS not reported"
readelf -h prog | grep -q 'Type: *EXEC' || fail "not an ET_EXEC"
./prog > run.out
cat run.out
grep -q 'callback 41' run.out || fail "cgo callback broken"
grep -q 'hello from a gold-linked cgo program' run.out || fail "program output wrong"
# go version -m reads .go.buildinfo; the Go build ID note is intact.
go version -m prog | grep -q 'path' || fail ".go.buildinfo unreadable"
go tool buildid prog > /dev/null || fail "Go build ID unreadable"
