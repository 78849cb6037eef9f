#!/bin/sh
# make fuzz: run each libFuzzer target for FUZZ_TIME seconds (default 60) on
# the committed seeds, seeds made from a real go.o (go-seeds.sh) and what
# earlier runs found (FUZZ_WORK/TARGET/corpus).  Prints each target's runs,
# coverage and corpus; a crash, leak, timeout or UB is kept in
# FUZZ_WORK/TARGET/findings/ and fails the run.
#   FUZZ_TARGETS  which targets (default: object archive cmdline audit)
#   FUZZ_ARGS     more libFuzzer flags, e.g. -seed=1 or -jobs=1
set -u
srcdir=$1
bin=${FUZZ_BIN:?}
work=${FUZZ_WORK:?}
time=${FUZZ_TIME:-60}
targets=${FUZZ_TARGETS:-object archive cmdline audit}
# Everything the targets write (fuzz-cmdline's response files, rewritten on
# every run) goes to a directory removed at the end: in memory when
# /dev/shm is there, which doubles fuzz-cmdline's speed.
mkdir -p "$work"
tmp=$(mktemp -d /dev/shm/gold-link-fuzz.XXXXXX 2>/dev/null) ||
  tmp=$(mktemp -d "$work/tmp.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

if [ ! -d "$work/go-seeds" ]; then
  "$srcdir/fuzz/go-seeds.sh" "$srcdir" "$work/go-seeds" ||
    echo "make fuzz: no seeds from a real go.o; fuzzing from the committed seeds"
fi

failed=0
for t in $targets; do
  mkdir -p "$work/$t/corpus" "$work/$t/findings"
  log=$work/$t/fuzz.log
  dirs="$work/$t/corpus $srcdir/fuzz/corpus/$t"
  [ -d "$work/go-seeds/$t" ] && dirs="$dirs $work/go-seeds/$t"
  echo "make fuzz: $t for ${time}s (log: $log)"
  # shellcheck disable=SC2086
  TMPDIR=$tmp "$bin/fuzz-$t" -max_total_time="$time" \
    -print_final_stats=1 -timeout=25 -rss_limit_mb=2048 \
    -artifact_prefix="$work/$t/findings/" -dict="$srcdir/fuzz/$t.dict" \
    ${FUZZ_ARGS:-} $dirs > "$log" 2>&1
  status=$?
  # "#N DONE cov: C ft: F corp: N/SIZE ..." and the final stats.
  last=$(grep -E '^#[0-9]+' "$log" | tail -1)
  runs=$(sed -n 's/^stat::number_of_executed_units: //p' "$log")
  secs=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log")
  echo "make fuzz: $t: ${runs:-?} runs in ${secs:-?}s; $(echo "$last" |
    sed -n 's/.*\(cov: [0-9]*\) \(ft: [0-9]*\) \(corp: [^ ]*\).*/\1 \2 \3/p')"
  if [ "$status" != 0 ]; then
    failed=1
    echo "make fuzz: $t: FINDING (exit $status):"
    grep -E -A25 '^==[0-9]+==ERROR|runtime error|^fuzz: |ALARM|out-of-memory' "$log" | head -60
    grep -E '^artifact_prefix|Test unit written to' "$log"
    echo "make fuzz: $t: replay it with $bin/fuzz-$t FILE; keep it in fuzz/regress/$t/"
  fi
done
exit $failed
