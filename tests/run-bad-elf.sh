#!/bin/sh
# Damaged or unsuitable ELF objects: truncated, headers pointing past the
# end, absurd section counts, the wrong ELF type, machine or class, and
# go.o files that break the TLS rules.  gold-link must refuse each before a
# linker sees it (expect_bad, lib.sh).
. "$abs_srcdir/tests/lib.sh"
need_cmd go gcc as perl readelf awk
go_module cgoprog
go_objects t -o prog ./cgoprog
bad_setup
GL=$GOLD_LINK
HOSTS="t/0*.o"

# Section facts from readelf -SW: NAME's index, file offset and size.
sec_field () {   # sec_field FILE NAME FIELD (1 index, 5 offset, 6 size)
  v=$(readelf -SW "$1" | sed 's/^ *\[ *\([0-9]*\)\]/\1/' \
    | awk -v n="$2" -v f="$3" '$2 == n { print $f; exit }')
  if [ "$3" = 1 ]; then echo "$v"; else echo $((0x$v)); fi
}
cp t/go.o go.o
shoff=$(peek_le go.o 40 8)
shnum=$(readelf -hW go.o | awk '/Number of section headers/ { print $NF }')
sht_end=$((shoff + shnum * 64))
symtab=$(sec_field go.o .symtab 5)
strtab=$(sec_field go.o .strtab 5)
relatext=$(sec_field go.o .rela.text 5)
reladata=$(sec_field go.o .rela.data 5)
size=$(stat -c %s go.o)
for v in "$shoff" "$shnum" "$symtab" "$strtab" "$relatext" "$reladata"; do
  [ -n "$v" ] && [ "$v" -gt 0 ] || fail "cannot read go.o's layout"
done

# go.o truncated: in the ELF identification and header, in the section
# header table (cmd/link writes it right after the ELF header), in the
# sections, in the symbol and name tables, in the relocations, one byte
# short.  Then a host object likewise.
for cut in 1 3 4 10 16 40 63 64 65 $((shoff + 64)) $((sht_end - 1)) \
    $sht_end 4096 $((size / 4)) $((symtab + 1)) $((symtab + 24 * 100 + 7)) \
    $((strtab + 10)) $((relatext + 24 * 1000 + 5)) $((reladata - 1)) \
    $((reladata + 100)) $((size / 2)) $((size - 64)) $((size - 1)); do
  head -c $cut go.o > trunc.o
  expect_damaged "error: trunc.o: \(is truncated\|the section header table\|section [0-9]* (.*) ends past the end of the file\)" \
    "$GL" -o out/a trunc.o $HOSTS -lpthread
done
hsize=$(stat -c %s t/000001.o)
for cut in 4 52 64 200 1000 $((hsize / 2)) $((hsize - 1)); do
  head -c $cut t/000001.o > trunc.o
  expect_damaged "error: trunc.o: " "$GL" -o out/a t/go.o t/000000.o trunc.o -lpthread
done

# Section headers that point past the end: the table (e_shoff), a
# section's offset, a section's size, an offset plus size that wraps.
cp go.o bad.o; poke_le bad.o 40 8 $((size + 64))
expect_damaged "error: bad.o: the section header table ($shnum entries at offset $((size + 64))) ends past the end of the file" \
  "$GL" -o out/a bad.o $HOSTS -lpthread
cp go.o bad.o; poke_le bad.o 40 8 $((size - 64 * shnum + 1))
expect_damaged "error: bad.o: the section header table .* ends past the end of the file" \
  "$GL" -o out/a bad.o $HOSTS -lpthread
cp t/000001.o bad.o; poke_le bad.o 40 8 9223372036854775807
expect_damaged "error: bad.o: the section header table" \
  "$GL" -o out/a t/go.o t/000000.o bad.o -lpthread
i=$(sec_field go.o .text 1)
cp go.o bad.o; poke_le bad.o $((shoff + i * 64 + 24)) 8 $size
expect_damaged "error: bad.o: section $i (.text, [0-9]* bytes at offset $size) ends past the end of the file ($size bytes)" \
  "$GL" -o out/a bad.o $HOSTS -lpthread
i=$(sec_field go.o .symtab 1)
cp go.o bad.o; poke_le bad.o $((shoff + i * 64 + 32)) 8 $((size - symtab + 24))
expect_damaged "error: bad.o: section $i (.symtab, " "$GL" -o out/a bad.o $HOSTS -lpthread
i=$(sec_field go.o .rela.text 1)
cp go.o bad.o; poke_le bad.o $((shoff + i * 64 + 32)) 8 18446744073709551600
expect_damaged "error: bad.o: section $i (.rela.text, 18446744073709551600 bytes" \
  "$GL" -o out/a bad.o $HOSTS -lpthread

