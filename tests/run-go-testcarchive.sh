#!/bin/sh
# Go 1.19's misc/cgo/testcarchive (-buildmode=c-archive: archive members,
# .init_array, signals, -extar, PIE and non-PIE consumers, ...) with
# gold-link-ar as `ar`.  In Go 1.19 a c-archive build never runs the external
# linker: the Go linker runs `ar -q -c -s` from PATH (or -extar), so the proof
# is in the ar log.  TestExtar uses its own -extar script; that is expected.
. "$abs_srcdir/tests/lib.sh"
. "$abs_srcdir/tests/go/suite.sh"

gosuite_run 1.19 testcarchive
