#!/bin/sh
# The C runtime glue for raw links (src/crt.c): crt_find must give what gcc
# itself passes to collect2 for every kind of link, and that glue must link
# and run a C program with each installed raw linker.  Then the errors, and
# a cross compiler's layout, with stand-in compilers.
. "$abs_srcdir/tests/lib.sh"
need_cmd gcc readelf realpath
[ "$(uname -m)" = x86_64 ] || skip "compares with an x86_64 gcc"
T="$GOLD_LINK_UNIT/test-crt"

# gcc_glue GCC-FLAGS...: gcc's collect2 line for x.o in test-crt's format,
# paths canonical, -L directories once each.
gcc_glue () {
  line=$(gcc -### "$@" x.o 2>&1 | grep '^ [^ ]*/collect2 ') ||
    fail "no collect2 line from gcc -### $*"
  eval "set -- $line"
  after=0 start='' libdirs='' libs='' end=''
  for a in "$@"; do
    case $after$a in
      ?-L*) libdirs="$libdirs libdir $(realpath -e "${a#-L}")" ;;
      0x.o|1x.o) after=1 ;;
      0/*.o) start="$start start $(realpath -e "$a")" ;;
      1/*.o) end="$end end $(realpath -e "$a")" ;;
      1-l*|1--push-state|1--pop-state|1--as-needed|1--start-group|1--end-group)
        libs="$libs lib $a" ;;
    esac
  done
  # One item per line: "start PATH", then libdirs (first of duplicates), libs, end.
  [ -z "$start" ] || printf '%s\n' $start | paste -d' ' - -
  [ -z "$libdirs" ] || printf '%s\n' $libdirs | paste -d' ' - - | awk '!seen[$0]++'
  [ -z "$libs" ] || printf '%s\n' $libs | paste -d' ' - -
  [ -z "$end" ] || printf '%s\n' $end | paste -d' ' - -
}

# compare NAME GCC-FLAGS -- TEST-CRT-ARGS...
compare () {
  name=$1; shift
  flags=
  while [ "$1" != -- ]; do flags="$flags $1"; shift; done
  shift
  gcc_glue $flags > "gcc-$name.txt"
  "$T" amd64 "$@" -- gcc > "crt-$name.txt" || fail "test-crt $* failed"
  diff -u "gcc-$name.txt" "crt-$name.txt" ||
    fail "crt_find differs from gcc$flags"
}

printf 'int main (void) { return 0; }\n' > x.c
gcc -c x.c
compare pie -pie -- pie
compare exe -no-pie -- exe
compare shared -shared -- shared
compare static -static -- static
compare static-pie -static-pie -- static-pie
compare static-libgcc -static-libgcc -- pie static-libgcc
compare exe-static-libgcc -no-pie -static-libgcc -- exe static-libgcc
compare shared-static-libgcc -shared -static-libgcc -- shared static-libgcc
compare static-static-libgcc -static -static-libgcc -- static static-libgcc
compare nostartfiles -nostartfiles -- pie nostartfiles
compare shared-nostartfiles -shared -nostartfiles -- shared nostartfiles
compare nodefaultlibs -nodefaultlibs -- pie nodefaultlibs
compare nostdlib -nostdlib -- pie nostdlib
compare static-nostdlib -static -nostdlib -- static nostdlib
# The -L list really is gcc's: more than one directory, libgcc's first.
[ "$(grep -c '^libdir ' crt-pie.txt)" -ge 2 ] || fail "too few -L directories"
grep '^libdir ' crt-pie.txt | head -n 1 |
  grep -q "^libdir $(dirname "$(realpath "$(gcc -print-libgcc-file-name)")")\$" ||
  fail "the first -L is not libgcc's directory"

# clang's search directories lead to the same start and end files.
if command -v clang >/dev/null 2>&1; then
  for k in pie:-pie exe:-no-pie shared:-shared static:-static \
           static-pie:-static-pie; do
    clang -### "${k#*:}" x.o 2>&1 | tail -n 1 | tr ' ' '\n' | tr -d '"' |
      grep '/[^/]*crt[^/]*\.o$' | xargs realpath -e > clang-files.txt
    "$T" amd64 "${k%%:*}" -- clang | sed -n 's/^\(start\|end\) //p' > crt-files.txt
    diff -u clang-files.txt crt-files.txt ||
      fail "crt_find with clang differs from clang ${k#*:}"
  done
else
  note "clang is not installed: its search directories are not tested"
fi

# Link and run a C program with the glue and each raw linker, no gcc in
# between.  The objects come from gcc -c.
set -- $("$T" info amd64)
emulation=$1 dynlinker=$2
gcc -O2 -fPIE -c "$TESTDATA/crt/prog.c" -o prog.o
gcc -O2 -fPIC -c "$TESTDATA/crt/lib.c" -o lib.o
gcc -O2 -fPIE -c "$TESTDATA/crt/use.c" -o use.o
want_prog='constructor 1, tls 42, thread tls 140, unwound ok
destructor ran'

# raw_link LD KIND OUT OBJECT...
raw_link () {
  ld=$1 kind=$2 out=$3; shift 3
  "$T" amd64 "$kind" -- gcc > glue.txt || fail "test-crt $kind failed"
  case $kind in
    exe) mode="--eh-frame-hdr -dynamic-linker $dynlinker" ;;
    pie) mode="--eh-frame-hdr -pie -dynamic-linker $dynlinker" ;;
    shared) mode="--eh-frame-hdr -shared" ;;
    static) mode="-static" ;;
    static-pie) mode="--eh-frame-hdr -static -pie --no-dynamic-linker -z text" ;;
  esac
  "$ld" -m "$emulation" $mode -o "$out" \
    $(sed -n 's/^start //p' glue.txt) \
    $(sed -n 's/^libdir /-L/p' glue.txt) \
    "$@" \
    $(sed -n 's/^lib //p' glue.txt) \
    $(sed -n 's/^end //p' glue.txt) ||
    fail "$ld could not link a $kind with the glue"
}

# elf_is FILE TYPE INTERP(yes|no)
elf_is () {
  readelf -hW "$1" | grep -q "Type: *$2 " || fail "$1 is not $2"
  if readelf -lW "$1" | grep -q 'INTERP'; then i=yes; else i=no; fi
  [ "$i" = "$3" ] || fail "$1: PT_INTERP $i, expected $3"
}

linkers=0
for ld in ld.bfd ld.gold ld.lld mold; do
  command -v $ld >/dev/null 2>&1 || { note "$ld is not installed"; continue; }
  linkers=$((linkers + 1))
  kinds="exe pie static static-pie"
  if [ $ld = ld.gold ]; then
    note "ld.gold has no static-pie (research/driver-anchors.md E2)"
    kinds="exe pie static"
  fi
  for kind in $kinds; do
    raw_link $ld $kind "prog-$ld-$kind" prog.o
    got=$("./prog-$ld-$kind") || fail "prog-$ld-$kind exited $?"
    [ "$got" = "$want_prog" ] || fail "prog-$ld-$kind printed: $got"
  done
  elf_is "prog-$ld-exe" EXEC yes
  elf_is "prog-$ld-pie" DYN yes
  elf_is "prog-$ld-static" EXEC no
  [ $ld = ld.gold ] || elf_is "prog-$ld-static-pie" DYN no

  mkdir -p "$ld"
  raw_link $ld shared "$ld/libcrt.so" lib.o
  elf_is "$ld/libcrt.so" DYN no
  raw_link $ld pie "use-$ld" use.o -L"$ld" -lcrt
  got=$(LD_LIBRARY_PATH=$ld "./use-$ld") || fail "use-$ld exited $?"
  [ "$got" = "library 9" ] || fail "use-$ld printed: $got"
  note "$ld: $kinds and shared link and run"
done
[ $linkers -gt 0 ] || skip "no raw linker is installed"

# A static link needs crtbeginT.o: with crtbegin.o instead nothing
# registers the frames for libgcc's unwinder, and the program fails (it
# aborts here).  So the program can tell a wrong start file.
if command -v ld.bfd >/dev/null 2>&1; then
  "$T" amd64 static -- gcc | sed 's|crtbeginT\.o$|crtbegin.o|' > bad.txt
  [ "$(grep -c 'crtbegin\.o$' bad.txt)" = 1 ] || fail "no crtbegin.o to swap in"
  ld.bfd -m "$emulation" -static -o prog-bad \
    $(sed -n 's/^start //p' bad.txt) $(sed -n 's/^libdir /-L/p' bad.txt) \
    prog.o $(sed -n 's/^lib //p' bad.txt) $(sed -n 's/^end //p' bad.txt)
  if got=$(./prog-bad 2>&1) && [ "$got" = "$want_prog" ]; then
    fail "unwinding in a static program did not need crtbeginT.o"
  fi
fi

# Errors.
# (Under valgrind, which cannot report a failed exec from posix_spawn, the
# command runs and exits 127.)
expect_fail 1 "error: cannot run 'gold-link-no-such-cc[^']*': \(No such file\|exit status 127\)" \
  "$T" amd64 pie -- gold-link-no-such-cc
grep -q 'note: install gcc .*name a compiler with --cc' .err ||
  fail "no note for a missing compiler"

mkdir bin
cat > bin/badcc <<'EOF'
#!/bin/sh
echo "badcc: error: this compiler is broken" >&2
exit 3
EOF
cat > bin/nolibcc <<'EOF'
#!/bin/sh
echo "programs: =/usr/bin/"
EOF
chmod +x bin/*
PATH=$WORK/bin:$PATH
expect_fail 1 "cannot run 'badcc -m64 -print-search-dirs': exit status 3: badcc: error: this compiler is broken" \
  "$T" amd64 pie -- badcc
expect_fail 1 "'nolibcc -m64 -print-search-dirs' printed no 'libraries:' line" \
  "$T" amd64 pie -- nolibcc

# A cross compiler's layout (Debian's gcc-12-<triplet>): its own files
# under /usr/lib/gcc-cross/TRIPLET/12 and /usr/TRIPLET/lib, the host's /lib
# and /usr/lib after them.  The stand-in prints the line only in the C
# locale, after a warning on stderr, and uses this machine's objects.
R=$(realpath .)/cross
G=$R/usr/lib/gcc-cross/x86_64-linux-gnu/12
C=$R/usr/x86_64-linux-gnu/lib
mkdir -p "$G" "$C"
for f in crtbegin.o crtbeginS.o crtbeginT.o crtend.o crtendS.o; do
  cp "$(gcc -print-file-name=$f)" "$G/"
done
for f in crt1.o Scrt1.o rcrt1.o crti.o crtn.o; do
  cp "$(gcc -print-file-name=$f)" "$C/"
done
cat > bin/x86_64-linux-gnu-gcc-12 <<EOF
#!/bin/sh
echo "x86_64-linux-gnu-gcc-12: warning: a warning first" >&2
if [ "\$LC_ALL" != C ]; then echo "bibliothèques: =/nowhere/"; exit 0; fi
echo "install: $G/"
echo "programs: =$G/../../../../x86_64-linux-gnu/bin/"
echo "libraries: =$G/:$G/../../../../x86_64-linux-gnu/lib/x86_64-linux-gnu/12/:$G/../../../../x86_64-linux-gnu/lib/:/lib/:/usr/lib/"
EOF
chmod +x bin/x86_64-linux-gnu-gcc-12
LC_ALL=fr_FR.UTF-8 "$T" amd64 pie -- x86_64-linux-gnu-gcc-12 > cross.txt ||
  fail "test-crt failed with the cross layout"
sed -n '/^lib /!p' cross.txt > got.txt
cat > want.txt <<EOF
start $C/Scrt1.o
start $C/crti.o
start $G/crtbeginS.o
libdir $G
libdir $C
end $G/crtendS.o
end $C/crtn.o
EOF
diff -u want.txt got.txt || fail "wrong glue from the cross layout"

# Objects of another target are refused, naming what they are.
expect_fail 1 "error: $C/crt1.o: crt1.o for arm64 is an amd64 object" \
  "$T" arm64 static -- x86_64-linux-gnu-gcc-12
grep -q "note: 'x86_64-linux-gnu-gcc-12' has no crt1.o of its own; crt1.o comes with the C library's development files" .err ||
  fail "no note for an object of another target"
# A missing file names itself, the link, the compiler and the package.
rm "$G/crtendS.o"
expect_fail 1 "error: cannot find crtendS.o for a shared link to amd64 in the search directories of 'x86_64-linux-gnu-gcc-12 -m64'" \
  "$T" amd64 shared -- x86_64-linux-gnu-gcc-12
grep -q "note: crtendS.o comes with gcc's libgcc development files: .*(Debian: libgcc-12-dev," .err ||
  fail "no note naming libgcc-12-dev"
# Only what the link needs is looked up.
"$T" amd64 exe -- x86_64-linux-gnu-gcc-12 > /dev/null ||
  fail "an exe link should not need crtendS.o"
"$T" amd64 shared nostartfiles -- x86_64-linux-gnu-gcc-12 > /dev/null ||
  fail "-nostartfiles should not need crtendS.o"
