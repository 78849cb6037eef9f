#!/bin/sh
# cmd/cgo/internal/test (Go 1.19/1.20: misc/cgo/test) of the Go that GO
# selects, as an executable: some hundred cgo features and issues, the test
# binary itself linked by gold-link (cmd/dist runs it the same way with
# -ldflags=-linkmode=external).  Nothing in it passes its own -ldflags.
. "$abs_srcdir/tests/lib.sh"
. "$abs_srcdir/tests/go/suite.sh"

gosuite_run selected test
