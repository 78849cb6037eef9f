#!/bin/sh
# gold-link audit (src/audit.c, src/auditfmt.c; gold-link(1) AUDIT) on real
# outputs made here by go build through gold-link, for amd64, 386 (gcc
# -m32) and arm64 (Debian's cross gcc): an exe, a PIE, a c-shared library,
# a C program linked with a c-archive, a plugin, a Go shared library and a
# -linkshared executable, a -static and a -static-pie cgo program, a
# program without
# runtime/cgo (linked dynamically: its slot where Go puts it); each whole
# report, table and JSON, against tests/data/audit/ARCH.txt and ARCH.json
# with the build IDs and the Go release replaced by words.  The TLS
# variant of each architecture with a compiler and qemu here: the slot's
# offset as a running C program sees it, and as the audit computes it.  Then outputs
# made wrong on purpose (-z execstack, a TEXTREL, the no-cgo program linked
# -static by gcc: its slot moved by libc's TLS, and it traps; the PT_NOTE
# segments patched away), --audit after a link, JSON escaping of odd file
# names, and bad input and usage, compared whole.
# AUDIT_ARCHES="amd64" picks architectures (none: none); a missing
# compiler skips one.  AUDIT_REGEN=DIR copies the normalized reports there
# (to review, then to make tests/data/audit/ from).
. "$abs_srcdir/tests/lib.sh"
need_cmd go gcc readelf python3 perl

go_module cgoprog clib plugin
mkdir nocgo shx
printf 'package main\n\nfunc main() { println("hello") }\n' > nocgo/main.go
printf 'package main\n\nfunc main() { println("hello from a shared runtime") }\n' > shx/main.go
# linkext.sh TOOL ARGS...: go build's tools, the link external through
# gold-link even without cgo.
cat > linkext.sh << EOF
#!/bin/sh
tool=\$1; shift
case \${tool##*/} in
  link)
    for a; do
      shift
      case \$a in -extld=*) ;; *) set -- "\$@" "\$a" ;; esac
    done
    exec "\$tool" -linkmode=external -extld="$GOLD_LINK" "\$@" ;;
esac
exec "\$tool" "\$@"
EOF
chmod +x linkext.sh

# The volatile words: the scratch directory (first: its path may hold the
# Go release, as .ci/run's clone for Go 1.27.3 does), build IDs and the
# Go release.
go_version_re=$(printf '%s' "$GL_GO_VERSION" | sed 's/\./\\./g')
normalize () {
  sed -e "s|$WORK|<work>|g" \
      -e 's/^\(Go build ID: *\)[^ ]* (in /\1<go-buildid> (in /' \
      -e 's/^\(GNU build ID: *\)[0-9a-f][0-9a-f]*$/\1<gnu-buildid>/' \
      -e 's/"go_buildid": "[^"]*"/"go_buildid": "<go-buildid>"/' \
      -e 's/"gnu_buildid": "[0-9a-f]*"/"gnu_buildid": "<gnu-buildid>"/' \
      -e "s/$go_version_re\\b/<go-version>/g"
}

# audit_ok NAME FILE...: gold-link audit exits 0 (1 with ERRORS=1), and
# --json exits the same and parses; the reports are kept as NAME.txt and
# NAME.json (one object per line, normalized).
audit_ok () {
  a_name=$1; shift
  a_want=${ERRORS:-0}
  set +e
  "$GOLD_LINK" audit "$@" > "$a_name.raw" 2> "$a_name.err"
  a_status=$?
  "$GOLD_LINK" audit --json "$@" > "$a_name.jraw" 2>> "$a_name.err"
  a_jstatus=$?
  set -e
  [ $a_status = "$a_want" ] && [ $a_jstatus = "$a_want" ] \
    || { cat "$a_name.raw" "$a_name.err" >&2; fail "audit $*: exit $a_status and $a_jstatus (--json), not $a_want"; }
  [ ! -s "$a_name.err" ] || { cat "$a_name.err" >&2; fail "audit $*: wrote to stderr"; }
  python3 -m json.tool "$a_name.jraw" > /dev/null \
    || { cat "$a_name.jraw" >&2; fail "audit --json $*: not JSON"; }
  normalize < "$a_name.raw" > "$a_name.txt"
  sed -e '1d' -e '$d' -e 's/,$//' "$a_name.jraw" | normalize > "$a_name.json"
}

