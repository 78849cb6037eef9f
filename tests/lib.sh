# Shared helpers for the tests/run-*.sh scripts.  Source it first thing:
#   . "$srcdir/tests/lib.sh"
# The test environment (Makefile.am AM_TESTS_ENVIRONMENT) exports GOLD_LINK,
# GOLD_LINK_AR, abs_srcdir and abs_builddir.  Exit 77 means "skipped".

set -eu

: "${abs_srcdir:?run the tests through make check}"
: "${GOLD_LINK:?run the tests through make check}"
: "${GOLD_LINK_AR:?run the tests through make check}"

testname=${GL_TESTNAME:-$(basename "$0" .sh)}
TESTDATA=$abs_srcdir/tests/data

# One scratch directory per test, removed when the test ends (kept with KEEP=1).
mkdir -p "$abs_builddir/tests/tmp"
WORK=$(mktemp -d "$abs_builddir/tests/tmp/$testname.XXXXXX")
cleanup_work () { [ "${KEEP:-0}" = 1 ] || rm -rf "$WORK"; }
trap cleanup_work EXIT
cd "$WORK"
# Each test its own empty cache of the toolchain's answers (src/cache.c),
# so that no test depends on what another one, or the user, asked before.
export GOLD_LINK_CACHE="$WORK/cache"

# Keep Go hermetic: the user's GOFLAGS must not change what we test; share the
# build cache between tests (GOCACHE defaults to the user's).  go takes an
# empty GOFLAGS for none and reads the go env file's instead (this
# machine's: -buildvcs=false), so GOFLAGS is set: -buildvcs=false, which
# keeps VCS stamps out of the test programs (their scratch directories are
# inside the source checkout).
unset GOFLAGS GOARCH GOOS CC CGO_LDFLAGS CGO_CFLAGS GOLD_LINK_CC GOLD_LINK_LINKER
export GO111MODULE=on GOFLAGS=-buildvcs=false
export CGO_ENABLED=1

# The Go release the tests build with: GO (make check GO=...) names it as a
# release (1.19, 1.26.8, go1.27.3: Debian's golang-1.19 for 1.19, else the
# toolchain module the go command fetches) or as the path of a go binary;
# empty is the go first on PATH (the machine's own, 1.26.8).  Its bin goes
# first on PATH and GOTOOLCHAIN=local, so that `go` is that release alone.
# tools/go-root.sh resolves the name; each test says which Go it ran with.
GL_GO_SPEC=${GO:-}
unset GO
if command -v go > /dev/null 2>&1 || [ -n "$GL_GO_SPEC" ]; then
  GL_GOROOT=$(GOTOOLCHAIN= sh "$abs_srcdir/tools/go-root.sh" "$GL_GO_SPEC") \
    || { echo "SKIP: $testname: Go '${GL_GO_SPEC:-go}' cannot be had" >&2; exit 77; }
  PATH=$GL_GOROOT/bin:$PATH
  GOTOOLCHAIN=local
  export PATH GOTOOLCHAIN
  GL_GO_VERSION=$(go env GOVERSION)
  # 19 for go1.19.8: the tests that differ by release key on it.
  GL_GO_MINOR=$(printf '%s\n' "$GL_GO_VERSION" | sed -n 's/^go1\.\([0-9]*\).*/\1/p')
  echo "# Go: $GL_GO_VERSION ($GL_GOROOT)"
fi
export GOPROXY=off

fail () { echo "FAIL: $testname: $*" >&2; exit 1; }
skip () { echo "SKIP: $testname: $*" >&2; exit 77; }
note () { echo "# $*"; }

need_cmd () {
  for c in "$@"; do
    command -v "$c" >/dev/null 2>&1 || skip "'$c' is not installed"
  done
}

# The -ldflags that make go build link through gold-link.
GL_LDFLAGS="-linkmode=external -extld=$GOLD_LINK -extar=$GOLD_LINK_AR"

