#!/bin/sh
# The benchmark, for each Go release the project supports: link that
# release's cmd/go (a 35 MB go.o and its cgo host objects) side by side
# through Go's default external link (gcc + ld.bfd, cmd/link's recorded
# command), gold-link with each linker through the compiler driver and
# directly, and the exact command gold-link runs typed by hand (its own
# overhead); GNU ar against gold-link-ar for cmd/go as a c-archive; and a
# whole `go build` of two cgo programs (cmd/go and a small one) end to end
# with Go's default external link against -extld=gold-link.  Prints one
# table per release, the ratios against the targets of docs/performance.md,
# and a summary over the releases.
#
#   make bench                  (BENCH_RUNS=N for N rounds, default 11)
#   make bench GO=1.26.8        (one release; BENCH_GO="1.19 1.27.3" a list;
#                                default: 1.19 1.26.8 1.27.3)
#
# Every command's output is checked to run once before any timing, so a
# broken link is never timed as fast.  Each round then runs every command
# once, forward in odd rounds and backward in even ones, so drift in the
# machine's load falls on all of them alike; the figures are medians over
# the rounds.  The inputs are made with the real go of each release and
# cached in $BENCH_WORK/goREL/inputs; make clean removes $BENCH_WORK.

set -eu

: "${GOLD_LINK:?run it with make bench}"
: "${GOLD_LINK_AR:?run it with make bench}"
: "${BENCH_TIME:?run it with make bench}"
: "${BENCH_STANDIN:?run it with make bench}"
: "${BENCH_WORK:?run it with make bench}"
runs=${BENCH_RUNS:-11}
case $runs in
  '' | *[!0-9]* | 0) echo "bench: BENCH_RUNS must be a positive number" >&2; exit 2 ;;
esac

# The linkers gold-link is asked for, through the driver and directly.
LINKERS="bfd gold lld mold auto"
# The Go releases the project supports (SPEC.md, tests/lib.sh).
RELEASES="1.19 1.26.8 1.27.3"

export LC_ALL=C
# Go's defaults, whatever the caller's environment says.
unset GOFLAGS GOARCH GOOS GOROOT CC CXX CGO_CFLAGS CGO_LDFLAGS GOLD_LINK_CC GOLD_LINK_LINKER
export GOFLAGS='' GO111MODULE=on CGO_ENABLED=1

for c in go gcc ar awk sort; do
  command -v "$c" > /dev/null 2>&1 || { echo "bench: '$c' is not installed" >&2; exit 1; }
done

srcdir=$(cd "$(dirname "$0")/.." && pwd)
say () { printf '%s\n' "$*" >&2; }
# A release as a file name: GO may be the path of a go binary.
relkey () { printf '%s' "$1" | tr -c 'A-Za-z0-9.-' '_'; }
die () { say "bench: $*"; exit 1; }
ver () { "$@" 2>&1 | sed 1q; }

# ---------------------------------------------------------------------------
# The releases: this script runs itself once per release (BENCH_RELEASE
# set), each printing its table; then the summary over them.

if [ -z "${BENCH_RELEASE:-}" ]; then
  releases=${BENCH_GO:-${GO:-$RELEASES}}
  mkdir -p "$BENCH_WORK"
  rm -f "$BENCH_WORK"/summary.*
  echo "gold-link bench, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "machine: $(nproc) CPUs, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | sed 1q)"
  echo "gcc: $(ver gcc --version)"
  echo "ld.bfd: $(ver ld.bfd --version)"
  echo "ld.gold: $(ver ld.gold --version)"
  echo "ld.lld: $(ver ld.lld --version)"
  echo "mold: $(ver mold --version)"
  rev=$(git -C "$srcdir" describe --always --dirty 2> /dev/null || :)
  echo "gold-link: $(ver "$GOLD_LINK" --version)${rev:+ (git $rev)}"
  echo "Go releases: $releases; $runs rounds each, medians"
  status=0
  for rel in $releases; do
    echo
    BENCH_RELEASE=$rel sh "$0" || { status=$?; echo "Go $rel: the bench failed (exit $status)"; }
  done
  if [ -n "$(ls "$BENCH_WORK"/summary.* 2> /dev/null)" ]; then
    echo
    echo "summary (per release; overhead = gold-link / the same command by hand):"
    fmt='%-8s %9s %11s %-36s %7s %7s %10s %10s\n'
    printf "$fmt" "Go" "overhead" "worst" "(configuration)" "auto" "gl-ar" "go build" "go build"
    printf "$fmt" "" "default" "overhead" "" "vs Go" "vs ar" "cmd/go" "small cgo"
    for rel in $releases; do
      f=$BENCH_WORK/summary.$(relkey "$rel")
      [ -f "$f" ] && cat "$f"
    done
    echo "('go build': the whole go build, Go's default external link minus gold-link's, per build)"
  fi
  exit "$status"
