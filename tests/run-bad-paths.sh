#!/bin/sh
# File names with spaces, quotes, newlines and non-ASCII letters: a bad
# input so named is named readably in one error line (control characters
# as C escapes), and a good link so named succeeds, also when the staging
# directory's name is odd.
. "$abs_srcdir/tests/lib.sh"
need_cmd go gcc ar
go_module cgoprog clib
go_objects t -o prog ./cgoprog
go_objects ta -buildmode=c-archive -o clib.a ./clib
bad_setup
GL=$GOLD_LINK
nl='
'
# A directory and names with everything at once.
D="in dir \"q\" 'q' ü"
mkdir "$D"
GO="$D/go ö.o"
H1="$D/host \"dq\" 'sq'.o"
H2="$D/new${nl}line.o"
H3="$D/ünï cødé.o"
cp t/go.o "$GO"
cp t/000000.o "$H1"
cp t/000001.o "$H2"
cp t/000002.o "$H3"
REST="t/00000[3-9].o t/00001*.o"

# Bad inputs so named: empty, not ELF, truncated, missing, for another
# machine.
: > "$D/empty${nl}ü.o"
expect_bad_exact 1 "gold-link: error: in dir \"q\" 'q' ü/empty\\nü.o: is empty" \
  "gold-link: note: an object, archive or linker script was expected; rebuild it" \
  "$GL" -o out/a "$GO" "$D/empty${nl}ü.o"
printf 'junk\001' > "$D/junk 'x'.o"
expect_bad_exact 1 "gold-link: error: in dir \"q\" 'q' ü/junk 'x'.o: not an ELF object, archive or linker script" \
  "gold-link: note: pass objects (.o), archives (.a), shared libraries (.so) or linker scripts" \
  "$GL" -o out/a "$GO" "$D/junk 'x'.o"
head -c 1000 t/go.o > "$D/cut${nl}go \"ö\".o"
expect_bad 1 "error: in dir \"q\" 'q' ü/cut\\\\ngo \"ö\".o: the section header table" \
  "$GL" -o out/a "$D/cut${nl}go \"ö\".o" "$H1"
expect_bad_exact 1 "gold-link: error: in dir \"q\" 'q' ü/gone\\tü.o: cannot open: No such file or directory" \
  "gold-link: note: check the path; inputs are relative to the current directory" \
  "$GL" -o out/a "$GO" "$D/gone	ü.o"
cp t/000003.o "$D/arm${nl}ü.o"
poke "$D/arm${nl}ü.o" 18 '\267\000'
expect_bad_exact 1 "gold-link: error: in dir \"q\" 'q' ü/arm\\nü.o: is for arm64, but in dir \"q\" 'q' ü/go ö.o is for amd64" \
  "gold-link: note: all objects of one link must be built for the same architecture (GOARCH and CC must agree)" \
  "$GL" -o out/a "$GO" "$D/arm${nl}ü.o"
# An archive member so named, truncated.
(cd "$D" && ar rc "lib ü.a" "ünï cødé.o" "host \"dq\" 'sq'.o")
size=$(stat -c %s "$D/lib ü.a")
head -c $((size - 100)) "$D/lib ü.a" > "$D/cut ü.a"
expect_bad 1 "error: in dir \"q\" 'q' ü/cut ü.a(host \"dq\" 'sq'.o): truncated: the member of" \
  "$GL" -o out/a "$GO" "$D/cut ü.a"
# The output so named is an input.
expect_bad_exact 2 "gold-link: error: in dir \"q\" 'q' ü/new\\nline.o: the output is also an input" \
  "gold-link: note: name another output with -o" \
  "$GL" -o "$H2" "$GO" "$H1" "$H2" "$H3"
# An output directory so named that does not exist.
expect_bad_exact 1 "gold-link: error: out/no ü\\ndir/a: the output directory out/no ü\\ndir does not exist" \
  "gold-link: note: create the directory first" \
  "$GL" -o "out/no ü${nl}dir/a" "$GO" "$H1"

# Good links so named run.  The staging directory's name is odd too.
OUT="out/prog \"ö\" 'x'${nl}y"
TMPD="$WORK/tmp/stage ü \"q\""
mkdir "$TMPD"
for flags in "" "--no-stage" "--linker=bfd" "--direct"; do
  TMPDIR=$TMPD "$GL" $flags -o "$OUT" "$GO" "$H1" "$H2" "$H3" $REST -lpthread \
    || fail "link with odd names ($flags) failed"
  "$OUT" | grep -q "hello from a gold-linked cgo program" \
    || fail "the program with odd names ($flags) did not run"
  rm -f "$OUT"
  [ -z "$(ls_dir "$TMPD")" ] || fail "staging left in $TMPD ($flags)"
  [ -z "$(ls_dir out)" ] || fail "files left in out/ ($flags)"
done
rmdir "$TMPD"

# A c-archive so named: its members keep their names.
CA="$D/c ü.o"
cp ta/go.o "$CA"
cp ta/000000.o "$D/c host ü.o"
"$GL" --buildmode=c-archive -o "out/lib \"ü\".a" "$CA" "$D/c host ü.o" ta/00000[1-9].o \
  || fail "c-archive with odd names failed"
ar t "out/lib \"ü\".a" > members
grep -q -x "c ü.o" members || { cat members; fail "member 'c ü.o' missing"; }
grep -q -x "c host ü.o" members || { cat members; fail "member 'c host ü.o' missing"; }
rm -f "out/lib \"ü\".a"
