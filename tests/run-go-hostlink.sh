#!/bin/sh
# What cmd/link of the selected Go release (make check GO=...) sends
# gold-link, understood and handled, not only passed along: the exported
# symbols instead of -rdynamic (1.21), Go's GNU build ID (1.24), -Wl,-S for
# -w (1.26), -bindnow (1.23), a relative -o in the output directory for
# c-shared and plugin (1.21), the Go-quoted response file (1.21), "which
# ar?" for a c-archive without -extar (1.23), the FIPS checksum cmd/link
# patches into the output after the link (1.24), and the sections newer
# releases add arriving intact.  Each check applies from the release that
# brought the change; older releases get the 1.19 contract checked.
. "$abs_srcdir/tests/lib.sh"
need_cmd go gcc readelf ar
[ -n "${GL_GO_MINOR:-}" ] || skip "no Go release to test with"
minor=$GL_GO_MINOR
go_module cgoprog clib plugin pluginhost

# gold-link in a directory of its own, beside a gold-link-ar that logs its
# calls: how a c-archive without -extar is shown to reach gold-link-ar.
# extld logs every call (one line of arguments each) and runs that copy.
mkdir bin log
cp "$GOLD_LINK" bin/gold-link
write_logger bin/gold-link-ar "$WORK/log/ar" "$GOLD_LINK_AR"
write_logger extld "$WORK/log/extld" "$WORK/bin/gold-link"
LDF="-linkmode=external -extld=$WORK/extld"

build () {			# build NAME go-build-arguments...
  name=$1; shift
  : > log/extld
  go build "$@" > "$name.build.log" 2>&1 || { cat "$name.build.log"; fail "go build $* failed"; }
  cp log/extld "$name.calls"
}
# The link of a call log: the call that names a go.o.
link_call () { grep -E '(^| )[^ ]*/go\.o( |$)' "$1" | tail -n 1; }
# The sections of an ELF file, one name per line.
sections () { readelf -SW "$1" | sed -n 's/^ *\[ *[0-9]*\] \([^ ]*\) .*/\1/p'; }

# --- exe and pie: the release named, exports, build ID -----------------
for mode in exe pie; do
  build $mode -buildmode=$mode -o $mode -ldflags="$LDF -extldflags=-v" ./cgoprog
  ./$mode | grep -q 'hello from a gold-linked cgo program' || fail "the $mode does not run"
  line=$(grep '^gold-link: Go object: ' $mode.build.log) || fail "$mode: -v does not name the Go object"
  [ "${line##*, }" = "$GL_GO_VERSION)" ] || fail "$mode: -v says '$line', but the Go is $GL_GO_VERSION"
  cmd=$(link_call $mode.calls)
  run=$(grep '^gold-link: run: ' $mode.build.log)
  dynsym=$(readelf --dyn-syms -W $mode)
  if [ "$minor" -ge 21 ]; then
    # cmd/link names what to export; gold-link adds no -rdynamic, so the
    # runtime/cgo C globals stay out of the dynamic symbol table.
    case $cmd in *-Wl,--export-dynamic-symbol=crosscall2*) ;; *) fail "$mode: cmd/link $GL_GO_VERSION sent no --export-dynamic-symbol: $cmd" ;; esac
    case $run in *" -rdynamic "*) fail "$mode: gold-link added -rdynamic to named exports: $run" ;; esac
    printf '%s\n' "$dynsym" | grep -q ' crosscall2$' || fail "$mode: crosscall2 is not exported"
    printf '%s\n' "$dynsym" | grep -q ' goTwice$' || fail "$mode: the //export goTwice is not exported"
    ! printf '%s\n' "$dynsym" | grep -q ' x_cgo_init$' || fail "$mode: x_cgo_init exported: -rdynamic crept in"
  else
    case $run in *" -rdynamic "*) ;; *) fail "$mode: Go $GL_GO_VERSION's -rdynamic is missing: $run" ;; esac
    printf '%s\n' "$dynsym" | grep -q ' x_cgo_init$' || fail "$mode: -rdynamic did not export x_cgo_init"
  fi
  notes=$(readelf -n $mode | grep -c 'Build ID:') || true
  [ "$notes" = 1 ] || fail "$mode: $notes GNU build IDs"
  if [ "$minor" -ge 24 ]; then
    want=$(printf '%s\n' "$cmd" | sed -n 's/.*-Wl,--build-id=0x\([0-9a-f]*\).*/\1/p')
    [ -n "$want" ] || fail "$mode: cmd/link $GL_GO_VERSION sent no --build-id=0x…: $cmd"
    got=$(readelf -n $mode | sed -n 's/.*Build ID: *//p')
    [ "$got" = "$want" ] || fail "$mode: GNU build ID $got, but Go asked for $want"
    note "$mode: GNU build ID is Go's own ($want)"
  fi
  go version -m $mode | grep -q 'path	gltest/cgoprog' || fail "$mode: go version -m cannot read .go.buildinfo"
  note "$mode: $GL_GO_VERSION named, exports as cmd/link asked, runs"
