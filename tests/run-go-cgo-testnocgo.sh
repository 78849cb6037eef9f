#!/bin/sh
# cmd/cgo/internal/testnocgo (Go 1.19/1.20: misc/cgo/nocgo) of the Go that GO
# selects: a package without cgo linked externally (-linkmode=external), by
# gold-link.
. "$abs_srcdir/tests/lib.sh"
. "$abs_srcdir/tests/go/suite.sh"

gosuite_run selected testnocgo
