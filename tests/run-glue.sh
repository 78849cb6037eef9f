#!/bin/sh
# The .init_array glue: a c-shared or c-archive go.o without its entry for
# the library entry gets exactly one, in a staged copy (the entry symbol is
# LOCAL), and the library works; without the glue it would not.  A go.o
# that has the entry gets no second one; a go.o without the entry symbol is
# refused before any link, leaving nothing behind.
. "$abs_srcdir/tests/lib.sh"
need_cmd go gcc readelf objcopy ar as ld timeout
go_module clib cgoprog
ENTRY=_rt0_amd64_linux_lib

# cmd/link's own link command (link.rsp, its objects in link.d), recorded
# by a wrapper given as -extld that links with gcc, as Go's default does.
write_recorder recld gcc
mkdir tc
REC=$WORK/link.rsp go build -buildmode=c-shared -o libref.so \
  -ldflags="-linkmode=external -extld=$WORK/recld -tmpdir=$WORK/tc" ./clib \
  > build.log 2>&1 || { cat build.log; fail "go build -buildmode=c-shared failed"; }
grep -qx "'$WORK/link.d/go.o'" link.rsp || fail "cmd/link's link command was not recorded"
go_objects ta -buildmode=c-archive -o libref.a ./clib
go_objects te -o prog ./cgoprog

# gold-link's staging directories go here, to see that none is left.
TMPDIR=$WORK/tmp
export TMPDIR
mkdir "$TMPDIR" out

# replay GO OUT CMD...: run CMD with cmd/link's recorded arguments, GO in
# place of its go.o and OUT as the output.
replay () {
  r_go=$1 r_out=$2
  shift 2
  while IFS= read -r r_arg; do
    r_arg=${r_arg#\'} r_arg=${r_arg%\'}
    case $r_arg in */go.o) r_arg=$r_go ;; esac
    set -- "$@" "$r_arg"
  done < "$WORK/link.rsp"
  "$@" -o "$r_out"
}

# init_relocs OBJ [SYMBOL]: relocations in OBJ's .init_array sections
# naming SYMBOL (the Go entry).
init_relocs () {
  readelf -rW "$1" | awk -v e="${2:-$ENTRY}" '
    /^Relocation section/ { on = /\.init_array. at offset/ }
    on && $5 == e { n++ }
    END { print n + 0 }'
}

# go_slots FILE: .init_array slots of the shared object or PIE FILE that
# hold the Go entry (R_*_RELATIVE relocations whose addend is its address).
go_slots () {
  { readelf -SW "$1" | sed 's/^ *\[ *[0-9]*\] *//' | awk '$1 == ".init_array" { print "S", $3, $5 }'
    readelf -sW "$1" | awk -v e="$ENTRY" '$8 == e { print "E", $2 }'
    readelf -rW "$1" | awk '$3 ~ /_RELATIVE$/ { print "R", $1, $4 }'
  } | awk '
    function hex(s,  n, i) {
      n = 0
      for (i = 1; i <= length(s); i++)
        n = n * 16 + index("0123456789abcdef", substr(s, i, 1)) - 1
      return n
    }
    $1 == "S" { lo = hex($2); hi = lo + hex($3) }
    $1 == "E" { e = hex($2) }
    $1 == "R" { off[NR] = hex($2); val[NR] = hex($3) }
    END {
      for (i in off)
        if (off[i] >= lo && off[i] < hi && val[i] == e)
          n++
      print n + 0
    }'
}

# shdr NAME FILE: section NAME of FILE as "TYPE SIZE ES FLAGS LINK INFO ALIGN".
shdr () {
  readelf -SW "$2" | sed 's/^ *\[ *[0-9]*\] *//' \
    | awk -v n="$1" '$1 == n { $1 = $3 = $4 = ""; $0 = $0; $1 = $1; print }'
}

init_array_size () {
  readelf -d "$1" | awk '/INIT_ARRAYSZ/ { print $3 }'
}

