# One Linux architecture end to end, parameterised by the architecture and
# the Go release (make check GO=...).  make check runs it as the test of
# arch/NAME.def (Makefile.am: DEF_LOG_COMPILER), with that file as $1; a
# variant's script (tests/run-cross-ppc64le-power10.sh) sets XNAME and
# sources it.  The parameters are data: the triplet, the TLS slot and the
# library entry come from arch/ARCH.def, the rest from tests/cross.tab
# (the row XNAME).
# With the target's C compiler as CC, go build links a cgo executable, a
# PIE, a c-shared library and a c-archive through gold-link (cmd/link's
# commands are recorded); each runs, the libraries from C programs.  Where
# the Go release has them (go list -buildmode answers, and must agree with
# the release table below), also a plugin loaded by a host program and a Go
# shared library with a -linkshared executable.  Then the linker matrix:
# every installed linker and auto, through gcc and --direct, relinks each
# mode from the recorded command: it links and runs, or gold-link refuses
# it with exactly the arch/ limit's error and note, and, forced with
# --no-linker-check, it really fails.  Then the .init_array glue (entry
# stripped with objcopy), and the TLS rules (an exe go.o linked as a
# library).  A missing toolchain or qemu skips the test.
XNAME=${XNAME:-$(basename "${1:?usage: cross.sh arch/NAME.def}" .def)}
XARCH=${XNAME%%-*}
GL_TESTNAME=cross-$XNAME
. "$abs_srcdir/tests/lib.sh"
need_cmd go readelf timeout gcc

# The arch file's data: the string value of FIELD.
XDEF=$abs_srcdir/arch/$XARCH.def
[ -f "$XDEF" ] || fail "no $XDEF"
arch_field () { sed -n "s/^ *\.$1 = \"\(.*\)\",.*/\1/p" "$XDEF"; }
XTRIPLET=$(arch_field triplet) XSLOT=$(arch_field tls_slot) XENTRY=$(arch_field lib_entry)
[ -n "$XTRIPLET" ] && [ -n "$XSLOT" ] && [ -n "$XENTRY" ] \
  || fail "$XDEF lacks .triplet, .tls_slot or .lib_entry"
# An architecture gold-link does not link for (.unsupported): its refusal.
[ -z "$(arch_field unsupported)" ] || { . "$abs_srcdir/tests/cross-unsupported.sh"; exit 0; }
# The test's own row.
row=$(awk -v n="$XNAME" '$1 == n' "$abs_srcdir/tests/cross.tab")
[ -n "$row" ] || fail "no row '$XNAME' in tests/cross.tab: add one (arch/README)"
set -- $row
XQEMU=$2 XLE=$3 XIE=$4
[ "$XQEMU" != - ] || XQEMU=
[ "$XIE" != - ] || XIE=
XLE_SINCE= XGOPPC64= XQEMU_CPU=
shift 4
for s; do
  case $s in
    -) ;;
    XLE_SINCE=*|XGOPPC64=*|XQEMU_CPU=*) eval "$s" ;;
    *) fail "tests/cross.tab, row $XNAME: unknown setting '$s'" ;;
  esac
done
set --

export GOARCH=$XARCH
unset CC
# Local-exec TLS in executables from XLE_SINCE on.
[ -z "$XLE_SINCE" ] || [ "$GL_GO_MINOR" -ge "$XLE_SINCE" ] || XLE=
if [ -n "$XGOPPC64" ]; then
  export GOPPC64=$XGOPPC64
  go env GOPPC64 > goppc64.log 2>&1 || skip "$GL_GO_VERSION: $(cat goppc64.log)"
fi

# The C compiler for the target: the machine's gcc for its own triplet,
# with the arch's flags where the arch lists the machine's CPU among its
# .multilib_cpus (386 by gcc -m32), else Debian's cross gcc.  XCC_NAME is
# the compiler gold-link itself finds without CC (cmd/link passes the
# flags).
host=$(gcc -dumpmachine)
case " $(arch_field multilib_cpus) " in
  *" ${host%%-*} "*) XMULTILIB=yes ;;
  *) XMULTILIB=no ;;
esac
if [ "$XTRIPLET" = "$host" ]; then
  XCC=gcc XCC_NAME=gcc
elif [ $XMULTILIB = yes ]; then
  XCC="gcc $(arch_field cc_flags)" XCC_NAME=gcc
else
  XCC=
  v=$(sed -n 's/^#define GL_CROSS_GCC_VERSION "\(.*\)"$/\1/p' "$abs_srcdir/arch/debian.def")
  for c in "$XTRIPLET-gcc-$v" "$XTRIPLET-gcc"; do
    if command -v "$c" > /dev/null 2>&1; then XCC=$c; break; fi
  done
  [ -n "$XCC" ] || skip "no $XTRIPLET-gcc-$v or $XTRIPLET-gcc: install gcc-$v-$XTRIPLET (tools/install-cross.sh)"
  XCC_NAME=$XCC
