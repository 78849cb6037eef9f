#!/bin/sh
# cmd/cgo/internal/teststdio (Go 1.19/1.20: misc/cgo/stdio) of the Go that GO
# selects: `go run` of cgo programs using C stdio, linked by gold-link, their
# output compared with the expected one.
# Go 1.19/1.20 build the programs through GOROOT/test/run.go, which clears
# GOFLAGS: there CC is the extld wrapper (see gosuite_run_misc).
. "$abs_srcdir/tests/lib.sh"
. "$abs_srcdir/tests/go/suite.sh"

gosuite_run selected teststdio
