#!/bin/sh
# cmd/cgo/internal/testplugin of the Go that GO selects (-buildmode=plugin:
# type and itab uniqueness, DWARF, method values, several issues), plugins
# and host programs linked by gold-link.  It runs in place: it finds GOROOT
# as cwd/../../../../.. and writes only to a temporary GOPATH.  With GO=1.19
# tests/run-go-testplugin.sh runs misc/cgo/testplugin instead (this one skips).
# Bypass gold-link (their own -ldflags replace GOFLAGS'): the plugins of
# TestIssue19534 (-ldflags=-pluginpath=...) and TestIssue19418 (-ldflags=-X
# ...) are linked with gcc as extld (their host programs by gold-link);
# TestTextSectionSplit (-ldflags=-debugtextsize=...) builds only on
# darwin/arm64 and skips itself here.
. "$abs_srcdir/tests/lib.sh"
. "$abs_srcdir/tests/go/suite.sh"

gosuite_run selected testplugin
