#!/bin/sh
# What Go's own tools read back from gold-link's outputs (issue 13): with
# auto and every installed linker, exe, pie, c-shared and plugin of a cgo
# module (tests/data/gotools, with a dependency module) built by go build
# through gold-link, twice:
#  - the second go build (and, for the exe, the second go install) runs
#    no link: cmd/go read the Go build ID back and found the output up to
#    date;
#  - go tool buildid reads the first three parts of the -buildid cmd/go
#    passed to cmd/link, and a fourth (the content ID cmd/go wrote after
#    the link, which go tool buildid -w recomputes to the same bytes);
#  - go version -m reads what it reads in Go's own external link (gcc,
#    ld.bfd), but for the file name and the -ldflags line (Go 1.19 reads
#    no library: "not executable file" in both);
#  - the Go sections that hold something, by name (.gopclntab,
#    .go.buildinfo, .gosymtab where the release fills it,
#    .note.go.buildid, .go.fipsinfo, ...), are those of Go's own link;
#  - exe and pie run, and with Go 1.24+ pass their FIPS self-test under
#    GODEBUG=fips140=on (cmd/link patches the checksum into the output).
# Go's own link passes the same checks.  A linker arch/amd64.def limits
# for a mode is refused by go build with exactly the limit's error and
# note, and forced (--no-linker-check) its output is shown wrong by these
# same checks.
. "$abs_srcdir/tests/lib.sh"
need_cmd go gcc readelf perl cmp
[ -n "${GL_GO_MINOR:-}" ] || skip "no Go release to test with"
[ "$(go env GOHOSTARCH)" = amd64 ] && [ "$(go env GOARCH)" = amd64 ] \
  || skip "native amd64 only (tests/cross.sh checks go tool buildid on every architecture)"
cp -r "$TESTDATA/gotools/." .
chmod -R u+w .
# go tool buildid's program, run as go tool runs it (the go command's
# start-up once, not for each output).
BUILDID=$(go tool -n buildid) && [ -x "$BUILDID" ] || fail "no go tool buildid: '$BUILDID'"

XDEF=$abs_srcdir/arch/amd64.def
modes="exe pie c-shared plugin"
pkg_of () { case $1 in exe|pie) echo ./prog ;; c-shared) echo ./lib ;; plugin) echo ./plug ;; esac; }
out_of () { case $1 in exe|pie) echo "$1" ;; c-shared) echo libgt.so ;; plugin) echo plug.so ;; esac; }

# The links in a go build -x log: cmd/link's runs.
links () { grep -c -E '/pkg/tool/[^/ ]+/link -o ' "$1" || :; }
# The -buildid cmd/go passed to cmd/link in a go build -x log.
passed_buildid () { sed -n 's|.*/pkg/tool/[^/ ]*/link -o .* -buildid=\([^ ]*\) .*|\1|p' "$1"; }
# go version -m without the file name and the -ldflags line.
version_m () { go version -m "$1" 2>&1 | sed -e '1s|^[^:]*: ||' -e '/^	build	-ldflags=/d'; }
# The Go sections of an ELF file that hold something, by name, sorted.
# (An empty one is nothing to find: Go 1.19's go.o has an empty .gosymtab,
# which ld.bfd drops and gold, lld and mold keep.)
go_sections () {
  readelf -SW "$1" \
    | sed -n 's/^ *\[ *[0-9]*\] \([^ ]*\) *[^ ]* *[0-9a-f]* [0-9a-f]* \([0-9a-f]*\) .*/\1 \2/p' \
    | awk '$2 !~ /^0+$/ { print $1 }' | grep -E '^\.(go\.|gopclntab$|gosymtab$|note\.go\.)' | sort
}
# FILE's bytes, those outside printable ASCII in octal (go tool buildid's
# fallback is the raw GNU build ID), without the last newline.
printable () { perl -0777 -pe 's/\n\z//; s/(["\\])/\\$1/g; s/([^\x20-\x7e])/sprintf "\\%03o", ord $1/ge' "$1"; }

# The limit arch/amd64.def states for LINKER in MODE (the first LIMIT
# entry naming it), or nothing.  src/linker.c's limits that hold
# everywhere do not concern these modes (no -w, so no -Wl,-S).
limit_why () {
  arch_limits "$XDEF" "$1" glibc | while IFS='	' read -r w_modes w_why; do
    case " $w_modes " in *" $2 "*) printf '%s\n' "$w_why"; break ;; esac
  done
}
mode_bit () { case $1 in exe) echo EXE ;; pie) echo PIE ;; c-shared) echo C_SHARED ;; plugin) echo PLUGIN ;; esac; }

installed=
for l in bfd gold lld mold; do
  case $l in bfd|gold|lld) p=ld.$l ;; mold) p=mold ;; esac
  command -v $p > /dev/null 2>&1 && installed="$installed $l"
