# Helpers for the tests/run-go-test*.sh scripts, which run Go 1.19's own
# misc/cgo test suites with gold-link as the external linker.  Source it right
# after lib.sh:
#   . "$abs_srcdir/tests/lib.sh"
#   . "$abs_srcdir/tests/go/suite.sh"
#
# How gold-link gets used (docs: /work/shared/research/go-hostlink.md, 6.3):
# * GOFLAGS=-ldflags=-extld=W, where W is a wrapper script that logs its argv
#   and execs $GOLD_LINK.  GOFLAGS is split on spaces in Go 1.19, so W's path
#   must not contain any.  A test that passes its own -ldflags overrides this
#   (testcarchive TestExtar, testplugin issue19534/issue19418, ...): expected.
# * an `ar` wrapper first in PATH that logs its argv and execs $GOLD_LINK_AR.
#   c-archive builds never call extld in Go 1.19; the linker runs `ar` from PATH.
# Each wrapper call writes one file holding one line (its argv) into
# $WORK/log/extld or $WORK/log/ar; one file per call so that parallel links
# cannot interleave their lines.
#
# Overridable from the environment (mostly for debugging):
#   GOSUITE_GOROOT  the Go 1.19 GOROOT             (default /usr/lib/go-1.19)
#   GOSUITE_MISC    its misc tree                   (default /usr/share/go-1.19/misc)
#   GOSUITE_TAIL    lines of go test output shown on failure (default 40)

GOSUITE_GOROOT=${GOSUITE_GOROOT:-/usr/lib/go-1.19}
GOSUITE_MISC=${GOSUITE_MISC:-/usr/share/go-1.19/misc}
GOSUITE_TAIL=${GOSUITE_TAIL:-40}

# The dereferenced GOROOT copy shared by testplugin and testshared.  It lives
# in the build tree (make clean removes tests/tmp) so that its path is stable
# from run to run: the build cache keys standard packages on the GOROOT path.
GOSUITE_SHARED_GOROOT=$abs_builddir/tests/tmp/goroot
GOSUITE_SHARED_LOCK=$abs_builddir/tests/tmp/goroot.lock
GOSUITE_SHARED_USE=$abs_builddir/tests/tmp/goroot.use

# Shell-quote $1 for embedding in a generated script.
gosuite_sq () {
  printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"
}

# gosuite_setup: check the prerequisites, make the wrappers, set the
# environment for `go test`.  Skips (77) when Go 1.19's misc tree is missing.
gosuite_setup () {
  [ -d "$GOSUITE_MISC/cgo" ] ||
    skip "$GOSUITE_MISC is missing (apt-get install golang-1.19-src)"
  [ -x "$GOSUITE_GOROOT/bin/go" ] ||
    skip "$GOSUITE_GOROOT/bin/go is missing (apt-get install golang-1.19-go)"
  [ -x "$GOLD_LINK" ] || fail "GOLD_LINK=$GOLD_LINK is not executable"
  [ -x "$GOLD_LINK_AR" ] || fail "GOLD_LINK_AR=$GOLD_LINK_AR is not executable"
  case $WORK in
    *[[:space:]]*) skip "scratch dir '$WORK' has a space; Go 1.19 GOFLAGS cannot hold it" ;;
  esac
  need_cmd gcc mktemp sed grep find awk

  # Nothing from the caller's Go setup may leak into the suites.  GOROOT in
  # particular would defeat the GOROOT copy used by testplugin/testshared.
  unset GOROOT GOPATH GOBIN GOTMPDIR GOEXPERIMENT GO_GCFLAGS GO_BUILDER_NAME \
        CXX CGO_CPPFLAGS CGO_CXXFLAGS CGO_FFLAGS GO_EXTLINK_ENABLED
  # Temporary dirs of the suites (GOPATHs, go-build*, go-link-*) go under
  # $WORK, so that lib.sh removes them even if a suite dies half-way.
  mkdir -p "$WORK/tmp"
  TMPDIR=$WORK/tmp
  export TMPDIR

  GOSUITE_LOG=$WORK/log
  mkdir -p "$WORK/wrap/bin" "$GOSUITE_LOG/extld" "$GOSUITE_LOG/ar"
  # The extld wrapper execs $GOLD_LINK as is.  The ar wrapper execs a symlink
  # named `ar` to $GOLD_LINK_AR (kept out of PATH), so that gold-link sees
  # itself run as `ar`, as it would be from a plain `ar` symlink in PATH.
  mkdir -p "$WORK/wrap/ar-real"
  ln -s "$GOLD_LINK_AR" "$WORK/wrap/ar-real/ar"
  cat > "$WORK/wrap/extld" <<EOF
