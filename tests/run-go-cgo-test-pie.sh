#!/bin/sh
# cmd/cgo/internal/test (Go 1.19/1.20: misc/cgo/test) of the Go that GO
# selects, built with go test -buildmode=pie and linked by gold-link.
. "$abs_srcdir/tests/lib.sh"
. "$abs_srcdir/tests/go/suite.sh"

gosuite_run selected test pie