done
# auto's pick: the first of mold, lld, gold, bfd installed and not limited.
auto_pick () {
  for l in mold lld gold bfd; do
    case " $installed " in *" $l "*) ;; *) continue ;; esac
    [ -n "$(limit_why $l "$(mode_bit "$1")")" ] || { echo $l; return; }
  done
}

# gobuild DIR MODE N LDFLAGS [go build options...]: go build -x of MODE
# into DIR, the log DIR/MODE.N.log.
gobuild () {
  g_d=$1 g_m=$2 g_n=$3 g_ldf=$4
  shift 4
  go build -x -buildmode="$g_m" -o "$g_d/$(out_of "$g_m")" -ldflags="$g_ldf" "$@" "$(pkg_of "$g_m")" \
    > "$g_d/$g_m.$g_n.log" 2>&1
}

# --- Go's own external link: the reference ---------------------------------
REF_LDFLAGS="-linkmode=external -extld=gcc"
mkdir ref
for m in $modes; do
  gobuild ref $m 1 "$REF_LDFLAGS" || { cat ref/$m.1.log; fail "go build -buildmode=$m with gcc failed"; }
  gobuild ref $m 2 "$REF_LDFLAGS" || { cat ref/$m.2.log; fail "go build -buildmode=$m with gcc failed the second time"; }
  [ "$(links ref/$m.1.log)" = 1 ] || { cat ref/$m.1.log; fail "ref $m: $(links ref/$m.1.log) links in go build -x"; }
  version_m ref/$(out_of $m) > ref/$m.version
  go_sections ref/$(out_of $m) > ref/$m.sections
  # (Before Go 1.2x, .gopclntab is in .data.rel.ro outside an exe, and
  # a plugin has no .go.buildinfo.)
  for s in .note.go.buildid $([ $m != exe ] || echo .gopclntab .go.buildinfo); do
    grep -qx -F -e "$s" ref/$m.sections || fail "ref $m: Go's own link has no $s"
  done
done

# check_cell DIR MODE: the checks of the header on DIR's MODE output; what
# is wrong goes to DIR/MODE.wrong, one line each.
check_cell () {
  c_d=$1 c_m=$2 c_out=$1/$(out_of $2)
  : > "$c_d/$c_m.wrong"
  [ "$(links "$c_d/$c_m.2.log")" = 0 ] \
    || echo "the second go build links again" >> "$c_d/$c_m.wrong"
  c_want=$(passed_buildid "$c_d/$c_m.1.log")
  [ -n "$c_want" ] || fail "$c_d $c_m: no -buildid passed to cmd/link in go build -x"
  "$BUILDID" "$c_out" > "$c_d/$c_m.buildid" 2>&1 || :
  c_got=$(cat "$c_d/$c_m.buildid")
  # One line of four parts, the first three cmd/link's.
  c_four=$(awk -F/ 'NR == 1 && NF == 4 && $4 != "" { print $1 "/" $2 "/" $3 } NR > 1 { print "more" }' "$c_d/$c_m.buildid")
  if [ "$c_four" != "$(printf '%s\n' "$c_want" | cut -d/ -f1-3)" ]; then
    echo "go tool buildid reads \"$(printable "$c_d/$c_m.buildid")\", not ${c_want%/*}/ and a content ID" >> "$c_d/$c_m.wrong"
  else
    cp "$c_out" "$c_d/$c_m.rewritten"
    "$BUILDID" -w "$c_d/$c_m.rewritten" > /dev/null 2>&1 \
      && cmp -s "$c_out" "$c_d/$c_m.rewritten" \
      || echo "go tool buildid -w changes the content ID ${c_got##*/}" >> "$c_d/$c_m.wrong"
  fi
  version_m "$c_out" > "$c_d/$c_m.version"
  cmp -s ref/$c_m.version "$c_d/$c_m.version" \
    || echo "go version -m differs from Go's own link: $(diff ref/$c_m.version "$c_d/$c_m.version" | grep '^[<>]' | head -n 2 | tr '\n\t' '  ')" >> "$c_d/$c_m.wrong"
  go_sections "$c_out" > "$c_d/$c_m.sections"
  cmp -s ref/$c_m.sections "$c_d/$c_m.sections" \
    || echo "Go sections differ from Go's own link: $(diff ref/$c_m.sections "$c_d/$c_m.sections" | grep '^[<>]' | tr '\n' ' ')" >> "$c_d/$c_m.wrong"
  case $c_m in
    exe|pie)
      "./$c_out" > "$c_d/$c_m.out" 2>&1 && grep -qx 'hello, gold-link 42' "$c_d/$c_m.out" \
	|| echo "does not run: $(head -n 1 "$c_d/$c_m.out")" >> "$c_d/$c_m.wrong"
      if [ "$GL_GO_MINOR" -ge 24 ]; then
	GODEBUG=fips140=on "./$c_out" > "$c_d/$c_m.fips" 2>&1 && grep -qx 'fips140 true' "$c_d/$c_m.fips" \
	  || echo "fails under GODEBUG=fips140=on: $(grep -v '^hello' "$c_d/$c_m.fips" | head -n 1)" >> "$c_d/$c_m.wrong"
      fi ;;
  esac
  [ ! -s "$c_d/$c_m.wrong" ]
}

