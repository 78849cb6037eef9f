#!/bin/sh
# Install the cross toolchains and qemu-user that make check-cross needs on
# Debian 12, as root or through sudo: for every architecture arch/arches.def
# lists, what its arch file says it needs.  Its .triplet names the cross
# gcc (gcc-VERSION-TRIPLET, VERSION from arch/debian.def; the binutils come
# with it) and the C library (libc6-dev-DEBARCH-cross, DEBARCH as
# dpkg-architecture names the triplet).  An architecture this machine's gcc
# serves with its flags (.multilib_cpus: 386 on x86_64) gets
# gcc-VERSION-multilib, not gcc-multilib, which conflicts with the cross
# compilers, and the C library whose loader runs its programs natively
# (libc6-i386).  An architecture marked .unsupported gets nothing.  Run
# tools/install-deps.sh first (dpkg-dev, through build-essential).
set -e
SUDO=
[ "$(id -u)" = 0 ] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
top=$(cd "$(dirname "$0")/.." && pwd)
arch=$top/arch
version=$(sed -n 's/^#define GL_CROSS_GCC_VERSION "\(.*\)"$/\1/p' "$arch/debian.def")
[ -n "$version" ] || { echo "install-cross.sh: no GL_CROSS_GCC_VERSION in $arch/debian.def" >&2; exit 1; }
host=$(dpkg-architecture -qDEB_HOST_GNU_TYPE)
cpu=$(uname -m)

field () {			# field NAME FILE: the string value of .NAME
  sed -n "s/^ *\\.$1 = \"\\(.*\\)\",.*/\\1/p" "$2"
}

packages=qemu-user
for def in $(sed -n 's/^#include "\(.*\)"$/\1/p' "$arch/arches.def"); do
  triplet=$(field triplet "$arch/$def")
  [ -n "$triplet" ] || { echo "install-cross.sh: $def has no .triplet" >&2; exit 1; }
  [ "$triplet" != "$host" ] || continue
  # An architecture gold-link does not link for needs no toolchain: its
  # test makes a go.o with Go alone (and Debian 12 has none for loong64).
  [ -z "$(field unsupported "$arch/$def")" ] || continue
  debarch=$(dpkg-architecture -t "$triplet" -qDEB_HOST_ARCH 2>/dev/null)
  case " $(field multilib_cpus "$arch/$def") " in
    *" $cpu "*) packages="$packages gcc-$version-multilib libc6-$debarch" ;;
    *) packages="$packages gcc-$version-$triplet libc6-dev-$debarch-cross" ;;
  esac
done
$SUDO apt-get update -q
# shellcheck disable=SC2086
$SUDO apt-get install -y -q --no-install-recommends $packages
