#!/bin/sh
# Go 1.19's misc/cgo/testplugin (-buildmode=plugin: type and itab uniqueness,
# DWARF, method values, several issues) with gold-link as the external linker.
# The suite finds GOROOT as cwd/../../.., so it runs inside a GOROOT copy
# without symlinks (shared with run-go-testshared.sh).
. "$abs_srcdir/tests/lib.sh"
. "$abs_srcdir/tests/go/suite.sh"

gosuite_run 1.19 testplugin