fi

# ---------------------------------------------------------------------------
# One release: its go first on PATH, alone (GOTOOLCHAIN=local).

rel=$BENCH_RELEASE
goroot=$(GOTOOLCHAIN= sh "$srcdir/tools/go-root.sh" "$rel") \
  || die "Go $rel cannot be had (tools/go-root.sh $rel)"
PATH=$goroot/bin:$PATH
GOTOOLCHAIN=local
export PATH GOTOOLCHAIN
gover=$(go env GOVERSION)

rw=$BENCH_WORK/go$(relkey "$rel")
mkdir -p "$rw"
cd "$rw"
# Everything but the cached inputs is from this run.  Staging directories
# (gold-link's and gcc's) go here too: same file system as the outputs.
rm -rf cmd out res log prep tmp state
mkdir cmd out res log prep tmp state
export TMPDIR="$rw/tmp"

# ---------------------------------------------------------------------------
# Argument files: one argument per line, the program first.

# run_argv FILE [PREFIX...]: run PREFIX... followed by the command in FILE.
run_argv () {
  _f=$1
  shift
  while IFS= read -r _a; do set -- "$@" "$_a"; done < "$_f"
  "$@"
}

# with_output OUT: copy an argument list, replacing the value of -o.
with_output () {
  awk -v out="$1" 'prev == "-o" { print out; prev = ""; next } { print; prev = $0 }'
}

# gl_argv OPTS OUTPUT: gold-link with OPTS on the recorded cmd/link command.
gl_argv () {
  printf '%s\n' "$GOLD_LINK"
  for _o in $1; do printf '%s\n' "$_o"; done
  sed 1d inputs/exe.argv | with_output "$2"
}

