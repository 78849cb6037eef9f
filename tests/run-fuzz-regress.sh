#!/bin/sh
# The fuzz targets' seed corpus and every input a fuzzing campaign found a
# defect with (fuzz/regress/TARGET/, docs/reliability.md), replayed through
# the same target code built with the normal compiler; under valgrind when
# it is installed and the build has no sanitizers of its own, so a leak or
# a bad read fails the test without clang.  gold-link itself is run on the
# object and archive findings.
. "$abs_srcdir/tests/lib.sh"

run_replay () {
  bin=$abs_builddir/fuzz/replay-$1
  shift
  if [ -n "$valgrind" ] && ! nm "$bin" 2>/dev/null | grep -q __asan_init; then
    valgrind -q --error-exitcode=99 --leak-check=full \
      --errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect \
      "$bin" "$@"
  else
    "$bin" "$@"
  fi
}

valgrind=
command -v valgrind >/dev/null 2>&1 && valgrind=valgrind
note "valgrind: ${valgrind:-not installed}"
export TMPDIR="$WORK"
for t in object archive cmdline audit; do
  dirs=$abs_srcdir/fuzz/corpus/$t
  [ -d "$abs_srcdir/fuzz/regress/$t" ] && dirs="$dirs $abs_srcdir/fuzz/regress/$t"
  # shellcheck disable=SC2086
  run_replay $t $dirs > replay-$t.out 2>&1 || {
    cat replay-$t.out >&2
    fail "fuzz target $t: a replayed input fails (log above)"
  }
  tail -1 replay-$t.out
  grep -q ', no finding$' replay-$t.out || fail "fuzz target $t: the replay did not finish"
done
# And gold-link itself, given each object or archive finding as an input,
# ends with a status, not a signal.
mkdir out
for f in "$abs_srcdir"/fuzz/regress/object/* "$abs_srcdir"/fuzz/regress/archive/*; do
  [ -f "$f" ] || continue
  set +e
  "$GOLD_LINK" --dry-run -o out/a "$f" > gl.out 2>&1
  status=$?
  set -e
  [ $status -lt 128 ] || { cat gl.out >&2; fail "gold-link died with signal $((status - 128)) on $f"; }
done
# The cmdline target's response files live in a directory it removes.
[ -z "$(ls_dir "$WORK" | grep gold-link-fuzz)" ] || fail "the cmdline target left its directory behind"
