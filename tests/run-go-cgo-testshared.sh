#!/bin/sh
# cmd/cgo/internal/testshared of the Go that GO selects (-buildmode=shared and
# -linkshared: the runtime as a shared library, ABI hash notes, GC data,
# rebuilds, ...), every Go shared library and program linked by gold-link.
# It runs in place: it copies what it needs of GOROOT into a temporary
# GOROOT.  With GO=1.19 tests/run-go-testshared.sh runs misc/cgo/testshared
# instead (this one skips).  Nothing in it passes its own -ldflags (only
# under -testx, which is not given).
. "$abs_srcdir/tests/lib.sh"
. "$abs_srcdir/tests/go/suite.sh"

gosuite_run selected testshared
