#!/bin/sh
# cmd/cgo/internal/testlife (Go 1.19/1.20: misc/cgo/life) of the Go that GO
# selects: `go run` of a cgo program with C callbacks into Go, linked by
# gold-link, its output compared with the expected one.
# Go 1.19/1.20 build the programs through GOROOT/test/run.go, which clears
# GOFLAGS: there CC is the extld wrapper (see gosuite_run_misc).
. "$abs_srcdir/tests/lib.sh"
. "$abs_srcdir/tests/go/suite.sh"

gosuite_run selected testlife