# median FILE: the median of the first column (seconds) of a result file;
# median FILE 2: of the second (peak RSS, KB).
median () {
  sort -n -k "${2:-1}" "$1" | awk -v c="${2:-1}" '
    { v[NR] = $c }
    END { if (NR == 0) exit 1
          if (NR % 2) print v[(NR + 1) / 2]
          else printf "%.6f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# ---------------------------------------------------------------------------
# Inputs: cmd/link's host link of cmd/go, and its c-archive ar command,
# recorded by stand-ins for -extld and -extar that then run gcc and ar.

key="$(go version) / $(gcc --version | sed 1q) / $(ar --version | sed 1q)"
if [ -f inputs/key ] && [ "$(cat inputs/key)" = "$key" ] \
   && [ -s inputs/exe.argv ] && [ -s inputs/carchive.argv ]; then
  say "bench: inputs cached in $rw/inputs"
else
  say "bench: building cmd/go with -linkmode=external to record its link (once)"
  rm -rf inputs
  mkdir -p inputs/exe inputs/carchive
  # cmd/link also runs probes (trivial.c) through -extld: only the command
  # that names go.o is the link.
  cat > inputs/record-ld <<'EOF'
#!/bin/sh
for a do
  case $a in */go.o) printf '%s\n' gcc "$@" > "$BENCH_RECORD"; break ;; esac
done
exec gcc "$@"
EOF
  cat > inputs/record-ar <<'EOF'
#!/bin/sh
printf '%s\n' ar "$@" > "$BENCH_RECORD"
exec ar "$@"
EOF
  chmod +x inputs/record-ld inputs/record-ar
  in=$rw/inputs
  BENCH_RECORD=$in/exe.argv go build -o inputs/go.ref \
    -ldflags="-linkmode=external '-tmpdir=$in/exe' '-extld=$in/record-ld'" cmd/go \
    || die "go build cmd/go failed"
  [ -s inputs/exe.argv ] || die "cmd/link ran no link naming go.o"
  inputs/go.ref version | grep -q '^go version' || die "cmd/go from go build does not run"
  BENCH_RECORD=$in/carchive.argv go build -buildmode=c-archive -o inputs/libgo.a \
    -ldflags="-linkmode=external '-tmpdir=$in/carchive' '-extar=$in/record-ar'" cmd/go \
    || die "go build -buildmode=c-archive cmd/go failed"
  [ -s inputs/carchive.argv ] || die "cmd/link ran no ar"
  printf '%s\n' "$key" > inputs/key
fi

goo=$(grep '/go\.o$' inputs/exe.argv)
nhost=$(grep -c '/[0-9]*\.o$' inputs/exe.argv) || true
goo_mb=$(wc -c < "$goo" | awk '{ printf "%.1f", $1 / 1048576 }')
aro=$(grep '/go\.o$' inputs/carchive.argv)
nar=$(grep -c '/[0-9]*\.o$' inputs/carchive.argv) || true
aro_mb=$(wc -c < "$aro" | awk '{ printf "%.1f", $1 / 1048576 }')

# ---------------------------------------------------------------------------
# Commands.  Each has an argument file cmd/NAME, output out/NAME, results
# res/NAME, a label, and a state: "ok" or why it is not timed.

names=
add_cmd () { # NAME LABEL
  names="$names $1"
  printf '%s\n' "$2" > "state/$1.label"
}
set_state () { printf '%s\n' "$2" > "state/$1"; }
state () { cat "state/$1" 2> /dev/null || echo "not run"; }
label () { cat "state/$1.label"; }

# Go's default: the recorded command as is.
with_output out/go < inputs/exe.argv > cmd/go
add_cmd go "Go default: gcc + ld.bfd"
set_state go ok

# Stand-ins that answer gold-link's queries with the real tool but link
# nothing, to measure gold-link's own time and memory: a compiler driver,
# and for --direct a linker per flavour (bench/bench-standin.c: a program, so
# that no shell start is counted as gold-link's).
for s in standin-cc standin-ld.bfd standin-ld.gold standin-ld.lld standin-ld.mold; do
  cp "$BENCH_STANDIN" "prep/$s"
done

# prepare NAME OPTS LINKER: the gold-link command with OPTS, and if gold-link
# accepts OPTS, the command it runs (from --keep-temps' link.rsp) as
# NAME.raw and gold-link with a stand-in linker as NAME.self.
prepare () {
  n=$1 opts=$2 lk=$3
  gl_argv "$opts" "out/$n" > "cmd/$n"
  # The labels leave out --no-linker-check (see named below): a footnote says it.
  add_cmd "$n" "gold-link$(printf '%s' "${opts:+ $opts}" | sed 's/ --no-linker-check//')"
  gl_argv "-v --dry-run $opts" "out/$n" > "prep/$n.dry"
  if run_argv "prep/$n.dry" > "prep/$n.dry.out" 2> "prep/$n.dry.err"; then
    rc=0
  else
    rc=$?
  fi
  if [ "$rc" != 0 ]; then
    why=$(grep -m1 -i -e error -e unknown -e unrecogni "prep/$n.dry.err" || sed 1q "prep/$n.dry.err")
    set_state "$n" "n/a: exit $rc: $why"
    return 0
  fi
  for o in $opts; do
    # An option gold-link does not know is a driver argument to it.
    if grep -q -F -e " $o" "prep/$n.dry.out"; then
      set_state "$n" "n/a: gold-link does not know $o (passed it to the driver)"
      return 0
    fi
  done
  prog=$(sed -n '1{s/ .*//;s/^'"'"'//;s/'"'"'$//;p;}' "prep/$n.dry.out")
  case " $opts :${prog##*/}" in
    *" --direct "*:*gcc* | *" --direct "*:cc | *" --direct "*:clang*)
      set_state "$n" "n/a: gold-link takes --direct but still runs $prog"
      return 0 ;;
  esac
  set_state "$n" ok
  # The line that names the linker chosen (others give the flags it needs).
  grep '^gold-link: linker: .* (/' "prep/$n.dry.err" | tail -n 1 > "prep/$n.linker" || :

  # The command by hand: rerun the kept link.rsp with the same program.
  gl_argv "--keep-temps $opts" "out/$n" > "prep/$n.keep"
  add_cmd "$n.raw" "  the same command by hand"
  if run_argv "prep/$n.keep" > "prep/$n.keep.log" 2>&1; then
    kept=$(sed -n 's/^gold-link: kept the staging directory //p' "prep/$n.keep.log")
    if [ -n "$kept" ] && [ -f "$kept/link.rsp" ] \
       && awk -v out="\"out/$n.raw\"" '
            prev == "\"-o\"" { print out; found = 1; prev = ""; next }
            { print; prev = $0 }
            END { exit !found }' "$kept/link.rsp" > "prep/$n.rsp"; then
      printf '%s\n' "$prog" "@$rw/prep/$n.rsp" > "cmd/$n.raw"
      set_state "$n.raw" ok
    else
      set_state "$n.raw" "n/a: no link.rsp with -o from --keep-temps"
    fi
  else
    set_state "$n.raw" "n/a: gold-link --keep-temps failed"
  fi

  # gold-link alone, with a stand-in that links nothing.
  add_cmd "$n.self" "  gold-link alone"
  case " $opts " in
    *" --direct "*)
      real=$lk
      [ "$lk" = auto ] \
        && real=$(sed 's/^gold-link: linker: //' "prep/$n.linker" | grep -o -E 'mold|lld|gold|bfd' | sed 1q)
      case $real in
        bfd | gold | lld | mold)
          gl_argv "$(printf '%s' "$opts" | sed "s|--linker=[^ ]*|--linker=$rw/prep/standin-ld.$real|")" \
            "out/$n.self" > "cmd/$n.self" ;;
        *) set_state "$n.self" "n/a: cannot tell which linker auto picked"; return 0 ;;
      esac ;;
    *) gl_argv "$opts --cc=$rw/prep/standin-cc" "out/$n.self" > "cmd/$n.self" ;;
  esac
  set_state "$n.self" ok
}

