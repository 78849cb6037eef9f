#!/bin/sh
# Reproducible bytes through go build (issue 14): go build -trimpath of
# the same cgo program in two directories, with another TMPDIR (so
# another cmd/go work directory and cmd/link -tmpdir) and umask, through
# gold-link, gives the same bytes in exe, pie and c-shared, with auto and
# with each linker; without -trimpath the bytes differ, as gold-link -v
# says they will.
. "$abs_srcdir/tests/lib.sh"

need_cmd go gcc cmp ld.bfd ld.gold ld.lld mold
[ "$(uname -m)" = x86_64 ] || skip "amd64's linkers are the ones measured"

# Each build's link goes through this logger, so that a build that did not
# link (cmd/go found its output up to date) cannot pass for one that did.
write_logger gl.sh "$WORK/links.log" "$GOLD_LINK"
: > links.log
go_module cgoprog
LDFLAGS="-linkmode=external -extld=$WORK/gl.sh -extar=$GOLD_LINK_AR"

# build DIR UMASK LINKER NAME go-build-arguments...: a copy of the
# programs in DIR (made once), built there with its own TMPDIR.
build () {
  b_dir=$WORK/$1 b_mask=$2 b_ld=$3 b_name=$4; shift 4
  if [ ! -d "$b_dir" ]; then
    mkdir -p "$b_dir/src" "$b_dir/tmp" "$b_dir/out"
    (cd "$b_dir/src" && go_module cgoprog clib)
  fi
  before=$(wc -l < links.log)
  (cd "$b_dir/src" && umask "$b_mask" && TMPDIR=$b_dir/tmp GOLD_LINK_LINKER=$b_ld \
     go build -o "$b_dir/out/$b_name" "$@") > "$b_dir/out/$b_name.log" 2>&1 \
    || { cat "$b_dir/out/$b_name.log"; fail "go build $* in $b_dir failed"; }
  [ "$(wc -l < links.log)" -gt "$before" ] || fail "go build $* in $b_dir linked nothing"
}

n=0
for l in auto bfd gold lld mold; do
  for m in exe pie c-shared; do
    case $l/$m in mold/exe|mold/pie) continue ;; esac	# arch/amd64.def's limit
    pkg=./cgoprog; [ $m = c-shared ] && pkg=./clib
    o=$m-$l
    build one 022 $l $o -trimpath -buildmode=$m -ldflags="$LDFLAGS" $pkg
    build second-place 077 $l $o -trimpath -buildmode=$m -ldflags="$LDFLAGS" $pkg
    if [ $l = gold ] && [ $m = c-shared ] && [ "$GL_GO_MINOR" -lt 21 ]; then
      # cmd/link before 1.21 names the output in cmd/go's work directory
      # (-o $WORK/b001/exe/a.out), and gold records it: gold-link -v says so.
      ! cmp -s one/out/$o second-place/out/$o \
        || fail "$GL_GO_VERSION: gold's c-shared from two work directories is the same"
      continue
    fi
    cmp one/out/$o second-place/out/$o > /dev/null \
      || fail "go build -trimpath -buildmode=$m with $l: two directories gave different bytes"
    n=$((n + 1))
  done
done
note "go build -trimpath: $n outputs the same from two directories"

# Without -trimpath, go.o names the directory of the build: the bytes
# differ, and -v (through -extldflags) says why.
build one 022 auto notrim -ldflags="$LDFLAGS -extldflags=-v" ./cgoprog
build second-place 022 auto notrim -ldflags="$LDFLAGS" ./cgoprog
! cmp -s one/out/notrim second-place/out/notrim \
  || fail "go build without -trimpath in two directories gave the same bytes"
build one 022 auto trim -trimpath -ldflags="$LDFLAGS -extldflags=-v" ./cgoprog
# cmd/go shows the linker's output only when it fails: -v's notes are
# read from a link of the same go.o run by hand.
go_objects notrim.d -o notrim.bin ./cgoprog
go_objects trim.d -trimpath -o trim.bin ./cgoprog
"$GOLD_LINK" -v -o notrim notrim.d/go.o notrim.d/0*.o > notrim.log 2>&1 \
  || { cat notrim.log; fail "gold-link of the go.o without -trimpath failed"; }
"$GOLD_LINK" -v -o trim trim.d/go.o trim.d/0*.o > trim.log 2>&1 \
  || { cat trim.log; fail "gold-link of the go.o with -trimpath failed"; }
[ "$(sed -n 's/^gold-link: reproducible: //p' notrim.log)" = "only from the same source directory: go.o was built without -trimpath, and its DWARF and file table name the directories of the build; go build -trimpath leaves them out" ] \
  || { cat notrim.log; fail "-v does not say that go.o lacks -trimpath"; }
! grep -q 'reproducible:' trim.log || { cat trim.log; fail "-v has a reproducibility note for a -trimpath go.o"; }
exit 0
