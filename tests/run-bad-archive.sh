#!/bin/sh
# Damaged archives: truncated anywhere, a corrupt member header, a member
# that is damaged or for another machine; thin archives whose member files
# are missing or bad.  Errors name the archive and, where there is one, the
# member: "lib.a(member.o): ...".  An empty archive and a thin archive
# whose members are there are good input and link.
. "$abs_srcdir/tests/lib.sh"
need_cmd go gcc ar perl
go_module cgoprog
go_objects t -o prog ./cgoprog
bad_setup
GL=$GOLD_LINK
# The link that works: go.o, host objects 0 and 4-14, and an archive
# holding 1-3 (the link needs them all).
REST="t/00000[4-9].o t/00001*.o"
good_link () {   # good_link ARCHIVE: the link with it must succeed and run
  TMPDIR=$WORK/tmp "$GL" -o out/prog t/go.o t/000000.o "$1" $REST -lpthread \
    || fail "link with $1 failed"
  out/prog | grep -q "hello from a gold-linked cgo program" \
    || fail "the program linked with $1 did not run"
  rm -f out/prog
  [ -z "$(ls_dir tmp)" ] || fail "staging left after linking $1"
}
mkdir m
cp t/000001.o t/000002.o t/000003.o m/
# A long member name too, which lives in the "//" table.
mv m/000003.o m/a_long_member_name_000003.o
(cd m && ar rc ../lib.a 000001.o 000002.o a_long_member_name_000003.o)
good_link lib.a

# The members' header offsets: the first is found by its name, the others
# follow it (60-byte headers, bodies padded to an even size).
s1=$(stat -c %s m/000001.o)
s2=$(stat -c %s m/000002.o)
h1=$(grep -abo -m1 '000001.o/' lib.a | cut -d: -f1)
[ -n "$h1" ] || fail "cannot find the first member header"
h2=$((h1 + 60 + s1 + s1 % 2))
h3=$((h2 + 60 + s2 + s2 % 2))
[ "$(dd if=lib.a bs=1 skip=$h2 count=9 2>/dev/null)" = 000002.o/ ] \
  || fail "the second member header is not at $h2"
size=$(stat -c %s lib.a)

# Truncated: inside the magic, in the first header, in the symbol index,
# in each member's header and body, one byte short.
for cut in 3 7 30 70 100 $((h1 + 30)); do
  head -c $cut lib.a > cut.a
  expect_damaged "error: cut.a: \(is \)\?truncated" \
    "$GL" -o out/a t/go.o t/000000.o cut.a $REST -lpthread
done
for cut in $((h1 + 60)) $((h1 + 61)) $((h1 + 2000)) $((h2 - 2)); do
  head -c $cut lib.a > cut.a
  expect_damaged "error: cut.a(000001.o): truncated: the member of $s1 bytes has only" \
    "$GL" -o out/a t/go.o t/000000.o cut.a $REST -lpthread
done
for cut in $((h2 + 100)) $((h3 - 2)); do
  head -c $cut lib.a > cut.a
  expect_damaged "error: cut.a(000002.o): truncated: the member of" \
    "$GL" -o out/a t/go.o t/000000.o cut.a $REST -lpthread
done
for cut in $((h3 + 60)) $((h3 + 1000)) $((size - 1)); do
  head -c $cut lib.a > cut.a
  expect_damaged "error: cut.a(a_long_member_name_000003.o): truncated: the member of" \
    "$GL" -o out/a t/go.o t/000000.o cut.a $REST -lpthread
done

# A corrupt member header: its size, its end marker, the first header; a
# size past the end; bytes after the last member.
cp lib.a bad.a; poke bad.a $((h2 + 48)) 'abcdefghij'
expect_damaged "error: bad.a: damaged member header at offset $h2, after member 000001.o" \
  "$GL" -o out/a t/go.o t/000000.o bad.a $REST -lpthread
cp lib.a bad.a; poke bad.a $((h2 + 58)) 'xx'
expect_damaged "error: bad.a: damaged member header at offset $h2, after member 000001.o" \
  "$GL" -o out/a t/go.o t/000000.o bad.a $REST -lpthread
cp lib.a bad.a; poke bad.a 66 'xx'
expect_damaged "error: bad.a: damaged member header at offset 8" \
  "$GL" -o out/a t/go.o t/000000.o bad.a $REST -lpthread
cp lib.a bad.a; poke bad.a $((h2 + 48)) '99999999  '
expect_damaged "error: bad.a(000002.o): truncated: the member of 99999999 bytes" \
  "$GL" -o out/a t/go.o t/000000.o bad.a $REST -lpthread
cp lib.a bad.a; printf 'trailing garbage after the last member' >> bad.a
expect_damaged "error: bad.a: " "$GL" -o out/a t/go.o t/000000.o bad.a $REST -lpthread

# Damaged members: the ELF inside truncated, not ELF at all past its magic.
head -c 1000 t/000002.o > m/000002.o
rm -f badm.a; (cd m && ar rc ../badm.a 000001.o 000002.o >/dev/null 2>&1)
expect_damaged "error: badm.a(000002.o): the section header table" \
  "$GL" -o out/a t/go.o t/000000.o badm.a $REST -lpthread
head -c 30 t/000002.o > m/000002.o
rm -f badm.a; (cd m && ar rc ../badm.a 000001.o 000002.o >/dev/null 2>&1)
expect_damaged "error: badm.a(000002.o): " \
  "$GL" -o out/a t/go.o t/000000.o badm.a $REST -lpthread