prepare gl "" default
# A linker named is timed even where a limit refuses it for this output
# (mold for an amd64 exe with glibc: Go cannot read its build ID there):
# the bench measures speed; auto is what a user gets.
named () { [ "$1" = auto ] || echo " --no-linker-check"; }
for l in $LINKERS; do prepare "gl-$l" "--linker=$l$(named $l)" "$l"; done
for l in $LINKERS; do prepare "dl-$l" "--direct --linker=$l$(named $l)" "$l"; done

# The c-archive: GNU ar as cmd/link runs it, and gold-link-ar.
# cmd/link 1.19 runs "ar -q -c -s OUT go.o 000000.o …": OUT is the 4th argument.
{ echo ar; sed 1d inputs/carchive.argv | awk 'NR == 4 { print "out/ar"; next } { print }'; } > cmd/ar
{ echo "$GOLD_LINK_AR"; sed 1d inputs/carchive.argv | awk 'NR == 4 { print "out/glar"; next } { print }'; } > cmd/glar
add_cmd ar "ar -q -c -s (GNU ar)"
add_cmd glar "gold-link-ar -q -c -s"
set_state ar ok
set_state glar ok

# A whole go build, end to end, of two cgo programs: cmd/go itself and
# tests/data/cgoprog (a small one), with Go's default external link and
# with gold-link's default.  The compiled packages come from Go's build
# cache (the check run puts them there); with the output removed before
# each run, cmd/go runs cmd/link again and nothing else (go build caches no
# executable).  The flags stay the same from run to run: -ldflags is part
# of the main package's build info (Go 1.18+), so a new -X per run would
# compile main again, and for cgo that is cgo and gcc too.
mkdir -p cgoprog
cp "$srcdir/tests/data/cgoprog/main.go" cgoprog/
printf 'module cgoprog\n\ngo 1.19\n' > cgoprog/go.mod
def_ld="-linkmode=external"
gl_ld="-linkmode=external '-extld=$GOLD_LINK' '-extar=$GOLD_LINK_AR'"
for p in go small; do
  case $p in
    go) dir=$rw pkg=cmd/go what="cmd/go" ;;
    small) dir=$rw/cgoprog pkg=. what="small cgo program" ;;
  esac
  for v in def gl; do
    case $v in def) ld=$def_ld ;; gl) ld=$gl_ld ;; esac
    printf '%s\n' env -C "$dir" go build -o "$rw/out/build-$p-$v" \
      "-ldflags=$ld" "$pkg" > "cmd/build-$p-$v"
    set_state "build-$p-$v" ok
  done
  add_cmd "build-$p-def" "go build $what: Go default"
  add_cmd "build-$p-gl" "go build $what: gold-link"
