#!/bin/sh
# linux/amd64 through gold-link, run natively (tests/cross.sh).
XARCH=amd64 XTRIPLET=x86_64-linux-gnu XQEMU=
XLE=R_X86_64_TPOFF32 XIE=R_X86_64_GOTTPOFF
. "$abs_srcdir/tests/cross.sh"