fi
[ -n "$XQEMU" ] || [ "$XTRIPLET" = "$host" ] || [ $XMULTILIB = yes ] \
  || skip "$XARCH programs run natively on ${host%%-*} only"
# How to run its programs: natively (amd64; 386 with Debian's multilib
# loader from libc6-i386: qemu-i386 hangs on Go binaries), else under
# qemu-user with the cross libc as the root of absolute paths (xrun,
# tests/lib.sh).
xemu_setup "$XQEMU" "$XTRIPLET" "$XQEMU_CPU"

# Multilib (386): cgo's C code includes <asm/errno.h>, which Debian finds
# through /usr/include/asm, a symlink only gcc-multilib makes (and
# gcc-multilib conflicts with the cross compilers; gcc-12-multilib does not
# make it).  A scratch directory holds the same symlink.
XCFLAGS=
if [ $XMULTILIB = yes ]; then
  if ! echo '#include <errno.h>' | $XCC -E - > /dev/null 2>&1; then
    mkdir -p inc32
    ln -s "/usr/include/$host/asm" inc32/asm
    XCFLAGS="-isystem $WORK/inc32"
  fi
fi
printf '#include <errno.h>\n#include <stdio.h>\nint main(void){puts("c ok");return 0;}\n' > cok.c
$XCC $XCFLAGS -o cok cok.c > cok.log 2>&1 \
  || { cat cok.log; skip "$XCC cannot link a C program for $XARCH (install its libc: libc6-dev-*-cross, libc6-dev-i386)"; }
check_cok () { grep -qx 'c ok' "$1"; }
xrun_ok cok.out check_cok ./cok || skip "a $XARCH C program does not run here${XQEMU:+ under $XQEMU}"
note "$XNAME: $XCC${XEMU:+, run by $XEMU}"

# objcopy for the target: the cross binutils, else the machine's.
XOBJCOPY=objcopy
command -v "$XTRIPLET-objcopy" > /dev/null 2>&1 && XOBJCOPY=$XTRIPLET-objcopy
need_cmd "$XOBJCOPY"

# go for the target: cmd/go exports CC, GOARCH and CGO_ENABLED to the link.
xgo () { CC="$XCC" CGO_CFLAGS="-g -O2 $XCFLAGS" go "$@"; }
xcc () { $XCC $XCFLAGS "$@"; }

go_module cgoprog clib
write_recorder rec.sh
mkdir t ta
REC_FLAGS="-linkmode=external -extld=$WORK/rec.sh -extar=$GOLD_LINK_AR -tmpdir=$WORK/t"
record () {			# record NAME go-build-arguments...
  name=$1; shift
  REC="$WORK/$name.rsp" xgo "$@" > "$name.build.log" 2>&1 \
    || { cat "$name.build.log"; fail "go $* failed"; }
  [ -s "$name.rsp" ] || fail "no link command recorded for $name"
}

# What the C programs print when the Go code works.
check_prog () { grep -q 'hello from a gold-linked cgo program' "$1" && grep -q 'callback 41' "$1"; }
check_use () { grep -q 'GoAdd(40, 2) = 42, GoUpper = GOLD-LINK' "$1"; }

# The modes this Go release builds here: go list -buildmode=M says whether
# go supports M, and it must agree with what the releases are known to do
# (internal/platform/supported.go): the MIPS architectures have exe alone
# (no -shared; Go 1.19 and 1.20 list c-archive there, which their compiler
# then refuses), riscv64 plugin from Go 1.25 and never shared.
check_plugin () { grep -qx 'hi, gold-link from a plugin' "$1"; }
check_lsh () { grep -q 'hello from a shared runtime' "$1"; }
go_module plugin pluginhost
# go_supports MODE: does go build -buildmode=MODE for this GOARCH?
go_supports () {
  xgo list -buildmode="$1" ./plugin > "$1.list.log" 2>&1 && return 0
  grep -q "buildmode=$1 not supported on linux/$XARCH" "$1.list.log" \
    || { cat "$1.list.log"; fail "go list -buildmode=$1 failed for another reason"; }
  return 1
}
case $XARCH in
  mips*) want_modes="exe$([ "$GL_GO_MINOR" -ge 21 ] || echo ' c-archive')" ;;
  riscv64) want_modes="exe pie c-shared c-archive$([ "$GL_GO_MINOR" -lt 25 ] || echo ' plugin')" ;;
  *) want_modes="exe pie c-shared c-archive plugin shared" ;;
esac
XMODES=
for m in exe pie c-shared c-archive plugin shared; do
  go_supports $m && XMODES="${XMODES:+$XMODES }$m"
done
[ "$XMODES" = "$want_modes" ] \
  || fail "$GL_GO_VERSION linux/$XARCH: go list -buildmode supports '$XMODES', expected '$want_modes'"