printf '\177ELF\007\001\001\000junkjunkjunk' > m/000002.o
rm -f badm.a; (cd m && ar rc ../badm.a 000001.o 000002.o >/dev/null 2>&1)
expect_damaged "error: badm.a(000002.o): unknown ELF class 7" \
  "$GL" -o out/a t/go.o t/000000.o badm.a $REST -lpthread
cp t/000002.o m/000002.o

# A member for another machine, before go.o or after it.
cp t/000002.o m/arm.o
poke m/arm.o 18 '\267\000'
rm -f arm.a; (cd m && ar rc ../arm.a 000001.o arm.o)
expect_bad 1 "error: arm.a(arm.o): is for arm64, but t/go.o is for amd64" \
  "$GL" -o out/a t/go.o t/000000.o arm.a $REST -lpthread
rm -f arm1.a; (cd m && ar rc ../arm1.a arm.o)
expect_bad 1 "error: t/go.o: is for amd64, but arm1.a(arm.o) is for arm64" \
  "$GL" -o out/a arm1.a t/go.o t/000000.o $REST -lpthread

# gold-link-ar refuses to read a damaged archive, and leaves it alone.
head -c $((h1 + 2000)) lib.a > cut.a
expect_damaged "error: cut.a(000001.o): truncated: the member of $s1 bytes" \
  "$GOLD_LINK_AR" r cut.a t/000000.o
expect_damaged "error: cut.a(000001.o): truncated" "$GOLD_LINK_AR" t cut.a
# Nor does it archive a damaged object (GNU ar would, silently), as
# cmd/link's "ar -q -c -s" for a c-archive or as a build system's "ar rcs".
head -c 1000 t/go.o > cutgo.o
head -c 1000 t/000001.o > cut1.o
head -c 30 t/000001.o > cut2.o
expect_damaged "error: cutgo.o: the section header table" \
  "$GOLD_LINK_AR" -q -c -s out/new.a t/000000.o cutgo.o
expect_damaged "error: cut1.o: the section header table" \
  "$GOLD_LINK_AR" rcs out/new.a t/000000.o cut1.o
expect_damaged "error: cut2.o: not a valid ELF file" \
  "$GOLD_LINK_AR" rcs out/new.a cut2.o

# An empty archive is what "ar rc x.a" with no files makes, and every
# linker takes it: good input.
printf '!<arch>\n' > empty.a
TMPDIR=$WORK/tmp "$GL" -o out/prog t/go.o t/0*.o empty.a -lpthread \
  || fail "link with an empty archive failed"
out/prog >/dev/null || fail "the program linked with an empty archive did not run"
rm -f out/prog

# Thin archives go to the linker as they are, when their members are
# there; the names are relative to the archive's directory.
mkdir -p th/sub
cp t/000001.o th/000001.o
cp t/000002.o th/sub/a_long_member_name_000002.o
(cd th && ar rcT thin.a 000001.o sub/a_long_member_name_000002.o "$WORK/t/000003.o")
good_link th/thin.a
printf '!<thin>\n' > th/empty.a
TMPDIR=$WORK/tmp "$GL" -o out/prog t/go.o t/0*.o th/empty.a -lpthread \
  || fail "link with an empty thin archive failed"
rm -f out/prog
# A member file missing, damaged, for another machine, not a file.
mv th/sub/a_long_member_name_000002.o th/moved.o
expect_bad 1 "^gold-link: error: th/thin.a(sub/a_long_member_name_000002.o): the member's file th/sub/a_long_member_name_000002.o: cannot open: No such file or directory$" \
  "$GL" -o out/a t/go.o t/000000.o th/thin.a $REST -lpthread
head -c 1000 th/moved.o > th/sub/a_long_member_name_000002.o
expect_damaged "error: th/thin.a(sub/a_long_member_name_000002.o): the section header table" \
  "$GL" -o out/a t/go.o t/000000.o th/thin.a $REST -lpthread
cp m/arm.o th/sub/a_long_member_name_000002.o
expect_bad 1 "error: th/thin.a(sub/a_long_member_name_000002.o): is for arm64, but t/go.o is for amd64" \
  "$GL" -o out/a t/go.o t/000000.o th/thin.a $REST -lpthread
rm th/sub/a_long_member_name_000002.o
mkdir th/sub/a_long_member_name_000002.o
expect_bad 1 "^gold-link: error: th/thin.a(sub/a_long_member_name_000002.o): the member's file th/sub/a_long_member_name_000002.o: is a directory, not a file$" \
  "$GL" -o out/a t/go.o t/000000.o th/thin.a $REST -lpthread
rmdir th/sub/a_long_member_name_000002.o
mv th/moved.o th/sub/a_long_member_name_000002.o
good_link th/thin.a
# The thin archive itself truncated.
size=$(stat -c %s th/thin.a)
for cut in 7 30 100 $((size - 1)); do
  head -c $cut th/thin.a > th/cut.a
  expect_damaged "error: th/cut.a: \(is \)\?truncated" \
    "$GL" -o out/a t/go.o t/000000.o th/cut.a $REST -lpthread
done
# gold-link-ar cannot update one.
expect_bad 1 "error: th/thin.a: is a thin archive, which gold-link-ar cannot update" \
  "$GOLD_LINK_AR" r th/thin.a t/000000.o