done

# ---------------------------------------------------------------------------
# Check: run each command once and its output; this is also the warm-up.

printf 'int main (void) { return 0; }\n' > prep/main.c
check_output () { # NAME
  case $1 in
    *.self) [ -e "out/$1" ] ;;
    build-small-*) "out/$1" > "log/$1.check" 2>&1 && grep -q '^hello from' "log/$1.check" ;;
    ar | glar)
      gcc -o "out/$1.main" prep/main.c -Wl,--whole-archive "out/$1" \
        -Wl,--no-whole-archive -lpthread > "log/$1.check" 2>&1 \
        && "out/$1.main" >> "log/$1.check" 2>&1 \
        && [ "$(ar t "out/$1" | wc -l)" = $((nar + 1)) ] ;;
    *) "out/$1" version > "log/$1.check" 2>&1 && grep -q '^go version go' "log/$1.check" ;;
  esac
}

say "bench: checking every command once"
for n in $names; do
  [ "$(state "$n")" = ok ] || continue
  rm -f "out/$n"
  if run_argv "cmd/$n" > "log/$n" 2>&1; then
    if check_output "$n"; then :; else
      set_state "$n" "FAILED: the output does not work (see $rw/log/$n.check)"
    fi
  else
    set_state "$n" "FAILED: exit $? (see $rw/log/$n)"
  fi
  rm -f "out/$n" "out/$n.main"
done

timed=
for n in $names; do [ "$(state "$n")" = ok ] && timed="$timed $n"; done
reversed=$(printf '%s\n' $timed | awk '{ l[NR] = $0 } END { for (i = NR; i > 0; i--) print l[i] }')

load_before=$(cat /proc/loadavg)
say "bench: $runs rounds of $(printf '%s\n' $timed | wc -l) commands; load: $load_before"
r=1
while [ "$r" -le "$runs" ]; do
  printf '\rbench: round %d/%d ' "$r" "$runs" >&2
  if [ $((r % 2)) = 1 ]; then order=$timed; else order=$reversed; fi
  for n in $order; do
    [ "$(state "$n")" = ok ] || continue
    rm -f "out/$n"
    if run_argv "cmd/$n" "$BENCH_TIME" "res/$n" > "log/$n" 2>&1; then :; else
      set_state "$n" "FAILED in round $r: exit $? (see $rw/log/$n)"
    fi
    rm -f "out/$n"
  done
  r=$((r + 1))
done
say ""
load_after=$(cat /proc/loadavg)

# ---------------------------------------------------------------------------
# Report.

