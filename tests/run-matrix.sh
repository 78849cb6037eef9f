#!/bin/sh
# The linker matrix: {exe, pie, c-shared, c-archive consumer, plugin,
# shared + -linkshared exe} x {bfd, gold, lld, mold} x {through gcc,
# direct}.  cmd/link's own link commands are recorded once per mode, then
# replayed through gold-link with each linker; every output must run.  The
# combinations the limits table forbids must be refused with the reason.
. "$abs_srcdir/tests/lib.sh"
need_cmd go gcc readelf
go_module cgoprog clib plugin pluginhost
mkdir shx
printf 'package main\n\nfunc main() { println("hello from a shared runtime") }\n' > shx/main.go

write_recorder rec.sh
REC_FLAGS="-linkmode=external -extld=$WORK/rec.sh -extar=$GOLD_LINK_AR -tmpdir=$WORK/t"
mkdir t

record () {			# record NAME go-build-arguments...
  name=$1; shift
  REC="$WORK/$name.rsp" go "$@" > "$name.build.log" 2>&1 \
    || { cat "$name.build.log"; fail "go $* failed"; }
}
record exe build -o exe0 -ldflags="$REC_FLAGS" ./cgoprog
record pie build -buildmode=pie -o pie0 -ldflags="$REC_FLAGS" ./cgoprog
record c-shared build -buildmode=c-shared -o libgo.so -ldflags="$REC_FLAGS" ./clib
record plugin build -buildmode=plugin -o greet.so -ldflags="$REC_FLAGS" ./plugin
go build -buildmode=c-archive -o libgo.a -ldflags="$GL_LDFLAGS" ./clib || fail "c-archive build"
go build -o host -ldflags="$GL_LDFLAGS" ./pluginhost || fail "plugin host build"
# The same flags both times (as testshared does), or go rebuilds the
# shared library for the executable.
record shared install -buildmode=shared -linkshared -pkgdir="$WORK/pkg" -ldflags="$REC_FLAGS" \
  runtime sync/atomic
record linkshared build -linkshared -pkgdir="$WORK/pkg" -o lsh0 \
  -ldflags="$REC_FLAGS" ./shx
gcc -o use "$TESTDATA/cdrivers/use.c" -L. -lgo || fail "c-shared consumer"
gcc -c -o use.o "$TESTDATA/cdrivers/use.c" || fail "c-archive consumer object"
for f in exe pie c-shared plugin shared linkshared; do
  [ -s $f.rsp ] || fail "no link command recorded for $f"
done
shlib=$(cd pkg && ls lib*.so)

# Does gold-link refuse LINKER for MODE, and say why?
refused () {			# refused LOG
  grep -q "cannot link amd64 .*: " "$1"
}

# run_one MODE LINKER VIA: link with gold-link and run the output.
run_one () {
  mode=$1 l=$2 via=$3
  d="o-$mode-$l-$via"
  mkdir -p "$d"
  opts="--linker=$l"
  [ "$via" = direct ] && opts="$opts --direct"
  case $mode in
    exe|pie) out=$d/prog ;;
    c-shared) out=$d/libgo.so ;;
    c-archive) out=$d/use ;;
    plugin) out=$d/greet.so ;;
    shared) out=$d/$shlib ;;
    linkshared) out=$d/lsh ;;
  esac
  status=0
  if [ $mode = c-archive ]; then
    "$GOLD_LINK" -v $opts -o "$out" use.o libgo.a -lpthread > "$d/log" 2>&1 || status=$?
  elif [ $mode = linkshared ]; then
    # The executable links against the shared runtime of the same linker.
    sed "s|$WORK/pkg|$WORK/o-shared-$l-$via|g" linkshared.rsp > "$d/ls.rsp"
    "$GOLD_LINK" -v $opts -o "$out" @"$d/ls.rsp" > "$d/log" 2>&1 || status=$?
  else
    "$GOLD_LINK" -v $opts -o "$out" @$mode.rsp > "$d/log" 2>&1 || status=$?
  fi
  if [ $status -ne 0 ]; then
    if [ $status = 2 ] && refused "$d/log"; then
      [ ! -e "$out" ] || fail "$d: output after a refusal"
      note "$mode $l $via: refused: $(grep 'error:' "$d/log" | sed 's/.*: //')"
      return 0
    fi
    cat "$d/log"
    fail "$mode with $l ($via) failed to link"
  fi
  case $mode in
    exe|pie) "./$out" | grep -q 'hello from a gold-linked' ;;
    c-shared) LD_LIBRARY_PATH="$WORK/$d" ./use | grep -q 'GoAdd(40, 2) = 42' ;;
    c-archive) "./$out" | grep -q 'GoAdd(40, 2) = 42' ;;
    plugin) ./host "$WORK/$out" | grep -qx 'hi, gold-link from a plugin' ;;
    shared) true ;;		# run through the linkshared executable
    linkshared) [ -e "o-shared-$l-$via/$shlib" ] || return 0
		"./$out" 2>&1 | grep -q 'hello from a shared runtime' ;;
  esac || fail "$mode linked by $l ($via) does not run"
  if [ $via = direct ]; then
    grep -q "run directly" "$d/log" || fail "$d: not a direct link"
  fi
  note "$mode $l $via: ok"
}

n=0
for l in bfd gold lld mold; do
  case $l in
    bfd) p=ld.bfd ;; gold) p=ld.gold ;; lld) p=ld.lld ;; mold) p=mold ;;
  esac
  if ! command -v $p > /dev/null; then
    note "$l: not installed, skipped"
    continue
  fi
  for via in gcc direct; do
    for mode in exe pie c-shared c-archive plugin shared linkshared; do
      run_one $mode $l $via
      n=$((n + 1))
    done
  done
done
[ $n -gt 0 ] || skip "no linker installed"

# On amd64 the table forbids lld for Go shared libraries and -linkshared.
if command -v ld.lld > /dev/null; then
  refused o-shared-lld-gcc/log || fail "lld was not refused for -buildmode=shared"
  refused o-linkshared-lld-direct/log || fail "lld was not refused for -linkshared"
fi
exit 0