# Copy a Go program from tests/data into the scratch directory as module "gltest".
# usage: go_module DIR...   (each DIR is a directory under tests/data)
go_module () {
  for d in "$@"; do cp -r "$TESTDATA/$d" .; done
  chmod -R u+w .
  [ -f go.mod ] || printf 'module gltest\n\ngo 1.19\n' > go.mod
}

# expect_fail STATUS GREP-PATTERN CMD...: CMD must exit with STATUS and print
# a line matching GREP-PATTERN on stderr.
expect_fail () {
  want=$1; pat=$2; shift 2
  set +e
  "$@" >"$WORK/.out" 2>"$WORK/.err"
  got=$?
  set -e
  if [ "$got" != "$want" ]; then
    cat "$WORK/.out" "$WORK/.err" >&2
    fail "expected exit $want, got $got: $*"
  fi
  grep -q -e "$pat" "$WORK/.err" || { cat "$WORK/.err" >&2; fail "stderr lacks '$pat': $*"; }
}

# The file names of what is left in a directory, one per line.
ls_dir () { (cd "$1" && ls -A); }

# Bad input (tests/run-bad-*.sh).  bad_setup makes out/, where outputs go,
# and tmp/, the TMPDIR gold-link stages in; expect_bad then checks the whole
# contract of SPEC "Errors" for one refused command.
bad_setup () {
  mkdir -p "$WORK/out" "$WORK/tmp"
}

# The state of the files among ARGS: size, times, inode, mode and content.
# gold-link itself is not an input: the Go suites (tests/go/suite.sh) hard
# link it, which changes its ctime while other tests run.
inputs_state () {
  for a in "$@"; do
    [ -f "$a" ] || continue
    [ "$a" != "$GOLD_LINK" ] && [ "$a" != "$GOLD_LINK_AR" ] || continue
    printf '%s\n' "$a"
    stat -c '%s %y %z %i %a' -- "$a"
    if [ -r "$a" ]; then md5sum < "$a"; fi
  done
}

bad_show () { cat "$WORK/.out" "$WORK/.err" >&2; }

# expect_bad STATUS GREP-PATTERN CMD...: CMD (gold-link or gold-link-ar,
# maybe behind a wrapper) must exit with STATUS and print exactly two lines:
# one "gold-link: error: " line matching GREP-PATTERN and one
# "gold-link: note: " line.  No output in out/, no staging directory left in tmp/, no input
# changed.
expect_bad () {
  want=$1; pat=$2; shift 2
  before=$(inputs_state "$@")
  set +e
  TMPDIR=$WORK/tmp "$@" >"$WORK/.out" 2>"$WORK/.err"
  got=$?
  set -e
  [ "$got" = "$want" ] || { bad_show; fail "expected exit $want, got $got: $*"; }
  lines=$(wc -l < "$WORK/.err")
  [ "$lines" -eq 2 ] \
    || { bad_show; fail "expected an error and a note, got $lines lines: $*"; }
  sed -n 1p "$WORK/.err" | grep -q -e '^gold-link\(-ar\)\?: error: ' \
    || { bad_show; fail "the first line is not an error: $*"; }
  sed -n 1p "$WORK/.err" | grep -q -e "$pat" \
    || { bad_show; fail "the error does not match '$pat': $*"; }
  sed -n 2p "$WORK/.err" | grep -q -e '^gold-link\(-ar\)\?: note: ' \
    || { bad_show; fail "no note on what to do: $*"; }
  [ -z "$(ls_dir "$WORK/out")" ] || { ls -la "$WORK/out" >&2; fail "output left in out/: $*"; }
  [ -z "$(ls_dir "$WORK/tmp")" ] || { ls -laR "$WORK/tmp" >&2; fail "staging left in TMPDIR: $*"; }
  after=$(inputs_state "$@")
  [ "$after" = "$before" ] || {
    printf '%s\n' "$before" > "$WORK/.before"; printf '%s\n' "$after" > "$WORK/.after"
    diff "$WORK/.before" "$WORK/.after" >&2; fail "an input changed: $*"; }
}

