#!/bin/sh
# Seeds from real Go objects, made at fuzz time into OUT (never committed):
# tests/data/cgoprog linked externally by go build as exe, pie and c-shared.
# Kept small: go.o as a skeleton (every section header, no section data, the
# symbols gold-link looks for), host objects under 8 KB as they are, an
# archive of the two smallest, the link command cmd/link runs as a response
# file, and each output without its DWARF (for fuzz-audit).  usage: go-seeds.sh SRCDIR OUT
set -eu
srcdir=$1 out=$2
for c in go gcc objcopy ar strip; do
  command -v $c >/dev/null 2>&1 || { echo "go-seeds.sh: '$c' is not installed"; exit 1; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
cp -r "$srcdir/tests/data/cgoprog" .
chmod -R u+w .
printf 'module gltest\n\ngo 1.19\n' > go.mod
unset GOFLAGS GOARCH GOOS CC CGO_LDFLAGS CGO_CFLAGS
export GO111MODULE=on GOPROXY=off CGO_ENABLED=1

# An -extld that records the real link's arguments (the probes have no go.o).
cat > extld.sh <<'SH'
#!/bin/sh
for a in "$@"; do
  case $a in */go.o) printf '%s\n' "$@" > "$(dirname "$0")/link.args" ;; esac
done
exec gcc "$@"
SH
chmod +x extld.sh

rm -rf "$out.tmp"
mkdir -p "$out.tmp/object" "$out.tmp/archive" "$out.tmp/cmdline" "$out.tmp/audit"
for mode in exe pie c-shared; do
  mkdir "t-$mode"
  go build -buildmode=$mode -o "out-$mode" \
    -ldflags="-linkmode=external -tmpdir=$work/t-$mode -extld=$work/extld.sh" \
    ./cgoprog
  objcopy -w --extract-symbol --strip-debug --remove-relocations='*' \
    --strip-all -K runtime.tlsg -K 'runtime.tls_g' -K '_rt0_*' -K x_cgo_init \
    -K 'go.link.*' -K go.plugin.tabs -K main.main \
    "t-$mode/go.o" "$out.tmp/object/go-$mode-skeleton.o"
  # pie's host objects are c-shared's (both -fPIC).
  if [ $mode != pie ]; then
    for o in "t-$mode"/0*.o; do
      [ "$(wc -c < "$o")" -le 8192 ] &&
        cp "$o" "$out.tmp/object/$mode-$(basename "$o")"
    done
    # shellcheck disable=SC2046
    ar rcsD "$out.tmp/archive/host-$mode.a" $(ls -Sr "t-$mode"/0*.o | head -2)
  fi
  # The output itself for fuzz-audit, without its DWARF (about 1.5 MB).
  strip --strip-debug -o "$out.tmp/audit/$mode" "out-$mode"
  # The command as a response file, each word double-quoted.
  sed 's/[\\"]/\\&/g; s/.*/"&"/' link.args > "$out.tmp/cmdline/link-$mode"
done
rm -rf "$out"
mv "$out.tmp" "$out"
echo "go-seeds.sh: $(find "$out" -type f | wc -l) seeds from real go.o files in $out"