case $XARCH/$XMODES in
  mips*/"exe c-archive")
    ! xgo build -buildmode=c-archive -o libgo.a ./clib > c-archive.build.log 2>&1 \
      && grep -q "linux/$XARCH does not support -shared" c-archive.build.log \
      || { cat c-archive.build.log; fail "$GL_GO_VERSION: go build -buildmode=c-archive on $XARCH did not fail as expected"; }
    note "go list: c-archive on $XARCH in $GL_GO_VERSION, but: $(grep -m1 'does not support -shared' c-archive.build.log)"
    XMODES=exe ;;
esac
has_mode () { case " $XMODES " in *" $1 "*) return 0 ;; esac; return 1; }

# go build through gold-link, as users run it, in each mode it has of exe,
# pie, c-shared and c-archive.
record exe build -o exe0 -ldflags="$REC_FLAGS" ./cgoprog
built="exe"
! has_mode pie || record pie build -buildmode=pie -o pie0 -ldflags="$REC_FLAGS" ./cgoprog
! has_mode c-shared || record c-shared build -buildmode=c-shared -o libgo.so -ldflags="$REC_FLAGS" ./clib
if has_mode c-archive; then
  xgo build -buildmode=c-archive -o libgo.a \
    -ldflags="$GL_LDFLAGS -tmpdir=$WORK/ta" ./clib > c-archive.build.log 2>&1 \
    || { cat c-archive.build.log; fail "go build -buildmode=c-archive failed"; }
  grep -a -q 'go.o/  .*100644' libgo.a || fail "libgo.a was not written by gold-link-ar"
fi
for f in exe0 pie0 libgo.so; do
  [ -e "$f" ] || continue
  [ "$(readelf -h "$f" | awk '/Machine:/ { $1 = ""; print }')" \
    = "$(readelf -h exe.d/go.o | awk '/Machine:/ { $1 = ""; print }')" ] \
    || fail "$f is not for $XARCH"
done
readelf -h exe0 | grep -q 'Type: *EXEC' || fail "exe0 is not an ET_EXEC"
xrun_ok exe0.out check_prog ./exe0 || { cat exe0.out; fail "the exe from go build does not run"; }
if has_mode pie; then
  readelf -h pie0 | grep -q 'Type: *DYN' || fail "pie0 is not an ET_DYN"
  readelf -l pie0 | grep -q INTERP || fail "pie0 has no PT_INTERP"
  xrun_ok pie0.out check_prog ./pie0 || { cat pie0.out; fail "the PIE from go build does not run"; }
  built="$built, pie"
fi
# The C programs: one linked with the library (found through
# LD_LIBRARY_PATH, so that each relinked library can stand in), one
# dlopening it, one linked with the archive.
if has_mode c-shared; then
  # DF_STATIC_TLS is the linker's to set, and not all do for IE TLS in a
  # shared object (measured: bfd on arm64, gold on ppc64le, lld on arm,
  # arm64 and ppc64le leave it out): what auto's choice did is reported.
  static_tls=$(readelf -d libgo.so | grep -q STATIC_TLS && echo set || echo "not set")
  xcc -o use "$TESTDATA/cdrivers/use.c" -L. -lgo || fail "$XCC cannot link with libgo.so"
  xcc -o dl "$TESTDATA/cdrivers/dl.c" -ldl || fail "$XCC cannot link dl.c"
  check_dl () { grep -q 'dlopen GoAdd(1, 2) = 3' "$1"; }
  xrun_ok use.out check_use LD_LIBRARY_PATH="$WORK" ./use || { cat use.out; fail "libgo.so from go build does not work"; }
  xrun_ok dl.out check_dl ./dl "$WORK/libgo.so" || { cat dl.out; fail "dlopen of libgo.so from go build does not work"; }
  built="$built, c-shared (linked and dlopened; DF_STATIC_TLS $static_tls)"
fi
if has_mode c-archive; then
  xcc -c -o use.o "$TESTDATA/cdrivers/use.c" || fail "$XCC cannot compile use.c"
  xcc -o use-a use.o libgo.a -lpthread || fail "$XCC cannot link with libgo.a"
  xrun_ok use-a.out check_use ./use-a || { cat use-a.out; fail "a program with libgo.a does not work"; }
  built="$built, c-archive"
fi
note "go build: $built: ok"

# Go's dynamically linked modes, where this Go release has them: a plugin
# loaded by a host program, and a Go shared library (runtime and
# sync/atomic, as testshared builds it) used by a -linkshared executable.
if has_mode plugin; then
  record plugin build -buildmode=plugin -o greet.so -ldflags="$REC_FLAGS" ./plugin
  xgo build -o host -ldflags="$GL_LDFLAGS" ./pluginhost > host.build.log 2>&1 \
    || { cat host.build.log; fail "go build of the plugin host failed"; }
  xrun_ok host.out check_plugin ./host "$WORK/greet.so" \
    || { cat host.out; fail "the plugin from go build does not work"; }
  note "go build: plugin: ok"
