#!/bin/sh
# cmd/cgo/internal/testcarchive of the Go that GO selects (-buildmode=c-archive:
# archive members, .init_array, signals, PIE and non-PIE consumers, a c-archive
# in a shared object, ...).  cmd/link archives go.o itself with `ar -q -c -s`;
# since Go 1.23 it asks its extld (gold-link) which ar, and gold-link names
# gold-link-ar: the proof is that answer doing every archive step.  The C
# programs using the archives are linked by the suite with `go env CC`.
# With GO=1.19 tests/run-go-testcarchive.sh runs misc/cgo/testcarchive
# instead (this one skips).
# Bypasses gold-link-ar: TestExtar (its own -ldflags=-extar=testar script).
. "$abs_srcdir/tests/lib.sh"
. "$abs_srcdir/tests/go/suite.sh"

gosuite_run selected testcarchive