# cmd/link's go.o has its entry, a LOCAL symbol; take the entry away.
[ "$(init_relocs tc/go.o)" = 1 ] || fail "cmd/link's go.o has $(init_relocs tc/go.o) Go init entries"
readelf -sW tc/go.o | grep -q " LOCAL .* $ENTRY\$" || fail "$ENTRY is not LOCAL in go.o"
mkdir bare
objcopy -R .init_array -R .rela.init_array tc/go.o bare/go.o
[ "$(init_relocs bare/go.o)" = 0 ] || fail "objcopy left the init entry"
ref_size=$(init_array_size libref.so)
[ "$(go_slots libref.so)" = 1 ] || fail "cmd/link's library has $(go_slots libref.so) Go init slots"

# c-shared through gold-link: the copy gets exactly one entry, the library
# exactly one Go slot, as cmd/link's own has, and it works.
replay "$WORK/bare/go.o" libglued.so "$GOLD_LINK" -v --keep-temps 2> glued.log \
  || { cat glued.log; fail "gold-link failed on the go.o without its entry"; }
grep -q "^gold-link: glue: go.o has no .init_array entry for $ENTRY, which starts the Go runtime when the library is loaded: added one (.init_array and .rela.init_array) in a staged copy, " glued.log \
  || { cat glued.log; fail "-v does not say what glue was added and why"; }
kept=$(sed -n 's/^gold-link: kept the staging directory //p' glued.log)
copy=$kept/go.o
grep -q "^gold-link: run: .* $copy -Wl,--whole-archive" glued.log || fail "the link does not name the copy"
! grep -q "^gold-link: run: .*/bare/go.o" glued.log || fail "the link names the stripped go.o too"
[ "$(init_relocs "$copy")" = 1 ] || fail "the copy has $(init_relocs "$copy") Go init entries, want 1"
[ "$(shdr .init_array "$copy")" = "INIT_ARRAY 000008 08 WA 0 0 8" ] \
  || fail "the copy's .init_array is $(shdr .init_array "$copy"), not one pointer, writable, aligned"
[ -n "$(shdr .note.GNU-stack "$copy")" ] || fail "the copy has no .note.GNU-stack"
! grep -q 'glue: go.o has no .note.GNU-stack' glued.log || fail "go.o had a .note.GNU-stack"
# Cheap: go.o's bytes past the ELF header are copied, not rewritten.
size=$(stat -c %s bare/go.o)
cmp -i 64 -n $((size - 64)) bare/go.o "$copy" || fail "the copy changed go.o's bytes"
lint () {
  if command -v eu-elflint > /dev/null 2>&1; then
    # elflint does not know the Go build-ID note's type; nothing else may
    # be reported.
    eu-elflint --gnu-ld "$1" > lint.out 2>&1 || true
    ! grep -v -e "'\.note\.go\.buildid': unknown object file note type 4 with owner name 'Go'" \
      -e '^No errors$' lint.out || fail "eu-elflint --gnu-ld complains about $1"
  else
    note "eu-elflint is not installed: $1 not linted"
  fi
}
lint "$copy"
rm -rf "$kept"
[ "$(go_slots libglued.so)" = 1 ] || fail "the library has $(go_slots libglued.so) Go init slots, want 1"
[ "$(init_array_size libglued.so)" = "$ref_size" ] || fail "INIT_ARRAYSZ $(init_array_size libglued.so), cmd/link's $ref_size"
gcc -o use-glued "$TESTDATA/cdrivers/use.c" -L. -lglued -Wl,-rpath,"$WORK"
timeout 60 ./use-glued > glued.out || { cat glued.out; fail "the glued library does not work"; }
grep -q 'GoAdd(40, 2) = 42, GoUpper = GOLD-LINK' glued.out || fail "wrong output from the glued library"

# Without the glue the library is broken: the first call into Go waits for
# a runtime nobody started.
replay "$WORK/bare/go.o" libbare.so gcc
[ "$(go_slots libbare.so)" = 0 ] || fail "a Go init slot without the glue"
gcc -o use-bare "$TESTDATA/cdrivers/use.c" -L. -lbare -Wl,-rpath,"$WORK"
if timeout 5 ./use-bare > bare.out 2>&1; then
  fail "the library works without its init entry: this test proves nothing"