else
  note "go build: no plugin mode on $XARCH in $GL_GO_VERSION"
fi
if has_mode shared; then
  XMODES="$XMODES linkshared"
  mkdir shx
  printf 'package main\n\nfunc main() { println("hello from a shared runtime") }\n' > shx/main.go
  # The same flags both times, or go rebuilds the library for the executable.
  record shared install -buildmode=shared -linkshared -pkgdir="$WORK/pkg" \
    -ldflags="$REC_FLAGS" runtime sync/atomic
  record linkshared build -linkshared -pkgdir="$WORK/pkg" -o lsh0 \
    -ldflags="$REC_FLAGS" ./shx
  shlib=$(cd pkg && ls lib*.so)
  xrun_ok lsh0.out check_lsh ./lsh0 || { cat lsh0.out; fail "the -linkshared executable from go build does not run"; }
  note "go build: shared, -linkshared exe: ok"
else
  note "go build: no shared or -linkshared mode on $XARCH in $GL_GO_VERSION"
fi

# cmd/link asks for gold in Go's dynamically linked modes: on arm before Go
# 1.21; on arm64 before Go 1.26.3, from which it asks the compiler for
# -Wl,--version and wants gold only where GNU ld is 2.35 or older (here it
# is newer).  gold-link must honour the request.
go_patch=$(printf '%s\n' "$GL_GO_VERSION" | sed -n 's/^go1\.[0-9]*\.\([0-9]*\).*/\1/p')
want_gold=no
case $XARCH in
  arm) [ "$GL_GO_MINOR" -ge 21 ] || want_gold=yes ;;
  arm64) [ "$GL_GO_MINOR" -gt 26 ] || { [ "$GL_GO_MINOR" = 26 ] && [ "${go_patch:-0}" -ge 3 ]; } \
    || want_gold=yes ;;
esac
for m in plugin shared linkshared; do
  [ -s $m.rsp ] || continue
  case $m in plugin) o=greet.so ;; shared) o=pkg/$shlib ;; linkshared) o=lsh0 ;; esac
  if grep -qx "'-fuse-ld=gold'" $m.rsp; then
    [ $want_gold = yes ] || fail "$GL_GO_VERSION sent -fuse-ld=gold for $XARCH $m"
    [ "$(made_by $o)" = gold ] || fail "cmd/link asked for gold, but go build's $o was made by $(made_by $o)"
    note "go build: $m: cmd/link asked for gold, and gold linked it"
  else
    [ $want_gold = no ] || fail "$GL_GO_VERSION did not send -fuse-ld=gold for $XARCH $m"
  fi
done

# --- the linker matrix ------------------------------------------------------
# Every linker and auto, through gcc and --direct, relinks every mode from
# cmd/link's recorded command.

# xlink DIR OUT MODE [gold-link options...]: relink MODE into DIR/OUT from
# cmd/link's recorded command; the log is DIR/log.  A -linkshared
# executable is linked against LSH_PKG's Go shared library (default: go
# build's).
xlink () {
  x_d=$1 x_out=$2 x_mode=$3
  shift 3
  case $x_mode in
    c-archive) "$GOLD_LINK" -v "$@" -o "$x_d/$x_out" use.o libgo.a -lpthread ;;
    linkshared)
      sed "s|$WORK/pkg|${LSH_PKG:-$WORK/pkg}|g" linkshared.rsp > "$x_d/linkshared.rsp"
      "$GOLD_LINK" -v "$@" -o "$x_d/$x_out" @"$x_d/linkshared.rsp" ;;
    *) "$GOLD_LINK" -v "$@" -o "$x_d/$x_out" @$x_mode.rsp ;;
  esac > "$x_d/log" 2>&1
}

# What Go's tools read: go tool buildid (of the Go running the test, which
# reads any architecture's ELF: it runs on this machine, GOARCH unset).
XBUILDID=$(env -u GOARCH go tool -n buildid) || fail "no go tool buildid"
XBUILDID_READ=0
[ -x "$XBUILDID" ] || fail "go tool -n buildid names '$XBUILDID'"
# buildid_wrong DIR MODE: when go tool buildid does not read, whole, the
# Go build ID of MODE's go.o in DIR's output, say what it reads (one
# "wrong output: " line, bytes outside printable ASCII in octal).  Every
# exe, pie, c-shared, plugin and -linkshared exe go.o has the note; a Go
# shared library's has none (cmd/go passes it no -buildid), and a
# c-archive's program is the C compiler's.
buildid_wrong () {
  case $2 in
    shared|c-archive) return 0 ;;
  esac
  b_want=$(go_o_buildid "$2.d/go.o")
  [ -n "$b_want" ] || fail "$2.d/go.o has no Go build ID note (.note.go.buildid)"
  "$XBUILDID" "$1/$(out_name "$2")" > "$1/buildid" 2>&1 || true
  if [ "$(cat "$1/buildid")" = "$b_want" ] && [ "$(wc -l < "$1/buildid")" = 1 ]; then
    XBUILDID_READ=$((XBUILDID_READ + 1))
    return 0
  fi
  printf 'wrong output: go tool buildid reads "%s", not go.o'"'"'s %s\n' \
    "$(perl -0777 -pe 's/\n\z//; s/(["\\])/\\$1/g; s/([^\x20-\x7e])/sprintf "\\%03o", ord $1/ge' "$1/buildid" | cut -c1-120)" "$b_want"
  return 1
}