# Absurd section counts: e_shnum huge; e_shnum 0 (extended numbering)
# with section 0's sh_size zero, too large for the file, or absurd.
cp go.o bad.o; poke_le bad.o 60 2 65535
expect_damaged "error: bad.o: " "$GL" -o out/a bad.o $HOSTS -lpthread
for n in 0 $((shnum * 2)) 100000 4294967295 1099511627776; do
  cp go.o bad.o; poke_le bad.o 60 2 0; poke_le bad.o $((shoff + 32)) 8 $n
  expect_damaged "error: bad.o: " "$GL" -o out/a bad.o $HOSTS -lpthread
done
# ... which is good when it is right.
cp go.o ext.o; poke_le ext.o 60 2 0; poke_le ext.o $((shoff + 32)) 8 $shnum
TMPDIR=$WORK/tmp "$GL" -o out/prog ext.o $HOSTS -lpthread || fail "extended numbering refused"
out/prog >/dev/null || fail "the program from extended numbering did not run"
rm -f out/prog
# A bad section name table index, section header size, link, class, order.
cp go.o bad.o; poke_le bad.o 62 2 $((shnum + 5))
expect_damaged "error: bad.o: the section name table index is out of range" \
  "$GL" -o out/a bad.o $HOSTS -lpthread
cp go.o bad.o; poke_le bad.o 58 2 40
expect_damaged "error: bad.o: section headers of 40 bytes, not 64" \
  "$GL" -o out/a bad.o $HOSTS -lpthread
i=$(sec_field go.o .symtab 1)
cp go.o bad.o; poke_le bad.o $((shoff + i * 64 + 40)) 4 999
expect_damaged "error: bad.o: section $i links to section 999, but there are $shnum" \
  "$GL" -o out/a bad.o $HOSTS -lpthread
cp go.o bad.o; poke_le bad.o 4 1 9
expect_damaged "error: bad.o: unknown ELF class 9" "$GL" -o out/a bad.o $HOSTS -lpthread
cp t/000001.o bad.o; poke_le bad.o 5 1 0
expect_damaged "error: bad.o: unknown ELF byte order 0" \
  "$GL" -o out/a t/go.o t/000000.o bad.o -lpthread
cp go.o bad.o; poke_le bad.o 40 8 0; poke_le bad.o 60 2 0; poke_le bad.o 62 2 0
expect_damaged "error: bad.o: has no section headers" "$GL" -o out/a bad.o $HOSTS -lpthread

# ELF types: an executable (the Go program itself) or a PIE where go.o or
# a host object belongs; an ET_DYN that is no shared library; a core file.
expect_bad 1 "error: prog: is an executable, not an object to link" \
  "$GL" -o out/a prog $HOSTS -lpthread
grep -q 'note: link the objects it was built from' .err || fail "no note"
go build -buildmode=pie -o prog-pie ./cgoprog
expect_bad 1 "error: prog-pie: is a position-independent executable, not a shared library" \
  "$GL" -o out/a prog-pie $HOSTS -lpthread
echo 'int main (void) { return 0; } int host_fn (void) { return 1; }' > c.c
gcc -o c-exe -no-pie c.c
gcc -o c-pie -fPIE -pie c.c
expect_bad 1 "error: c-exe: is an executable, not an object to link" \
  "$GL" -o out/a t/go.o $HOSTS c-exe -lpthread
expect_bad 1 "error: c-pie: is a position-independent executable, not a shared library" \
  "$GL" -o out/a t/go.o $HOSTS c-pie -lpthread
cp go.o bad.o; poke_le bad.o 16 2 3
expect_bad 1 "error: bad.o: is ET_DYN without a dynamic section: not a shared library" \
  "$GL" -o out/a bad.o $HOSTS -lpthread
cp t/000001.o bad.o; poke_le bad.o 16 2 4
expect_bad 1 "error: bad.o: ELF type 4 cannot be linked" \
  "$GL" -o out/a t/go.o t/000000.o bad.o -lpthread
# A shared library is an input to link against: good, except in an archive.
echo 'int lib_fn (void) { return 7; }' > lib.c
gcc -shared -fPIC -o libx.so lib.c
TMPDIR=$WORK/tmp "$GL" -o out/prog t/go.o $HOSTS libx.so -lpthread \
  || fail "link with a shared library failed"
