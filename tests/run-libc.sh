#!/bin/sh
# Every libc and static kind (SPEC "Libcs"): glibc and musl, each dynamic,
# -static and -static-pie, in exe and pie, with every linker; c-shared and
# a program containing a c-archive, dynamic.  A real cgo program with
# threads, a C __thread variable and callbacks into Go is relinked from
# cmd/link's recorded command, run, and its output judged by file(1),
# readelf and go tool buildid.  What cannot work is refused, whole, and
# shown wrong when forced; -v names the libc.  On amd64 natively (gcc,
# musl-gcc); GL_LIBC_ARCH=arm64 (tests/run-libc-arm64.sh) with Debian's
# cross gcc, given musl-dev:arm64's specs for musl, under qemu-aarch64.
. "$abs_srcdir/tests/lib.sh"
need_cmd go file readelf
LARCH=${GL_LIBC_ARCH:-amd64}
DEF=$abs_srcdir/arch/$LARCH.def
case $LARCH in
  amd64)
    [ "$(go env GOARCH)" = amd64 ] || skip "musl-gcc is Debian's for amd64; this is $(go env GOARCH)"
    need_cmd gcc musl-gcc
    GLIBC_CC=gcc MUSL_CC=musl-gcc
    xemu_setup "" "" ;;
  arm64)
    GLIBC_CC=aarch64-linux-gnu-gcc-12
    need_cmd "$GLIBC_CC"
    specs=/usr/lib/aarch64-linux-musl/musl-gcc.specs
    [ -f $specs ] || skip "no $specs: install musl-dev:arm64 (tools/install-deps.sh)"
    MUSL_CC="$GLIBC_CC -specs $specs"
    xemu_setup qemu-aarch64 aarch64-linux-gnu
    GOARCH=arm64
    export GOARCH ;;
  *) fail "GL_LIBC_ARCH=$LARCH: amd64 or arm64" ;;
esac
MUSL_NAME=${MUSL_CC%% *} GLIBC_NAME=${GLIBC_CC%% *}
go_module threads clib
write_recorder rec.sh
NOTE_CHECK="link the library with a glibc compiler, or build the Go code into a musl program with -buildmode=exe, or pass --no-linker-check to link it anyway"
# The linkers by their names, for the compilers run by hand here (Debian's
# cross gcc finds lld and mold only so, as gold-link's -B directory).
mkdir ldbin
for l in lld mold; do ln -s "$(command -v ld.$l)" ldbin/ld.$l; done

# record LIBC KIND MODE PKG: cmd/link's command for MODE, built with
# LIBC's compiler, with -extldflags=-KIND unless KIND is dynamic, as
# LIBC.KIND.MODE.rsp (its objects in LIBC.KIND.MODE.d).  cmd/link itself
# adapts to -static (it drops -rdynamic).  The build links through
# gold-link, which may refuse it.
cc_of () { case $1 in glibc) echo "$GLIBC_CC" ;; musl) echo "$MUSL_CC" ;; esac; }
name_of () { case $1 in glibc) echo "$GLIBC_NAME" ;; musl) echo "$MUSL_NAME" ;; esac; }
record () {
  r_x=
  [ "$2" = dynamic ] || r_x="'-extldflags=-$2'"
  REC="$WORK/$1.$2.$3.rsp" CC="$(cc_of "$1")" go build -buildmode="$3" -o "$1.$2.$3.out" \
    -ldflags="-linkmode=external -extld=$WORK/rec.sh -extar=$GOLD_LINK_AR $r_x" "./$4" \
    > "$1.$2.$3.build.log" 2>&1 || true
  [ -s "$1.$2.$3.rsp" ] || { cat "$1.$2.$3.build.log"; fail "no link command recorded for $1 $2 $3"; }
}
for libc in glibc musl; do
  for kind in dynamic static static-pie; do
    record $libc $kind exe threads
    record $libc $kind pie threads
  done
  record $libc dynamic c-shared clib
