#!/bin/sh
# Install what gold-link needs to build and test on Debian 12 (as root, or
# through sudo when it is there).
set -e
SUDO=
[ "$(id -u)" = 0 ] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
# make fuzz needs clang's libFuzzer and sanitizer runtimes (libclang-rt-dev,
# only recommended by clang); make check replays its findings under valgrind.
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends \
  build-essential autoconf automake pkg-config \
  libelf-dev libarchive-dev libpopt-dev \
  golang-go golang-1.19-src \
  binutils lld clang libclang-rt-dev valgrind mold elfutils file \
  ca-certificates
# The Debian package (tests/run-deb.sh): debian/control's Build-Depends are
# above and build-essential brings dpkg-buildpackage; dh and lintian here.
# bash-completion's loader (tests/run-completion.sh); the man page's
# renderers (tests/run-manpage.sh).
$SUDO apt-get install -y -q --no-install-recommends \
  debhelper lintian bash-completion groff-base mandoc
# The cross tests in make check: arm64 (run by qemu-user) and 386 (run
# natively).  gcc-12-multilib, not gcc-multilib, which would remove the
# cross compilers.  tools/install-cross.sh adds the other architectures.
$SUDO apt-get install -y -q --no-install-recommends \
  gcc-12-aarch64-linux-gnu libc6-dev-arm64-cross gcc-12-multilib libc6-i386 qemu-user
# C++ host objects for arm64 (tests/run-cxx-arm64.sh): the cross g++.
$SUDO apt-get install -y -q --no-install-recommends g++-12-aarch64-linux-gnu
# musl (tests/run-libc.sh): musl-gcc for amd64; for arm64
# (tests/run-libc-arm64.sh) Debian's arm64 musl-dev, whose specs file turns
# the cross gcc into a musl compiler, and its loader for qemu-aarch64.
$SUDO apt-get install -y -q --no-install-recommends musl-tools
case " $(dpkg --print-foreign-architectures | tr '\n' ' ') " in
  *" arm64 "*) ;;
  *) $SUDO dpkg --add-architecture arm64 && $SUDO apt-get update -q ;;
esac
$SUDO apt-get install -y -q --no-install-recommends musl-dev:arm64
# Go 1.27.3 for make check GO=1.27.3: the go command (1.21+) fetches it as
# a module into its module cache; Go 1.19 is Debian's golang-go above.
if command -v go > /dev/null 2>&1; then
  "$(dirname "$0")/go-root.sh" 1.27.3 > /dev/null \
    || echo "install-deps.sh: could not fetch Go 1.27.3; make check GO=1.27.3 will skip" >&2
fi
