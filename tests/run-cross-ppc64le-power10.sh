#!/bin/sh
# linux/ppc64le with GOPPC64=power10 (prefixed instructions, PC-relative
# code and TLS) through gold-link, run under qemu-ppc64le -cpu power10: the
# row ppc64le-power10 of tests/cross.tab (tests/cross.sh).
XNAME=ppc64le-power10
. "$abs_srcdir/tests/cross.sh"
