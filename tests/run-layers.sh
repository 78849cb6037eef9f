#!/bin/sh
# The shape of src/ (docs/architecture.md "Layers"): the modules' includes
# form no cycle; only the front ends (main.c, ar.c) and diag.c's printers
# write to the terminal; and no module names an architecture or Debian's
# cross-compiler naming outside arch.c, whose knowledge comes from arch/.
. "$abs_srcdir/tests/lib.sh"
need_cmd tsort gcc
src=$abs_srcdir/src

# "MODULE INCLUDED" pairs; foo.c and foo.h are one module.
for f in "$src"/*.c "$src"/*.h; do
  m=$(basename "$f"); m=${m%.*}
  sed -n 's/^#include "\([a-z_]*\)\.h".*/\1/p' "$f" | while read -r inc; do
    [ "$inc" = "$m" ] || [ "$inc" = config ] || echo "$m $inc"
  done
done > deps
[ -s deps ] || fail "no includes found in $src"
tsort deps > order 2> loops || fail "an include cycle: $(tr '\n' ' ' < loops)"
note "layers, bottom last: $(tac order | tr '\n' ' ')"

# The code without its comments (the preprocessor drops them, nothing
# else: -fpreprocessed expands no macro and reads no header).
mkdir code
for f in "$src"/*.c "$src"/*.h; do
  gcc -fpreprocessed -dD -E -P "$f" > "code/$(basename "$f")" 2> /dev/null \
    || fail "gcc cannot read $f"
done

# Printing: the front ends and diag.c only.
grep -nE '(\b(printf|puts|putchar|perror|gl_verbosef|gl_warning|gl_error_print)[[:space:]]*\(|\b(stdout|stderr)\b)' \
  code/*.c | grep -vE '^code/(main|ar|diag)\.c:' > prints || true
[ ! -s prints ] || fail "a module prints: $(head -3 prints)"

# Architecture knowledge: no GOARCH named in src/ (comments aside), the
# cross compilers' names in arch.c alone.
# The names are the arch files' own (.goarch).
goarches=$(sed -n 's/^ *\.goarch = "\(.*\)",.*/\1/p' "$abs_srcdir"/arch/*.def | paste -sd'|')
[ -n "$goarches" ] || fail "no .goarch in $abs_srcdir/arch/*.def"
grep -nE "\"($goarches)\"" code/* > named || true
[ ! -s named ] || fail "an architecture named in src/: $(head -3 named)"
grep -nE -- '[a-z0-9_]-gcc-|"gcc-' code/* | grep -v '^code/arch\.c:' > cross || true
[ ! -s cross ] || fail "cross-compiler naming outside arch.c: $(head -3 cross)"
exit 0
