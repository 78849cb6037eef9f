#!/bin/sh
# Go 1.19's misc/cgo/testshared (-buildmode=shared and -linkshared) with
# gold-link as the external linker.  The suite finds GOROOT as cwd/../../..
# and copies parts of it with a walk that does not follow Debian's symlinks,
# so it runs inside a GOROOT copy without symlinks (shared with
# run-go-testplugin.sh).
. "$abs_srcdir/tests/lib.sh"
. "$abs_srcdir/tests/go/suite.sh"

gosuite_run 1.19 testshared
