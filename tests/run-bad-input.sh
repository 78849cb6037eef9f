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
expect_bad_exact 1 "gold-link: error: junk.o: not an ELF object, archive or linker script" \
  "gold-link: note: pass objects (.o), archives (.a), shared libraries (.so) or linker scripts" \
  "$GL" -o out/a t/go.o junk.o
: > empty.o
expect_bad_exact 1 "gold-link: error: empty.o: is empty" \
  "gold-link: note: an object, archive or linker script was expected; rebuild it" \
  "$GL" -o out/a t/go.o empty.o
expect_bad_exact 1 "gold-link: error: t: is a directory, not a file" \
  "gold-link: note: name objects (.o), archives (.a), shared libraries (.so) or linker scripts" \
  "$GL" -o out/a t/go.o t
mkfifo fifo.o
expect_bad_exact 1 "gold-link: error: fifo.o: is not a regular file" \
  "gold-link: note: name objects (.o), archives (.a), shared libraries (.so) or linker scripts" \
  "$GL" -o out/a t/go.o fifo.o

# Missing input.
expect_bad_exact 1 "gold-link: error: missing.o: cannot open: No such file or directory" \
  "gold-link: note: check the path; inputs are relative to the current directory" \
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
  expect_bad_exact 1 "gold-link: error: unreadable.o: cannot open: Permission denied" \
    "gold-link: note: check that the file is readable" \
    $NOPRIV "$GL" -o out/a t/go.o unreadable.o
else
  note "running as root without setpriv: unreadable input not tested"
fi

# The output directory is missing, is not writable, is a file; the output
# is a directory.
expect_bad_exact 1 "gold-link: error: nodir/a: the output directory nodir does not exist" \
  "gold-link: note: create the directory first" \
  "$GL" -o nodir/a t/go.o t/0*.o -lpthread
expect_bad_exact 1 "gold-link: error: out/nodir/a: the output directory out/nodir does not exist" \
  "gold-link: note: create the directory first" \
  "$GL" --buildmode=c-archive -o out/nodir/a ta/go.o ta/0*.o
mkdir ro
chmod a-w ro
if [ "$NOPRIV" != none ]; then
  expect_bad_exact 1 "gold-link: error: ro/a: cannot create the output in ro: Permission denied" \
    "gold-link: note: check that the directory is writable" \
    $NOPRIV "$GL" -o ro/a t/go.o t/0*.o -lpthread
  expect_bad_exact 1 "gold-link: error: ro/a.a: cannot create the output in ro: Permission denied" \
    "gold-link: note: check that the directory is writable" \
    $NOPRIV "$GL" --buildmode=c-archive -o ro/a.a ta/go.o ta/0*.o
else
  note "running as root without setpriv: unwritable output not tested"
fi
[ -z "$(ls_dir ro)" ] || fail "files left in ro"
expect_bad_exact 1 "gold-link: error: junk.o/a: cannot create the output in junk.o: Not a directory" \
  "gold-link: note: check that the directory is writable" \
  "$GL" -o junk.o/a t/go.o t/0*.o -lpthread
expect_bad_exact 1 "gold-link: error: out: the output is a directory" \
  "gold-link: note: name a file with -o" \
  "$GL" -o out t/go.o t/0*.o -lpthread

# The output is an input, under its own name or another spelling.
cp t/000000.o same.o
ln -s same.o symlink.o
ln same.o hardlink.o
expect_bad_exact 2 "gold-link: error: same.o: the output is also an input" \
  "gold-link: note: name another output with -o" \
  "$GL" -o same.o t/go.o t/00000[1-9].o same.o -lpthread
for o in ./same.o "$WORK/t/../same.o" symlink.o hardlink.o; do
  expect_bad_exact 2 "gold-link: error: $o: the output is also an input (same.o)" \
    "gold-link: note: name another output with -o" \
    "$GL" -o "$o" t/go.o t/00000[1-9].o same.o -lpthread
  expect_bad_exact 2 "gold-link: error: same.o: the output is also an input ($o)" \
    "gold-link: note: name another output with -o" \
    "$GL" -o same.o t/go.o t/00000[1-9].o "$o" -lpthread
done
expect_bad_exact 2 "gold-link: error: same.o: the output is also an input" \
  "gold-link: note: name another output with -o" \
  "$GL" --buildmode=c-archive -o same.o ta/go.o ta/0*.o same.o
cmp same.o t/000000.o || fail "input changed"
[ "$(readlink symlink.o)" = same.o ] || fail "the symlink changed"

# Usage errors exit 2.
expect_bad_exact 2 "gold-link: error: -shared and -pie conflict" \
  "gold-link: note: ask for one build mode: a shared library (-shared), a PIE (-pie) or an executable (-no-pie)" \
  "$GL" -shared -pie -o out/a t/go.o
expect_bad_exact 2 "gold-link: error: -pie and -no-pie conflict" \
  "gold-link: note: ask for one build mode: a shared library (-shared), a PIE (-pie) or an executable (-no-pie)" \
  "$GL" -pie -no-pie -o out/a t/go.o
expect_bad_exact 2 "gold-link: error: -shared and --buildmode=exe/pie conflict" \
  "gold-link: note: ask for one build mode: a shared library (-shared), a PIE (-pie) or an executable (-no-pie)" \
  "$GL" --buildmode=exe -shared -o out/a t/go.o
expect_bad_exact 2 "gold-link: error: unknown build mode 'bogus'" \
  "gold-link: note: --buildmode takes exe, pie, c-shared, c-archive, shared or plugin" \
  "$GL" --buildmode=bogus -o out/a t/go.o
expect_bad_exact 2 "gold-link: error: unknown build mode 'C-SHARED'" \
  "gold-link: note: --buildmode takes exe, pie, c-shared, c-archive, shared or plugin" \
  "$GL" --buildmode=C-SHARED -o out/a t/go.o
expect_bad_exact 2 "gold-link: error: unknown build mode ''" \
  "gold-link: note: --buildmode takes exe, pie, c-shared, c-archive, shared or plugin" \
  "$GL" --buildmode= -o out/a t/go.o
expect_bad_exact 2 "gold-link: error: missing argument to '-o'" \
  "gold-link: note: '-o' takes a value as the next word" \
  "$GL" t/go.o -o
expect_bad_exact 2 "gold-link: error: missing argument to '-o'" \
  "gold-link: note: '-o' takes a value as the next word" \
  "$GL" -o
expect_bad_exact 2 "gold-link: error: --buildmode: missing argument" \
  "gold-link: note: gold-link --help lists the options" \
  "$GL" t/go.o --buildmode
expect_bad_exact 2 "gold-link: error: no input files" \
  "gold-link: note: name go.o and the host objects to link" \
  "$GL" --buildmode=exe -o out/a

# Options gold-link does not know are the driver's, and it says so.
expect_fail 1 "unrecognized command-line option" "$GL" --no-such-option -o out/a t/go.o
[ -z "$(ls_dir out)" ] || fail "output left after a driver error"

# A linker failure: its status and output come through, nothing is left.
expect_fail 1 "undefined \(reference\|symbol\)" env TMPDIR="$WORK/tmp" "$GL" -o out/a t/go.o
[ -z "$(ls_dir out)" ] || fail "output left after a link failure"
[ -z "$(ls_dir tmp)" ] || fail "staging left after a link failure"
[ -z "$(ls -A t | grep -v -e '^go.o$' -e '^0.*\.o$' -e trivial.c -e a.out)" ] \
  || fail "files left beside the inputs"
