#!/bin/sh
# linux/386 through gold-link, run natively (Debian's multilib loader) (tests/cross.sh).
XARCH=386 XTRIPLET=i686-linux-gnu XQEMU=
XLE=R_386_TLS_LE XIE=R_386_TLS_GOTIE
. "$abs_srcdir/tests/cross.sh"
