#!/bin/sh
# cmd/cgo/internal/testcshared of the Go that GO selects (-buildmode=c-shared:
# exported symbols, signal handlers, Go->C->Go across two libraries, ...),
# the libraries linked by gold-link; the C programs using them are linked by
# the suite with `go env CC`.  With GO=1.19 tests/run-go-testcshared.sh runs
# misc/cgo/testcshared instead (this one skips).
# Bypasses gold-link (its own -ldflags replace GOFLAGS', so cmd/link uses
# gcc): Go 1.27 TestSymbolicFunctions (-ldflags=-extldflags=-Wl,-Bsymbolic-functions).
. "$abs_srcdir/tests/lib.sh"
. "$abs_srcdir/tests/go/suite.sh"

gosuite_run selected testcshared