LD_LIBRARY_PATH=$WORK out/prog >/dev/null || fail "the program did not run"
rm -f out/prog
go_module clib
go_objects ta -buildmode=c-archive -o clib.a ./clib
expect_bad 2 "error: libx.so: a c-archive holds objects only, not a shared library" \
  "$GL" --buildmode=c-archive -o out/lib.a ta/go.o ta/0*.o libx.so

# Machines: another machine's object, a 32-bit object with 64-bit ones,
# each before go.o and after it.
cp t/000001.o arm.o; poke_le arm.o 18 2 183
expect_bad 1 "error: arm.o: is for arm64, but t/go.o is for amd64" \
  "$GL" -o out/a t/go.o arm.o
expect_bad 1 "error: t/go.o: is for amd64, but arm.o is for arm64" \
  "$GL" -o out/a arm.o t/go.o
cp t/000001.o odd.o; poke_le odd.o 18 2 4660
expect_bad 1 "error: odd.o: is for machine 4660 (64-bit), but t/go.o is for amd64" \
  "$GL" -o out/a t/go.o odd.o
if command -v aarch64-linux-gnu-gcc-12 >/dev/null 2>&1; then
  aarch64-linux-gnu-gcc-12 -c -o a64.o c.c
  expect_bad 1 "error: a64.o: is for arm64, but t/go.o is for amd64" \
    "$GL" -o out/a t/go.o $HOSTS a64.o -lpthread
else
  note "no aarch64-linux-gnu-gcc-12: a compiled arm64 object not tested"
fi
if gcc -m32 -c -o m32.o c.c 2>/dev/null; then
  expect_bad 1 "error: m32.o: is for 386, but t/go.o is for amd64" \
    "$GL" -o out/a t/go.o $HOSTS m32.o -lpthread
  expect_bad 1 "error: t/go.o: is for amd64, but m32.o is for 386" \
    "$GL" -o out/a m32.o t/go.o $HOSTS -lpthread
  ar rc m32.a m32.o
  expect_bad 1 "error: t/go.o: is for amd64, but m32.a(m32.o) is for 386" \
    "$GL" -o out/a m32.a t/go.o $HOSTS -lpthread
else
  note "gcc -m32 -c does not work here: 32-bit objects not tested"
fi
# Byte order: an EM_AARCH64 object that is big-endian (Go's arm64 is
# little-endian), in an archive; a big-endian EM_PPC64 object is ppc64,
# which gold-link knows but does not link (arch/ppc64.def); EM_MIPS is
# mips or mipsle by byte order, and one link does not mix them.
if command -v clang >/dev/null 2>&1; then
  clang --target=powerpc64-linux-gnu -c -o ppc64be.o c.c
  clang --target=aarch64_be-linux-gnu -c -o a64be.o c.c
  clang --target=mips-linux-gnu -c -o mips.o c.c
  clang --target=mipsel-linux-gnu -c -o mipsel.o c.c
  why=$(sed -n 's/^ *\.unsupported = "\(.*\)",$/\1/p' "$abs_srcdir/arch/ppc64.def")
  [ -n "$why" ] || fail "arch/ppc64.def has no .unsupported"
  expect_bad_exact 1 "gold-link: error: ppc64be.o: is for linux/ppc64, which gold-link does not link: $why" \
    "gold-link: note: link it without gold-link: without -extld=gold-link, go build runs the C compiler itself" \
    "$GL" -o out/a ppc64be.o
  ar rc a64be.a a64be.o
  expect_bad 1 "error: a64be.a(a64be.o): is big-endian, but arm64 is little-endian" \
    "$GL" -o out/a t/go.o $HOSTS a64be.a -lpthread
  expect_bad 1 "error: mipsel.o: is for mipsle, but mips.o is for mips" \
    "$GL" -o out/a mips.o mipsel.o
else
  note "no clang: big-endian objects not tested"
fi

# An exe go.o linked as a shared library: not built for it, and local-exec
# TLS in a shared object.
expect_bad 1 "error: t/go.o: has no _rt0_amd64_linux_lib: it was not built for a library mode" \
  "$GL" -shared -o out/lib.so t/go.o $HOSTS -lpthread
grep -q 'note: rebuild with go build -buildmode=c-shared' .err || fail "no rebuild note"
expect_bad 1 "error: t/go.o: [0-9]* local-exec TLS relocations (R_X86_64_TPOFF32) against runtime.tlsg, but a shared object (plugin) needs initial-exec" \
  "$GL" --buildmode=plugin -o out/lib.so t/go.o $HOSTS -lpthread