done

# --- -w, -bindnow ---------------------------------------------------------
build w -o w -ldflags="$LDF -w" ./cgoprog
./w > /dev/null || fail "the -w program does not run"
if [ "$minor" -ge 26 ]; then
  case $(link_call w.calls) in *" -Wl,-S "*) ;; *) fail "Go $GL_GO_VERSION sent no -Wl,-S for -w" ;; esac
  ! sections w | grep -q '^\.debug_' || fail "-w with -Wl,-S left debug sections"
  note "-w: -Wl,-S, no debug sections left"
fi
if [ "$minor" -ge 23 ]; then
  build bindnow -o bindnow -ldflags="$LDF -bindnow" ./cgoprog
  ./bindnow > /dev/null || fail "the -bindnow program does not run"
  readelf -d bindnow | grep -q 'FLAGS.*BIND_NOW\|FLAGS_1.*NOW' || fail "-bindnow: no BIND_NOW in the output"
  note "-bindnow: BIND_NOW"
fi

# --- c-shared and plugin: relative -o in the output directory ------------
mkdir out
build c-shared -buildmode=c-shared -o out/libgo.so -ldflags="$LDF -extldflags=-v" ./clib
gcc -o dl "$TESTDATA/cdrivers/dl.c" -ldl || fail "cannot build the dlopen driver"
./dl "$WORK/out/libgo.so" | grep -q 'GoAdd(1, 2) = 3' || fail "the c-shared library does not load"
gcc -o use "$TESTDATA/cdrivers/use.c" -Lout -lgo || fail "cannot link with the c-shared library"
LD_LIBRARY_PATH=$WORK/out ./use | grep -q 'GoAdd(40, 2) = 42' || fail "the c-shared library does not work linked"
build plugin -buildmode=plugin -o out/greet.so -ldflags="$LDF -extldflags=-v" ./plugin
go build -o host -ldflags="$GL_LDFLAGS" ./pluginhost || fail "plugin host"
./host "$WORK/out/greet.so" | grep -qx 'hi, gold-link from a plugin' || fail "the plugin does not load"
if [ "$minor" -ge 21 ]; then
  for m in c-shared plugin; do
    o=$(link_call $m.calls | sed -n 's/.* -o \([^ ]*\) .*/\1/p')
    case $o in
      /*|"") fail "$m: cmd/link $GL_GO_VERSION did not pass a relative -o: $(link_call $m.calls)" ;;
    esac
  done
  note "c-shared, plugin: relative -o in the output directory, linked and loaded"
fi

# The release and the mode read from go.o in every library mode (a Go
# 1.19 plugin names its release only in DWARF, a 1.19 Go shared library
# only in runtime.buildVersion).
mkdir shx
printf 'package main\n\nfunc main() { println("hello from a shared runtime") }\n' > shx/main.go
: > log/extld
go install -buildmode=shared -linkshared -pkgdir="$WORK/pkg" -ldflags="$LDF -extldflags=-v" \
  runtime sync/atomic > shared.build.log 2>&1 || { cat shared.build.log; fail "go install -buildmode=shared failed"; }
go build -linkshared -pkgdir="$WORK/pkg" -o lsh -ldflags="$LDF -extldflags=-v" ./shx > linkshared.build.log 2>&1 \
  || { cat linkshared.build.log; fail "go build -linkshared failed"; }
./lsh 2>&1 | grep -q 'hello from a shared runtime' || fail "the -linkshared executable does not run"
for m in c-shared:c-shared plugin:plugin shared:shared "linkshared:exe (-linkshared)"; do
  log=${m%%:*}.build.log
  grep -q "^gold-link: Go object: .*, $GL_GO_VERSION)$" $log || { cat $log; fail "${m%%:*}: -v does not name $GL_GO_VERSION"; }
  grep -q "^gold-link: mode: ${m#*:} (from " $log || { cat $log; fail "${m%%:*}: not linked as ${m#*:}"; }
done
note "c-shared, plugin, shared, -linkshared: $GL_GO_VERSION and the mode read from go.o"

# --- c-archive: with -extar, and without it ------------------------------
: > log/ar
build c-archive -buildmode=c-archive -o libgo.a -ldflags="$LDF -extar=$WORK/bin/gold-link-ar" ./clib
grep -q '^-q -c -s .*go\.o' log/ar || fail "-extar: gold-link-ar did not archive"
if [ "$minor" -ge 23 ]; then
  : > log/ar
  build c-archive2 -buildmode=c-archive -o libgo2.a -ldflags="$LDF" ./clib
  grep -q -- '--print-prog-name ar' c-archive2.calls || fail "cmd/link $GL_GO_VERSION did not ask which ar"
  grep -q '^-q -c -s .*go\.o' log/ar \
    || { cat c-archive2.calls; fail "without -extar, cmd/link did not use gold-link-ar"; }
  note "c-archive without -extar: cmd/link asked gold-link which ar, and used gold-link-ar"
  mv libgo2.a libgo.a
fi
for pie in -pie -no-pie; do
  gcc $pie -o use$pie "$TESTDATA/cdrivers/use.c" libgo.a -lpthread || fail "gcc $pie cannot link the c-archive"
  ./use$pie | grep -q 'GoAdd(40, 2) = 42' || fail "the $pie program with the c-archive does not work"
done

# --- the response file, Go's quoting --------------------------------------
if [ "$minor" -ge 21 ]; then
  # A library only found in a directory with a tab in its name, and a
  # command over cmd/link's 30 KiB: cmd/link writes "…\t…" (Go's %q) in
  # its response file, which gcc would read as "…t…".
  tabdir=$(printf 'lib\tdir')
  mkdir "$tabdir"
  echo 'int glt_unused (void) { return 0; }' > glt.c
  gcc -c -o glt.o glt.c && ar rcs "$tabdir/libglt.a" glt.o || fail "cannot make libglt.a"
  many=$(for i in $(seq 3000); do printf -- '-Wl,-z,now '; done)
  build rsp -o rsp -ldflags="$LDF '-extldflags=$many \"-L$WORK/$tabdir\" -lglt'" ./cgoprog
  rspfile=$(sed -n 's/^@\(.*\)$/\1/p' rsp.calls | tail -n 1)
  [ -n "$rspfile" ] || fail "cmd/link wrote no response file"
  ./rsp | grep -q 'hello from a gold-linked' || fail "the program linked from a response file does not run"
  # The same with gcc reading it: the tab is lost.
  if go build -o rsp-gcc -ldflags="-linkmode=external -extld=gcc '-extldflags=$many \"-L$WORK/$tabdir\" -lglt'" ./cgoprog > rsp-gcc.log 2>&1; then
    note "gcc read the response file right too"
  else
    grep -q 'cannot find -lglt' rsp-gcc.log || { cat rsp-gcc.log; fail "gcc failed for another reason"; }
    note "response file: gcc cannot read Go's quoting (cannot find -lglt); gold-link can"
  fi
fi

# --- FIPS (1.24+): cmd/link patches .go.fipsinfo after the link ---------
if [ "$minor" -ge 24 ]; then
  mkdir fipsprog
  cat > fipsprog/main.go << 'EOF'
package main

// #include <stdlib.h>
// static int twice(int x) { return 2 * x; }
import "C"

import (
	"crypto/fips140"
	"crypto/sha256"
	"fmt"
)

func main() {
	fmt.Printf("fips140 %v\n", fips140.Enabled())
	fmt.Printf("%x\n", sha256.Sum256([]byte("gold-link")))
	fmt.Println("cgo", C.twice(21))
}
EOF
  sum=$(printf gold-link | sha256sum | cut -d' ' -f1)
  fips_ok () { GODEBUG=fips140=on "./$1" > "$1.out" 2>&1 && grep -qx 'fips140 true' "$1.out" && grep -qx "$sum" "$1.out"; }
  for l in auto bfd gold lld mold; do
    case $l in
      auto) ;; bfd) command -v ld.bfd > /dev/null || continue ;;
      gold) command -v ld.gold > /dev/null || continue ;;
      lld) command -v ld.lld > /dev/null || continue ;;
      mold) command -v mold > /dev/null || continue ;;
    esac
    export GOLD_LINK_LINKER=$l
    for mode in exe pie; do
      for via in driver direct; do
        x=
        [ $via = direct ] && x=--direct
        # mold is refused for an amd64 exe and pie (Go's build ID,
        # arch/amd64.def): forced, its FIPS checksum is checked all the same.
        [ $l != mold ] || x="$x --no-linker-check"
        out=f-$mode-$l-$via
        build $out -buildmode=$mode -o $out -ldflags="$LDF '-extldflags=$x -v'" ./fipsprog
        fips_ok $out || { cat $out.out; fail "$mode linked by $l ($via) fails its FIPS self-test"; }
        grep -q '^gold-link: linker: ' $out.build.log || { cat $out.build.log; fail "$out: not linked by gold-link"; }
      done
    done
    unset GOLD_LINK_LINKER
    [ $l != auto ] || note "auto chose: $(grep '^gold-link: linker: ' f-exe-auto-driver.build.log | head -n 1)"
    note "FIPS self-test with $l: exe, pie, through the driver and --direct: ok"
  done
  # What gold-link repairs: lld, through gcc without gold-link, leaves the
  # pie's dynamic relocation sites zero, and the checksum cmd/link patched
  # in covers other bytes than the program sees.
  if command -v ld.lld > /dev/null; then
    go build -buildmode=pie -o f-lld-stock -ldflags="-linkmode=external -extld=gcc -extldflags=-fuse-ld=lld" ./fipsprog \
      || fail "stock gcc with lld cannot link the pie"
    if fips_ok f-lld-stock; then
      note "lld through stock gcc passes the FIPS self-test now: gold-link's --apply-dynamic-relocs is no longer needed"
    else
      grep -q 'verification mismatch' f-lld-stock.out || { cat f-lld-stock.out; fail "stock lld pie failed otherwise"; }
      note "lld through stock gcc: 'fips140: verification mismatch'; through gold-link it passes"
    fi
  fi
fi

# --- the sections newer releases add arrive intact ------------------------
# Every Go section that Go's own external link (gcc and ld.bfd, no
# gold-link) puts in the output is there with every linker, under its name
# (a pie's .data.rel.ro.go.type lands in .data.rel.ro, as there), and the
# DWARF version is go.o's (5 from 1.25).  The commands are recorded once.
write_recorder rec.sh
mkdir t
for mode in exe pie; do
  REC=$WORK/rec-$mode.rsp go build -buildmode=$mode -o r-$mode \
    -ldflags="-linkmode=external -extld=$WORK/rec.sh -tmpdir=$WORK/t" ./cgoprog > rec-$mode.log 2>&1 \
    || { cat rec-$mode.log; fail "go build (recorded $mode) failed"; }
  goo=$WORK/rec-$mode.d/go.o
  gcc -o stock-$mode @"$WORK/rec-$mode.rsp" || fail "$mode: Go's own link of the recorded command failed"
  sections stock-$mode | grep -E '^\.(go\.|gopclntab|gosymtab|typelink|itablink|noptr|note\.go|data\.rel\.ro|debug_)' \
    | sort -u > want.txt
  [ -s want.txt ] || fail "no Go sections in the output of Go's own link"
  dv=$(readelf --debug-dump=info "$goo" 2>/dev/null | sed -n 's/^ *Version: *//p' | head -n 1)
  for l in bfd gold lld mold; do
    case $l in bfd) p=ld.bfd ;; gold) p=ld.gold ;; lld) p=ld.lld ;; mold) p=mold ;; esac
    command -v $p > /dev/null || continue
    for via in driver direct; do
      o=s-$mode-$l-$via x=
      [ $via = direct ] && x=--direct
      [ $l != mold ] || x="$x --no-linker-check"	# as for FIPS, above
      "$GOLD_LINK" --linker=$l $x -o $o @"$WORK/rec-$mode.rsp" 2> $o.log || { cat $o.log; fail "$mode: gold-link --linker=$l $x failed"; }
      ./$o | grep -q 'hello from a gold-linked' || fail "$mode linked by $l ($via) does not run"
      missing=$(sections $o | sort -u | comm -13 - want.txt)
      [ -z "$missing" ] || fail "$mode linked by $l ($via) lost sections: $missing"
      got=$(readelf --debug-dump=info $o 2>/dev/null | sed -n 's/^ *Version: *//p' | head -n 1)
      [ "$got" = "$dv" ] || fail "$mode linked by $l ($via): DWARF version $got, go.o has $dv"
      if [ "$minor" -ge 21 ]; then
        # The named exports, and only they, with the raw linker too.
        readelf --dyn-syms -W $o | grep -q ' crosscall2$' || fail "$o: crosscall2 is not exported"
        ! readelf --dyn-syms -W $o | grep -q ' x_cgo_init$' || fail "$o: x_cgo_init exported: -rdynamic crept in"
      fi
    done
  done
  note "$mode: $(tr '\n' ' ' < want.txt)and DWARF $dv arrive with every linker, through the driver and --direct"
done
note "Go $GL_GO_VERSION: all checks passed"
