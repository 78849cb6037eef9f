#!/bin/sh
# The unit tests again, each program under valgrind: no memory errors and
# no leaks (definite, indirect or possible).  Skipped for a sanitizer build,
# which valgrind cannot run.
. "$abs_srcdir/tests/lib.sh"
need_cmd valgrind nm
nm "$GOLD_LINK_UNIT/test-cmdline" | grep -q __asan_init \
  && skip "the unit tests are built with AddressSanitizer"
# A directory of stand-ins that run each unit program under valgrind.
mkdir vg
for t in test-cmdline test-tls test-arfile test-run test-crt test-rspfile test-mode test-direct test-linker test-diag test-cxx test-libc test-explain test-cache; do
  cat > vg/$t <<SH
#!/bin/sh
exec valgrind -q --error-exitcode=99 --leak-check=full \\
  --errors-for-leak-kinds=definite,indirect,possible \\
  --show-leak-kinds=definite,indirect,possible \\
  --log-file="$WORK/$t.%p.vg" "$GOLD_LINK_UNIT/$t" "\$@"
SH
  chmod +x vg/$t
done
for s in unit-cmdline unit-tls unit-arfile unit-run unit-rspfile crt unit-mode unit-direct unit-linker unit-diag unit-cxx unit-libc; do
  GOLD_LINK_UNIT="$WORK/vg" sh "$abs_srcdir/tests/run-$s.sh" > $s.log 2>&1 \
    || { tail -20 $s.log; cat "$WORK"/*.vg; fail "run-$s.sh under valgrind"; }
  note "run-$s.sh: clean under valgrind"
done
# Every program ran under valgrind, and it reported nothing.
ls "$WORK"/*.vg > /dev/null 2>&1 || fail "valgrind never ran"
for f in "$WORK"/*.vg; do
  [ ! -s "$f" ] || { cat "$f"; fail "valgrind reported on $(basename "$f")"; }
done