# expect_damaged PATTERN CMD...: expect_bad 1, and the note is, whole, the
# one every truncated or damaged input gets (diag.c gl_error_damaged).
expect_damaged () {
  expect_bad 1 "$@"
  [ "$(sed -n 's/^gold-link\(-ar\)\?: note: //p' "$WORK/.err")" = \
    "the file is truncated or damaged; rebuild it" ] \
    || { cat "$WORK/.err" >&2; fail "not the damaged-input note: $*"; }
}

# Where the message is the contract, compare it whole.
# expect_fail_exact STATUS ERROR NOTE CMD...: CMD exits with STATUS and
# its stderr is exactly the two lines ERROR and NOTE.  expect_bad_exact:
# the same with expect_bad's contract.
expect_fail_exact () { expect_exact expect_fail "$@"; }
expect_bad_exact () { expect_exact expect_bad "$@"; }
expect_exact () {
  xe_how=$1 xe_status=$2 xe_want="$3
$4"
  shift 4
  $xe_how "$xe_status" '' "$@"
  [ "$(cat "$WORK/.err")" = "$xe_want" ] \
    || { cat "$WORK/.err" >&2; fail "stderr is not, whole: $xe_want"; }
}

# write_recorder FILE [PROGRAM]: a script to give go build as -extld.  When
# a command names a go.o, it copies go.o and the host objects beside it to
# ${REC%.rsp}.d and keeps the arguments (without -o, with paths into the
# copy) as the response file $REC; then links with PROGRAM (default:
# gold-link) as cmd/link asked.
write_recorder () {
  cat > "$1" << EOF
#!/bin/sh
for a; do
  case \$a in
    */go.o)
      dir=\${a%/go.o} dest=\${REC%.rsp}.d
      rm -rf "\$dest" && cp -r "\$dir" "\$dest"
      : > "\$REC"
      skip=0
      for w; do
        if [ \$skip = 1 ]; then skip=0; continue; fi
        [ "\$w" = -o ] && { skip=1; continue; }
        case \$w in "\$dir"/*) w="\$dest/\${w#"\$dir"/}" ;; esac
        printf "'%s'\\n" "\$w" >> "\$REC"
      done
      break ;;
  esac
done
exec "${2:-$GOLD_LINK}" "\$@"
EOF
  chmod +x "$1"
}

# write_logger FILE LOG PROGRAM: a script that appends its arguments (one
# line a call) to LOG and runs PROGRAM with them.
write_logger () {
  cat > "$1" << EOF
#!/bin/sh
printf '%s\n' "\$*" >> "$2"
exec "$3" "\$@"
EOF
  chmod +x "$1"
}

# go_objects DIR GO-BUILD-ARGS...: go build with external linking, keeping
# cmd/link's go.o and host objects (000000.o ...) in DIR (-tmpdir); the
# build's output goes to DIR.log.  The Go fixture most tests start from.
go_objects () {
  g_dir=$1; shift
  mkdir -p "$g_dir"
  go build -ldflags="-linkmode=external -tmpdir=$WORK/$g_dir" "$@" > "$g_dir.log" 2>&1 \
    || { cat "$g_dir.log"; fail "go build $* failed"; }
  [ -s "$g_dir/go.o" ] || fail "go build $* left no go.o in $g_dir"
}

# Byte patching for the bad-input tests.
# poke FILE OFFSET BYTES: overwrite FILE at OFFSET with BYTES (printf %b,
# so '\267\000' are two bytes).
poke () {
  printf '%b' "$3" | dd of="$1" bs=1 seek="$2" conv=notrunc 2>/dev/null
}
# poke_le FILE OFFSET WIDTH VALUE: VALUE, little-endian, in WIDTH (1, 2, 4
# or 8) bytes.
poke_le () {
  perl -e 'my %f = (1 => "C", 2 => "v", 4 => "V", 8 => "Q<");
           print pack ($f{$ARGV[0]}, $ARGV[1])' "$3" "$4" \
    | dd of="$1" bs=1 seek="$2" conv=notrunc 2>/dev/null
}
# peek_le FILE OFFSET WIDTH: the little-endian number there.
peek_le () {
  perl -e 'my %f = (1 => "C", 2 => "v", 4 => "V", 8 => "Q<");
           open F, "<", $ARGV[0] or die; seek F, $ARGV[1], 0;
           read F, $b, $ARGV[2]; print unpack ($f{$ARGV[2]}, $b)' "$1" "$2" "$3"
}

# The Go build ID cmd/link wrote into a go.o (its .note.go.buildid, the
# note's whole description), or nothing when it has none.
go_o_buildid () {
  readelf -nW "$1" | perl -ne '
    next unless /^\s*Go\s+0x([0-9a-f]+)\s+GO BUILDID\s+description data: ([0-9a-f ]*)/;
    my ($size, @b) = (hex $1, split " ", $2);
    die "a $size-byte note with " . @b . " bytes of description\n" if @b != $size;
    print pack "C*", map { hex } @b;'
}

# arch_limits DEF LINKER [LIBC]: the limits of the arch file DEF on LINKER
# for a link with LIBC (default glibc), one "MODES<TAB>WHY" line each, in
# the file's order; MODES are the mode names of M(...) (EXE PIE ...), all
# of them for ALL_MODES.  A LIMIT_LIBC holds for its libc only.
arch_limits () {
  perl -0777 -ne '
    while (/LIMIT(?:_LIBC)?\s*\(\s*(\w+)\s*,\s*([^"]*?)\s*,\s*(?:"(\w+)"\s*,\s*)?"((?:[^"\\]|\\.)*)"\s*\)/g) {
      my ($ld, $m, $libc, $why) = (lc $1, $2, $3, $4);
      next if $ld ne $want;
      next if defined $libc && $libc ne $want_libc;
      $m = "EXE PIE C_SHARED C_ARCHIVE SHARED PLUGIN EXE_LINKSHARED" if $m eq "ALL_MODES";
      $m =~ s/M\s*\(\s*(\w+)\s*\)/$1/g; $m =~ s/\s*\|\s*/ /g;
      print "$m\t$why\n";
    }
    BEGIN { ($want, $want_libc) = (shift @ARGV, shift @ARGV) }' "$2" "${3:-glibc}" "$1"
}

