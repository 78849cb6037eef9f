#!/bin/sh
# cmd/cgo/internal/testso (Go 1.19/1.20: misc/cgo/testso and testsovar) of the
# Go that GO selects: a Go program linked by gold-link against a C shared
# library (built by the suite with `go env CC`), calling into it and back.
. "$abs_srcdir/tests/lib.sh"
. "$abs_srcdir/tests/go/suite.sh"

gosuite_run selected testso
