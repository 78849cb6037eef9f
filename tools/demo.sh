#!/bin/sh
# The main job: link a sample cgo program and a c-shared library through
# gold-link with go build, and run them.  Usage: demo.sh SRCDIR BUILDDIR
set -eu
src=$1 build=$2
work=$(mktemp -d "${TMPDIR:-/tmp}/gold-link-demo.XXXXXX")
trap 'rm -rf "$work"' EXIT
cp -r "$src/tests/data/cgoprog" "$src/tests/data/clib" "$work"
printf 'module demo\n\ngo 1.19\n' > "$work/go.mod"
cd "$work"
unset GOFLAGS
flags="-linkmode=external -extld=$build/gold-link -extar=$build/gold-link-ar -extldflags=-v"

echo "== go build (cgo executable) through gold-link"
go build -o prog -ldflags="$flags" ./cgoprog 2>&1 | grep '^gold-link: \(Go object\|mode\|TLS\|linker\)'
./prog

echo "== go build -buildmode=c-shared through gold-link"
go build -buildmode=c-shared -o libdemo.so -ldflags="$flags" ./clib 2>&1 | grep '^gold-link: \(Go object\|mode\|TLS\|linker\)'
gcc -o use "$src/tests/data/cdrivers/use.c" -L. -ldemo -Wl,-rpath,"$work"
./use
gcc -o dl "$src/tests/data/cdrivers/dl.c" -ldl
./dl "$work/libdemo.so"
echo "== demo OK"