done
# The dynamic linkers: glibc's as the arch file names it, musl's as its
# driver's link line does.
LOADER_glibc=$(sed -n 's/^ *\.dynamic_linker = "\(.*\)",.*/\1/p' "$DEF")
LOADER_musl=$($MUSL_CC -### -x c /dev/null -o /dev/null 2>&1 | grep -o '/lib/ld-musl-[^ "]*' | sed 1q)
[ -n "$LOADER_glibc" ] && [ -n "$LOADER_musl" ] || fail "no dynamic linkers: '$LOADER_glibc' '$LOADER_musl'"
loader () { eval echo "\$LOADER_$1"; }

check_run () { grep -qx 'threads: result 36' "$1"; }
# runs OUT CMD...: run CMD, its output in OUT, quietly even when it
# crashes (the subshell, not this shell, reports the signal).
runs () { r_out=$1; shift; ( "$@" > "$r_out" 2>&1; r=$?; exit $r ) 2> /dev/null; }

# What file(1) and the program headers must say of an output of LIBC,
# KIND and MODE; empty when all is well, else what is wrong.
judge () {
  j_file=$(file -b "$4") j_ph=$(readelf -lW "$4")
  j_why=
  printf '%s\n' "$j_ph" | grep -q '^ *TLS ' || j_why="no PT_TLS"
  case $2/$3 in
    dynamic/exe) want="LSB executable,.* dynamically linked, interpreter $(loader $1)" ;;
    dynamic/pie) want="LSB pie executable,.* dynamically linked, interpreter $(loader $1)" ;;
    static/*) want="LSB executable,.* statically linked" ;;
    static-pie/pie) want="LSB pie executable,.* static-pie linked" ;;
  esac
  printf '%s\n' "$j_file" | grep -q -- "$want" || j_why="${j_why:+$j_why; }file says '$j_file'"
  case $2 in
    dynamic) ;;
    *) ! printf '%s\n' "$j_ph" | grep -q '^ *INTERP ' || j_why="${j_why:+$j_why; }a PT_INTERP in a static program" ;;
  esac
  echo "$j_why"
}

# link LIBC KIND MODE LINKER [gold-link options]: relink into
# LIBC.KIND.MODE.LINKER/prog; the log is its log.
link () {
  l_d=$1.$2.$3.$4 l_rsp=$1.$2.$3.rsp l_cc=$(cc_of "$1")
  shift 4
  mkdir -p "$l_d"
  "$GOLD_LINK" -v --cc="$l_cc" "$@" -o "$l_d/prog" @"$l_rsp" > "$l_d/log" 2>&1
}

GOLD_STATIC_PIE="gold-link: error: --linker=gold: gold cannot link $LARCH static-pie: gold has no --no-dynamic-linker, which a static PIE needs"
# limit_on LINKER LIBC MODE: the arch file's limit on LINKER there, or
# nothing (amd64: mold, glibc's crt1.o and Go's build ID).
limit_on () {
  arch_limits "$DEF" "$1" "$2" | while IFS='	' read -r lo_modes lo_why; do
    case " $lo_modes " in *" $3 "*) printf '%s\n' "$lo_why"; break ;; esac
  done
}
[ "$LARCH" != amd64 ] || [ -n "$(limit_on mold glibc EXE)" ] || fail "no glibc mold limit in arch/amd64.def"
[ -z "$(limit_on mold musl EXE)" ] || fail "arch/$LARCH.def limits mold with musl"
XBUILDID=$(env -u GOARCH go tool -n buildid) || fail "no go tool buildid"
LIMIT_NOTE="gold-link: note: use --linker=auto to pick a linker that works here, or --no-linker-check to try it anyway"
for libc in glibc musl; do
  cc=$(name_of $libc)
  for kind in dynamic static static-pie; do
    for mode in exe pie; do
      go=$WORK/$libc.$kind.$mode.d/go.o
      # The refusal this combination must get, whatever the linker.
      want=
      case $kind/$mode in
	static-pie/exe) want="gold-link: error: $go: -static-pie asks for a position-independent executable, but go.o is position-dependent (exe)
gold-link: note: build with go build -buildmode=pie for -static-pie" ;;
      esac
      [ $libc/$kind/$mode != musl/static-pie/pie ] \
	|| want="gold-link: error: $go: $MUSL_NAME ignores -static-pie: its link line names the dynamic linker $(loader musl) and no --no-dynamic-linker, so the output would be a dynamically linked PIE
gold-link: note: link with -static for a static executable, or use a compiler that makes static PIEs, or pass --no-linker-check to link it anyway"
      for l in auto bfd gold lld mold; do
	d=$libc.$kind.$mode.$l
	status=0
	link $libc $kind $mode $l --linker=$l || status=$?
	w=$want
	[ -n "$w" ] || [ $l/$libc/$kind != gold/glibc/static-pie ] || w="$GOLD_STATIC_PIE
$LIMIT_NOTE"
	m_name=$mode
	[ $kind != static-pie ] || m_name=static-pie
	case $mode in exe) bit=EXE ;; pie) bit=PIE ;; esac
	lim=
	[ $l = auto ] || lim=$(limit_on $l $libc $bit)
	[ -n "$w" ] || [ -z "$lim" ] || w="gold-link: error: --linker=$l: $l cannot link $LARCH $m_name: $lim
$LIMIT_NOTE"
	if [ -n "$w" ]; then
	  [ $status = 2 ] || { cat $d/log; fail "$d: exit $status, want the refusal"; }
	  [ "$(grep '^gold-link: \(error\|note\): ' $d/log)" = "$w" ] \
	    || { cat $d/log; fail "$d: the refusal is not, whole: $w"; }
	  [ ! -e $d/prog ] || fail "$d: output after a refusal"
	  note "$d: refused: $(sed -n 's/^gold-link: error: [^ ]*: //p' $d/log | cut -c1-90)"
	  continue
	fi
	[ $status = 0 ] || { cat $d/log; fail "$d: the link failed"; }
	grep -qx "gold-link: libc: $libc ($cc names the dynamic linker $(loader $libc))" $d/log \
	  || { cat $d/log; fail "$d: -v does not name the libc"; }
	runs $d/out xrun ./$d/prog || :
	check_run $d/out || { cat $d/log $d/out; fail "$d: the program does not run: $(head -n 1 $d/out)"; }
	why=$(judge $libc $kind $mode $d/prog)
	[ -z "$why" ] || fail "$d: $why"
	# Go's tools read its build ID: mold is refused with glibc, whose
	# crt1.o has an 8-aligned .note.gnu.property, and right with musl.
	"$XBUILDID" $d/prog > $d/buildid 2>&1 || :
	[ "$(cat $d/buildid)" = "$(go_o_buildid $libc.$kind.$mode.d/go.o)" ] \
	  || fail "$d: go tool buildid reads '$(head -c 60 $d/buildid | od -c | head -n 2)'"
	by=$(made_by $d/prog)
	[ $l != auto ] || [ -n "$(limit_on mold $libc $bit)" ] || [ $by = mold ] \
	  || fail "$d: auto passed over mold, which no limit refuses here"
	note "$d: ok ($by): $(file -b $d/prog | sed 's/, BuildID.*//' | cut -c1-80)"
      done
    done
  done
