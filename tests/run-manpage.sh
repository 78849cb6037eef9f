#!/bin/sh
# The man page (share/gold-link.1): every option gold-link --help prints
# has a tagged paragraph, and the OPTIONS section tags no option gold-link
# lacks; every environment variable src/ reads has one in ENVIRONMENT, and
# ENVIRONMENT names no other but those it says gold-link passes on; groff
# (and mandoc, where installed) render it without a warning.
. "$abs_srcdir/tests/lib.sh"
need_cmd groff
page=$abs_srcdir/share/gold-link.1

# The tag lines of .TP paragraphs, roff escapes gone ("\-" is "-", fonts
# and quotes dropped), of the whole page and of one section.
tags () {
  awk -v sect="$1" '
    /^\.SH / { in_sect = (sect == "" || $0 == ".SH " sect); next }
    in_sect && tp { print; tp = 0; next }
    in_sect && /^\.TP/ { tp = 1 }' "$page" \
    | sed 's/^\.[A-Z]* //; s/\\-/-/g; s/\\f[BIRP]//g; s/"//g'
}
# The options among tag lines: -x and --name words, without "=".
tag_options () {
  tr ' ,' '\n\n' | sed -n 's/^\(--[a-z][a-z-]*\).*/\1/p; s/^\(-[a-z?]\)$/\1/p' \
    | LC_ALL=C sort -u
}

"$GOLD_LINK" --help > help || fail "gold-link --help failed"
# Its option column: "  -v, --verbose   explain...", "--cc=CC   compiler...".
sed -n 's/^ \{1,\}\(-[^ ].*\)/\1/p' help | sed 's/  .*//; s/=[^ ,]*//g' \
  | tr ',' '\n' | sed 's/^ *//' | LC_ALL=C sort -u > help-options
grep -qx -e '--buildmode' help-options && grep -qx -e '-v' help-options \
  || { cat help; fail "cannot read the options of gold-link --help"; }
tags '' | tag_options > page-options
tags OPTIONS | tag_options > options-section
LC_ALL=C comm -23 help-options page-options > missing
[ ! -s missing ] || fail "the man page has no paragraph for: $(tr '\n' ' ' < missing)"
LC_ALL=C comm -13 help-options options-section > stale
[ ! -s stale ] || fail "OPTIONS tags what gold-link --help lacks: $(tr '\n' ' ' < stale)"
note "options: $(tr '\n' ' ' < help-options)"

# The environment: what src/ reads with getenv.
sed -n 's/.*getenv *("\([A-Za-z_0-9]*\)").*/\1/p' "$abs_srcdir"/src/*.c \
  | LC_ALL=C sort -u > read
grep -qx GOLD_LINK_CC read && grep -qx TMPDIR read \
  || fail "cannot find the getenv calls of src/"
tags ENVIRONMENT | tr ' ,' '\n\n' | grep -x '[A-Z][A-Z_0-9]*' \
  | LC_ALL=C sort -u > environment
LC_ALL=C comm -23 read environment > missing
[ ! -s missing ] || fail "ENVIRONMENT lacks what src/ reads: $(tr '\n' ' ' < missing)"
# Named but not read by gold-link itself: the locale, which the driver and
# the linker read; SOURCE_DATE_EPOCH while src/ does not read it yet (its
# section, REPRODUCIBLE OUTPUT, comes with the code that does).
LC_ALL=C comm -13 read environment | grep -v -x 'LC_ALL\|LANG\|SOURCE_DATE_EPOCH' > stale \
  || true
[ ! -s stale ] || fail "ENVIRONMENT names what src/ does not read: $(tr '\n' ' ' < stale)"
note "environment: $(tr '\n' ' ' < environment)"

# It renders without a warning.
groff -man -Tutf8 -ww -z "$page" > groff.out 2>&1 || { cat groff.out; fail "groff failed"; }
[ ! -s groff.out ] || { cat groff.out; fail "groff -ww warns"; }
if command -v mandoc > /dev/null 2>&1; then
  mandoc -Tlint -Wwarning "$page" > mandoc.out 2>&1 \
    || { cat mandoc.out; fail "mandoc -Tlint warns"; }
  note "groff -ww and mandoc -Tlint -Wwarning: no warning"
else
  note "groff -ww: no warning (mandoc is not installed: its lint is not run)"
fi
