#!/bin/sh
# linux/arm64 through gold-link, run under qemu-aarch64 (tests/cross.sh).
XARCH=arm64 XTRIPLET=aarch64-linux-gnu XQEMU=qemu-aarch64
XLE=R_AARCH64_TLSLE_MOVW_TPREL_G0 XIE=R_AARCH64_TLSIE_ADR_GOTTPREL_PAGE21
. "$abs_srcdir/tests/cross.sh"