grep -q 'note: rebuild with go build -buildmode=plugin' .err || fail "no rebuild note"

# TLS (SPEC "TLS rules"): Go has one TLS slot, and every TLS relocation in
# go.o is against it.  Real go.o files altered, then hand-made ones.
sym_field () {   # sym_field FILE FIELD AWK-CONDITION: the first symbol's field
  readelf -sW "$1" | awk "\$1 ~ /^[0-9]+:\$/ && ($3) { sub(\":\", \"\", \$1); print \$$2; exit }"
}
slot=$(sym_field go.o 1 '$8 == "runtime.tlsg"')
other=$(sym_field go.o 1 'NF == 8 && $4 == "OBJECT" && $5 == "LOCAL" && $7 ~ /^[0-9]+$/ && $8 ~ /^[A-Za-z0-9_.]+$/')
other_name=$(sym_field go.o 8 'NF == 8 && $4 == "OBJECT" && $5 == "LOCAL" && $7 ~ /^[0-9]+$/ && $8 ~ /^[A-Za-z0-9_.]+$/')
tbss=$(sec_field go.o .tbss 1)
[ -n "$slot" ] && [ -n "$other" ] && [ -n "$tbss" ] || fail "cannot find go.o's symbols"
# A second TLS symbol: another symbol made STT_TLS in .tbss.
cp go.o tls2.o
poke_le tls2.o $((symtab + other * 24 + 4)) 1 6
poke_le tls2.o $((symtab + other * 24 + 6)) 2 "$tbss"
poke_le tls2.o $((symtab + other * 24 + 8)) 8 0
expect_bad 1 "error: tls2.o: has a second TLS symbol '$other_name' besides the Go slot runtime.tlsg" \
  "$GL" -o out/a tls2.o $HOSTS -lpthread
# Two symbols named like the slot.
name_of_slot=$(peek_le go.o $((symtab + slot * 24)) 4)
cp go.o slot2.o
poke_le slot2.o $((symtab + other * 24)) 4 "$name_of_slot"
expect_bad 1 "error: slot2.o: has 2 symbols named runtime.tlsg" \
  "$GL" -o out/a slot2.o $HOSTS -lpthread
# A local-exec TLS relocation against another symbol.
first_le=$(readelf -rW go.o | awk '
  /^Relocation section/ { sec = $3; n = -1; next }
  sec == "'"'"'.rela.text'"'"'" && $3 ~ /^R_/ { n++; if ($3 == "R_X86_64_TPOFF32") { print n; exit } }')
[ -n "$first_le" ] || fail "no R_X86_64_TPOFF32 in .rela.text"
cp go.o stray.o
poke_le stray.o $((relatext + first_le * 24 + 12)) 4 "$other"
expect_bad 1 "error: stray.o: 1 TLS relocation (R_X86_64_TPOFF32) against '$other_name', not the Go TLS slot runtime.tlsg" \
  "$GL" -o out/a stray.o $HOSTS -lpthread
# A host object that defines the slot, after go.o or before it.
printf '__thread void *slot __asm__ ("runtime.tlsg");\n' > slot.c
gcc -c -o slot.o slot.c
expect_bad 1 "error: slot.o: a second Go object (Go's build ID note, or the Go TLS slot runtime.tlsg); t/go.o is one already" \
  "$GL" -o out/a t/go.o $HOSTS slot.o -lpthread
expect_bad 1 "error: t/go.o: a second Go object" \
  "$GL" -o out/a slot.o t/go.o $HOSTS -lpthread
# Hand-made objects: a second TLS symbol, a TLS access to another symbol,
# the general-dynamic model.
for f in tls-two tls-stray tls-gd; do
  as --64 -I "$TESTDATA/asm" -o $f.o "$TESTDATA/asm/$f.s"
done
expect_bad 1 "error: tls-two.o: has a second TLS symbol 'second_slot'" \
  "$GL" -o out/a tls-two.o
expect_bad 1 "error: tls-stray.o: 1 TLS relocation (R_X86_64_GOTTPOFF) against 'other_tls'" \
  "$GL" -o out/a tls-stray.o
expect_bad 1 "error: tls-gd.o: 1 dynamic-model TLS relocation (R_X86_64_TLSGD)" \
  "$GL" -o out/a tls-gd.o
# C thread-locals in a host object are good (cgoprog has one).
TMPDIR=$WORK/tmp "$GL" -o out/prog t/go.o $HOSTS -lpthread || fail "link failed"
out/prog | grep -q "callback 41" || fail "the program did not run"
rm -f out/prog