# Which linker wrote OUT?  Each leaves its own mark: lld and mold a
# .comment line, gold a .note.gnu.gold-version, bfd neither.
made_by () {
  if readelf -p .comment "$1" 2> /dev/null | grep -q 'mold '; then echo mold
  elif readelf -p .comment "$1" 2> /dev/null | grep -q 'LLD '; then echo lld
  elif readelf -SW "$1" | grep -q 'gold-version'; then echo gold
  else echo bfd
  fi
}

# Running programs of another architecture.  xemu_setup QEMU TRIPLET [CPU]:
# run them under qemu-user QEMU with TRIPLET's cross libc as the root of
# absolute paths (empty QEMU: natively).  xrun [VAR=VALUE...] PROGRAM
# [ARG...] runs one with those variables set, killed after XTIMEOUT
# seconds (KILL: a hung emulator may ignore SIGTERM).
XEMU= XTIMEOUT=120
xemu_setup () {
  XEMU=
  [ -n "$1" ] || return 0
  need_cmd "$1" timeout
  [ -d "/usr/$2/lib" ] || skip "no /usr/$2/lib: install libc6-dev-*-cross for $2"
  XEMU="$1${3:+ -cpu $3} -L /usr/$2"
}
xrun () {
  x_env=
  while :; do
    case $1 in *=*) x_env="$x_env $1"; shift ;; *) break ;; esac
  done
  timeout -s KILL "$XTIMEOUT" env $x_env $XEMU "$@"
}
# xrun_ok OUT CHECK [VAR=VALUE...] PROGRAM [ARG...]: it exits 0 and CHECK
# accepts what it printed (in OUT).
xrun_ok () {
  x_o=$1 x_c=$2
  shift 2
  xrun "$@" > "$x_o" 2>&1 && $x_c "$x_o"
}