#!/bin/sh
f=\$(mktemp $(gosuite_sq "$GOSUITE_LOG/extld")/call.XXXXXX) || exit 99
printf '%s\n' "\$*" > "\$f"
exec $(gosuite_sq "$GOLD_LINK") "\$@"
EOF
  cat > "$WORK/wrap/bin/ar" <<EOF
#!/bin/sh
f=\$(mktemp $(gosuite_sq "$GOSUITE_LOG/ar")/call.XXXXXX) || exit 99
printf '%s\n' "\$*" > "\$f"
exec $(gosuite_sq "$WORK/wrap/ar-real/ar") "\$@"
EOF
  chmod +x "$WORK/wrap/extld" "$WORK/wrap/bin/ar"

  PATH=$WORK/wrap/bin:$GOSUITE_GOROOT/bin:$PATH
  GOFLAGS=-ldflags=-extld=$WORK/wrap/extld
  export PATH GOFLAGS

  gosuite_check_go
}

# gosuite_check_go: the `go` first in PATH must be Go 1.19 (the suites are
# the 1.19 ones, and the research notes were made with 1.19).
gosuite_check_go () {
  v=$(go version 2>&1) || fail "go version failed: $v"
  case $v in
    *" go1.19 "*|*" go1.19."*) ;;
    *) skip "need Go 1.19 first in PATH, got: $v" ;;
  esac
  [ "$(command -v ar)" = "$WORK/wrap/bin/ar" ] || fail "ar wrapper is not first in PATH"
}

# gosuite_copy_misc: copy the misc module into $WORK/misc (testcshared and
# testcarchive run from it; they write next to their sources).
gosuite_copy_misc () {
  cp -RL "$GOSUITE_MISC" "$WORK/misc" || fail "cannot copy $GOSUITE_MISC"
  chmod -R u+w "$WORK/misc"
  [ -f "$WORK/misc/go.mod" ] || fail "$GOSUITE_MISC/go.mod is missing"
}

