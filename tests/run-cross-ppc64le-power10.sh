#!/bin/sh
# linux/ppc64le with GOPPC64=power10 (prefixed instructions, PC-relative
# code and TLS) through gold-link, run under qemu-ppc64le -cpu power10
# (tests/cross.sh).
XARCH=ppc64le XTRIPLET=powerpc64le-linux-gnu XQEMU=qemu-ppc64le
XGOPPC64=power10 XQEMU_CPU=power10
XLE=R_PPC64_TPREL34 XIE=R_PPC64_GOT_TPREL_PCREL34
. "$abs_srcdir/tests/cross.sh"
