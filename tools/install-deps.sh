#!/bin/sh
# Install what gold-link needs to build and test on Debian 12 (as root, or
# through sudo when it is there).
set -e
SUDO=
[ "$(id -u)" = 0 ] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends \
  build-essential autoconf automake pkg-config \
  libelf-dev libarchive-dev libpopt-dev \
  golang-go golang-1.19-src \
  binutils lld clang mold elfutils file valgrind ca-certificates
