#!/bin/sh
# gold-link audit (src/audit.c, src/auditfmt.c; gold-link(1) AUDIT) on real
# outputs made here by go build through gold-link, for amd64, 386 (gcc
# -m32) and arm64 (Debian's cross gcc): an exe, a PIE, a c-shared library,
# a C program linked with a c-archive, a plugin, a Go shared library and a
# -linkshared executable, a -static cgo program, a program without
# runtime/cgo (linked dynamically: its slot where Go puts it); each whole
# report, table and JSON, against tests/data/audit/ARCH.txt and ARCH.json
# with the build IDs and the Go release replaced by words.  Then outputs
# made wrong on purpose (-z execstack, a TEXTREL, the no-cgo program linked
# -static by gcc: its slot moved by libc's TLS, and it traps; the PT_NOTE
# segments patched away), --audit after a link, JSON escaping of odd file
# names, and bad input and usage, compared whole.
# AUDIT_ARCHES="amd64" picks architectures; a missing compiler skips one.
. "$abs_srcdir/tests/lib.sh"
need_cmd go gcc readelf python3 perl

go_module cgoprog clib plugin
mkdir nocgo shx
printf 'package main\n\nfunc main() { println("hello") }\n' > nocgo/main.go
printf 'package main\n\nfunc main() { println("hello from a shared runtime") }\n' > shx/main.go
# linkext.sh TOOL ARGS...: go build's tools, the link external through
# gold-link even without cgo.
cat > linkext.sh << EOF
#!/bin/sh
tool=\$1; shift
case \${tool##*/} in
  link)
    for a; do
      shift
      case \$a in -extld=*) ;; *) set -- "\$@" "\$a" ;; esac
    done
    exec "\$tool" -linkmode=external -extld="$GOLD_LINK" "\$@" ;;
esac
exec "\$tool" "\$@"
EOF
chmod +x linkext.sh

# The volatile words: build IDs and the Go release.
normalize () {
  sed -e 's/^\(Go build ID: *\)[^ ]* (in /\1<go-buildid> (in /' \
      -e 's/^\(GNU build ID: *\)[0-9a-f][0-9a-f]*$/\1<gnu-buildid>/' \
      -e 's/"go_buildid": "[^"]*"/"go_buildid": "<go-buildid>"/' \
      -e 's/"gnu_buildid": "[0-9a-f]*"/"gnu_buildid": "<gnu-buildid>"/' \
      -e "s/$GL_GO_VERSION\\b/<go-version>/g" -e "s|$WORK|<work>|g"
}

# audit_ok NAME FILE...: gold-link audit exits 0 (1 with ERRORS=1), and
# --json exits the same and parses; the reports are kept as NAME.txt and
# NAME.json (one object per line, normalized).
audit_ok () {
  a_name=$1; shift
  a_want=${ERRORS:-0}
  set +e
  "$GOLD_LINK" audit "$@" > "$a_name.raw" 2> "$a_name.err"
  a_status=$?
  "$GOLD_LINK" audit --json "$@" > "$a_name.jraw" 2>> "$a_name.err"
  a_jstatus=$?
  set -e
  [ $a_status = "$a_want" ] && [ $a_jstatus = "$a_want" ] \
    || { cat "$a_name.raw" "$a_name.err" >&2; fail "audit $*: exit $a_status and $a_jstatus (--json), not $a_want"; }
  [ ! -s "$a_name.err" ] || { cat "$a_name.err" >&2; fail "audit $*: wrote to stderr"; }
  python3 -m json.tool "$a_name.jraw" > /dev/null \
    || { cat "$a_name.jraw" >&2; fail "audit --json $*: not JSON"; }
  normalize < "$a_name.raw" > "$a_name.txt"
  sed -e '1d' -e '$d' -e 's/,$//' "$a_name.jraw" | normalize > "$a_name.json"
}

# same_as WANT GOT: compared whole.
same_as () {
  diff -u "$1" "$2" >&2 || fail "$2 is not, whole, $1 (diff above)"
}

audit_arch () {
  arch=$1
  export GOARCH=$arch
  case $arch in
    amd64) cc=gcc ;;
    386) cc="gcc -m32" ;;
    *)
      triplet=$(sed -n 's/^ *\.triplet = "\(.*\)",.*/\1/p' "$abs_srcdir/arch/$arch.def")
      cc=$triplet-gcc-12
      command -v "$cc" > /dev/null 2>&1 || { note "$arch: no $cc, skipped"; return 0; } ;;
  esac
  # gcc -m32 finds <asm/errno.h> through /usr/include/asm, which only
  # gcc-multilib makes (tests/cross.sh): a scratch directory has the link.
  cflags=
  if ! echo '#include <errno.h>' | $cc -E - > /dev/null 2>&1; then
    mkdir -p inc32
    ln -sf "/usr/include/$(gcc -dumpmachine)/asm" inc32/asm
    cflags="-isystem $WORK/inc32"
  fi
  printf '#include <errno.h>\nint main(void){return 0;}\n' > cok.c
  $cc $cflags -o cok cok.c 2> cok.log || { note "$arch: $cc cannot link a C program, skipped"; return 0; }
  mkdir "$arch"
  (
    cd "$arch"
    ln -s ../go.mod ../cgoprog ../clib ../plugin ../nocgo ../shx .
    xgo () { CC="$cc" CGO_CFLAGS="-g -O2 $cflags" go "$@" > build.log 2>&1 || { cat build.log; fail "$arch: go $* failed"; }; }
    xgo build -o exe -ldflags="$GL_LDFLAGS" ./cgoprog
    xgo build -buildmode=pie -o pie -ldflags="$GL_LDFLAGS" ./cgoprog
    xgo build -buildmode=c-shared -o libgo.so -ldflags="$GL_LDFLAGS" ./clib
    xgo build -buildmode=c-archive -o libgo.a -ldflags="$GL_LDFLAGS" ./clib
    $cc $cflags -o use-a "$TESTDATA/cdrivers/use.c" libgo.a -lpthread
    xgo build -buildmode=plugin -o greet.so -ldflags="$GL_LDFLAGS" ./plugin
    xgo build -o static -ldflags="$GL_LDFLAGS -extldflags=-static" ./cgoprog
    CGO_ENABLED=0 xgo build -toolexec="$WORK/linkext.sh" -o nocgo-exe ./nocgo
    xgo install -buildmode=shared -linkshared -pkgdir="$WORK/$arch/pkg" \
      -ldflags="$GL_LDFLAGS" runtime sync/atomic
    xgo build -linkshared -pkgdir="$WORK/$arch/pkg" -o lsh -ldflags="$GL_LDFLAGS" ./shx
    cp pkg/lib*.so libstd.so
    audit_ok "$arch" exe pie libgo.so use-a greet.so static nocgo-exe libstd.so lsh
  ) || exit 1
  if [ -n "${AUDIT_REGEN:-}" ]; then
    cp "$arch/$arch.txt" "$arch/$arch.json" "$AUDIT_REGEN/"
  fi
  for ext in txt json; do
    want=$TESTDATA/audit/go1.$GL_GO_MINOR/$arch.$ext
    [ -f "$want" ] || want=$TESTDATA/audit/$arch.$ext
    same_as "$want" "$arch/$arch.$ext"
  done
  note "$arch: exe, pie, c-shared, c-archive program, plugin, static, no-cgo exe, Go shared library, -linkshared exe: reports as expected"
  unset GOARCH
}

for a in ${AUDIT_ARCHES:-amd64 386 arm64}; do
  audit_arch "$a"
done
