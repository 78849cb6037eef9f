#!/bin/sh
# Reproducible bytes (issue 14).  The same go.o and host objects, recorded
# from a real go build through gold-link, are linked in two places that
# differ in all that gold-link must not let through: the working
# directory, TMPDIR (so the staging directory, its archive of host
# objects, the glued copy of go.o and the -B directory), the directory the
# objects are in (another cmd/link -tmpdir), the time, the umask and the
# user.  Every build mode, every linker and auto, through the compiler
# driver and --direct, and c-archives by gold-link and gold-link-ar, must
# give the same bytes.  Then what -v says makes bytes differ is shown to,
# and go build -trimpath in two directories (tests/run-repro-gobuild.sh).
. "$abs_srcdir/tests/lib.sh"

need_cmd go gcc cmp ar objcopy readelf ld.bfd ld.gold ld.lld mold
[ "$(uname -m)" = x86_64 ] || skip "the recorded links are amd64's"
LINKERS="auto bfd gold lld mold"

go_module cgoprog clib plugin
write_recorder rec.sh
mkdir t
REC_FLAGS="-linkmode=external -extld=$WORK/rec.sh -extar=$GOLD_LINK_AR -tmpdir=$WORK/t"
record () {			# record NAME go-build-arguments...
  name=$1; shift
  REC="$WORK/$name.rsp" go "$@" > "$name.build.log" 2>&1 \
    || { cat "$name.build.log"; fail "go $* failed"; }
  [ -s "$name.rsp" ] || fail "no link command recorded for $name"
}
record exe build -o exe0 -ldflags="$REC_FLAGS" ./cgoprog
record pie build -buildmode=pie -o pie0 -ldflags="$REC_FLAGS" ./cgoprog
record c-shared build -buildmode=c-shared -o libgo.so -ldflags="$REC_FLAGS" ./clib
record plugin build -buildmode=plugin -o greet.so -ldflags="$REC_FLAGS" ./plugin
mkdir shx
printf 'package main\n\nfunc main() { println("hello from a shared runtime") }\n' > shx/main.go
record shared install -buildmode=shared -linkshared -pkgdir="$WORK/pkg" \
  -ldflags="$REC_FLAGS" runtime sync/atomic
record linkshared build -linkshared -pkgdir="$WORK/pkg" -o lsh0 \
  -ldflags="$REC_FLAGS" ./shx
# c-archive: cmd/link leaves go.o and the host objects in its -tmpdir.
go_objects c-archive.d -buildmode=c-archive -o libgo.a ./clib
(cd c-archive.d && ls go.o 0*.o) > c-archive.members
# glue: the c-shared go.o without its .init_array entry, which gold-link
# adds in a copy in the staging directory (glue.c), named go.o there.
cp -r c-shared.d glue.d
objcopy -R .init_array -R .rela.init_array c-shared.d/go.o glue.d/go.o
sed "s|$WORK/c-shared.d/|$WORK/glue.d/|" c-shared.rsp > glue.rsp
MODES="exe pie c-shared glue plugin shared linkshared"

# Two places.  place NAME: a directory with its own TMPDIR, working
# directory and output directory, and a copy of each mode's objects under
# another name, as another cmd/link -tmpdir would leave them; each mode's
# command rewritten to name the copy.  Everyone may write there (the
# second place links as another user).
chmod a+rx "$WORK"
place () {
  p=$WORK/$1
  mkdir -p "$p/tmp/$1-staging" "$p/cwd/$1" "$p/out"
  for m in $MODES c-archive; do
    cp -r "$m.d" "$p/go-link-$1-$m"
    [ $m = c-archive ] || sed "s|$WORK/$m.d/|$p/go-link-$1-$m/|g" "$m.rsp" > "$p/$m.rsp"
  done
  chmod -R a+rwX "$p"
}
place a
place b-elsewhere
# The second place's user: nobody, where we are root and may be nobody.
AS_OTHER=
if [ "$(id -u)" = 0 ] && command -v setpriv > /dev/null 2>&1 \
   && setpriv --reuid=65534 --regid=65534 --clear-groups true 2> /dev/null; then
  AS_OTHER="setpriv --reuid=65534 --regid=65534 --clear-groups"
  # Only where nobody can reach the scratch directory (not under a
  # directory only root may enter).
  $AS_OTHER sh -c "cd '$WORK/b-elsewhere/cwd/b-elsewhere' && test -w ../../out && test -r '$WORK/b-elsewhere/exe.rsp'" 2> /dev/null \
    || { note "nobody cannot reach $WORK: both places link as $(id -un)"; AS_OTHER=; }