# same_as WANT GOT: compared whole.
same_as () {
  diff -u "$1" "$2" >&2 || fail "$2 is not, whole, $1 (diff above)"
}

audit_arch () {
  arch=$1
  export GOARCH=$arch
  case $arch in
    amd64) cc=gcc ;;
    386) cc="gcc -m32" ;;
    *)
      triplet=$(sed -n 's/^ *\.triplet = "\(.*\)",.*/\1/p' "$abs_srcdir/arch/$arch.def")
      cc=$triplet-gcc-12
      command -v "$cc" > /dev/null 2>&1 || { note "$arch: no $cc, skipped"; return 0; } ;;
  esac
  # gcc -m32 finds <asm/errno.h> through /usr/include/asm, which only
  # gcc-multilib makes (tests/cross.sh): a scratch directory has the link.
  cflags=
  if ! echo '#include <errno.h>' | $cc -E - > /dev/null 2>&1; then
    mkdir -p inc32
    ln -sf "/usr/include/$(gcc -dumpmachine)/asm" inc32/asm
    cflags="-isystem $WORK/inc32"
  fi
  printf '#include <errno.h>\nint main(void){return 0;}\n' > cok.c
  $cc $cflags -o cok cok.c 2> cok.log || { note "$arch: $cc cannot link a C program, skipped"; return 0; }
  mkdir "$arch"
  (
    cd "$arch"
    ln -s ../go.mod ../cgoprog ../clib ../plugin ../nocgo ../shx .
    xgo () { CC="$cc" CGO_CFLAGS="-g -O2 $cflags" go "$@" > build.log 2>&1 || { cat build.log; fail "$arch: go $* failed"; }; }
    xgo build -o exe -ldflags="$GL_LDFLAGS" ./cgoprog
    xgo build -buildmode=pie -o pie -ldflags="$GL_LDFLAGS" ./cgoprog
    xgo build -buildmode=c-shared -o libgo.so -ldflags="$GL_LDFLAGS" ./clib
    xgo build -buildmode=c-archive -o libgo.a -ldflags="$GL_LDFLAGS" ./clib
    $cc $cflags -o use-a "$TESTDATA/cdrivers/use.c" libgo.a -lpthread
    xgo build -buildmode=plugin -o greet.so -ldflags="$GL_LDFLAGS" ./plugin
    xgo build -o static -ldflags="$GL_LDFLAGS -extldflags=-static" ./cgoprog
    xgo build -buildmode=pie -o static-pie -ldflags="$GL_LDFLAGS -extldflags=-static-pie" ./cgoprog
    CGO_ENABLED=0 xgo build -toolexec="$WORK/linkext.sh" -o nocgo-exe ./nocgo
    xgo install -buildmode=shared -linkshared -pkgdir="$WORK/$arch/pkg" \
      -ldflags="$GL_LDFLAGS" runtime sync/atomic
    xgo build -linkshared -pkgdir="$WORK/$arch/pkg" -o lsh -ldflags="$GL_LDFLAGS" ./shx
    cp pkg/lib*.so libstd.so
    audit_ok "$arch" exe pie libgo.so use-a greet.so static static-pie nocgo-exe libstd.so lsh
  ) || exit 1
  if [ -n "${AUDIT_REGEN:-}" ]; then
    cp "$arch/$arch.txt" "$arch/$arch.json" "$AUDIT_REGEN/"
  fi
  for ext in txt json; do
    want=$TESTDATA/audit/go1.$GL_GO_MINOR/$arch.$ext
    [ -f "$want" ] || want=$TESTDATA/audit/$arch.$ext
    same_as "$want" "$arch/$arch.$ext"
  done
  note "$arch: exe, pie, c-shared, c-archive program, plugin, static, static-pie, no-cgo exe, Go shared library, -linkshared exe: reports as expected"
  unset GOARCH
}

