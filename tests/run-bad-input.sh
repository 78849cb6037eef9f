#!/bin/sh
# Bad input that is not about the content of an object: files that are not
# objects, missing or unreadable inputs, outputs that cannot be written or
# would overwrite an input, and usage errors.  Each gives one error naming
# the file, a note, exit 1 (bad input) or 2 (usage), and leaves no output,
# no staging directory and every input as it was (expect_bad, lib.sh).
# Damaged objects: run-bad-elf.sh; archives: run-bad-archive.sh; odd file
# names: run-bad-paths.sh.
. "$abs_srcdir/tests/lib.sh"
need_cmd go gcc
go_module cgoprog clib
go_objects t -o prog ./cgoprog
go_objects ta -buildmode=c-archive -o clib.a ./clib
bad_setup
GL=$GOLD_LINK

# Not ELF at all; empty; a directory; a FIFO.
printf 'garbage bytes \001\002\003\000\377' > junk.o
expect_bad 1 "error: junk.o: not an ELF object, archive or linker script" \
  "$GL" -o out/a t/go.o junk.o
: > empty.o
expect_bad 1 "error: empty.o: is empty" "$GL" -o out/a t/go.o empty.o
expect_bad 1 "error: t: is a directory" "$GL" -o out/a t/go.o t
mkfifo fifo.o
expect_bad 1 "error: fifo.o: is not a regular file" "$GL" -o out/a t/go.o fifo.o

# Missing input.
expect_bad 1 "error: missing.o: cannot open: No such file or directory" \
  "$GL" -o out/a t/go.o missing.o

# Root reads and writes anything: run gold-link without the capabilities
# that allow it, where setpriv can drop them.
NOPRIV=
if [ "$(id -u)" = 0 ]; then
  NOPRIV="setpriv --bounding-set=-dac_override,-dac_read_search"
  echo secret > probe; chmod 000 probe
  if $NOPRIV cat probe >/dev/null 2>&1 || ! $NOPRIV true 2>/dev/null; then
    NOPRIV=none
  fi
  rm -f probe
fi

# An unreadable input.
cp t/000000.o unreadable.o
chmod 000 unreadable.o
if [ "$NOPRIV" != none ]; then
  expect_bad 1 "error: unreadable.o: cannot open: Permission denied" \
    $NOPRIV "$GL" -o out/a t/go.o unreadable.o
else
  note "running as root without setpriv: unreadable input not tested"
fi

# The output directory is missing, is not writable, is a file; the output
# is a directory.
expect_bad 1 "error: nodir/a: the output directory nodir does not exist" \
  "$GL" -o nodir/a t/go.o t/0*.o -lpthread
expect_bad 1 "error: out/nodir/a: the output directory out/nodir does not exist" \
  "$GL" --buildmode=c-archive -o out/nodir/a ta/go.o ta/0*.o
mkdir ro
chmod a-w ro
if [ "$NOPRIV" != none ]; then
  expect_bad 1 "error: ro/a: cannot create the output in ro: Permission denied" \
    $NOPRIV "$GL" -o ro/a t/go.o t/0*.o -lpthread
  grep -q 'note: check that the directory is writable' .err || fail "no note"
  expect_bad 1 "error: ro/a.a: cannot create the output in ro: Permission denied" \
    $NOPRIV "$GL" --buildmode=c-archive -o ro/a.a ta/go.o ta/0*.o
else
  note "running as root without setpriv: unwritable output not tested"
fi
[ -z "$(ls_dir ro)" ] || fail "files left in ro"
expect_bad 1 "error: junk.o/a: " "$GL" -o junk.o/a t/go.o t/0*.o -lpthread
expect_bad 1 "error: out: the output is a directory" \
  "$GL" -o out t/go.o t/0*.o -lpthread

# The output is an input, under its own name or another spelling.
cp t/000000.o same.o
ln -s same.o symlink.o
ln same.o hardlink.o
expect_bad 2 "error: same.o: the output is also an input$" \
  "$GL" -o same.o t/go.o t/00000[1-9].o same.o -lpthread
for o in ./same.o "$WORK/t/../same.o" symlink.o hardlink.o; do
  expect_bad 2 "error: $o: the output is also an input (same.o)" \
    "$GL" -o "$o" t/go.o t/00000[1-9].o same.o -lpthread
  expect_bad 2 "error: same.o: the output is also an input ($o)" \
    "$GL" -o same.o t/go.o t/00000[1-9].o "$o" -lpthread
done
expect_bad 2 "error: same.o: the output is also an input" \
  "$GL" --buildmode=c-archive -o same.o ta/go.o ta/0*.o same.o
cmp same.o t/000000.o || fail "input changed"
[ "$(readlink symlink.o)" = same.o ] || fail "the symlink changed"

# Usage errors exit 2.
expect_bad 2 "error: -shared and -pie conflict" "$GL" -shared -pie -o out/a t/go.o
expect_bad 2 "error: -pie and -no-pie conflict" "$GL" -pie -no-pie -o out/a t/go.o
expect_bad 2 "error: -shared and --buildmode=exe/pie conflict" \
  "$GL" --buildmode=exe -shared -o out/a t/go.o
expect_bad 2 "error: unknown build mode 'bogus'" "$GL" --buildmode=bogus -o out/a t/go.o
expect_bad 2 "error: unknown build mode 'C-SHARED'" "$GL" --buildmode=C-SHARED -o out/a t/go.o
expect_bad 2 "error: unknown build mode ''" "$GL" --buildmode= -o out/a t/go.o
expect_bad 2 "error: missing argument to '-o'" "$GL" t/go.o -o
expect_bad 2 "error: missing argument to '-o'" "$GL" -o
expect_bad 2 "error: --buildmode: missing argument" "$GL" t/go.o --buildmode
expect_bad 2 "error: no input files" "$GL" --buildmode=exe -o out/a

# Options gold-link does not know are the driver's, and it says so.
expect_fail 1 "unrecognized command-line option" "$GL" --no-such-option -o out/a t/go.o
[ -z "$(ls_dir out)" ] || fail "output left after a driver error"

# A linker failure: its status and output come through, nothing is left.
expect_fail 1 "undefined \(reference\|symbol\)" env TMPDIR="$WORK/tmp" "$GL" -o out/a t/go.o
[ -z "$(ls_dir out)" ] || fail "output left after a link failure"
[ -z "$(ls_dir tmp)" ] || fail "staging left after a link failure"
[ -z "$(ls -A t | grep -v -e '^go.o$' -e '^0.*\.o$' -e trivial.c -e a.out)" ] \
  || fail "files left beside the inputs"
