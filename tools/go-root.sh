#!/bin/sh
# Print the GOROOT of a Go release, fetching it when the go command can:
#   tools/go-root.sh [SPEC]
# SPEC is empty (the go first on PATH), a release (1.19, 1.26.8, go1.27.3)
# or the path of a go binary.  Go 1.19 is Debian's golang-1.19
# (/usr/lib/go-1.19); any other release is the toolchain module that
# `GOTOOLCHAIN=goX go` downloads through the Go module proxy (seconds; kept
# in the module cache).  Exit 1 with a message when it cannot be had.
set -eu
spec=${1:-}
case $spec in
  "") exec go env GOROOT ;;
  */*) [ -x "$spec" ] || { echo "go-root.sh: $spec is not executable" >&2; exit 1; }
       exec "$spec" env GOROOT ;;
  go*) release=$spec ;;
  *) release=go$spec ;;
esac
case $release in
  go1.19|go1.19.*)
    d=/usr/lib/go-1.19
    [ -x "$d/bin/go" ] || { echo "go-root.sh: $d/bin/go is missing (apt-get install golang-1.19-go)" >&2; exit 1; }
    echo "$d" ;;
  *)
    # The go on PATH fetches the release as a module; GOPROXY and GOSUMDB
    # must be on for that (toolchain downloads are checksum-verified).
    root=$(env -u GOPROXY -u GOFLAGS GOTOOLCHAIN="$release" go env GOROOT) \
      || { echo "go-root.sh: cannot fetch $release" >&2; exit 1; }
    [ -x "$root/bin/go" ] || { echo "go-root.sh: $root/bin/go is missing" >&2; exit 1; }
    echo "$root" ;;
esac