# xcheck DIR MODE: does DIR's output run, and do Go's tools read it
# (buildid_wrong)?  What it prints goes to DIR/out, what went wrong to
# DIR/why.  A plugin is loaded by go build's host; a Go shared library
# runs go build's -linkshared executable (LD_LIBRARY_PATH comes before its
# DT_RUNPATH); a -linkshared executable runs with the Go shared library it
# was linked against (run_one).
xcheck () {
  set +e
  case $2 in
    exe|pie) xrun "./$1/prog" ;;
    c-shared) xrun LD_LIBRARY_PATH="$WORK/$1" ./use ;;
    c-archive) xrun "./$1/use" ;;
    plugin) xrun ./host "$WORK/$1/greet.so" ;;
    shared) xrun LD_LIBRARY_PATH="$WORK/$1" ./lsh0 ;;
    linkshared) xrun "./$1/lsh" ;;
  esac > "$1/out" 2>&1
  x_status=$?
  set -e
  if [ $x_status = 0 ]; then
    case $2 in
      exe|pie) check_prog "$1/out" ;;
      c-shared|c-archive) check_use "$1/out" ;;
      plugin) check_plugin "$1/out" ;;
      shared|linkshared) check_lsh "$1/out" ;;
    esac && { buildid_wrong "$1" "$2" > "$1/why" && return 0 || return 1; }
  fi
  case $x_status in
    0) echo "wrong output: $(grep -v '^ *$' "$1/out" | head -n 1 | cut -c1-100)" ;;
    137) echo "killed after $XTIMEOUT s" ;;
    *) if [ $x_status -gt 128 ]; then echo "killed by SIG$(kill -l $((x_status - 128)))"
       else echo "exit status $x_status: $(grep -v '^ *$' "$1/out" | head -n 1 | cut -c1-100)"; fi ;;
  esac > "$1/why"
  return 1
}

out_name () {
  case $1 in
    exe|pie) echo prog ;;
    c-shared) echo libgo.so ;;
    c-archive) echo use ;;
    plugin) echo greet.so ;;
    shared) echo "$shlib" ;;
    linkshared) echo lsh ;;
  esac
}

# The limits, as gold-link must state them.  limits_of LINKER: one line
# "MODES<TAB>WHY" per limit on LINKER here, in gold-link's order: those
# that hold everywhere (src/linker.c: lld and Go shared libraries, gold
# and a static PIE, mold and -S), then the LIMIT entries of the arch file.
limits_of () {
  case $1 in
    lld) printf '%s\t%s\n' "SHARED EXE_LINKSHARED" "lld 14 breaks -buildmode=shared and -linkshared: cmd/link cannot re-read the Go shared libraries it writes (golang/go#46560)" ;;
    gold) printf '%s\t%s\n' STATIC_PIE "gold has no --no-dynamic-linker, which a static PIE needs" ;;
    mold) printf '%s\t%s\n' STRIP_DEBUG "mold 1.10 drops the whole .symtab for -S (--strip-debug), which is to remove only the debug sections (rui314/mold#1080)" ;;
  esac
  # The cross tests link with glibc.
  arch_limits "$XDEF" "$1" glibc
}
# expected_refusal LINKER MODE: the error line gold-link must give when it
# refuses LINKER for MODE, or nothing where no limit applies.
expected_refusal () {
  case $2 in
    exe) e_bit=EXE e_name=exe ;;
    pie) e_bit=PIE e_name=pie ;;
    c-shared) e_bit=C_SHARED e_name=c-shared ;;
    c-archive) e_bit=C_ARCHIVE e_name="a program containing a Go c-archive" ;;
    plugin) e_bit=PLUGIN e_name=plugin ;;
    shared) e_bit=SHARED e_name=shared ;;
    linkshared) e_bit=EXE_LINKSHARED e_name="exe (-linkshared)" ;;
  esac
  e_also=
  [ "$2" = c-archive ] || ! grep -q -E "^'-Wl,([^,']*,)*(-S|--strip-debug|-strip-debug)(,[^']*)?'\$" "$2.rsp" \
    || e_also=STRIP_DEBUG
  limits_of "$1" | while IFS='	' read -r e_modes e_why; do
    case " $e_modes " in
      *" $e_bit "*|*" ${e_also:-none} "*)
	printf 'gold-link: error: --linker=%s: %s cannot link %s %s: %s\n' "$1" "$1" "$XARCH" "$e_name" "$e_why"
	break ;;
    esac
  done
}
REFUSAL_NOTE="gold-link: note: use --linker=auto to pick a linker that works here, or --no-linker-check to try it anyway"

