#!/bin/sh
# Install the cross toolchains and qemu-user that make check-cross needs on
# Debian 12: for each architecture its gcc and libc (the binutils come with
# gcc), as root or through sudo.  386 is gcc-12-multilib, not gcc-multilib,
# which conflicts with the cross compilers; its programs run natively with
# libc6-i386's loader.  Run tools/install-deps.sh first.
set -e
SUDO=
[ "$(id -u)" = 0 ] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends \
  qemu-user \
  gcc-12-multilib libc6-i386 \
  gcc-12-aarch64-linux-gnu libc6-dev-arm64-cross \
  gcc-12-arm-linux-gnueabihf libc6-dev-armhf-cross \
  gcc-12-riscv64-linux-gnu libc6-dev-riscv64-cross \
  gcc-12-powerpc64le-linux-gnu libc6-dev-ppc64el-cross \
  gcc-12-s390x-linux-gnu libc6-dev-s390x-cross
