#!/bin/sh
# Faults: a full disk or a file size limit while gold-link writes (the
# staged host-object archive, the glued copy of go.o, a response file, a
# c-archive output), and 16 links at once into one directory.  A write that
# fails gives one error naming the file and the system's reason, exit 1,
# and leaves neither output nor staging behind.
. "$abs_srcdir/tests/lib.sh"
need_cmd go gcc objcopy
go_module cgoprog clib
go_objects t -o prog ./cgoprog
go_objects tca -buildmode=c-archive -o lib.a ./clib
go_objects tcs -buildmode=c-shared -o lib.so ./clib
# A c-shared go.o without its init entry: gold-link must write a glued copy.
mkdir bare
objcopy -R .init_array -R .rela.init_array tcs/go.o bare/go.o
mkdir out tmp
export TMPDIR="$WORK/tmp"
sums () { cksum t/* tca/* tcs/* bare/*; }
sums > before

check_clean () {
  [ -z "$(ls_dir out)" ] || fail "$1: left in the output directory: $(ls_dir out)"
  [ -z "$(ls_dir "$TMPDIR")" ] || fail "$1: staging left: $(ls_dir "$TMPDIR")"
}

# A file size limit: writes fail with EFBIG once SIGXFSZ is ignored.  The
# limit (in 512-byte blocks) is below what each case writes, and above the
# small files staging makes first.
limited () {
  blocks=$1; shift
  (trap '' XFSZ; ulimit -f "$blocks"; exec "$@")
}
expect_fail 1 "error: $TMPDIR/gold-link-[^/]*/hostobj0.a: cannot write [^ ]*: File too large" \
  limited 8 "$GOLD_LINK" -o out/prog t/go.o t/0*.o -lpthread
grep -q 'note: check the free space' .err || fail "no note on a full disk"
check_clean "staged archive, ulimit -f"
expect_fail 1 "error: $TMPDIR/gold-link-[^/]*/go.o: cannot \(copy go.o\|write the copy of go.o\): File too large" \
  limited 100 "$GOLD_LINK" --buildmode=c-shared -o out/lib.so bare/go.o tcs/0*.o -lpthread
check_clean "glued go.o, ulimit -f"
expect_fail 1 "error: out/lib.a: cannot write [^ ]*: File too large" \
  limited 100 "$GOLD_LINK" --buildmode=c-archive -o out/lib.a tca/go.o tca/0*.o
check_clean "c-archive, ulimit -f"
# The response file (args.rsp) is the first thing written with --no-stage.
awk 'BEGIN { for (i = 0; i < 2000; i++) printf "-Wl,--defsym=pad_symbol_%06d=0\n", i }' > pad.rsp
expect_fail 1 "error: $TMPDIR/gold-link-[^/]*/args.rsp: cannot write: File too large" \
  limited 20 "$GOLD_LINK" --no-stage --response-file -o out/prog t/go.o t/0*.o -lpthread @pad.rsp
check_clean "response file, ulimit -f"
# The linker's own write: its error comes through.
expect_fail 1 "" limited 100 "$GOLD_LINK" -o out/prog t/go.o t/0*.o -lpthread
check_clean "the linker's output, ulimit -f"

# A file system that is really full: a 64 KiB tmpfs, when we may mount one.
mkdir full
if [ "$(id -u)" = 0 ] && mount -t tmpfs -o size=64k tmpfs full 2> /dev/null; then
  trap 'umount "$WORK/full" 2> /dev/null || true; cleanup_work' EXIT
  expect_fail 1 "error: full/lib.a: cannot write [^ ]*: No space left on device" \
    "$GOLD_LINK" --buildmode=c-archive -o full/lib.a tca/go.o tca/0*.o
  [ -z "$(ls_dir full)" ] || fail "full disk: left $(ls_dir full)"
  expect_fail 1 "error: $WORK/full/gold-link-[^/]*/hostobj0.a: cannot write [^ ]*: No space left on device" \
    env TMPDIR="$WORK/full" "$GOLD_LINK" -o out/prog t/go.o t/0*.o -lpthread
  expect_fail 1 "error: $WORK/full/gold-link-[^/]*/go.o: cannot \(copy go.o\|write the copy of go.o\): No space left on device" \
    env TMPDIR="$WORK/full" "$GOLD_LINK" --buildmode=c-shared -o out/lib.so bare/go.o tcs/0*.o -lpthread
  [ -z "$(ls_dir full)" ] || fail "full TMPDIR: left $(ls_dir full)"
  expect_fail 1 "" "$GOLD_LINK" -o full/prog t/go.o t/0*.o -lpthread
  [ -z "$(ls_dir full)" ] || fail "full output directory: left $(ls_dir full)"
  umount full
else
  note "cannot mount a tmpfs here: a full file system is tested with ulimit -f only"
fi
check_clean "full disk"

# A linker that leaves a file in TMPDIR and fails, as lld does when it
# dies writing to a full disk (its symbolizer input): gold-link runs the
# driver and the linker with its staging directory as TMPDIR, so nothing
# is left, through gcc and with --direct.
cat > litterld <<'SH'
#!/bin/sh
case " $* " in *" -V "*) exec ld.bfd "$@" ;; esac
echo crash > "${TMPDIR:-/tmp}/symbolizer-input-$$"
echo "litterld: crashed" >&2
exit 1
SH
chmod +x litterld
for how in "" --direct; do
  expect_fail 1 "litterld: crashed" "$GOLD_LINK" $how --linker="$WORK/litterld" -o out/prog t/go.o t/0*.o -lpthread
  check_clean "a linker that leaves a file in TMPDIR${how:+ ($how)}"
done
sums > after
cmp -s before after || fail "an input changed"

# 16 links at once into one directory: executables, c-shared libraries and
# c-archives, each with its own staging; all succeed, none collides.
pids=
for i in $(seq 1 16); do
  case $((i % 3)) in
    0) "$GOLD_LINK" -o out/prog$i t/go.o t/0*.o -lpthread ;;
    1) "$GOLD_LINK" --buildmode=c-shared -o out/lib$i.so bare/go.o tcs/0*.o -lpthread ;;
    2) "$GOLD_LINK" --buildmode=c-archive -o out/lib$i.a tca/go.o tca/0*.o ;;
  esac > par$i.log 2>&1 &
  pids="$pids $!"
done
n=0
for p in $pids; do
  n=$((n + 1))
  wait $p || { cat par$n.log; fail "parallel link $n failed"; }
done
for i in $(seq 1 16); do
  case $((i % 3)) in
    0) ./out/prog$i | grep -q hello || fail "parallel program $i does not run" ;;
    1) readelf -d out/lib$i.so | grep -q SONAME || readelf -h out/lib$i.so | grep -q DYN \
	 || fail "parallel library $i is not a shared object" ;;
    2) ar t out/lib$i.a | grep -q go.o || fail "parallel archive $i lacks go.o" ;;
  esac
done
[ "$(ls_dir out | wc -l)" = 16 ] || fail "16 links left: $(ls_dir out)"
[ -z "$(ls_dir "$TMPDIR")" ] || fail "parallel: staging left: $(ls_dir "$TMPDIR")"
# Two identical links agree byte for byte.
cmp out/prog3 out/prog6 || fail "two identical parallel links differ"