# Limits these programs cannot prove: lld's Go shared libraries and
# -linkshared executables fail testshared's TestGCData (golang/go#46560),
# which programs this small do not show; mold's riscv64 exe limit is about
# local-exec TLS, which Go before 1.22 does not use there (XLE empty); the
# ppc64le limits of mold for pie, c-shared and c-archive and of lld for pie
# and c-archive are about GOPPC64=power10 code (run-cross-ppc64le-power10.sh).
unprovable () {
  case $XARCH/$1/$2 in
    */lld/shared|*/lld/linkshared) return 0 ;;
    riscv64/mold/exe) [ -z "$XLE" ] ;;
    ppc64le/mold/pie|ppc64le/mold/c-shared|ppc64le/mold/c-archive|ppc64le/lld/pie|ppc64le/lld/c-archive)
      [ "$XGOPPC64" != power10 ] ;;
    *) return 1 ;;
  esac
}

# run_one MODE LINKER VIA: link, run, and report one line of the table.
run_one () {
  mode=$1 l=$2 via=$3
  d="o-$mode-$l-$via" out=$(out_name "$mode")
  mkdir -p "$d"
  set -- --linker="$l"
  [ "$via" = direct ] && set -- "$@" --direct
  # A -linkshared executable links against the Go shared library this
  # linker made (run-matrix.sh did so), where it made one.
  LSH_PKG=
  [ "$mode" != linkshared ] || [ ! -s "o-shared-$l-$via/$shlib" ] || LSH_PKG=$WORK/o-shared-$l-$via
  status=0
  LSH_PKG=$LSH_PKG xlink "$d" "$out" "$mode" "$@" || status=$?
  want=
  [ "$l" = auto ] || want=$(expected_refusal "$l" "$mode")
  if [ -n "$want" ]; then
    # Refused, exactly as the limit says, before any output.
    [ $status = 2 ] || { cat "$d/log"; fail "$d: exit $status, but arch/ or src/linker.c has the limit '$want'"; }
    got=$(grep -e '^gold-link: error: ' -e '^gold-link: note: ' "$d/log")
    [ "$got" = "$want
$REFUSAL_NOTE" ] || { cat "$d/log"; fail "$d: the refusal is not, whole, '$want' and its note"; }
    [ ! -e "$d/$out" ] || fail "$d: output after a refusal"
    why=${want#"gold-link: error: --linker=$l: "}
    # Forced, the link must really fail, or its output must.
    mkdir -p "$d/forced"
    fstatus=0
    LSH_PKG=$LSH_PKG xlink "$d/forced" "$out" "$mode" --no-linker-check "$@" || fstatus=$?
    if [ $fstatus != 0 ]; then
      how=$(sed -n 's/^gold-link: error: //p' "$d/forced/log")
      [ -n "$how" ] || how=$(grep -v -e '^gold-link: ' -e '^Configured with' -e '^COLLECT' -e '^ ' "$d/forced/log" \
        | grep -i -m1 -e error -e unknown -e unsupported -e 'not supported' -e cannot -e undefined | cut -c1-150)
      how="link fails: $how"
    elif printf '%s' "$why" | grep -q 'strip-debug' \
	 && ! readelf -SW "$d/forced/$out" | grep -q ' \.symtab '; then
      # The mold -S limit: the output runs, but has no symbol table for
      # cmd/link to read a Go shared library back by (testshared TestNotes).
      how="wrong output: no .symtab"
    elif xcheck "$d/forced" "$mode"; then
      if unprovable "$l" "$mode"; then
	case $XARCH/$l/$mode in
	  */lld/shared|*/lld/linkshared) here="the failure shows in testshared's TestGCData" ;;
	  riscv64/*) here="$GL_GO_VERSION's exe go.o has no local-exec TLS" ;;
	  ppc64le/*) here="not power10 code: proven by run-cross-ppc64le-power10.sh" ;;
	esac
	note "$mode $l $via: refused: $why; forced: links and runs here ($here)"
	return 0
      fi
      cat "$d/forced/log"
      fail "$mode $l $via: refused ($why), but forced it links and runs: the limit in arch/$XARCH.def is wrong"
    else
      case $(cat "$d/forced/why") in
	"wrong output: go tool buildid "*) how="links and runs, but $(cat "$d/forced/why")" ;;
	*) how="runs wrong: $(cat "$d/forced/why")" ;;
      esac
    fi
    note "$mode $l $via: refused: $why; forced: $(echo "$how" | sed "s|$WORK/||g")"
    return 0
  fi
  if [ $status = 2 ] && grep -q "no usable $l linker for $XARCH" "$d/log"; then
    note "$mode $l $via: skipped: $(sed -n 's/^gold-link: error: [^ ]* //p' "$d/log")"
    return 0
  fi
  [ $status = 0 ] || { cat "$d/log"; fail "$mode with $l ($via) failed to link"; }
  kind=$l chose=
  if [ "$l" = auto ]; then
    grep -q "by --linker=auto: the fastest installed linker known good for $XARCH " "$d/log" \
      || { cat "$d/log"; fail "$d: -v does not say why auto chose"; }
    kind=$(sed -n 's/^gold-link: linker: \(GNU gold\|GNU ld\|mold\|.*LLD\).*/\1/p' "$d/log" \
      | sed 's/GNU gold/gold/; s/GNU ld/bfd/; s/.*LLD/lld/')
    chose=" ($kind)"
  fi
  [ "$(made_by "$d/$out")" = "$kind" ] || fail "$d: made by $(made_by "$d/$out"), not $kind"
  if [ $via = direct ]; then
    grep -q "run directly" "$d/log" || fail "$d: not a direct link"
  else
    grep -q "through $XCC_NAME " "$d/log" || { cat "$d/log"; fail "$d: not linked through $XCC_NAME"; }
  fi
  xcheck "$d" "$mode" || { cat "$d/log" "$d/out"; fail "$mode linked by $l ($via): $(cat "$d/why")"; }
  # Go's build information (.go.buildinfo) survives the link: go version
  # reads the release from the output (from a plugin only from Go 1.21,
  # whose plugins first have .go.buildinfo).
  case $mode in
    exe|pie|c-shared|plugin)
      if [ $mode != plugin ] || [ "$GL_GO_MINOR" -ge 21 ]; then
	[ "$(go version "$d/$out" 2>&1)" = "$d/$out: $GL_GO_VERSION" ] \
	  || fail "$d: go version says '$(go version "$d/$out" 2>&1)'"
      fi ;;
  esac
  note "$mode $l $via: ok$chose${LSH_PKG:+ (with ${LSH_PKG#$WORK/}/$shlib)}"
}