# go install of the exe, twice, into DIR/bin: the second links nothing.
install_twice () {
  i_d=$1 i_ldf=$2
  for n in 1 2; do
    GOBIN=$WORK/$i_d/bin go install -x -ldflags="$i_ldf" ./prog > "$i_d/install.$n.log" 2>&1 \
      || { cat "$i_d/install.$n.log"; fail "$i_d: go install failed"; }
  done
  [ "$(links "$i_d/install.1.log")" = 1 ] || fail "$i_d: the first go install ran $(links "$i_d/install.1.log") links"
  [ "$(links "$i_d/install.2.log")" = 0 ]
}
# Go's own link passes the checks (the references compared with themselves).
for m in $modes; do
  check_cell ref $m || fail "ref $m: Go's own link: $(tr '\n' ';' < ref/$m.wrong | sed 's/;$//; s/;/; /g')"
done
install_twice ref "$REF_LDFLAGS" || fail "ref: Go's own link is relinked by the second go install"
note "Go's own link (gcc): no second go build or go install link; $(tr '\n' ' ' < ref/exe.sections)in the exe"

REFUSAL_NOTE="gold-link: note: use --linker=auto to pick a linker that works here, or --no-linker-check to try it anyway"
for l in auto $installed; do
  mkdir $l
  ldf="-linkmode=external -extld=$GOLD_LINK -extldflags=--linker=$l"
  for m in $modes; do
    why=
    [ $l = auto ] || why=$(limit_why $l "$(mode_bit $m)")
    if [ -n "$why" ]; then
      # Refused by go build, with exactly the limit's error and note.
      if gobuild $l $m 1 "$ldf"; then fail "$l $m: go build linked, but arch/amd64.def has the limit '$why'"; fi
      got=$(grep '^gold-link: ' $l/$m.1.log)
      [ "$got" = "gold-link: error: --linker=$l: $l cannot link amd64 $m: $why
$REFUSAL_NOTE" ] || { cat $l/$m.1.log; fail "$l $m: the refusal is not, whole, the limit's error and note"; }
      [ ! -e $l/$(out_of $m) ] || fail "$l $m: an output after a refusal"
      # Forced, Go's tools cannot read its output right.
      fldf="-linkmode=external -extld=$GOLD_LINK '-extldflags=--linker=$l --no-linker-check'"
      gobuild $l $m 1 "$fldf" || { cat $l/$m.1.log; fail "$l $m forced: go build failed"; }
      [ "$(links $l/$m.1.log)" = 1 ] || fail "$l $m forced: $(links $l/$m.1.log) links in the first go build -x"
      gobuild $l $m 2 "$fldf" || { cat $l/$m.2.log; fail "$l $m forced: the second go build failed"; }
      [ "$(made_by $l/$(out_of $m))" = $l ] || fail "$l $m forced: made by $(made_by $l/$(out_of $m))"
      if check_cell $l $m; then
	fail "$l $m: refused ($why), but forced Go's tools read it right: the limit in arch/amd64.def is wrong"
      fi
      note "$m $l: refused: $why; forced: $(tr '\n' ';' < $l/$m.wrong | sed 's/;$//; s/;/; /g')"
      continue
    fi
    gobuild $l $m 1 "$ldf" || { cat $l/$m.1.log; fail "$l $m: go build failed"; }
    [ "$(links $l/$m.1.log)" = 1 ] || fail "$l $m: $(links $l/$m.1.log) links in the first go build -x"
    gobuild $l $m 2 "$ldf" || { cat $l/$m.2.log; fail "$l $m: the second go build failed"; }
    kind=$l
    [ $l != auto ] || kind=$(auto_pick $m)
    [ "$(made_by $l/$(out_of $m))" = "$kind" ] || fail "$l $m: made by $(made_by $l/$(out_of $m)), not $kind"
    check_cell $l $m || fail "$l $m: $(tr '\n' ';' < $l/$m.wrong | sed 's/;$//; s/;/; /g')"
    note "$m $l: ok$([ $l != auto ] || echo " ($kind)"): no second link; go tool buildid $(cat $l/$m.buildid)"
  done
  # go install of the exe, twice (forced where the exe is refused).
  why=
  [ $l = auto ] || why=$(limit_why $l EXE)
  if [ -z "$why" ]; then
    install_twice $l "$ldf" || fail "$l: the second go install links again"
    note "go install $l: no second link"
  elif install_twice $l "-linkmode=external -extld=$GOLD_LINK '-extldflags=--linker=$l --no-linker-check'"; then
    fail "$l: refused for exe ($why), but forced the second go install does not link again"
  else
    note "go install $l: forced, the second go install links again"
  fi
done
note "Go $GL_GO_VERSION: linkers auto$installed; Go's tools read every output right but where a limit refuses it"
