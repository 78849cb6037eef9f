#!/bin/sh
# Go 1.19's misc/cgo/testcshared (-buildmode=c-shared: exported symbols, signal
# chaining, no DT_TEXTREL, Go->C->Go across two libraries, ...) with gold-link
# as the external linker.  Runs from a copy of the misc module.
. "$abs_srcdir/tests/lib.sh"
. "$abs_srcdir/tests/go/suite.sh"

gosuite_run 1.19 testcshared