for l in auto bfd gold lld mold; do
  for via in gcc direct; do
    for mode in $XMODES; do
      run_one $mode $l $via
    done
  done
done

[ $XBUILDID_READ -gt 0 ] || fail "no output was checked with go tool buildid"
read_modes=
for m in $XMODES; do
  case $m in shared|c-archive) ;; *) read_modes="${read_modes:+$read_modes, }$m" ;; esac
done
note "go tool buildid: read go.o's Go build ID, whole, in $XBUILDID_READ outputs that link ($read_modes)"

# gcc for ppc64le passes the linker -V for -v, which lld reads as
# --version: gold-link keeps its -v from the driver there.
if [ "$XARCH" = ppc64le ] && [ -s o-exe-lld-gcc/log ]; then
  grep -q '^gold-link: -v is not passed to .*: it would pass lld -V' o-exe-lld-gcc/log \
    || fail "-v reached $XCC with lld"
fi

# The TLS models gold-link saw in cmd/link's objects.
tls_line () { sed -n 's/^gold-link: TLS: //p' "$1"; }
if [ -n "$XLE" ]; then
  tls_line o-exe-auto-gcc/log | grep -q "local-exec model: [1-9][0-9]* local-exec ($XLE), 0 initial-exec" \
    || fail "exe go.o: TLS is '$(tls_line o-exe-auto-gcc/log)', want local-exec ($XLE)"
else
  tls_line o-exe-auto-gcc/log | grep -q "initial-exec model: 0 local-exec, [1-9][0-9]* initial-exec ($XIE)" \
    || fail "exe go.o: TLS is '$(tls_line o-exe-auto-gcc/log)', want initial-exec ($XIE) only"
fi
for m in pie c-shared; do
  has_mode $m || continue
  tls_line o-$m-auto-gcc/log | grep -q "slot $XSLOT (local, defined), initial-exec model: 0 local-exec, [1-9][0-9]* initial-exec ($XIE)" \
    || fail "$m go.o: TLS is '$(tls_line o-$m-auto-gcc/log)', want initial-exec ($XIE)"
done
note "TLS: exe $(tls_line o-exe-auto-gcc/log | sed 's/.*model: //')$(! has_mode pie \
  || echo "; pie $(tls_line o-pie-auto-gcc/log | sed 's/.*model: //')")"
# A -linkshared executable leaves the slot to the Go shared library: its
# go.o names the slot undefined, or (where the slot is runtime.tls_g, which
# only the runtime's assembly touches) only runtime.tlsg, undefined.
if [ -s o-linkshared-auto-gcc/log ]; then
  tls_line o-linkshared-auto-gcc/log | grep -q -e "slot $XSLOT (global, undefined)" \
    -e "slot $XSLOT not in go.o, which names runtime.tlsg undefined" \
    || fail "-linkshared go.o: TLS is '$(tls_line o-linkshared-auto-gcc/log)'"
  note "TLS: -linkshared exe: $(tls_line o-linkshared-auto-gcc/log)"