secs () { [ "$(state "$1")" = ok ] && median "res/$1"; }
rss_mb () { [ "$(state "$1")" = ok ] && median "res/$1" 2 | awk '{ printf "%.1f", $1 / 1024 }'; }
ratio () { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
ratio3 () { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }
ms () { awk -v a="$1" 'BEGIN { printf "%.0f", a * 1000 }'; }

echo "== Go $rel: $(go version) ($goroot), $(date -u '+%H:%M UTC')"
echo "load (1, 5, 15 min): before $(echo "$load_before" | cut -d' ' -f1-3), after $(echo "$load_after" | cut -d' ' -f1-3)"
echo "input: cmd/go, go.o $goo_mb MB + $nhost host objects; $runs rounds, medians"
echo

t_go=$(secs go || echo)
fmt='%-36s %7s %6s %8s %16s %7s %8s %7s %7s\n'
printf "$fmt" "configuration" "time s" "vs Go" "by hand" "overhead" "direct/" "peak RSS" "gl own" "gl own"
printf "$fmt" "" "" "(x)" "s" "gold-link/hand" "driver" "MB" "ms" "MB"
for n in $names; do
  case $n in *.raw | *.self | ar | glar | build-*) continue ;; esac
  st=$(state "$n")
  if [ "$st" != ok ]; then
    printf '%-36s %s\n' "$(label "$n")" "$st"
    continue
  fi
  t=$(secs "$n")
  vs=-; [ -n "$t_go" ] && vs=$(ratio "$t_go" "$t")
  hand=- over=- dd=- own=- ownm=-
  if t_raw=$(secs "$n.raw" 2> /dev/null); then
    hand=$(printf '%.3f' "$t_raw")
    over="$(ratio3 "$t" "$t_raw") ($(awk -v a="$t" -v b="$t_raw" 'BEGIN { printf "%+.0f", (a - b) * 1000 }') ms)"
  elif [ -f "state/$n.raw" ]; then
    over=n/a
  fi
  case $n in
    dl-*) t_drv=$(secs "gl-${n#dl-}" 2> /dev/null) && dd=$(ratio "$t" "$t_drv") ;;
  esac
  if t_self=$(secs "$n.self" 2> /dev/null); then
    own=$(ms "$t_self"); ownm=$(rss_mb "$n.self")
  fi
  printf "$fmt" "$(label "$n")" "$(printf '%.3f' "$t")" "$vs" "$hand" "$over" "$dd" "$(rss_mb "$n")" "$own" "$ownm"
done
echo
echo "c-archive of cmd/go: go.o $aro_mb MB + $nar host objects, fresh output each run"
t_ar=$(secs ar || echo)
for n in ar glar; do
  st=$(state "$n")
  if [ "$st" != ok ]; then printf '%-36s %s\n' "$(label "$n")" "$st"; continue; fi
  t=$(secs "$n")
  vs=-; [ -n "$t_ar" ] && vs=$(ratio "$t_ar" "$t")
  printf "$fmt" "$(label "$n")" "$(printf '%.3f' "$t")" "$vs" - - - "$(rss_mb "$n")" - -
done
echo
echo "whole go build -ldflags=-linkmode=external (compiled packages cached, a new link each run)"
fmt_b='%-36s %7s %6s %16s %8s\n'
printf "$fmt_b" "" "time s" "vs Go" "saved per build" "peak RSS"
printf "$fmt_b" "" "" "(x)" "ms" "MB"
for p in go small; do
  t_def=$(secs "build-$p-def" 2> /dev/null || echo)
  for v in def gl; do
    n=build-$p-$v
    st=$(state "$n")
    if [ "$st" != ok ]; then printf '%-36s %s\n' "$(label "$n")" "$st"; continue; fi
    t=$(secs "$n")
    vs=- saved=-
    if [ -n "$t_def" ] && [ "$v" = gl ]; then
      vs=$(ratio "$t_def" "$t")
      saved=$(awk -v a="$t_def" -v b="$t" 'BEGIN { printf "%.0f (%.0f %%)", (a - b) * 1000, (a - b) / a * 100 }')
    fi
    [ "$v" = def ] && vs=1.00
    printf "$fmt_b" "$(label "$n")" "$(printf '%.3f' "$t")" "$vs" "$saved" "$(rss_mb "$n")"
  done
