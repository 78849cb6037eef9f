#!/bin/sh
# linux/ppc64le through gold-link, run under qemu-ppc64le (tests/cross.sh).
XARCH=ppc64le XTRIPLET=powerpc64le-linux-gnu XQEMU=qemu-ppc64le
XLE=R_PPC64_TPREL16_HA XIE=R_PPC64_GOT_TPREL16_HA
. "$abs_srcdir/tests/cross.sh"
