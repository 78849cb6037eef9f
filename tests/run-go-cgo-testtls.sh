#!/bin/sh
# cmd/cgo/internal/testtls (Go 1.19/1.20: misc/cgo/testtls) of the Go that GO
# selects, as an executable: C __thread and Go TLS side by side, linked by
# gold-link.
. "$abs_srcdir/tests/lib.sh"
. "$abs_srcdir/tests/go/suite.sh"

gosuite_run selected testtls
