#!/bin/sh
# linux/riscv64 through gold-link, run under qemu-riscv64 (tests/cross.sh).
XARCH=riscv64 XTRIPLET=riscv64-linux-gnu XQEMU=qemu-riscv64
XLE=R_RISCV_TPREL_HI20 XLE_SINCE=22 XIE=R_RISCV_TLS_GOT_HI20
. "$abs_srcdir/tests/cross.sh"