done

# musl-gcc names its dynamic linker even with -static: lld and mold are
# told --no-dynamic-linker.  Without it (musl-gcc run by hand), lld writes
# a PT_INTERP and the program does not start.
for l in lld mold; do
  grep -q "^gold-link: linker: --no-dynamic-linker, because $MUSL_NAME names a dynamic linker in a -static link" musl.static.exe.$l/log \
    || { cat musl.static.exe.$l/log; fail "musl -static with $l: no --no-dynamic-linker"; }
done
! grep -q -- '--no-dynamic-linker' musl.static.exe.bfd/log musl.static.exe.gold/log \
  || fail "bfd or gold was told --no-dynamic-linker"
mkdir byhand
status=0
$MUSL_CC -B"$WORK/ldbin/" @musl.static.exe.rsp -fuse-ld=lld -o byhand/prog > byhand/log 2>&1 || status=$?
[ $status = 0 ] || { cat byhand/log; fail "musl-gcc -static -fuse-ld=lld failed by hand"; }
readelf -lW byhand/prog | grep -q '^ *INTERP ' || fail "by hand, lld wrote no PT_INTERP: the glue is not needed"
! runs byhand/out xrun ./byhand/prog || fail "by hand, the static musl program with a PT_INTERP ran"
note "musl -static by hand with lld: a PT_INTERP, and the program does not start"

# -static-pie of an exe go.o, forced by hand: each linker fails, or makes a
# program that does not run.
for l in bfd lld mold; do
  status=0
  $GLIBC_CC -B"$WORK/ldbin/" @glibc.static-pie.exe.rsp -fuse-ld=$l -o byhand/spie-$l > byhand/spie-$l.log 2>&1 || status=$?
  if [ $status = 0 ]; then
    ! runs byhand/spie-$l.out xrun ./byhand/spie-$l || fail "-static-pie of an exe go.o ran with $l"
    note "-static-pie of an exe go.o by hand with $l: links, does not run"
  else
    note "-static-pie of an exe go.o by hand with $l: $(grep -m1 -i error byhand/spie-$l.log | cut -c1-80)"
  fi
done

# The musl -static-pie refusal, forced: a dynamically linked PIE.
mkdir forced
"$GOLD_LINK" --no-linker-check --cc="$MUSL_CC" -o forced/spie @musl.static-pie.pie.rsp > forced/spie.log 2>&1 \
  || { cat forced/spie.log; fail "forced musl -static-pie failed to link"; }
file -b forced/spie | grep -q 'dynamically linked, interpreter /lib/ld-musl' \
  || fail "forced musl -static-pie: file says '$(file -b forced/spie)'"
grep -q "^gold-link: warning: .*$MUSL_NAME ignores -static-pie.*; linking anyway (--no-linker-check)" forced/spie.log \
  || { cat forced/spie.log; fail "forced musl -static-pie: no warning"; }
note "musl -static-pie forced: $(file -b forced/spie | cut -c1-60)"