fi

# relink PLACE UMASK OUT PROGRAM ARGS...: run PROGRAM (gold-link or
# gold-link-ar) in PLACE's working directory with its TMPDIR and UMASK
# (as nobody in the second place), ARGS naming the output by the relative
# path ../../out/OUT, the same string in both places.
relink () {
  r_as=; [ "$1" = a ] || r_as=$AS_OTHER
  r_p=$WORK/$1 r_mask=$2 r_out=$3 r_prog=$4; shift 4
  (cd "$r_p/cwd/${r_p##*/}" && umask "$r_mask" \
     && TMPDIR=$r_p/tmp/${r_p##*/}-staging $r_as "$r_prog" "$@") \
    > "$r_p/out/$r_out.log" 2>&1
}
# Every link in one place, all of them: refused or linked.
links () {
  pl=$1 mask=$2
  for m in $MODES; do
    for l in $LINKERS; do
      for how in driver direct; do
        d=; [ $how = direct ] && d=--direct
        relink $pl $mask $m-$l-$how "$GOLD_LINK" --linker=$l $d \
          -o ../../out/$m-$l-$how @"$WORK/$pl/$m.rsp" || echo $m-$l-$how >> "$WORK/$pl/refused"
      done
    done
  done
  objs=$(sed "s|^|$WORK/$pl/go-link-$pl-c-archive/|" c-archive.members | tr '\n' ' ')
  # The c-archive go.o without its entry: gold-link's archive has the
  # glued copy.
  objcopy -R .init_array -R .rela.init_array "$WORK/$pl/go-link-$pl-c-archive/go.o" "$WORK/$pl/bare.o"
  # shellcheck disable=SC2086
  relink $pl $mask c-archive-glue "$GOLD_LINK" -v --buildmode=c-archive \
    -o ../../out/c-archive-glue "$WORK/$pl/bare.o" $(echo "$objs" | sed 's|[^ ]*/go.o||') \
    || fail "$pl: gold-link --buildmode=c-archive of a go.o without its entry failed"
  grep -q "glue: go.o has no .init_array entry" "$WORK/$pl/out/c-archive-glue.log" \
    || { cat "$WORK/$pl/out/c-archive-glue.log"; fail "$pl: no glue in the c-archive"; }
  # shellcheck disable=SC2086
  relink $pl $mask c-archive-gold-link "$GOLD_LINK" --buildmode=c-archive \
    -o ../../out/c-archive-gold-link $objs || fail "$pl: gold-link --buildmode=c-archive failed"
  # shellcheck disable=SC2086
  relink $pl $mask c-archive-ar.a "$GOLD_LINK_AR" -q -c -s ../../out/c-archive-ar.a $objs \
    || fail "$pl: gold-link-ar failed"
  touch "$WORK/$pl/refused"
}
links a 022
# Another second, for any time that would be written.
sleep 1
links b-elsewhere 077

# The same links were refused in both places, each by an arch/ limit.
cmp a/refused b-elsewhere/refused || fail "not the same links were refused in both places"
for o in $(cat a/refused); do
  grep -q "cannot link amd64" "a/out/$o.log" || { cat "a/out/$o.log"; fail "$o failed"; }
done
n=0
for f in a/out/*; do
  case $f in *.log) continue ;; esac
  o=${f#a/out/}
  [ -f "b-elsewhere/out/$o" ] || fail "$o: linked in one place only"
  cmp "a/out/$o" "b-elsewhere/out/$o" > /dev/null \
    || fail "$o: two places gave different bytes ($(cmp -l "a/out/$o" "b-elsewhere/out/$o" | wc -l) differ)"
  # The umask sets the mode as for a new file (gold keeps the mode of
  # the file it is given: output.c's claimed name must not narrow it).
  case $o in c-archive*) want="644 600" ;; *) want="755 700" ;; esac
  got="$(stat -c %a "a/out/$o") $(stat -c %a "b-elsewhere/out/$o")"
  [ "$got" = "$want" ] || fail "$o: modes $got under umasks 022 and 077, not $want"
  n=$((n + 1))
done
[ $n -ge 60 ] || fail "only $n outputs compared"
note "$n outputs the same in two places (cwd, TMPDIR, -tmpdir, time, umask${AS_OTHER:+, user}); $(wc -l < a/refused) links refused by arch/ limits in both"
# The staged files really were in different places, under the same names.
relink a 022 keep-c-shared "$GOLD_LINK" -v --keep-temps --linker=gold \
  -o ../../out/keep @"$WORK/a/c-shared.rsp"
grep -q "$WORK/a/tmp/a-staging/gold-link-" a/out/keep-c-shared.log \
  || { cat a/out/keep-c-shared.log; fail "the staging directory is not in place a's TMPDIR"; }

# --- what -v says makes the bytes differ, shown to -------------------------

# vnotes LOG: the reproducibility notes of a -v log.
vnotes () { sed -n 's/^gold-link: reproducible: /reproducible: /p' "$1"; }
# Every note shown above: none but go.o's lack of -trimpath, where go.o
# holds its build settings ("build\t..." lines in .go.buildinfo: not the
# Go shared library of the standard packages, nor a Go 1.19 plugin).
nontrim="reproducible: only from the same source directory: go.o was built without -trimpath, and its DWARF and file table name the directories of the build; go build -trimpath leaves them out"
for m in $MODES; do
  relink a 022 v-$m "$GOLD_LINK" -v -o ../../out/v-$m @"$WORK/a/$m.rsp"
  want=$nontrim
  grep -a -q -P '^build\t-' $m.d/go.o || want=
  # cmd/link's -rpath to the Go shared library's directory, when the test
  # runs under /tmp: a temporary run path (below).
  if [ $m = linkshared ]; then
    rp=$(sed -n "s/^'-Wl,-rpath=\(.*\)'\$/\1/p" "$WORK/a/$m.rsp")
    [ -n "$rp" ] || fail "no -rpath in cmd/link's -linkshared command"
    case $rp in /tmp/*|/var/tmp/*) want="${want:+$want
}reproducible: only from the same directory: the run path $rp is in a temporary directory, and the linker writes it as given into DT_RUNPATH (or DT_RPATH); use a fixed one, or \$ORIGIN" ;; esac
  fi
  [ "$(vnotes a/out/v-$m.log)" = "$want" ] \
    || { vnotes a/out/v-$m.log; fail "$m: -v does not say, alone, that go.o lacks -trimpath"; }
done
grep -q "glue: go.o has no .init_array entry" a/out/v-glue.log \
  || { cat a/out/v-glue.log; fail "the glue mode links no glued copy"; }

# gold names a shared library without a soname after its output path:
# with an absolute -o in two directories, gold's bytes differ and -v says
# so; bfd's (which takes the base name) do not; -Wl,-soname= mends it.
for d in o1 o2; do
  mkdir $d
  "$GOLD_LINK" -v --linker=gold -o "$WORK/$d/libgo.so" @c-shared.rsp > $d/gold.log 2>&1 \
    || { cat $d/gold.log; fail "gold into $d failed"; }
  "$GOLD_LINK" -v --linker=bfd -o "$WORK/$d/libbfd.so" @c-shared.rsp > $d/bfd.log 2>&1 \
    || { cat $d/bfd.log; fail "bfd into $d failed"; }
  "$GOLD_LINK" -v --linker=gold -Wl,-soname=libgo.so -o "$WORK/$d/libson.so" @c-shared.rsp \
    > $d/son.log 2>&1 || { cat $d/son.log; fail "gold -soname into $d failed"; }
done
! cmp -s o1/libgo.so o2/libgo.so || fail "gold with another absolute -o gave the same bytes: the note is wrong"
cmp o1/libbfd.so o2/libbfd.so || fail "bfd with another absolute -o gave other bytes"
cmp o1/libson.so o2/libson.so || fail "gold with a soname and another absolute -o gave other bytes"
[ "$(vnotes o1/gold.log)" = "$nontrim
reproducible: only with the same -o: gold names a shared library without a soname after the output as the command names it ($WORK/o1/libgo.so, in .gnu.version_d and .dynstr); a relative -o or -Wl,-soname=NAME keeps the directory out" ] \
  || { vnotes o1/gold.log; fail "-v does not say that gold names the library after its -o"; }
[ "$(vnotes o1/bfd.log)" = "$nontrim" ] || { vnotes o1/bfd.log; fail "bfd: a note too many"; }
[ "$(vnotes o1/son.log)" = "$nontrim" ] || { vnotes o1/son.log; fail "gold with a soname: a note too many"; }
# A leftover of a killed link under the temporary name gold would record:
# gold-link writes a random name instead, and -v says why the bytes change.
: > o1/.libgo.so.gold-link
(cd o1 && "$GOLD_LINK" -v --linker=gold -o libgo.so @"$WORK/c-shared.rsp") > o1/left.log 2>&1 \
  || { cat o1/left.log; fail "gold beside a leftover failed"; }
[ -e o1/.libgo.so.gold-link ] || fail "the leftover was removed"
[ "$(vnotes o1/left.log)" = "$nontrim
reproducible: no: gold names a shared library without a soname after the file it writes (the base version's name in .gnu.version_d and .dynstr), and another link of this output is running or left its file behind, so that file's name is random; remove the leftover, or give -Wl,-soname=NAME" ] \
  || { vnotes o1/left.log; fail "-v does not say that the leftover makes the name random"; }
readelf -p .dynstr o1/libgo.so | grep -q '\./\.libgo\.so\.gold-link-' \
  || fail "gold beside a leftover did not record a random name"

# --build-id=uuid: two links of the same inputs differ, and -v says why
# (after the command's own, which Go 1.24+ sends, so that it is obeyed).
for i in 1 2; do
  "$GOLD_LINK" -v -o uuid$i @exe.rsp -Wl,--build-id=uuid > uuid$i.log 2>&1 \
    || { cat uuid$i.log; fail "--build-id=uuid link failed"; }
done
! cmp -s uuid1 uuid2 || fail "two --build-id=uuid links gave the same bytes"
[ "$(vnotes uuid1.log)" = "reproducible: no: --build-id=uuid writes a random build ID; --build-id=sha1 (gold-link's default) is a digest of the output
$nontrim" ] \
  || { vnotes uuid1.log; fail "-v does not say that --build-id=uuid is random"; }

# -Map and --dependency-file: the output is the same in two places, the
# map and the dependency file are not (they name the staging directory and
# each input's path), and -v says so.
mapnote="reproducible: the output yes, but not the map (-Map) or dependency file (--dependency-file): the linker names each input there by its path, and the host objects' archive is in gold-link's staging directory, a new one under TMPDIR on every link"
for pl in a b-elsewhere; do
  relink $pl 022 map "$GOLD_LINK" -v --linker=bfd -o ../../out/map @"$WORK/$pl/exe.rsp" \
    -Wl,-Map=../../out/map.map,--dependency-file=../../out/map.d \
    || { cat $pl/out/map.log; fail "$pl: a link with -Map failed"; }
done
cmp a/out/map b-elsewhere/out/map || fail "-Map: two places gave other outputs"
! cmp -s a/out/map.map b-elsewhere/out/map.map || fail "-Map: the two maps are the same: the note is wrong"
! cmp -s a/out/map.d b-elsewhere/out/map.d || fail "--dependency-file: the two are the same: the note is wrong"
grep -q "$WORK/a/tmp/a-staging/gold-link-.*/hostobj0.a" a/out/map.map || fail "the map does not name the staging directory"
[ "$(vnotes a/out/map.log)" = "$nontrim
$mapnote" ] || { vnotes a/out/map.log; fail "-v does not say that the map and dependency file differ"; }

# A shared library without a soname, named by its path: the linker writes
# the path into DT_NEEDED, so two places give two programs, and -v says
# so; with a soname, or by -L -l, they are the same.
printf 'int foo (void) { return 42; }\n' > foo.c
printf 'int foo (void);\nint main (void) { return foo () != 42; }\n' > usefoo.c
gcc -c usefoo.c || fail "cannot compile usefoo.c"
for d in so1 so2; do
  mkdir $d
  gcc -shared -fPIC -o $d/libfoo.so foo.c && gcc -shared -fPIC -Wl,-soname=libbar.so -o $d/libbar.so foo.c \
    || fail "cannot build the libraries in $d"
  "$GOLD_LINK" -v -o $d/path usefoo.o "$WORK/$d/libfoo.so" > $d/path.log 2>&1 || { cat $d/path.log; fail "link with $d/libfoo.so failed"; }
  "$GOLD_LINK" -v -o $d/soname usefoo.o "$WORK/$d/libbar.so" > $d/soname.log 2>&1 || { cat $d/soname.log; fail "link with $d/libbar.so failed"; }
  "$GOLD_LINK" -v -o $d/lib usefoo.o -L$d -lfoo > $d/lib.log 2>&1 || { cat $d/lib.log; fail "link with -L$d -lfoo failed"; }
done
! cmp -s so1/path so2/path || fail "two paths to a library without a soname gave the same bytes"
cmp so1/soname so2/soname || fail "a library with a soname at two paths gave other bytes"
cmp so1/lib so2/lib || fail "-L -l at two paths gave other bytes"
[ "$(vnotes so1/path.log)" = "reproducible: only with the same path to $WORK/so1/libfoo.so: it has no soname, so the linker writes the path as given into DT_NEEDED; give the library a soname, or name it with -L DIR -lNAME" ] \
  || { vnotes so1/path.log; fail "-v does not say that the library's path is written"; }
[ -z "$(vnotes so1/soname.log)$(vnotes so1/lib.log)" ] || fail "a note for a library with a soname, or -l"

# A run path in a temporary directory (cmd/go's work directory, say) is
# written as given: two give two programs, and -v says so, in each form
# the linker takes; a fixed one ($ORIGIN) has no note.
rpnote () { echo "reproducible: only from the same directory: the run path $1 is in a temporary directory, and the linker writes it as given into DT_RUNPATH (or DT_RPATH); use a fixed one, or \$ORIGIN"; }
for i in 1 2; do
  "$GOLD_LINK" -v -o rpath$i @exe.rsp -Wl,-rpath=/tmp/go-build-repro$i/b001 > rpath$i.log 2>&1 \
    || { cat rpath$i.log; fail "a link with -rpath failed"; }
done
! cmp -s rpath1 rpath2 || fail "two temporary run paths gave the same bytes"
[ "$(vnotes rpath1.log)" = "$nontrim
$(rpnote /tmp/go-build-repro1/b001)" ] || { vnotes rpath1.log; fail "-v does not say that the run path is temporary"; }
mkdir tmpx
TMPDIR=$WORK/tmpx "$GOLD_LINK" -v -o rpath3 @exe.rsp -Xlinker -rpath -Xlinker "$WORK/tmpx/x" -Wl,-R,/var/tmp/y \
  -Wl,-rpath,'$ORIGIN/../lib' > rpath3.log 2>&1 || { cat rpath3.log; fail "a link with -Xlinker -rpath failed"; }
[ "$(vnotes rpath3.log)" = "$nontrim
$(rpnote "$WORK/tmpx/x")
$(rpnote /var/tmp/y)" ] || { vnotes rpath3.log; fail "-v does not name each temporary run path"; }

# gold-link-ar's U key writes dates: each new member's file's, no later
# than SOURCE_DATE_EPOCH.  The same objects with other dates give the same
# archive when SOURCE_DATE_EPOCH is older than both (the date in every
# member header is then it), and other archives without it.
mkdir u1 u2
cp c-archive.d/go.o c-archive.d/000000.o u1/
cp c-archive.d/go.o c-archive.d/000000.o u2/
touch -d '2021-02-03 04:05:06 UTC' u1/go.o u1/000000.o
touch -d '2022-03-04 05:06:07 UTC' u2/go.o u2/000000.o
for u in u1 u2; do
  (cd $u && SOURCE_DATE_EPOCH=1000000000 "$GOLD_LINK_AR" rcsU sde.a go.o 000000.o \
     && "$GOLD_LINK_AR" rcsU mtime.a go.o 000000.o && "$GOLD_LINK_AR" rcs zero.a go.o 000000.o) \
    || fail "gold-link-ar rcsU in $u failed"
done
cmp u1/sde.a u2/sde.a || fail "U with SOURCE_DATE_EPOCH: two dates gave other bytes"
cmp u1/zero.a u2/zero.a || fail "without U: two dates gave other bytes"
! cmp -s u1/mtime.a u2/mtime.a || fail "U without SOURCE_DATE_EPOCH wrote no date"
# ar_dates ARCHIVE: each member's date and name, as GNU ar reads them.
ar_dates () { TZ=UTC ar tv "$1" | awk '{ print $4, $5, $6, $7, $8 }'; }
[ "$(ar_dates u1/sde.a)" = "Sep 9 01:46 2001 go.o
Sep 9 01:46 2001 000000.o" ] \
  || { ar_dates u1/sde.a; fail "U with SOURCE_DATE_EPOCH=1000000000: not its date"; }
[ "$(ar_dates u1/mtime.a)" = "Feb 3 04:05 2021 go.o
Feb 3 04:05 2021 000000.o" ] || { ar_dates u1/mtime.a; fail "U: not the file's date"; }
[ "$(ar_dates u1/zero.a)" = "Jan 1 00:00 1970 go.o
Jan 1 00:00 1970 000000.o" ] || { ar_dates u1/zero.a; fail "without U: not the zero date"; }
# Members already in the archive keep their dates under U, and lose them
# without it.
cp u1/mtime.a u1/keep.a && cp u1/mtime.a u1/drop.a
touch -d '2023-04-05 06:07:08 UTC' usefoo.o
"$GOLD_LINK_AR" rcsU u1/keep.a usefoo.o && "$GOLD_LINK_AR" rcs u1/drop.a usefoo.o \
  || fail "gold-link-ar r into an archive failed"
[ "$(ar_dates u1/keep.a)" = "Feb 3 04:05 2021 go.o
Feb 3 04:05 2021 000000.o
Apr 5 06:07 2023 usefoo.o" ] || { ar_dates u1/keep.a; fail "U: the members already there lost their dates"; }
[ "$(ar_dates u1/drop.a | sort -u)" = "Jan 1 00:00 1970 000000.o
Jan 1 00:00 1970 go.o
Jan 1 00:00 1970 usefoo.o" ] || { ar_dates u1/drop.a; fail "without U: dates kept"; }
# A SOURCE_DATE_EPOCH later than the file's date leaves the file's.
(cd u1 && SOURCE_DATE_EPOCH=2000000000 "$GOLD_LINK_AR" rcsU late.a go.o) || fail "gold-link-ar with a later SOURCE_DATE_EPOCH failed"
[ "$(ar_dates u1/late.a)" = "Feb 3 04:05 2021 go.o" ] \
  || { ar_dates u1/late.a; fail "a later SOURCE_DATE_EPOCH changed the date"; }
# One that is not a number is refused, and nothing is written.
(cd u1 && SOURCE_DATE_EPOCH=yesterday expect_fail_exact 2 \
  "gold-link-ar: error: SOURCE_DATE_EPOCH=yesterday is not a number of seconds since 1970" \
  "gold-link-ar: note: set it to a whole number such as \$(git log -1 --format=%ct), or unset it" \
  "$GOLD_LINK_AR" rcsU bad.a go.o)
[ ! -e u1/bad.a ] || fail "a refused SOURCE_DATE_EPOCH left bad.a"
exit 0
