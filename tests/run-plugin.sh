#!/bin/sh
# A Go plugin and its Go host, both linked through gold-link.
. "$abs_srcdir/tests/lib.sh"
need_cmd go gcc
go_module plugin pluginhost
go build -buildmode=plugin -o greet.so -ldflags="$GL_LDFLAGS -extldflags=-v" ./plugin > build.log 2>&1 \
  || { cat build.log; fail "go build -buildmode=plugin failed"; }
grep -q '^gold-link: mode: plugin (from go.o registers its module' build.log || { cat build.log; fail "gold-link did not link the plugin"; }
go build -o host -ldflags="$GL_LDFLAGS -extldflags=-v" ./pluginhost > host.log 2>&1 \
  || { cat host.log; fail "go build of the host failed"; }
grep -q '^gold-link: run: .*-Wl,-z,now' host.log || { cat host.log; fail "gold-link did not link the host"; }
./host "$WORK/greet.so" > run.out || { cat run.out; fail "host failed"; }
grep -qx 'hi, gold-link from a plugin' run.out || { cat run.out; fail "plugin call wrong"; }