# c-shared: glibc's library is linked with and dlopened by a C program;
# musl's is refused (golang/go#13492, #54805) and, forced, crashes.
check_use () { grep -q 'GoAdd(40, 2) = 42, GoUpper = GOLD-LINK' "$1"; }
check_dl () { grep -q 'dlopen GoAdd(1, 2) = 3' "$1"; }
for l in auto bfd gold lld mold; do
  d=glibc.c-shared.$l
  mkdir $d
  "$GOLD_LINK" -v --cc="$GLIBC_CC" --linker=$l -o $d/libgo.so @glibc.dynamic.c-shared.rsp > $d/log 2>&1 \
    || { cat $d/log; fail "$d: the link failed"; }
  (cd $d && $GLIBC_CC -o use "$TESTDATA/cdrivers/use.c" -L. -lgo && $GLIBC_CC -o dl "$TESTDATA/cdrivers/dl.c" -ldl) \
    || fail "$d: the C programs do not link"
  xrun LD_LIBRARY_PATH=$WORK/$d ./$d/use > $d/use.out 2>&1 && check_use $d/use.out \
    || { cat $d/use.out; fail "$d: the library does not work"; }
  xrun ./$d/dl "$WORK/$d/libgo.so" > $d/dl.out 2>&1 && check_dl $d/dl.out \
    || { cat $d/dl.out; fail "$d: the library does not dlopen"; }
  note "$d: ok (linked, dlopened)"
done
bad_setup
mkdir musl-cshared
expect_bad_exact 2 "gold-link: error: $WORK/musl.dynamic.c-shared.d/go.o: a Go c-shared library does not work in a musl program: musl calls the library's initialiser without the argc and argv Go reads (golang/go#13492), and its dlopen refuses Go's initial-exec TLS (golang/go#54805)" \
  "gold-link: note: $NOTE_CHECK" "$GOLD_LINK" --cc="$MUSL_CC" -o out/libgo.so @musl.dynamic.c-shared.rsp
"$GOLD_LINK" --no-linker-check --cc="$MUSL_CC" -o musl-cshared/libgo.so @musl.dynamic.c-shared.rsp > musl-cshared/log 2>&1 \
  || { cat musl-cshared/log; fail "forced musl c-shared failed to link"; }
(cd musl-cshared && $MUSL_CC -o use "$TESTDATA/cdrivers/use.c" -L. -lgo) || fail "musl use.c does not link"
! runs musl-cshared/out xrun LD_LIBRARY_PATH="$WORK/musl-cshared" ./musl-cshared/use \
  || fail "forced, the musl c-shared library worked: the refusal is wrong"
note "musl c-shared: refused; forced: the program linked with it fails"

# A program containing a Go c-archive (built by go build through
# gold-link-ar): with gcc it runs; with musl-gcc it is refused and,
# forced, crashes at start.
for libc in glibc musl; do
  CC="$(cc_of $libc)" go build -buildmode=c-archive -o $libc-libgo.a \
    -ldflags="$GL_LDFLAGS" ./clib > $libc-archive.log 2>&1 || { cat $libc-archive.log; fail "$libc c-archive"; }
  $(cc_of $libc) -c -o $libc-use.o "$TESTDATA/cdrivers/use.c"
done
"$GOLD_LINK" --cc="$GLIBC_CC" -o glibc-use glibc-use.o glibc-libgo.a -lpthread || fail "glibc c-archive program"
xrun ./glibc-use > glibc-use.out 2>&1 && check_use glibc-use.out || fail "the glibc c-archive program does not run"
expect_bad_exact 2 "gold-link: error: musl-libgo.a(go.o): a Go c-archive does not work in a musl program: musl calls Go's initialiser without the argc and argv it reads (golang/go#13492), and the program crashes at start" \
  "gold-link: note: link the program with a glibc compiler, or build the Go code into a musl program with -buildmode=exe, or pass --no-linker-check to link it anyway" \
  "$GOLD_LINK" --cc="$MUSL_CC" -o out/musl-use musl-use.o musl-libgo.a -lpthread
"$GOLD_LINK" --no-linker-check --cc="$MUSL_CC" -o musl-use musl-use.o musl-libgo.a -lpthread 2> /dev/null \
  || fail "forced musl c-archive program failed to link"
! runs musl-use.out xrun ./musl-use || fail "forced, the musl c-archive program ran: the refusal is wrong"
note "c-archive: glibc ok; musl refused, forced: crashes"

# --direct links with glibc's C runtime: a musl driver is refused.
expect_bad_exact 2 "gold-link: error: $WORK/musl.dynamic.exe.d/go.o: --direct links with glibc's C runtime, and $MUSL_NAME links against musl" \
  "gold-link: note: link through the compiler: drop --direct" \
  "$GOLD_LINK" --direct --cc="$MUSL_CC" -o out/prog @musl.dynamic.exe.rsp