fi

# cmd/link's go.o, entry and all: no glue, no second entry.
replay "$WORK/tc/go.o" libwhole.so "$GOLD_LINK" -v 2> whole.log || { cat whole.log; fail "gold-link failed"; }
grep -q "^gold-link: glue: go.o has 1 .init_array entry for $ENTRY: none added" whole.log || fail "glue added to a go.o that has its entry"
grep -q "^gold-link: run: .* $WORK/tc/go.o " whole.log || fail "the link does not name cmd/link's go.o"
[ "$(go_slots libwhole.so)" = 1 ] || fail "$(go_slots libwhole.so) Go init slots, want 1"
[ "$(init_array_size libwhole.so)" = "$ref_size" ] || fail "INIT_ARRAYSZ $(init_array_size libwhole.so), cmd/link's $ref_size"

# c-archive: the archive's go.o is the copy, with one entry; a C program
# linked with it works.  cmd/link's go.o is archived as it is.
mkdir bare-a xa
objcopy -R .init_array -R .rela.init_array ta/go.o bare-a/go.o
"$GOLD_LINK" -v --buildmode=c-archive -o libglued.a bare-a/go.o ta/0*.o 2> a.log || { cat a.log; fail "gold-link --buildmode=c-archive failed"; }
grep -q "glue: go.o has no .init_array entry for $ENTRY, which starts the Go runtime when a program linked with the archive starts: added one" a.log \
  || { cat a.log; fail "-v does not say what glue was added"; }
[ "$(ar t libglued.a | head -1)" = go.o ] || fail "the archive's first member is not go.o"
(cd xa && ar x ../libglued.a go.o)
[ "$(init_relocs xa/go.o)" = 1 ] || fail "the archived go.o has $(init_relocs xa/go.o) Go init entries, want 1"
[ -n "$(shdr .note.GNU-stack xa/go.o)" ] || fail "the archived go.o has no .note.GNU-stack"
lint xa/go.o
gcc -pie -o use-a "$TESTDATA/cdrivers/use.c" libglued.a -lpthread
timeout 60 ./use-a | grep -q 'GoAdd(40, 2) = 42' || fail "a program linked with the glued archive does not work"
[ "$(go_slots use-a)" = 1 ] || fail "the program has $(go_slots use-a) Go init slots, want 1"
"$GOLD_LINK" -v --buildmode=c-archive -o libwhole.a ta/go.o ta/0*.o 2> wa.log || { cat wa.log; fail "gold-link failed"; }
grep -q "glue: go.o has 1 .init_array entry for $ENTRY: none added\$" wa.log || fail "glue added to a go.o that has its entry"
rm xa/go.o
(cd xa && ar x ../libwhole.a go.o)
cmp xa/go.o ta/go.o || fail "the archive's go.o is not cmd/link's"

# A go.o without .note.GNU-stack: the copy gets one (ld would otherwise ask
# for an executable stack).
mkdir nostack
objcopy -R .note.GNU-stack bare-a/go.o nostack/go.o
"$GOLD_LINK" -v --buildmode=c-archive -o libnostack.a nostack/go.o 2> ns.log || { cat ns.log; fail "gold-link failed"; }
grep -q 'glue: go.o has no .note.GNU-stack: added an empty one' ns.log || fail "-v does not report the added .note.GNU-stack"
rm xa/go.o
(cd xa && ar x ../libnostack.a go.o)
[ "$(shdr .note.GNU-stack xa/go.o)" = "PROGBITS 000000 00 0 0 1" ] \
  || fail "the copy's .note.GNU-stack is '$(shdr .note.GNU-stack xa/go.o)', not empty"
lint xa/go.o

