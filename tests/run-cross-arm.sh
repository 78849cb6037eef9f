#!/bin/sh
# linux/arm through gold-link, run under qemu-arm (tests/cross.sh).
XARCH=arm XTRIPLET=arm-linux-gnueabihf XQEMU=qemu-arm
XLE=R_ARM_TLS_LE32 XIE=R_ARM_TLS_IE32
. "$abs_srcdir/tests/cross.sh"
