#!/bin/sh
# SIGTERM or SIGINT while the linker runs: the linker is stopped, no output
# and no temporary file is left, gold-link exits 128+N.  --keep-temps keeps
# the staging directory with the command as a response file.
. "$abs_srcdir/tests/lib.sh"
need_cmd go gcc
go_module cgoprog
mkdir out
go_objects t -o prog ./cgoprog

# A compiler driver that is slow on purpose: it says it started, then
# sleeps, in the link (SLOW=link) or in gold-link's questions to it,
# -dumpmachine (SLOW=probe) and -### (SLOW=libc, which libc it links
# against); what it is not slow in, gcc answers at once.
cat > slowcc <<SH
#!/bin/sh
case " \$* " in
  *" -dumpmachine "*) kind=probe ;; *" -### "*) kind=libc ;;
  *" -print-"*) exec gcc "\$@" ;; *) kind=link ;;
esac
echo \$kind >> "$WORK/calls"
[ "\$kind" = "\$SLOW" ] || exec gcc "\$@"
echo \$\$ > "$WORK/started"
exec sleep 60
SH
chmod +x slowcc
export TMPDIR="$WORK/tmp"
mkdir "$TMPDIR"
need_cmd perl
# A background job of a non-interactive shell starts with SIGINT ignored, and
# gold-link keeps an ignored signal ignored: restore the default first.
restore='$SIG{INT} = $SIG{TERM} = $SIG{HUP} = "DEFAULT"; exec @ARGV or die'
for slow in probe libc link; do
for sig in TERM INT; do
  rm -f started calls
  # An empty cache (src/cache.c): each run asks the driver every question.
  rm -rf "$GOLD_LINK_CACHE"
  keep=
  [ $slow = link ] && keep=--keep-temps
  SLOW=$slow perl -e "$restore" "$GOLD_LINK" --cc="$WORK/slowcc" $keep -o out/prog t/go.o t/0*.o -lpthread 2> err.$sig &
  pid=$!
  i=0
  while [ ! -s started ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
  [ -s started ] || fail "the slow driver never started"
  child=$(cat started)
  kill -$sig $pid
  set +e; wait $pid; status=$?; set -e
  want=$((128 + $(kill -l $sig)))
  [ "$status" = "$want" ] || { cat err.$sig; fail "$slow SIG$sig: exit $status, want $want"; }
  ! kill -0 "$child" 2>/dev/null || fail "$slow SIG$sig: the compiler driver still runs"
  [ -z "$(ls_dir out)" ] || fail "$slow SIG$sig: output or temporary file left: $(ls_dir out)"
  [ $slow = link ] || [ -z "$(ls_dir "$TMPDIR")" ] || fail "$slow SIG$sig: staging left: $(ls_dir "$TMPDIR")"
  # Stopped in the question, gold-link goes no further: no link is run.
  case $slow in
    probe) want_calls="probe" ;; libc) want_calls="probe libc" ;;
    link) want_calls="probe libc link" ;;
  esac
  [ "$(echo $(cat calls))" = "$want_calls" ] \
    || fail "$slow SIG$sig: the driver ran for '$(echo $(cat calls))', want '$want_calls'"
done
done

# --keep-temps kept the staging directory, with the command to rerun.
kept=$(ls -d "$TMPDIR"/gold-link-* | head -1)
[ -f "$kept/link.rsp" ] || fail "--keep-temps kept no link.rsp"
grep -q '^"-o"$' "$kept/link.rsp" && grep -q '^"out/prog"$' "$kept/link.rsp" \
  || { cat "$kept/link.rsp"; fail "link.rsp does not name the output"; }
gcc @"$kept/link.rsp" && ./out/prog | grep -q hello || fail "rerunning link.rsp failed"
rm -rf "$TMPDIR"/gold-link-* out/prog

# Without --keep-temps nothing is left in TMPDIR.
"$GOLD_LINK" -o out/prog t/go.o t/0*.o -lpthread
[ -z "$(ls_dir "$TMPDIR")" ] || fail "staging left in TMPDIR: $(ls_dir "$TMPDIR")"

# The real pipeline, gcc -> collect2 -> a linker slowed on purpose (it
# sleeps, then runs ld.bfd), and the linker run directly: the signal stops
# every process of the link, and nothing is left.
cat > slowld <<SH
#!/bin/sh
case " \$* " in *" -V "*) exec ld.bfd "\$@" ;; esac
sleep 30 &
echo \$\$ \$! > "$WORK/ldstarted"
wait \$!
exec ld.bfd "\$@"
SH
chmod +x slowld
rm -f out/prog
for how in "" --direct; do
  for sig in TERM INT HUP; do
    rm -f ldstarted
    perl -e "$restore" "$GOLD_LINK" $how --linker="$WORK/slowld" -o out/prog \
      t/go.o t/0*.o -lpthread 2> err.$sig &
    pid=$!
    i=0
    while [ ! -s ldstarted ] && [ $i -lt 200 ]; do sleep 0.1; i=$((i + 1)); done
    [ -s ldstarted ] || { cat err.$sig; fail "$how SIG$sig: the slow linker never started"; }
    kill -$sig $pid
    set +e; wait $pid; status=$?; set -e
    want=$((128 + $(kill -l $sig)))
    [ "$status" = "$want" ] || { cat err.$sig; fail "$how SIG$sig: exit $status, want $want"; }
    for p in $(cat ldstarted); do
      ! kill -0 "$p" 2>/dev/null || fail "$how SIG$sig: process $p of the linker still runs"
    done
    [ -z "$(ls_dir out)" ] || fail "$how SIG$sig: left in the output directory: $(ls_dir out)"
    [ -z "$(ls_dir "$TMPDIR")" ] || fail "$how SIG$sig: staging left: $(ls_dir "$TMPDIR")"
  done
done