# 386, a REL architecture: .rel.init_array with an R_386_32 against the
# entry, its addend (0) in the slot; ld puts the entry's address there.
as --32 -I "$TESTDATA/asm" -o lib386.o "$TESTDATA/asm/lib-386.s"
"$GOLD_LINK" -v --buildmode=c-archive -o lib386.a lib386.o 2> 386.log || { cat 386.log; fail "gold-link failed on a 386 object"; }
grep -q 'added one (.init_array and .rel.init_array)' 386.log || fail "no REL glue for 386"
mkdir x386
(cd x386 && ar x ../lib386.a go.o)
[ "$(init_relocs x386/go.o _rt0_386_linux_lib)" = 1 ] || fail "no .rel.init_array entry in the 386 copy"
readelf -rW x386/go.o | grep -q 'R_386_32  *00000000  *_rt0_386_linux_lib$' || fail "the 386 entry is not an R_386_32"
[ "$(shdr .init_array x386/go.o)" = "INIT_ARRAY 000004 04 WA 0 0 4" ] \
  || fail "the 386 .init_array is $(shdr .init_array x386/go.o), not one 4-byte pointer"
lint x386/go.o
if ld -V | grep -q elf_i386; then
  ld -m elf_i386 -shared -o lib386.so x386/go.o
  slot=$(readelf -x .init_array lib386.so | awk '/^  0x/ { print $2 }' \
    | sed 's/\(..\)\(..\)\(..\)\(..\)/\4\3\2\1/')
  entry=$(readelf -sW lib386.so | awk '$8 == "_rt0_386_linux_lib" { print $2 }')
  [ "$slot" = "$entry" ] || fail "the 386 slot holds $slot, the entry is at $entry"
else
  note "ld cannot link elf_i386: the 386 copy is not linked"
fi

# The entry symbol missing: refused before any link; no output, no staging
# directory left.  An exe go.o asked to be a library gets the same error.
mkdir gone
objcopy --redefine-sym $ENTRY=not_the_entry bare/go.o gone/go.o
replay "$WORK/gone/go.o" "$WORK/out/lib.so" expect_fail_exact 1 \
  "gold-link: error: $WORK/gone/go.o: has no $ENTRY: it was not built for a library mode" \
  "gold-link: note: rebuild with go build -buildmode=c-shared" "$GOLD_LINK"
expect_fail_exact 1 "gold-link: error: gone/go.o: has no $ENTRY: it was not built for a library mode" \
  "gold-link: note: rebuild with go build -buildmode=c-archive" \
  "$GOLD_LINK" --buildmode=c-archive -o out/lib.a gone/go.o
expect_fail_exact 1 "gold-link: error: te/go.o: has no $ENTRY: it was not built for a library mode" \
  "gold-link: note: rebuild with go build -buildmode=c-shared" \
  "$GOLD_LINK" --buildmode=c-shared -o out/lib.so te/go.o te/0*.o -lpthread
[ -z "$(ls_dir out)" ] || fail "output left behind: $(ls_dir out)"
[ -z "$(ls_dir "$TMPDIR")" ] || fail "staging left behind: $(ls_dir "$TMPDIR")"

# A copy that cannot be written: an error, no output.
(TMPDIR=$WORK/no-such-dir; export TMPDIR
 replay "$WORK/bare/go.o" "$WORK/out/lib.so" expect_fail_exact 1 \
   "gold-link: error: $WORK/no-such-dir: cannot make a staging directory: No such file or directory" \
   "gold-link: note: set TMPDIR to a writable directory" "$GOLD_LINK") \
  || fail "an unwritable staging directory was not reported"
[ -z "$(ls_dir out)" ] || fail "output left behind: $(ls_dir out)"

# --dry-run says what glue it would add and writes nothing.
replay "$WORK/bare/go.o" "$WORK/out/lib.so" "$GOLD_LINK" -v --dry-run > dry.out 2> dry.log
grep -q "glue: go.o has no .init_array entry for $ENTRY: one would be added in a staged copy" dry.log \
  || { cat dry.log; fail "--dry-run does not say what glue it would add"; }
[ -z "$(ls_dir out)" ] && [ -z "$(ls_dir "$TMPDIR")" ] || fail "--dry-run wrote files"