for a in ${AUDIT_ARCHES:-amd64 386 arm64}; do
  [ "$a" = none ] || audit_arch "$a"
done

# The TLS variants in arch/ against running programs: a C program whose
# thread-local is named as the arch's Go slot prints its offset from the
# thread pointer (under qemu-user where tests/cross.tab names one); the
# audit's offset must be the same.  Every architecture with a compiler and
# an emulator here.
checked=
for a in $(awk '!/^#/ && $1 !~ /-/ { print $1 }' "$abs_srcdir/tests/cross.tab"); do
  def=$abs_srcdir/arch/$a.def
  triplet=$(sed -n 's/^ *\.triplet = "\(.*\)",.*/\1/p' "$def")
  slot=$(sed -n 's/^ *\.tls_slot = "\(.*\)",.*/\1/p' "$def")
  qemu=$(awk -v n="$a" '$1 == n { print $2 }' "$abs_srcdir/tests/cross.tab")
  case $a in
    amd64) cc=gcc ;;
    386) cc="gcc -m32" ;;
    *) cc=$triplet-gcc-12 ;;
  esac
  command -v ${cc%% *} > /dev/null 2>&1 || { note "TLS offset: no $cc for $a"; continue; }
  if [ "$qemu" != - ]; then
    command -v "$qemu" > /dev/null 2>&1 && [ -d "/usr/$triplet/lib" ] \
      || { note "TLS offset: no $qemu or /usr/$triplet/lib for $a"; continue; }
    run="$qemu -L /usr/$triplet"
  else
    run=
  fi
  $cc -O1 -DSLOT="\"$slot\"" -o "tp-$a" "$TESTDATA/audit/tp.c" 2> tp.log \
    || { cat tp.log; fail "$cc cannot build tests/data/audit/tp.c"; }
  ran=$($run "./tp-$a") || fail "tp-$a did not run"
  audited=$("$GOLD_LINK" audit --json "tp-$a" | python3 -c '
import json, sys
print("TP%+d" % json.load(sys.stdin)[0]["tls"]["offset"])')
  [ "$ran" = "$audited" ] || fail "$a: the slot is at $ran when the program runs, but gold-link audit says $audited"
  checked="$checked $a ($ran)"
done
[ -n "$checked" ] || fail "no architecture could check the TLS offset"
note "TLS offset as the running program sees it:$checked"

# Outputs made wrong on purpose (amd64, natively): an executable stack
# asked of the linker; a c-shared library with a position-dependent
# object (a TEXTREL); the program without runtime/cgo linked -static by
# gcc itself (gold-link refuses to), whose slot glibc's TLS moves and which
# traps at start; an executable whose PT_NOTE segments are patched away;
# local-exec TLS in a shared object (386: ld.bfd links it, patching code).
mkdir wrong
cd wrong
ln -s ../go.mod ../cgoprog ../clib ../nocgo .
wgo () { go "$@" > build.log 2>&1 || { cat build.log; fail "go $* failed"; }; }
wgo build -o execstack -ldflags="$GL_LDFLAGS -extldflags=-Wl,-z,execstack" ./cgoprog
as --64 -o textrel.o "$TESTDATA/asm/textrel-amd64.s"
wgo build -buildmode=c-shared -o libtextrel.so \
  -ldflags="$GL_LDFLAGS -extldflags=$WORK/wrong/textrel.o" ./clib
mkdir tn
CGO_ENABLED=0 wgo build -toolexec="$WORK/linkext.sh" -ldflags="-tmpdir=$WORK/wrong/tn" \
  -o nocgo-exe ./nocgo
gcc -no-pie -static -o nocgo-static tn/go.o 2> static.log || { cat static.log; fail "gcc -static of a no-cgo go.o failed"; }
set +e
./nocgo-static > nocgo-static.out 2>&1
status=$?
set -e
[ $status = 133 ] || { cat nocgo-static.out; fail "the no-cgo program linked -static exited $status, not 133 (SIGTRAP)"; }
cp nocgo-exe nonote
# Every PT_NOTE (4) becomes PT_NULL (0): ELF64 e_phoff at 32, e_phnum at 56.
phoff=$(peek_le nonote 32 8) phnum=$(peek_le nonote 56 2)
i=0
while [ $i -lt "$phnum" ]; do
  [ "$(peek_le nonote $((phoff + i * 56)) 4)" != 4 ] || poke_le nonote $((phoff + i * 56)) 4 0
  i=$((i + 1))
done
# Local-exec TLS in a 386 shared object (ld.bfd patches the code).
as --32 -I "$TESTDATA/asm" -o tls-le-386.o "$TESTDATA/asm/tls-le-386.s"
gcc -m32 -nostdlib -shared -fuse-ld=bfd -o tls-le.so tls-le-386.o 2> tls-le.log \
  || { cat tls-le.log; fail "ld.bfd did not link local-exec TLS into a 386 shared object"; }
ERRORS=1 audit_ok wrong execstack libtextrel.so nocgo-static nonote tls-le.so
[ -z "${AUDIT_REGEN:-}" ] || cp wrong.txt wrong.json "$AUDIT_REGEN/"
same_as "$TESTDATA/audit/wrong.txt" wrong.txt
same_as "$TESTDATA/audit/wrong.json" wrong.json
note "made wrong: execstack, textrel, tls-slot-offset (the program traps), go-buildid-note, tls-le-in-shared: reports as expected"

# The kinds of ET_DYN with an interpreter: a PIE (DF_1_PIE, or no SONAME:
# gold sets no DF_1_PIE) and a shared library that can run (a SONAME and
# no DF_1_PIE, as glibc's libc.so.6).
interp=$(readelf -l /bin/sh | sed -n 's/.*interpreter: \(.*\)]/\1/p')
# As glibc does it: the interpreter's name in a section .interp.
printf 'const char interp[] __attribute__ ((section (".interp"))) = "%s";\nint f (void) { return 1; }\n' "$interp" > runnable.c
gcc -fPIC -shared -Wl,-soname,librunnable.so -o librunnable.so runnable.c 2> runnable.log || { cat runnable.log; fail "gcc could not link a shared library with an interpreter"; }
readelf -l librunnable.so | grep -q "Requesting program interpreter" || fail "librunnable.so has no PT_INTERP"
"$GOLD_LINK" audit librunnable.so | grep -qx 'kind:          shared-library, amd64' \
  || { "$GOLD_LINK" audit librunnable.so; fail "a shared library with a SONAME and an interpreter is not a shared-library"; }
for l in bfd gold; do
  gcc -fPIE -pie -fuse-ld=$l -o pie-$l -x c - <<EOF2 || fail "gcc -pie -fuse-ld=$l failed"
int main (void) { return 0; }
EOF2
  "$GOLD_LINK" audit pie-$l | grep -qx 'kind:          pie, amd64' \
    || { "$GOLD_LINK" audit pie-$l; fail "a PIE linked by $l is not a pie"; }
done
note "kinds: a shared library with an interpreter and a SONAME; PIEs by bfd (DF_1_PIE) and gold (none)"

# --audit after a link: the report on stdout; an error finding exits 1
# with the error and note, whole, and keeps the output.
cd "$WORK"
ln -s wrong/tn wrong/nocgo-exe .
bad_setup
"$GOLD_LINK" --audit -o out/ok tn/go.o > ok.report 2> ok.err \
  || { cat ok.err; fail "gold-link --audit of a clean link failed"; }
[ ! -s ok.err ] || { cat ok.err; fail "gold-link --audit of a clean link wrote to stderr"; }
"$GOLD_LINK" audit out/ok > ok.want
same_as ok.want ok.report
rm out/ok
expect_fail_exact 1 "gold-link: error: out/bad: the audit found 1 error (listed above); the output is kept" \
  "gold-link: note: fix the inputs or the link flags it names, or link without --audit to accept it" \
  "$GOLD_LINK" --audit -Wl,-z,execstack -o out/bad tn/go.o
[ -x out/bad ] || fail "--audit with an error finding did not keep the output"
grep -qx '  error execstack: PT_GNU_STACK asks for an executable stack (-z execstack, or an object that needs it)' "$WORK/.out" \
  || { cat "$WORK/.out"; fail "--audit did not print the execstack finding"; }
rm out/bad
note "--audit: clean link exits 0, an error finding exits 1 and keeps the output"

# JSON escaping: quotes, a backslash, a tab, a newline, a control byte, a
# byte that is not UTF-8 (U+FFFD) and a UTF-8 letter, in the file name.
odd=$(printf 'q"b\\s\tn\nc\001x\377\303\251.so')
cp nocgo-exe "$odd"
"$GOLD_LINK" audit --json "$odd" > odd.json
python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
want = "q\"b\\s\tn\nc\x01x\ufffd\u00e9.so"
assert d[0]["file"] == want, repr(d[0]["file"])
' odd.json || { cat odd.json; fail "the JSON file name is not escaped right"; }
"$GOLD_LINK" audit "$odd" | sed -n 1p > odd.txt
printf 'file:          q"b\\s\\tn\\nc\\001x\377\303\251.so\n' > odd.want
same_as odd.want odd.txt
rm -f "$odd"
note "odd file names: escaped in JSON (U+FFFD for a bad byte) and in the table"

# Bad input, usage and a mix: the errors compared whole.
printf 'hello\n' > notelf.txt
head -c 2000 nocgo-exe > trunc
head -c 100 nocgo-exe > trunc-phdr
damaged="gold-link: note: the file is truncated or damaged; rebuild it"
expect_bad_exact 1 "gold-link: error: notelf.txt: is not an ELF file (6 bytes)" \
  "gold-link: note: audit an executable or shared library" "$GOLD_LINK" audit notelf.txt
head -c 200 /dev/zero > zeros
expect_bad_exact 1 "gold-link: error: zeros: is not an ELF file" \
  "gold-link: note: audit an executable or shared library" "$GOLD_LINK" audit zeros
shoff=$(peek_le nocgo-exe 40 8) shnum=$(peek_le nocgo-exe 60 2)
expect_bad_exact 1 "gold-link: error: trunc: the section header table ($shnum entries of 64 bytes at offset $shoff) does not fit in the file (2000 bytes)" \
  "$damaged" "$GOLD_LINK" audit trunc
phnum=$(peek_le nocgo-exe 56 2)
expect_bad_exact 1 "gold-link: error: trunc-phdr: the program header table ($phnum entries of 56 bytes at offset 64) does not fit in the file (100 bytes)" \
  "$damaged" "$GOLD_LINK" audit trunc-phdr
expect_bad_exact 1 "gold-link: error: missing: cannot open: No such file or directory" \
  "gold-link: note: check the path; inputs are relative to the current directory" "$GOLD_LINK" audit missing
expect_bad_exact 1 "gold-link: error: tn: is a directory, not a file" \
  "gold-link: note: audit executables and shared libraries" "$GOLD_LINK" audit tn
expect_bad_exact 1 "gold-link: error: tn/go.o: is an ELF file of type 1, not an executable or shared library" \
  "gold-link: note: audit the output of a link, not an object file" "$GOLD_LINK" audit tn/go.o
ar rcD lib.a notelf.txt
expect_bad_exact 1 "gold-link: error: lib.a: is an archive, not an executable or shared library" \
  "gold-link: note: audit the program linked with it" "$GOLD_LINK" audit lib.a
expect_bad_exact 2 "gold-link: error: audit: no files" \
  "gold-link: note: name the executables and shared libraries to audit" "$GOLD_LINK" audit
expect_bad_exact 2 "gold-link: error: --bogus: unknown option" \
  "gold-link: note: gold-link audit --help lists the options" "$GOLD_LINK" audit --bogus nocgo-exe
# A bad file among good ones: the good reports, the error, exit 1.
expect_fail_exact 1 "gold-link: error: missing: cannot open: No such file or directory" \
  "gold-link: note: check the path; inputs are relative to the current directory" \
  "$GOLD_LINK" audit --json nocgo-exe missing nocgo-exe
python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); assert len(d) == 2' "$WORK/.out" \
  || { cat "$WORK/.out"; fail "audit --json of two good files and a missing one is not an array of two"; }
note "bad input and usage: exit 1 and 2, the errors whole"
