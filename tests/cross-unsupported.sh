# The test of an architecture gold-link knows but does not link for:
# arch/NAME.def has .unsupported, the reason (tests/cross.sh sources this
# file for it, with XARCH, XDEF and arch_field set).  No toolchain of the
# architecture is needed: cmd/link makes a real go.o of a program without
# cgo (go build refuses -linkmode=external without cgo, cmd/link does not:
# -toolexec gives it to the link alone).  With gold-link as its external
# linker, gold-link refuses that go.o with exactly the error, naming what
# is missing, and the note, before any linker runs, and writes nothing;
# go build shows the two lines.  The same go.o given to gold-link
# directly: expect_bad_exact's whole contract.  The arch file's TLS
# relocations are checked on the same go.o (tests/unit/test-tls): every
# relocation readelf shows against the slot is counted local-exec.
XWHY=$(arch_field unsupported)
[ -n "$XWHY" ] || fail "$XDEF has no .unsupported reason on one line"
export GOARCH=$XARCH CGO_ENABLED=0
unset CC

go tool dist list | grep -qx "linux/$XARCH" \
  || skip "$GL_GO_VERSION has no linux/$XARCH"
mkdir nocgo
printf 'module gltest\n\ngo 1.19\n' > go.mod
printf 'package main\n\nfunc main() { println("hello") }\n' > nocgo/main.go
# linkext.sh DIR TOOL ARGS...: TOOL, and for the link external linking
# through gold-link (in place of the -extld=CC cmd/go passes), go.o kept in
# DIR.
cat > linkext.sh << EOF
#!/bin/sh
dir=\$1 tool=\$2; shift 2
case \${tool##*/} in
  link)
    for a; do
      shift
      case \$a in -extld=*) ;; *) set -- "\$@" "\$a" ;; esac
    done
    exec "\$tool" -linkmode=external -extld="$GOLD_LINK" -tmpdir="$WORK/\$dir" "\$@" ;;
esac
exec "\$tool" "\$@"
EOF
chmod +x linkext.sh

want_note="gold-link: note: link it without gold-link: without -extld=gold-link, go build runs the C compiler itself"
XSLOT=$(arch_field tls_slot)
bad_setup
# refused MODE: go build -buildmode=MODE through gold-link is refused,
# whole; then gold-link on its go.o (alone: without cgo there are no host
# objects), and the TLS data on that go.o: each relocation against the
# slot, as readelf names it, is counted local-exec in an exe and
# initial-exec in a pie by the arch file's table.
refused () {
  mkdir "t-$1"
  status=0
  go build -buildmode="$1" -toolexec="$WORK/linkext.sh t-$1" -o "prog-$1" ./nocgo \
    > "$1.log" 2>&1 || status=$?
  [ $status != 0 ] || fail "go build -buildmode=$1 linked linux/$XARCH through gold-link"
  [ ! -e "prog-$1" ] || fail "go build wrote prog-$1 after the refusal"
  # A release that does not link the architecture externally says so
  # itself (linux/ppc64 before Go 1.27): gold-link never sees a go.o.
  if grep -q "external linking not supported for linux/$XARCH" "$1.log"; then
    [ ! -e "t-$1/go.o" ] || fail "cmd/link refused external linking, but wrote t-$1/go.o"
    note "$1: $GL_GO_VERSION's cmd/link itself refuses external linking for linux/$XARCH"
    return 0
  fi
  [ -s "t-$1/go.o" ] || { cat "$1.log"; fail "cmd/link left no go.o in -tmpdir"; }
  want_error="gold-link: error: $WORK/t-$1/go.o: is for linux/$XARCH, which gold-link does not link: $XWHY"
  grep -Fqx -- "$want_error" "$1.log" && grep -Fqx -- "$want_note" "$1.log" \
    || { cat "$1.log"; fail "go build -buildmode=$1 does not show, whole, '$want_error' and its note"; }
  cp "t-$1/go.o" "$1.o"
  expect_bad_exact 1 "gold-link: error: $1.o: is for linux/$XARCH, which gold-link does not link: $XWHY" \
    "$want_note" "$GOLD_LINK" -o out/prog "$1.o"
  readelf -rW "$1.o" | awk -v s="$XSLOT" '$5 == s { print $3 }' | sort | uniq -c > "$1.relocs"
  n=$(awk '{ n += $1 } END { print n + 0 }' "$1.relocs")
  [ "$n" -gt 0 ] || fail "no relocation against $XSLOT in the $1 go.o"
  case $1 in exe) counts="$n 0" ;; *) counts="0 $n" ;; esac
  "$GOLD_LINK_UNIT/test-tls" "$1.o" "$1" ok $counts > "$1.tls" 2>&1 \
    || { cat "$1.tls" "$1.relocs"; fail "the arch file does not count every relocation against $XSLOT in a $1 go.o as $([ $1 = exe ] && echo local || echo initial)-exec"; }
  note "$1: go build and gold-link: refused, whole, exit 1, no output, nothing staged; $(sed -n "s/^$1.o: //p" "$1.tls") (readelf: $(awk '{ printf "%s%s x%s", (NR > 1 ? ", " : ""), $2, $1 }' "$1.relocs"))"
}
refused exe
# A PIE links internally without cgo only where Go has internal PIE
# linking for the architecture (loong64 from Go 1.25, ppc64 in 1.27);
# elsewhere cmd/go wants cgo for it, or has no pie there at all.
if go build -buildmode=pie -o pie-internal ./nocgo > pie-internal.log 2>&1; then
  refused pie
else
  grep -q -e "requires external (cgo) linking, but cgo is not enabled" \
    -e "buildmode=pie not supported on linux/$XARCH" pie-internal.log \
    || { cat pie-internal.log; fail "go build -buildmode=pie failed for another reason"; }
  note "pie: $GL_GO_VERSION: $(head -n 1 pie-internal.log): no initial-exec go.o to test"
fi
exit 0
