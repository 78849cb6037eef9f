#!/bin/sh
# The cache of the toolchain's answers (src/cache.c): a second link asks
# the compiler and the linker nothing; a changed program (touched,
# replaced, another file of the same size and mtime, a file rewritten in
# place) is asked again; an entry truncated, damaged, of another question
# or not the user's is asked again and rewritten; a directory that is not
# the user's alone, cannot be made or written is not used and the link
# works; GOLD_LINK_CACHE=off asks every time; a -B directory made for each
# link is one question; 16 links at once with an empty cache all succeed
# and leave no temporary file; the outputs are the same bytes with and
# without the cache.  The questions are counted by logging wrappers as
# the compiler and the linker.
. "$abs_srcdir/tests/lib.sh"
need_cmd go gcc ld.bfd readelf
go_module cgoprog
go_objects te -o p0 ./cgoprog

mkdir bin
write_logger bin/cc "$WORK/asked.log" "$(command -v gcc)"
write_logger bin/ld "$WORK/asked.log" "$(command -v ld.bfd)"
CACHE=$WORK/cache
LINKER=$WORK/bin/ld
COMPILER=$WORK/bin/cc

# link OUT [gold-link options...]: link the cgo program with the logging
# compiler and linker; asked.log holds what this link ran, OUT.log its -v.
link () {
  l_out=$1; shift
  : > asked.log
  "$GOLD_LINK" -v --cc="$COMPILER" --linker="$LINKER" "$@" \
    -o "$l_out" te/go.o te/0*.o -lpthread 2> "$l_out.log" \
    || { cat "$l_out.log"; fail "link $l_out ($*)"; }
  "./$l_out" | grep -q 'hello from a gold-linked' || fail "$l_out does not run"
}
# The questions the last link asked, one word each, in order.
asked () {
  sed -n 's/.*-dumpmachine$/dumpmachine/p; s/^-V$/V/p; s/.*-### .*/###/p;
          s/.*-print-search-dirs$/print-search-dirs/p' asked.log | paste -sd' ' -
}
expect_asked () {		# expect_asked WHAT-FOR WORDS...
  e_what=$1; shift
  [ "$(asked)" = "$*" ] || { cat asked.log; fail "$e_what: asked '$(asked)', not '$*'"; }
}
# in_env VAR=VALUE|-VAR... -- CMD...: CMD (a function too) in a subshell
# with each VAR exported or, for -VAR, unset.
in_env () {
  (
    while [ "$1" != -- ]; do
      case $1 in -*) unset "${1#-}" ;; *) export "$1" ;; esac
      shift
    done
    shift
    "$@"
  )
}
entries () { ls "$CACHE" | grep -v '^\.' | wc -l; }
no_temps () {			# no_temps DIR: no temporary file left in DIR
  ! ls -A "$1" | grep -q '^\.tmp' || fail "temporary files left in $1: $(ls -A "$1")"
}
# The entry whose key holds the argument WORD.
entry_of () { grep -l -- "^arg [0-9]*:$1\$" "$CACHE"/* | head -1; }

# A cold cache: each question once, and kept; a second link asks nothing
# and -v says where each answer came from.
link cold
expect_asked "an empty cache" dumpmachine "###" V
[ "$(entries)" = 3 ] || fail "3 entries expected: $(ls -A "$CACHE")"
[ "$(stat -c %a "$CACHE")" = 700 ] || fail "the cache directory is not 0700: $(stat -c %a "$CACHE")"
no_temps "$CACHE"
link warm
expect_asked "a warm cache"
for what in "compiler $WORK/bin/cc -dumpmachine" \
  "libc $WORK/bin/cc -m64 '-###' -x c /dev/null -o /dev/null" \
  "linker $WORK/bin/ld -V"; do
  grep -q "^gold-link: ${what%% *}: from the cache ($CACHE/[0-9a-f]\{16\}): ${what#* }\$" warm.log \
    || { cat warm.log; fail "-v does not say: ${what%% *}: from the cache: ${what#* }"; }
done
# The decisions read the same from a remembered answer.
grep '^gold-link: \(compiler\|libc\|linker\): ' cold.log | grep -v ': from the cache (' > cold.decisions
grep '^gold-link: \(compiler\|libc\|linker\): ' warm.log | grep -v ': from the cache (' > warm.decisions
cmp -s cold.decisions warm.decisions || { diff cold.decisions warm.decisions; fail "-v decides otherwise from the cache"; }
cmp cold warm || fail "the output differs with a warm cache"

# Off: every link asks, and the output is the same.
for v in off ""; do
  in_env GOLD_LINK_CACHE="$v" -- link "off$v"
  expect_asked "GOLD_LINK_CACHE='$v'" dumpmachine "###" V
  grep -qx "gold-link: cache: off (GOLD_LINK_CACHE=$v)" "off$v.log" || fail "-v does not say the cache is off"
  cmp cold "off$v" || fail "the output differs without the cache"
done

# A changed program is asked again: touched (mtime); replaced by another
# program (its -V text is the new one's); another file of the same size
# and mtime (inode); the same inode rewritten, size and mtime put back
# (ctime).
touch bin/ld
link touched
expect_asked "a touched linker" V
link touched2
expect_asked "a touched linker, again"
if command -v ld.gold > /dev/null; then
  write_logger bin/ld.new "$WORK/asked.log" "$(command -v ld.gold)"
  mv bin/ld.new bin/ld
  link replaced
  expect_asked "a replaced linker" V
  grep -q "^gold-link: linker: GNU gold" replaced.log || { cat replaced.log; fail "not the new linker's -V text"; }
  write_logger bin/ld "$WORK/asked.log" "$(command -v ld.bfd)"
  link back
  expect_asked "the old linker back" V
fi
stat -c '%s %Y %i' bin/ld > ld.before
cp -p bin/ld bin/ld.new
mv bin/ld.new bin/ld
stat -c '%s %Y %i' bin/ld > ld.after
[ "$(cut -d' ' -f1,2 ld.before)" = "$(cut -d' ' -f1,2 ld.after)" ] \
  && [ "$(cut -d' ' -f3 ld.before)" != "$(cut -d' ' -f3 ld.after)" ] \
  || fail "a copy of the same size and mtime was not made: $(cat ld.before ld.after)"
link inode
expect_asked "another file of the same size and mtime" V
# Another file at the same path with the same size, mtime and ctime: the
# inode tells.  Two copies whose times are set by one touch (ctime too,
# when the clock has not moved on), in directories swapped by rename,
# which changes no file's times.
for try in 1 2 3 4 5; do
  rm -rf swap-a swap-b
  mkdir swap-a swap-b
  cp bin/ld swap-a/ld
  cp bin/ld swap-b/ld
  touch -d @1700000000 swap-a/ld swap-b/ld
  [ "$(stat -c '%s %.9Y %.9Z' swap-a/ld)" != "$(stat -c '%s %.9Y %.9Z' swap-b/ld)" ] || break
done
if [ "$(stat -c '%s %.9Y %.9Z' swap-a/ld)" = "$(stat -c '%s %.9Y %.9Z' swap-b/ld)" ]; then
  mv swap-a swapped
  LINKER=$WORK/swapped/ld
  link swap1
  expect_asked "a new linker" V
  mv swapped swap-a
  mv swap-b swapped
  link swap2
  expect_asked "another file of the same size, mtime and ctime" V
  LINKER=$WORK/bin/ld
else
  note "no two files with the same ctime made: the inode alone is not checked"
fi
touch -r bin/ld ld.ref
cat bin/ld > ld.copy
sleep 0.02
cat ld.copy > bin/ld
touch -r ld.ref bin/ld
stat -c '%s %Y %i' bin/ld > ld.after2
[ "$(cat ld.after2)" = "$(cat ld.after)" ] || fail "the rewrite changed size, mtime or inode"
link ctime
expect_asked "the same file rewritten in place (ctime)" V
touch bin/cc
link cc-touched
expect_asked "a touched compiler" dumpmachine "###"
# A program named by name is keyed by the file PATH finds.
mkdir bin2
write_logger bin2/ld.bfd "$WORK/asked.log" "$(command -v ld.bfd)"
: > asked.log
PATH=$WORK/bin2:$PATH "$GOLD_LINK" --cc="$WORK/bin/cc" --linker=ld.bfd -o by-name te/go.o te/0*.o -lpthread
expect_asked "ld.bfd first found in bin2" V
cp -p bin2/ld.bfd bin2/ld.bfd.new && mv bin2/ld.bfd.new bin2/ld.bfd
: > asked.log
PATH=$WORK/bin2:$PATH "$GOLD_LINK" --cc="$WORK/bin/cc" --linker=ld.bfd -o by-name te/go.o te/0*.o -lpthread
expect_asked "ld.bfd replaced in bin2" V

# A wrapper that stands in for the compiler on PATH (ccache's masquerade
# directory, a shim) runs the next one of its name: that one changed is
# asked again too.
mkdir mask real
printf '#!/bin/sh\nexec "%s/real/gldcc" "$@"\n' "$WORK" > mask/gldcc
write_logger real/gldcc "$WORK/asked.log" "$(command -v gcc)"
chmod +x mask/gldcc
PATH_BEFORE=$PATH
PATH=$WORK/mask:$WORK/real:$PATH
COMPILER=gldcc
link masked
expect_asked "a compiler behind a wrapper" dumpmachine "###"
link masked2
expect_asked "a compiler behind a wrapper, again"
touch real/gldcc
link masked3
expect_asked "the compiler behind a wrapper touched" dumpmachine "###"
PATH=$PATH_BEFORE
COMPILER=$WORK/bin/cc

# A failing question is not kept: its error is always the live one.
cat > bin/bad-ld << EOF
#!/bin/sh
printf '%s\n' "\$*" >> "$WORK/asked.log"
echo "bad-ld: broken" >&2
exit 3
EOF
chmod +x bin/bad-ld
n=$(entries)
for i in 1 2; do
  : > asked.log
  expect_fail 2 "'$WORK/bin/bad-ld -V' failed (exit 3)" \
    "$GOLD_LINK" --cc="$WORK/bin/cc" --linker="$WORK/bin/bad-ld" -o bad te/go.o te/0*.o -lpthread
  expect_asked "a failing linker, run $i" V
done
[ "$(entries)" = "$n" ] || fail "a failing answer was kept"

# A damaged entry is a miss, asked again and written anew.
rm -r "$CACHE"
link fresh
ldentry=$(entry_of -V)
ccentry=$(entry_of -dumpmachine)
[ -n "$ldentry" ] && [ -n "$ccentry" ] || fail "no entry for -V or -dumpmachine in $CACHE"
cp "$ldentry" good.entry
size=$(stat -c %s good.entry)
damage () {			# damage HOW: spoil the linker's entry so
  case $1 in
    truncated) head -c $((size / 2)) good.entry > "$ldentry" ;;
    short) head -c $((size - 1)) good.entry > "$ldentry" ;;
    empty) : > "$ldentry" ;;
    garbage) head -c "$size" /dev/urandom > "$ldentry" ;;
    flipped) perl -pe 's/GNU ld/GNU LD/' good.entry > "$ldentry" ;;
    longer) { cat good.entry; echo extra; } > "$ldentry" ;;
    other) cp "$ccentry" "$ldentry" ;;
    version) sed '1s/cache 1/cache 9/' good.entry > "$ldentry" ;;
    link) rm "$ldentry"; ln -s "$ccentry" "$ldentry" ;;
    foreign) cp good.entry "$ldentry"; chown nobody "$ldentry" ;;
  esac
}
whys="truncated short empty garbage flipped longer other version link"
[ "$(id -u)" != 0 ] || whys="$whys foreign"
for how in $whys; do
  damage "$how"
  link "damaged-$how"
  expect_asked "a $how entry" V
  grep -q "^gold-link: cache: $ldentry is .*: asked again\$" "damaged-$how.log" \
    || { cat "damaged-$how.log"; fail "-v does not say the $how entry was asked again"; }
  [ -f "$ldentry" ] && [ ! -L "$ldentry" ] && [ "$(stat -c %u "$ldentry")" = "$(id -u)" ] \
    && cmp -s good.entry "$ldentry" || fail "the $how entry was not written anew"
  link "repaired-$how"
  expect_asked "the rewritten $how entry"
done
for how in $whys; do
  grep -h '^gold-link: cache: .*: asked again$' "damaged-$how.log"
done | sed "s|$ldentry|ENTRY|" > whys
cat > whys.want << EOF
gold-link: cache: ENTRY is truncated: asked again
gold-link: cache: ENTRY is truncated: asked again
gold-link: cache: ENTRY is truncated: asked again
gold-link: cache: ENTRY is not a gold-link cache entry: asked again
gold-link: cache: ENTRY is damaged: asked again
gold-link: cache: ENTRY is damaged: asked again
gold-link: cache: ENTRY is another question's: asked again
gold-link: cache: ENTRY is of another gold-link cache format: asked again
gold-link: cache: ENTRY is a symbolic link: asked again
EOF
[ "$(id -u)" != 0 ] || echo "gold-link: cache: ENTRY is not the user's: asked again" >> whys.want
diff whys.want whys || fail "the words for damaged entries"
no_temps "$CACHE"

# A directory that is not the user's alone, or cannot be made or written,
# is not used: every question is asked, nothing is written, the link works
# and -v says why, once.
# unused NAME DIR WHY-PATTERN [VAR=VALUE|-VAR...]: a link with the cache
# directory DIR (GOLD_LINK_CACHE, or as the variables given name it).
unused () {
  u_name=$1 u_dir=$2 u_why=$3
  shift 3
  [ $# -gt 0 ] || set -- GOLD_LINK_CACHE="$u_dir"
  before=$(ls -A "$u_dir" 2> /dev/null || true)
  in_env "$@" -- link "$u_name"
  expect_asked "cache $u_name" dumpmachine "###" V
  grep '^gold-link: cache' "$u_name.log" > "$u_name.notes" || true
  [ "$(wc -l < "$u_name.notes")" = 1 ] && grep -q "^gold-link: cache: $u_why\$" "$u_name.notes" \
    || { cat "$u_name.log"; fail "cache $u_name: -v does not say once: $u_why"; }
  [ "$(ls -A "$u_dir" 2> /dev/null || true)" = "$before" ] || fail "cache $u_name: written in $u_dir"
  cmp cold "$u_name" || fail "cache $u_name: the output differs"
}
mkdir -m 700 dir-open
chmod 777 dir-open
unused world-writable "$WORK/dir-open" "not used: others may write in $WORK/dir-open (mode 0777)"
chmod 770 dir-open
unused group-writable "$WORK/dir-open" "not used: others may write in $WORK/dir-open (mode 0770)"
if [ "$(id -u)" = 0 ]; then
  mkdir -m 700 dir-foreign
  chown nobody dir-foreign
  unused foreign "$WORK/dir-foreign" "not used: $WORK/dir-foreign belongs to uid $(id -u nobody), not to this user (uid 0)"
else
  unused foreign /usr "not used: /usr belongs to uid 0, not to this user (uid $(id -u))"
fi
echo > file
unused cannot-make "$WORK/file/cache" "not used: cannot make $WORK/file/cache: Not a directory"
unused relative "cache" "not used: GOLD_LINK_CACHE=cache is not an absolute path"
# Read-only: a directory we may not write in (chmod; as root, immutable).
mkdir -m 700 dir-ro
chmod 500 dir-ro
if touch dir-ro/probe 2> /dev/null; then
  rm dir-ro/probe
  chmod 700 dir-ro
  chattr +i dir-ro 2> /dev/null || true
fi
if touch dir-ro/probe 2> /dev/null; then
  rm dir-ro/probe
  note "cannot make a directory this user may not write: the read-only case is not checked"
else
  trap 'chattr -i "$WORK/dir-ro" 2> /dev/null || true; cleanup_work' EXIT
  unused read-only "$WORK/dir-ro" "not written: cannot write in $WORK/dir-ro: \(Permission denied\|Operation not permitted\)"
  chattr -i dir-ro 2> /dev/null || true
  chmod 700 dir-ro
fi
# The default place, under a HOME that cannot hold it (a read-only home
# of a build farm) or without one.
unused home-file "$WORK/file/.cache/gold-link" \
  "not used: cannot make $WORK/file/.cache/gold-link: Not a directory" \
  -GOLD_LINK_CACHE -XDG_CACHE_HOME HOME="$WORK/file"
unused xdg-file "$WORK/file/gold-link" \
  "not used: cannot make $WORK/file/gold-link: Not a directory" \
  -GOLD_LINK_CACHE XDG_CACHE_HOME="$WORK/file"
unused no-home "$WORK/none" \
  "not used: neither GOLD_LINK_CACHE, XDG_CACHE_HOME nor HOME names a directory" \
  -GOLD_LINK_CACHE -XDG_CACHE_HOME -HOME
unused relative-xdg "$WORK/none" \
  "not used: neither GOLD_LINK_CACHE, XDG_CACHE_HOME nor HOME names a directory" \
  -GOLD_LINK_CACHE XDG_CACHE_HOME=xdg -HOME
# The default place, made 0700 with its parents: XDG_CACHE_HOME/gold-link,
# else HOME/.cache/gold-link.
in_env -GOLD_LINK_CACHE -XDG_CACHE_HOME HOME="$WORK/dir-home" -- link home
[ "$(ls "$WORK/dir-home/.cache/gold-link" | wc -l)" = 3 ] \
  || fail "HOME/.cache/gold-link does not hold the answers"
[ "$(stat -c %a "$WORK/dir-home/.cache" "$WORK/dir-home/.cache/gold-link" | paste -sd' ' -)" = "700 700" ] \
  || fail "HOME/.cache and its gold-link are not made 0700"
in_env -GOLD_LINK_CACHE XDG_CACHE_HOME="$WORK/dir-xdg" HOME="$WORK/dir-home" -- link xdg
[ "$(ls "$WORK/dir-xdg/gold-link" | wc -l)" = 3 ] || fail "XDG_CACHE_HOME/gold-link does not hold the answers"
in_env -GOLD_LINK_CACHE XDG_CACHE_HOME="$WORK/dir-xdg" HOME="$WORK/dir-home" -- link xdg-warm
expect_asked "XDG_CACHE_HOME, warm"

# A -B directory made for each link, holding the same links, is the same
# question; one whose link leads elsewhere is another.
for d in b1 b2 b3; do mkdir "$d"; done
ln -s "$(command -v as)" b1/as
ln -s "$(command -v as)" b2/as
ln -s "$(command -v ld.bfd)" b3/as
link bdir1 -B"$WORK/b1/"
expect_asked "-B b1" "###"
rm -r b1
link bdir2 -B"$WORK/b2/"
expect_asked "-B b2, the same links"
link bdir3 -B"$WORK/b3/"
expect_asked "-B b3, another link" "###"
# And the answer names the directory of this link: --direct's library
# directories come from -print-search-dirs.
mkdir b4 b5
ln -s "$(command -v as)" b4/as
ln -s "$(command -v as)" b5/as
: > asked.log
"$GOLD_LINK" -v --direct --linker=bfd --cc="$WORK/bin/cc -B$WORK/b4/" -o direct4 te/go.o te/0*.o -lpthread 2> direct4.log \
  || { cat direct4.log; fail "--direct with -B b4"; }
expect_asked "--direct, -B b4" dumpmachine "###" print-search-dirs
: > asked.log
"$GOLD_LINK" -v --direct --linker=bfd --cc="$WORK/bin/cc -B$WORK/b5/" -o direct5 te/go.o te/0*.o -lpthread 2> direct5.log \
  || { cat direct5.log; fail "--direct with -B b5"; }
expect_asked "--direct, -B b5"
grep -q "^gold-link: crt: from the cache ($CACHE/[0-9a-f]\{16\}): $WORK/bin/cc -B$WORK/b5/ -m64 -print-search-dirs\$" direct5.log \
  || { cat direct5.log; fail "-print-search-dirs was not answered from the cache"; }
grep '^gold-link: run:' direct5.log | grep -q -- "-L$WORK/b5 " \
  && ! grep '^gold-link: run:' direct5.log | grep -q "b4" \
  || { grep '^gold-link: run:' direct5.log; fail "the remembered answer names another link's -B directory"; }

# 16 links at once with an empty cache: all link, the same bytes, one
# entry per question and no temporary file.
mkdir par
export GOLD_LINK_CACHE=$WORK/par-cache
seq 1 16 | xargs -P 16 -I '{}' "$GOLD_LINK" --cc="$WORK/bin/cc" --linker="$WORK/bin/ld" \
  -o 'par/{}' te/go.o te/0*.o -lpthread 2> par.log || { cat par.log; fail "16 links at once"; }
[ ! -s par.log ] || { cat par.log; fail "16 links at once: messages"; }
for i in $(seq 1 16); do cmp cold "par/$i" || fail "link $i of 16 differs"; done
[ "$(ls "$GOLD_LINK_CACHE" | wc -l)" = 3 ] || fail "16 links made $(ls -A "$GOLD_LINK_CACHE")"
no_temps "$GOLD_LINK_CACHE"
exit 0
