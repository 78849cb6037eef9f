#!/bin/sh
# Host objects are staged into one deterministic archive linked whole: the
# output runs both ways (staged and --no-stage), the command stays short with
# 5000 host objects, and the staging directory's path is not in the output.
. "$abs_srcdir/tests/lib.sh"
need_cmd go gcc ar strings
go_module cgoprog
go_objects t -o p0 ./cgoprog
export TMPDIR="$WORK/tmp"
mkdir "$TMPDIR"

"$GOLD_LINK" -v --keep-temps -o staged t/go.o t/0*.o -lpthread 2> v.log || { cat v.log; fail "staged link"; }
n=$(ls t/0*.o | wc -l)
grep -q "staging: $n host objects archived, linked whole" v.log || { cat v.log; fail "not staged"; }
grep -q 'run: gcc .* t/go.o -Wl,--whole-archive .*/hostobj0.a -Wl,--no-whole-archive -lpthread' v.log \
  || { cat v.log; fail "archive not linked whole in place of the objects"; }
kept=$(sed -n 's/^gold-link: kept the staging directory //p' v.log)
# Members are named by cmd/link's name and the origin (explain.c):
# 000002-PKG-FILE.o.
[ "$(ar t "$kept/hostobj0.a" | sed 's/-.*\.o$/.o/' | tr '\n' ' ')" = "$(cd t && ls 0*.o | tr '\n' ' ')" ] || fail "members differ"
ar tv "$kept/hostobj0.a" | grep -qv ' 0/0 .*Jan  1 00:00 1970 ' && fail "staged archive not deterministic"
./staged | grep -q 'callback 41' || fail "staged output broken"
! grep -a -q "$kept" staged || fail "the staging path is in the output"
! strings -a staged | grep -q 'hostobj0\.a' || fail "the staged archive's name is in the output"
rm -rf "$kept"

"$GOLD_LINK" -v --no-stage -o loose t/go.o t/0*.o -lpthread 2> v2.log || { cat v2.log; fail "--no-stage link"; }
! grep -q 'staging:' v2.log || fail "--no-stage staged anyway"
grep -q 'run: gcc .* t/go.o t/000000.o' v2.log || fail "objects not loose"
./loose | grep -q 'callback 41' || fail "--no-stage output broken"
[ -z "$(ls_dir "$TMPDIR")" ] || fail "staging left behind: $(ls_dir "$TMPDIR")"

# 5000 host objects (copies of one object with only local symbols): the
# command gold-link runs stays short, and every object is linked.
cat > local.c <<'C'
static int local_counter __attribute__ ((used));
static void local_fn (void) __attribute__ ((used));
static void local_fn (void) { local_counter++; }
C
gcc -c -fPIC -o local.o local.c
mkdir many
i=0
while [ $i -lt 5000 ]; do cp local.o many/h$i.o; i=$((i + 1)); done
"$GOLD_LINK" -v -o many.exe t/go.o t/0*.o many/*.o -lpthread 2> v3.log || { tail v3.log; fail "5000-object link"; }
grep -q "staging: $((n + 5000)) host objects" v3.log || fail "not all staged"
len=$(sed -n 's/^gold-link: run: //p' v3.log | wc -c)
note "command length with $((n + 5000)) host objects: $len bytes"
[ "$len" -lt 2000 ] || fail "command is $len bytes long"
copies=$(nm many.exe | grep -c ' local_fn$')
[ "$copies" = 5000 ] || fail "$copies of 5000 host objects linked"
./many.exe | grep -q 'callback 41' || fail "5000-object program broken"
