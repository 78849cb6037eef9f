#!/bin/sh
# gold-link-ar: the ar forms Go and build systems use, with ar's semantics
# for an existing archive, and gold-link acting as ar under that name.
. "$abs_srcdir/tests/lib.sh"
need_cmd gcc ar nm
for n in one two three; do
  echo "int ${n}_fn (void) { return 1; }" > $n.c
done
gcc -c one.c two.c three.c
index () { nm -s "$1" | sed -n '/^Archive index:/,/^$/p'; }

"$GOLD_LINK_AR" -q -c -s go.a one.o two.o
[ "$(ar t go.a | tr '\n' ' ')" = "one.o two.o " ] || fail "-q -c -s"
for key in rcs crs qcs; do
  "$GOLD_LINK_AR" $key k_$key.a one.o two.o
  cmp go.a k_$key.a || fail "$key differs from -q -c -s"
done
ar rcsD gnu.a one.o two.o
[ "$(index go.a)" = "$(index gnu.a)" ] || fail "index differs from ar rcsD's"

# q appends, even a member of the same name; r replaces in place.
"$GOLD_LINK_AR" q go.a one.o
[ "$(ar t go.a | tr '\n' ' ')" = "one.o two.o one.o " ] || fail "q did not append"
"$GOLD_LINK_AR" rcs r.a one.o two.o
echo "int one_fn (void) { return 2; } int one_new (void) { return 3; }" > one.c
gcc -c one.c
"$GOLD_LINK_AR" rcs r.a one.o three.o
[ "$(ar t r.a | tr '\n' ' ')" = "one.o two.o three.o " ] || fail "r did not replace in place"
index r.a | grep -q 'one_new in one.o' || fail "replaced member not indexed"
[ "$("$GOLD_LINK_AR" t r.a | tr '\n' ' ')" = "one.o two.o three.o " ] || fail "t lists wrong"

# Matches what GNU ar does to the same archive.
ar rcsD gr.a one.o two.o three.o
[ "$(index r.a)" = "$(index gr.a)" ] || fail "r index differs from GNU ar's"

# d deletes, x extracts.
"$GOLD_LINK_AR" d r.a two.o
[ "$(ar t r.a | tr '\n' ' ')" = "one.o three.o " ] || fail "d"
mkdir x && (cd x && "$GOLD_LINK_AR" x ../r.a three.o) && cmp x/three.o three.o || fail "x"

# Under the name ar (as Go finds it on PATH).
mkdir bin && ln -s "$GOLD_LINK" bin/ar
PATH="$WORK/bin:$PATH" ar -q -c -s viaar.a one.o
[ "$(ar t viaar.a)" = one.o ] || fail "gold-link as ar"

# Errors: not an archive, a thin archive, missing member file, bad key.
echo text > notar.a
expect_fail_exact 1 "gold-link-ar: error: notar.a: is not an archive" \
  "gold-link-ar: note: remove it or name another archive" "$GOLD_LINK_AR" rcs notar.a one.o
ar rcsT thin.a one.o
expect_fail_exact 1 "gold-link-ar: error: thin.a: is a thin archive, which gold-link-ar cannot update" \
  "gold-link-ar: note: rebuild it as a normal archive" "$GOLD_LINK_AR" rcs thin.a two.o
expect_fail_exact 1 "gold-link-ar: error: nosuch.o: cannot open: No such file or directory" \
  "gold-link-ar: note: check the path; inputs are relative to the current directory" \
  "$GOLD_LINK_AR" rcs new.a nosuch.o
[ ! -e new.a ] || fail "partial archive left"
expect_fail_exact 2 "gold-link-ar: error: unsupported key letter Z" \
  "gold-link-ar: note: usage: gold-link-ar {q|r|t|d|s|x}[cSsvDU] ARCHIVE [FILE...]; e.g. gold-link-ar rcs libfoo.a foo.o" \
  "$GOLD_LINK_AR" rcsZ z.a one.o
[ -z "$(ls -A | grep gold-link)" ] || fail "temporary files left"

# Response files, as GNU ar reads them: the key, archive and members from
# nested @files, with a member name that needs quoting.
cp one.o "sp ace.o"
printf '"sp ace.o"\n@more.rsp\n' > members.rsp
echo two.o > more.rsp
echo 'rcs rsp.a @members.rsp' > ar.rsp
"$GOLD_LINK_AR" @ar.rsp
[ "$(ar t rsp.a | tr '\n' ' ')" = "sp ace.o two.o " ] || fail "@file: $(ar t rsp.a)"