# gosuite_goroot: make GOSUITE_GOROOT_COPY a GOROOT without symlinks, and put
# its bin first in PATH after the ar wrapper.  testplugin and testshared find
# GOROOT as cwd/../../.. and testshared's overlayDir does not follow the
# symlinks of Debian's GOROOT (pkg/include, misc, src).
#
# The copy is shared between scripts and runs, guarded by two flock(1) locks:
# * goroot.lock (fd 8), exclusive and held briefly: whoever holds it checks
#   the stamp and, if needed, (re)makes the copy;
# * goroot.use (fd 9), held shared until the script exits by every suite
#   using the copy; the copier takes it exclusive (waiting for the users of
#   an old copy) before replacing the copy.
# Only the holder of goroot.lock ever asks for goroot.use, so suites using a
# valid copy never wait for each other.  The copy is remade only when the
# stamp (source path, VERSION, size and mtime of bin/go) changes.
# Without flock(1), fall back to a private copy in $WORK.
gosuite_goroot () {
  stamp="$GOSUITE_GOROOT $(head -n 1 "$GOSUITE_GOROOT/VERSION" 2>/dev/null) $(stat -L -c '%s %Y' "$GOSUITE_GOROOT/bin/go")"
  if command -v flock >/dev/null 2>&1; then
    GOSUITE_GOROOT_COPY=$GOSUITE_SHARED_GOROOT
    exec 8>>"$GOSUITE_SHARED_LOCK" 9>>"$GOSUITE_SHARED_USE"
    flock -x 8 || fail "cannot lock $GOSUITE_SHARED_LOCK"
    if [ -f "$GOSUITE_GOROOT_COPY/.gold-link-stamp" ] &&
       [ "$(cat "$GOSUITE_GOROOT_COPY/.gold-link-stamp")" = "$stamp" ]; then
      flock -s 9 || fail "cannot lock $GOSUITE_SHARED_USE"
    else
      flock -x 9 || fail "cannot lock $GOSUITE_SHARED_USE"
      note "copying $GOSUITE_GOROOT to $GOSUITE_GOROOT_COPY"
      rm -rf "$GOSUITE_GOROOT_COPY" "$GOSUITE_GOROOT_COPY.new"
      cp -RL "$GOSUITE_GOROOT" "$GOSUITE_GOROOT_COPY.new" ||
        { rm -rf "$GOSUITE_GOROOT_COPY.new"; fail "cannot copy $GOSUITE_GOROOT"; }
      chmod -R u+w "$GOSUITE_GOROOT_COPY.new"
      printf '%s\n' "$stamp" > "$GOSUITE_GOROOT_COPY.new/.gold-link-stamp"
      mv "$GOSUITE_GOROOT_COPY.new" "$GOSUITE_GOROOT_COPY"
      flock -s 9 || fail "cannot lock $GOSUITE_SHARED_USE"
    fi
    flock -u 8
    exec 8>&-
  else
    note "flock(1) not found: using a private GOROOT copy"
    GOSUITE_GOROOT_COPY=$WORK/goroot
    cp -RL "$GOSUITE_GOROOT" "$GOSUITE_GOROOT_COPY" || fail "cannot copy $GOSUITE_GOROOT"
    chmod -R u+w "$GOSUITE_GOROOT_COPY"
  fi
  [ -x "$GOSUITE_GOROOT_COPY/bin/go" ] || fail "$GOSUITE_GOROOT_COPY/bin/go is missing"
  PATH=$WORK/wrap/bin:$GOSUITE_GOROOT_COPY/bin:$PATH
  export PATH
  [ "$(command -v go)" = "$GOSUITE_GOROOT_COPY/bin/go" ] || fail "go from the GOROOT copy is not first in PATH"
  gosuite_check_go
}

# gosuite_count PATTERN FILE: number of lines of FILE matching the ERE.
gosuite_count () {
  grep -cE -e "$1" "$2" || true
}

# gosuite_go_test DIR: run `go test -count=1 -v .` in DIR (never -short: the
# suites skip themselves under it).  Fails on a non-zero exit, on any
# "--- FAIL", or when no test passed.
gosuite_go_test () {
  dir=$1
  GOSUITE_OUT=$WORK/go-test.out
  note "go test -count=1 -v .  in $dir"
  note "GOFLAGS=$GOFLAGS"
  t0=$(date +%s)
  st=0
  (cd "$dir" && PWD=$dir && export PWD && exec go test -count=1 -v .) \
    > "$GOSUITE_OUT" 2>&1 || st=$?
  t1=$(date +%s)

  # Top-level tests start the line; subtests are indented.
  npass=$(gosuite_count '^--- PASS' "$GOSUITE_OUT")
  nskip=$(gosuite_count '^--- SKIP' "$GOSUITE_OUT")
  nsub=$(gosuite_count '^[[:space:]]+--- (PASS|SKIP)' "$GOSUITE_OUT")
  nfail=$(gosuite_count '^[[:space:]]*--- FAIL' "$GOSUITE_OUT")
  note "go test: exit $st; $npass PASS, $nskip SKIP, $nfail FAIL (+$nsub subtests passed or skipped); $((t1 - t0)) s"
  grep -E '^--- (PASS|SKIP|FAIL)|^[[:space:]]+--- FAIL' "$GOSUITE_OUT" | sed 's/^/#   /' || true

  why=
  if [ "$st" != 0 ]; then why="go test exited with status $st"
  elif [ "$nfail" != 0 ]; then why="$nfail tests failed"
  elif [ "$npass" = 0 ]; then why="no test passed (did the suite skip itself?)"
  fi
  if [ -n "$why" ]; then
    gosuite_failed_output "$GOSUITE_OUT" >&2
    echo "--- last $GOSUITE_TAIL lines of go test output:" >&2
    tail -n "$GOSUITE_TAIL" "$GOSUITE_OUT" >&2
    echo "--- end of output (run with KEEP=1 to keep $GOSUITE_OUT)" >&2
    gosuite_collect_logs
    note "extld calls: $(wc -l < "$WORK/extld.log"), ar calls: $(wc -l < "$WORK/ar.log")"
    fail "$why"
  fi
}