fi

# The TLS rules refuse an exe go.o as a library, before any linker runs,
# naming the arch's relocation.  (On riscv64 before Go 1.22 exes use
# initial-exec too: there is nothing for them to refuse.)
bad_setup
exe_objs=$(ls exe.d/0*.o)
expect_bad 1 "exe.d/go.o: has no $XENTRY: it was not built for a library mode" \
  "$GOLD_LINK" --buildmode=c-shared -o out/lib.so exe.d/go.o $exe_objs
if [ -n "$XLE" ]; then
  expect_bad 1 "exe.d/go.o: [1-9][0-9]* local-exec TLS relocations\? ($XLE) against $XSLOT, but a shared object (plugin) needs initial-exec" \
    "$GOLD_LINK" --buildmode=plugin -o out/p.so exe.d/go.o $exe_objs
  note "TLS: an exe go.o as c-shared or plugin: refused, naming $XLE"
else
  "$GOLD_LINK" -v --dry-run --buildmode=plugin -o out/p.so exe.d/go.o $exe_objs > /dev/null 2> plugin.log \
    || { cat plugin.log; fail "an initial-exec exe go.o refused as a plugin"; }
  note "TLS: an exe go.o as c-shared: refused; as plugin: accepted (initial-exec)"
fi

# The .init_array glue: cmd/link's c-shared go.o without its entry gets one
# in a staged copy, and the library works; without the glue it does not.
# (Where Go has c-shared and c-archive.)
has_mode c-shared || { note "glue: no library modes on $XARCH in $GL_GO_VERSION"; exit 0; }
rel=.rela.init_array
[ "$(readelf -h exe.d/go.o | awk '/Class:/ { print $2 }')" = ELF32 ] && rel=.rel.init_array
init_relocs () {
  readelf -rW "$1" | awk -v e="$XENTRY" '
    /^Relocation section/ { on = /\.init_array. at offset/ }
    on && $5 == e { n++ }
    END { print n + 0 }'
}
[ "$(init_relocs c-shared.d/go.o)" = 1 ] || fail "cmd/link's c-shared go.o has $(init_relocs c-shared.d/go.o) init entries"
mkdir bare glued nog
$XOBJCOPY -R .init_array -R "$rel" c-shared.d/go.o bare/go.o
[ "$(init_relocs bare/go.o)" = 0 ] || fail "$XOBJCOPY left the init entry"
sed "s|^'$WORK/c-shared.d/go.o'\$|'$WORK/bare/go.o'|" c-shared.rsp > bare.rsp
grep -q "bare/go.o" bare.rsp || fail "bare.rsp does not name the stripped go.o"
"$GOLD_LINK" -v -o glued/libgo.so @bare.rsp > glued/log 2>&1 || { cat glued/log; fail "gold-link failed on the go.o without its entry"; }
grep -q "^gold-link: glue: go.o has no .init_array entry for $XENTRY, .*added one (.init_array and $rel)" glued/log \
  || { cat glued/log; fail "-v does not report the glue"; }
xrun_ok glued/out check_use LD_LIBRARY_PATH="$WORK/glued" ./use \
  || { cat glued/out; fail "the glued library does not work"; }
# Without it: the first call into Go waits for a runtime nobody started.
xcc -o nog/libgo.so @bare.rsp || fail "$XCC cannot link the stripped go.o"
XTIMEOUT=5
if xrun_ok nog/out check_use LD_LIBRARY_PATH="$WORK/nog" ./use; then
  fail "the library works without its init entry: the glue test proves nothing"
fi
XTIMEOUT=120
# c-archive: the archive gets the glued copy; a program with it works.
mkdir bare-a ga
$XOBJCOPY -R .init_array -R "$rel" ta/go.o bare-a/go.o
"$GOLD_LINK" -v --buildmode=c-archive -o ga/libgo.a bare-a/go.o ta/0*.o > ga/log 2>&1 \
  || { cat ga/log; fail "gold-link --buildmode=c-archive failed on the go.o without its entry"; }
grep -q "^gold-link: glue: go.o has no .init_array entry for $XENTRY, .*added one (.init_array and $rel)" ga/log \
  || { cat ga/log; fail "-v does not report the c-archive glue"; }
xcc -o ga/use use.o ga/libgo.a -lpthread || fail "$XCC cannot link with the glued archive"
xrun_ok ga/out check_use ./ga/use || { cat ga/out; fail "a program with the glued archive does not work"; }
note "glue: c-shared and c-archive go.o without .init_array ($rel): entry added, the library works; without it, it does not"
exit 0
