#!/bin/sh
# tests/run-libc.sh for arm64: glibc through Debian's cross gcc, musl through
# the same gcc with musl-dev:arm64's specs file, run by qemu-aarch64.
GL_LIBC_ARCH=arm64
. "$abs_srcdir/tests/run-libc.sh"