# gosuite_failed_output FILE: for each failed test in the `go test -v`
# output FILE, the lines it logged (up to 40; under -v they come between its
# "=== RUN"/"=== CONT" line and the next "===" or "---" line), then its
# "--- FAIL" line.  The tail alone misses them: failures are rarely last.
gosuite_failed_output () {
  awk -v max=40 '
    /^=== (RUN|CONT|PAUSE|NAME)[ \t]/ {
      cur = $3
      if ($2 == "RUN") { buf[cur] = ""; n[cur] = 0 }
      next
    }
    /^[ \t]*--- FAIL: / {
      name = $3
      print "--- " name " failed:"
      printf "%s", buf[name]
      if (n[name] >= max) print "        [...]"
      print
      cur = ""
      next
    }
    /^[ \t]*--- (PASS|SKIP): / { cur = ""; next }
    cur != "" {
      if (n[cur] < max) buf[cur] = buf[cur] $0 "\n"
      n[cur]++
    }
  ' "$1"
}

# Gather the per-call wrapper logs into $WORK/extld.log and $WORK/ar.log.
gosuite_collect_logs () {
  for k in extld ar; do
    find "$GOSUITE_LOG/$k" -type f -exec cat {} + > "$WORK/$k.log"
  done
}

# An argument that is a go.o (the Go object the Go linker hands on).
GOSUITE_GO_O='(^|[[:space:]])([^[:space:]]*/)?go\.o([[:space:]]|$)'

# gosuite_expect_links KIND: prove gold-link did the work.  KIND is
#   extld  at least one link through the -extld wrapper with a go.o argument;
#   ar     at least one `ar -q -c -s ... go.o` through the ar wrapper.
# Prints the counts of both either way.
gosuite_expect_links () {
  gosuite_collect_logs
  ncall=$(wc -l < "$WORK/extld.log")
  nlink=$(gosuite_count "$GOSUITE_GO_O" "$WORK/extld.log")
  narcall=$(wc -l < "$WORK/ar.log")
  nar=$(grep -E '^-q -c -s ' "$WORK/ar.log" | grep -cE "$GOSUITE_GO_O" || true)
  note "gold-link: $ncall calls, $nlink links with go.o"
  note "gold-link-ar: $narcall calls, $nar archive steps (-q -c -s ... go.o)"
  case $1 in
    extld)
      [ "$ncall" -gt 0 ] || fail "gold-link was never called (extld log is empty)"
      [ "$nlink" -gt 0 ] || fail "gold-link was called $ncall times but never linked a go.o"
      note "first link: $(grep -m 1 -E "$GOSUITE_GO_O" "$WORK/extld.log" | cut -c 1-300)"
      ;;
    ar)
      [ "$narcall" -gt 0 ] || fail "gold-link-ar was never called (ar log is empty)"
      [ "$nar" -gt 0 ] || fail "gold-link-ar was called $narcall times but never archived a go.o with -q -c -s"
      note "first archive step: $(grep -m 1 -E '^-q -c -s ' "$WORK/ar.log" | cut -c 1-300)"
      ;;
    *) fail "gosuite_expect_links: bad kind '$1'" ;;
  esac
}
