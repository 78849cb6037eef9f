#!/bin/sh
# linux/s390x through gold-link, run under qemu-s390x (tests/cross.sh).
XARCH=s390x XTRIPLET=s390x-linux-gnu XQEMU=qemu-s390x
XLE=R_390_TLS_LE64 XIE=R_390_TLS_IEENT
. "$abs_srcdir/tests/cross.sh"