done
echo "('vs Go' and, for the archivers, 'vs ar': how many times faster than the reference;"
echo " 'gl own': gold-link with a stand-in linker that links nothing: its own work;"
echo " a linker named by --linker= other than auto is run with --no-linker-check.)"
notes=$(cat prep/*.linker 2> /dev/null | sort -u)
if [ -n "$notes" ]; then
  echo
  echo "linkers gold-link chose (-v):"
  for n in $names; do
    [ -s "prep/$n.linker" ] && printf '  %-34s %s\n' "$(label "$n")" "$(sed 's/^gold-link: linker: //' "prep/$n.linker" | sed 1q)"
  done
fi

# Targets.
echo
echo "targets:"
verdict () { awk -v v="$1" -v t="$2" -v op="$3" 'BEGIN { ok = op == "<=" ? v <= t : v >= t; print ok ? "met" : "MISSED" }'; }
worst='' worst_n=''
for n in $names; do
  case $n in *.raw | *.self | ar | glar | build-*) continue ;; esac
  if t=$(secs "$n" 2> /dev/null) && t_raw=$(secs "$n.raw" 2> /dev/null); then
    o=$(ratio3 "$t" "$t_raw")
    if [ -z "$worst" ] || awk -v a="$o" -v b="$worst" 'BEGIN { exit !(a > b) }'; then
      worst=$o worst_n=$n
    fi
  fi
done
if t=$(secs gl 2> /dev/null) && t_raw=$(secs gl.raw 2> /dev/null); then
  o=$(ratio3 "$t" "$t_raw")
  echo "(1) gold-link's overhead <= 1.02: $o with its default linker: $(verdict "$o" 1.02 '<=');" \
    "worst $worst ($(label "$worst_n")): $(verdict "$worst" 1.02 '<=')"
else
  echo "(1) gold-link's overhead <= 1.02: n/a"
fi
if [ -n "$t_go" ] && t=$(secs gl-auto 2> /dev/null); then
  x=$(ratio "$t_go" "$t")
  echo "(2) --linker=auto >= 3x faster than Go's gcc + ld.bfd: ${x}x: $(verdict "$x" 3 '>=')"
else
  echo "(2) --linker=auto >= 3x faster than Go's gcc + ld.bfd: n/a ($(state gl-auto))"
fi
line=
for l in $LINKERS; do
  if [ -n "$t_go" ] && t=$(secs "gl-$l" 2> /dev/null); then
    line="$line $l $(ratio "$t_go" "$t")x,"
  else
    line="$line $l n/a,"
  fi
done
echo "    each linker through gold-link vs Go's default:${line%,}"
line=
for l in $LINKERS; do
  if t=$(secs "dl-$l" 2> /dev/null) && t_drv=$(secs "gl-$l" 2> /dev/null); then
    line="$line $l $(ratio "$t" "$t_drv"),"
  else
    line="$line $l n/a,"
  fi
done
echo "(3) --direct time / through gcc (no target; < 1 is faster):${line%,}"
if [ -n "$t_ar" ] && t=$(secs glar 2> /dev/null); then
  x=$(ratio "$t_ar" "$t")
  echo "(4) gold-link-ar >= 2x faster than ar -q -c -s: ${x}x: $(verdict "$x" 2 '>=')"
else
  echo "(4) gold-link-ar >= 2x faster than ar -q -c -s: n/a"
fi
# The bench keeps about one CPU busy itself: at the end, above 1.5 means
# someone else was running too.
load1=$(echo "$load_before" | cut -d' ' -f1)
load2=$(echo "$load_after" | cut -d' ' -f1)
if awk -v a="$load1" -v b="$load2" 'BEGIN { exit !(a >= 0.5 || b > 1.5) }'; then
  echo "note: 1-minute load $load1 at the start, $load2 at the end (the bench adds ~1):" \
    "other work was running; figures are noisy"
fi

# One line for the summary over the releases.
o_def=n/a o_worst=n/a w_label= x_auto=n/a x_ar=n/a s_go=n/a s_small=n/a
if t=$(secs gl 2> /dev/null) && t_raw=$(secs gl.raw 2> /dev/null); then o_def=$(ratio3 "$t" "$t_raw"); fi
[ -n "$worst" ] && o_worst=$worst w_label=$(label "$worst_n")
if [ -n "$t_go" ] && t=$(secs gl-auto 2> /dev/null); then x_auto=$(ratio "$t_go" "$t")x; fi
if [ -n "$t_ar" ] && t=$(secs glar 2> /dev/null); then x_ar=$(ratio "$t_ar" "$t")x; fi
saved_ms () {
  a=$(secs "build-$1-def" 2> /dev/null) && b=$(secs "build-$1-gl" 2> /dev/null) \
    && awk -v a="$a" -v b="$b" 'BEGIN { printf "%.0f ms", (a - b) * 1000 }'
}
s_go=$(saved_ms go || echo n/a)
s_small=$(saved_ms small || echo n/a)
printf '%-8s %9s %11s %-36s %7s %7s %10s %10s\n' "$gover" "$o_def" "$o_worst" "${w_label:+($w_label)}" \
  "$x_auto" "$x_ar" "$s_go" "$s_small" > "$BENCH_WORK/summary.$(relkey "$rel")"
