# Helpers for the tests/run-go-*.sh scripts that run Go's own cgo test
# suites with gold-link as the external linker.  Source it right after lib.sh:
#   . "$abs_srcdir/tests/lib.sh"
#   . "$abs_srcdir/tests/go/suite.sh"
#   gosuite_run WHICH SUITE [pie]
# WHICH is
#   1.19      Go 1.19's misc/cgo suites, whatever GO selects (the scripts
#             tests/run-go-test{cshared,carchive,plugin,shared}.sh);
#   selected  the suites of the Go that GO selects (lib.sh's GL_GOROOT): for
#             Go 1.21+ $GOROOT/src/cmd/cgo/internal/SUITE, for older Go
#             $GOROOT/misc/cgo (the tests/run-go-cgo-*.sh scripts).
# SUITE is the cmd/cgo/internal name (test, testso, testtls, testnocgo,
# testlife, teststdio, testcshared, testcarchive, testplugin, testshared);
# "pie" runs `go test -buildmode=pie`.
#
# How gold-link gets used (research/go-hostlink.md 6.3, go-modern.md 7):
# * GOFLAGS carries -ldflags=-extld=W, where W is a wrapper script that logs
#   its argv and execs gold-link.  With WHICH=selected it also carries
#   -linkmode=external: since Go 1.21 cmd/go links a cgo package internally
#   unless told otherwise.  Go 1.20+ splits GOFLAGS with Go's quoting, so
#   GOFLAGS='"-ldflags=-linkmode=external -extld=W"' is one flag; Go 1.19
#   splits on spaces, so there GOFLAGS holds -extld=W alone (1.19 links a
#   package with its own C code externally anyway) and go test is given the
#   whole -ldflags on its command line.  The sub-builds of the suites inherit
#   GOFLAGS.  A `go build` that passes its own -ldflags replaces the GOFLAGS
#   value and links with `go env CC` (gcc) instead: each script lists those.
# * the c-archive step: cmd/link runs `ar -q -c -s OUT go.o ...`.  Go 1.23+
#   first asks its extld `--print-prog-name=ar` (a probe) and then
#   `--print-prog-name ar`, and runs the answer: gold-link answers with the
#   gold-link-ar beside its own executable.  So the extld wrapper execs a
#   hard link of gold-link in $WORK/wrap/gl, beside which gold-link-ar is a
#   logging wrapper.  Older Go runs `ar` from PATH: an `ar` wrapper is first
#   on PATH.  Both wrappers exec the real $GOLD_LINK_AR.
# Each wrapper call writes one file holding one line (its argv) into
# $WORK/log/extld, $WORK/log/ar (the PATH ar) or $WORK/log/ar-answer; one
# file per call so that parallel links cannot interleave their lines.
#
# Overridable from the environment (mostly for debugging):
#   GOSUITE_GOROOT  the Go 1.19 GOROOT for WHICH=1.19 (default /usr/lib/go-1.19)
#   GOSUITE_TAIL    lines of go test output shown on failure (default 40)

GOSUITE_PIN_GOROOT=${GOSUITE_GOROOT:-/usr/lib/go-1.19}
GOSUITE_TAIL=${GOSUITE_TAIL:-40}

# Shell-quote $1 for embedding in a generated script.
gosuite_sq () {
  printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"
}

# gosuite_run WHICH SUITE [pie]: the whole test of one suite (see above).
gosuite_run () {
  gosuite_t0=$(date +%s)
  which_go=$1 suite=$2 variant=${3:-exe}
  gosuite_setup "$which_go"
  case $variant in
    exe) set -- ;;
    pie) set -- -buildmode=pie ;;
    *) fail "gosuite_run: bad variant '$variant'" ;;
  esac
  if [ "$GOSUITE_LAYOUT" = internal ]; then
    dir=$GOSUITE_GOROOT/src/cmd/cgo/internal/$suite
    [ -d "$dir" ] || fail "$dir is missing"
    # The suites write only to temporary directories: they run in place, in
    # a GOROOT that may be read-only (the module cache).
    gosuite_go_test "$dir" "$@"
  else
    gosuite_run_misc "$which_go" "$suite" "$@"
  fi
  case $suite in
    testcarchive) gosuite_expect_links ar ;;
    *) gosuite_expect_links extld ;;
  esac
  note "wall time: $(( $(date +%s) - gosuite_t0 )) s"
}

# gosuite_run_misc WHICH SUITE [GO-TEST-ARGS]: the misc/cgo form of SUITE
# (Go 1.19 and 1.20), whose directories have other names.
gosuite_run_misc () {
  which_go=$1 suite=$2
  shift 2
  case $which_go/$suite in
    selected/testcshared|selected/testcarchive|selected/testplugin|selected/testshared)
      # The 1.19 scripts run these; do not run them twice.
      [ "$(cd "$GOSUITE_GOROOT" && pwd -P)" != "$(cd "$GOSUITE_PIN_GOROOT" 2>/dev/null && pwd -P)" ] ||
        skip "Go $GOSUITE_VERSION: tests/run-go-$suite.sh runs misc/cgo/$suite"
      ;;
  esac
  case $suite in
    testnocgo) dirs=nocgo ;;
    testlife) dirs=life ;;
    teststdio) dirs=stdio ;;
    testso) dirs="testso testsovar" ;;
    *) dirs=$suite ;;
  esac
  case $suite in
    testplugin|testshared)
      # They find GOROOT as cwd/../../..: run inside a GOROOT copy.
      gosuite_goroot
      root=$GOSUITE_GOROOT_COPY/misc/cgo ;;
    *)
      # testcshared and testcarchive write next to their sources.
      gosuite_copy_misc
      root=$WORK/misc/cgo ;;
  esac
  case $suite in
    testlife|teststdio)
      # Their programs are built by GOROOT/test/run.go, which runs `go run`
      # with GOFLAGS= (so without -extld): cmd/link then takes its extld
      # from CC.  The wrapper is CC, and gold-link, which passes the
      # compiles through, uses gcc.
      CC=$WORK/wrap/extld GOLD_LINK_CC=gcc
      export CC GOLD_LINK_CC
      note "CC=$CC GOLD_LINK_CC=$GOLD_LINK_CC: test/run.go clears GOFLAGS"
      ;;
  esac
  for d in $dirs; do
    gosuite_go_test "$root/$d" "$@"
  done
}

# gosuite_setup WHICH: check the prerequisites, make the wrappers, set the
# environment for `go test`.  Sets GOSUITE_GOROOT, GOSUITE_VERSION,
# GOSUITE_LAYOUT (internal: src/cmd/cgo/internal; misc: misc/cgo) and
# GOSUITE_LDFLAGS (what go test is given on its command line, if anything).
gosuite_setup () {
  GOSUITE_WHICH=$1
  case $1 in
    1.19)
      GOSUITE_GOROOT=$GOSUITE_PIN_GOROOT
      [ -x "$GOSUITE_GOROOT/bin/go" ] ||
        skip "$GOSUITE_GOROOT/bin/go is missing (apt-get install golang-1.19-go)"
      ;;
    selected)
      [ -n "${GL_GOROOT:-}" ] || skip "no Go (lib.sh found none)"
      GOSUITE_GOROOT=$GL_GOROOT
      ;;
    *) fail "gosuite_setup: bad Go '$1'" ;;
  esac
  [ -x "$GOLD_LINK" ] || fail "GOLD_LINK=$GOLD_LINK is not executable"
  [ -x "$GOLD_LINK_AR" ] || fail "GOLD_LINK_AR=$GOLD_LINK_AR is not executable"
  case $WORK in
    *[[:space:]]*) skip "scratch dir '$WORK' has a space; GOFLAGS cannot hold it" ;;
  esac
  need_cmd gcc mktemp sed grep find awk

  # Nothing from the caller's Go setup may leak into the suites.  GOROOT in
  # particular would defeat the GOROOT copy used by testplugin/testshared.
  unset GOROOT GOPATH GOBIN GOTMPDIR GOEXPERIMENT GO_GCFLAGS GO_BUILDER_NAME \
        CXX CGO_CPPFLAGS CGO_CXXFLAGS CGO_FFLAGS GO_EXTLINK_ENABLED GOENV
  # Temporary dirs of the suites (GOPATHs, go-build*, go-link-*) go under
  # $WORK, so that lib.sh removes them even if a suite dies half-way.
  mkdir -p "$WORK/tmp"
  TMPDIR=$WORK/tmp
  export TMPDIR

  GOSUITE_LOG=$WORK/log
  mkdir -p "$WORK/wrap/bin" "$WORK/wrap/gl" "$WORK/wrap/ar-real" \
    "$GOSUITE_LOG/extld" "$GOSUITE_LOG/ar" "$GOSUITE_LOG/ar-answer"
  # gold-link answers "which ar?" with the gold-link-ar beside
  # /proc/self/exe: a hard link (a symlink would resolve) puts a logging
  # gold-link-ar there.  The PATH `ar` wrapper execs a symlink named `ar`,
  # so that gold-link sees itself run as `ar`, as from a plain `ar` symlink.
  ln -f "$GOLD_LINK" "$WORK/wrap/gl/gold-link" 2>/dev/null ||
    cp "$GOLD_LINK" "$WORK/wrap/gl/gold-link" || fail "cannot copy $GOLD_LINK"
  ln -s "$GOLD_LINK_AR" "$WORK/wrap/ar-real/ar"
  gosuite_wrapper "$WORK/wrap/extld" extld "$WORK/wrap/gl/gold-link"
  gosuite_wrapper "$WORK/wrap/gl/gold-link-ar" ar-answer "$GOLD_LINK_AR"
  gosuite_wrapper "$WORK/wrap/bin/ar" ar "$WORK/wrap/ar-real/ar"

  PATH=$WORK/wrap/bin:$GOSUITE_GOROOT/bin:$PATH
  export PATH
  gosuite_check_go "$1"

  if [ "$GOSUITE_MINOR" -ge 21 ]; then
    GOSUITE_LAYOUT=internal
    [ -d "$GOSUITE_GOROOT/src/cmd/cgo/internal" ] ||
      skip "$GOSUITE_GOROOT/src/cmd/cgo/internal is missing"
  else
    GOSUITE_LAYOUT=misc
    [ -d "$GOSUITE_GOROOT/misc/cgo" ] ||
      skip "$GOSUITE_GOROOT/misc/cgo is missing (Debian: apt-get install golang-$GOSUITE_VERSION-src)"
  fi

  # What cmd/link is told.  WHICH=1.19 keeps what the 1.19 scripts always
  # did: -extld only (its misc/cgo suites link externally by themselves).
  GOSUITE_LDFLAGS=
  if [ "$1" = 1.19 ]; then
    GOFLAGS=-ldflags=-extld=$WORK/wrap/extld
  elif gosuite_goflags_quoted; then
    GOFLAGS="\"-ldflags=-linkmode=external -extld=$WORK/wrap/extld\""
  else
    GOFLAGS=-ldflags=-extld=$WORK/wrap/extld
    GOSUITE_LDFLAGS="-linkmode=external -extld=$WORK/wrap/extld"
  fi
  export GOFLAGS
}

# gosuite_wrapper FILE LOGDIR PROGRAM: a script that logs its argv to a new
# file in $GOSUITE_LOG/LOGDIR and execs PROGRAM.
gosuite_wrapper () {
  cat > "$1" <<EOF
#!/bin/sh
f=\$(mktemp $(gosuite_sq "$GOSUITE_LOG/$2")/call.XXXXXX) || exit 99
printf '%s\n' "\$*" > "\$f"
exec $(gosuite_sq "$3") "\$@"
EOF
  chmod +x "$1"
}

# Does this go split GOFLAGS with Go's quoting (1.20+)?  Asked, not assumed.
gosuite_goflags_quoted () {
  GOFLAGS='"-ldflags=-v -v"' go list -f '{{.Name}}' runtime >/dev/null 2>&1
}

# gosuite_check_go WHICH: the `go` first in PATH must be the one from
# GOSUITE_GOROOT (Go 1.19 for WHICH=1.19: the suites are the 1.19 ones, and
# the research notes were made with 1.19).  Sets GOSUITE_VERSION and
# GOSUITE_MINOR.
gosuite_check_go () {
  [ "$(command -v go)" = "$GOSUITE_GOROOT/bin/go" ] ||
    fail "go first in PATH is $(command -v go), not $GOSUITE_GOROOT/bin/go"
  GOSUITE_VERSION=$(GOFLAGS= go env GOVERSION 2>&1) ||
    fail "go env GOVERSION failed: $GOSUITE_VERSION"
  GOSUITE_MINOR=$(printf '%s\n' "$GOSUITE_VERSION" | sed -n 's/^go1\.\([0-9]*\).*/\1/p')
  [ -n "$GOSUITE_MINOR" ] || fail "cannot read the Go release from '$GOSUITE_VERSION'"
  case $1/$GOSUITE_VERSION in
    1.19/go1.19|1.19/go1.19.*|selected/*) ;;
    *) skip "need Go 1.19 in $GOSUITE_GOROOT, got $GOSUITE_VERSION" ;;
  esac
  [ "$(command -v ar)" = "$WORK/wrap/bin/ar" ] || fail "ar wrapper is not first in PATH"
  note "suites of $GOSUITE_VERSION ($GOSUITE_GOROOT)"
}

# gosuite_copy_misc: copy the misc module into $WORK/misc (testcshared and
# testcarchive run from it; they write next to their sources).
gosuite_copy_misc () {
  cp -RL "$GOSUITE_GOROOT/misc" "$WORK/misc" || fail "cannot copy $GOSUITE_GOROOT/misc"
  chmod -R u+w "$WORK/misc"
  [ -f "$WORK/misc/go.mod" ] || fail "$GOSUITE_GOROOT/misc/go.mod is missing"
}

# gosuite_goroot: make GOSUITE_GOROOT_COPY a GOROOT without symlinks, and put
# its bin first in PATH after the ar wrapper.  misc/cgo's testplugin and
# testshared find GOROOT as cwd/../../.. and testshared's overlayDir does
# not follow the symlinks of Debian's GOROOT (pkg/include, misc, src).
#
# The copy, one per Go release, is shared between scripts and runs, guarded
# by two flock(1) locks:
# * goroot-V.lock (fd 8), exclusive and held briefly: whoever holds it checks
#   the stamp and, if needed, (re)makes the copy;
# * goroot-V.use (fd 9), held shared until the script exits by every suite
#   using the copy; the copier takes it exclusive (waiting for the users of
#   an old copy) before replacing the copy.
# Only the holder of goroot-V.lock ever asks for goroot-V.use, so suites using
# a valid copy never wait for each other.  The copy is remade only when the
# stamp (source path, VERSION, size and mtime of bin/go) changes.
# Without flock(1), fall back to a private copy in $WORK.
gosuite_goroot () {
  base=$abs_builddir/tests/tmp/goroot-$GOSUITE_VERSION
  stamp="$GOSUITE_GOROOT $(head -n 1 "$GOSUITE_GOROOT/VERSION" 2>/dev/null) $(stat -L -c '%s %Y' "$GOSUITE_GOROOT/bin/go")"
  if command -v flock >/dev/null 2>&1; then
    GOSUITE_GOROOT_COPY=$base
    exec 8>>"$base.lock" 9>>"$base.use"
    flock -x 8 || fail "cannot lock $base.lock"
    if [ -f "$GOSUITE_GOROOT_COPY/.gold-link-stamp" ] &&
       [ "$(cat "$GOSUITE_GOROOT_COPY/.gold-link-stamp")" = "$stamp" ]; then
      flock -s 9 || fail "cannot lock $base.use"
    else
      flock -x 9 || fail "cannot lock $base.use"
      note "copying $GOSUITE_GOROOT to $GOSUITE_GOROOT_COPY"
      rm -rf "$GOSUITE_GOROOT_COPY" "$GOSUITE_GOROOT_COPY.new"
      cp -RL "$GOSUITE_GOROOT" "$GOSUITE_GOROOT_COPY.new" ||
        { rm -rf "$GOSUITE_GOROOT_COPY.new"; fail "cannot copy $GOSUITE_GOROOT"; }
      chmod -R u+w "$GOSUITE_GOROOT_COPY.new"
      printf '%s\n' "$stamp" > "$GOSUITE_GOROOT_COPY.new/.gold-link-stamp"
      mv "$GOSUITE_GOROOT_COPY.new" "$GOSUITE_GOROOT_COPY"
      flock -s 9 || fail "cannot lock $base.use"
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
  GOSUITE_GOROOT=$GOSUITE_GOROOT_COPY
  gosuite_check_go "$GOSUITE_WHICH"
}

# gosuite_count PATTERN FILE: number of lines of FILE matching the ERE.
gosuite_count () {
  grep -cE -e "$1" "$2" || true
}

# gosuite_go_test DIR [ARGS]: run `go test -count=1 -v ARGS .` in DIR (never
# -short: the suites skip themselves under it).  Fails on a non-zero exit,
# on any "--- FAIL", or when no test passed.
gosuite_go_test () {
  dir=$1
  shift
  if [ -n "$GOSUITE_LDFLAGS" ]; then
    set -- "-ldflags=$GOSUITE_LDFLAGS" "$@"
  fi
  GOSUITE_OUT=$WORK/go-test.out
  note "go test -count=1 -timeout=20m -v $* .  in $dir"
  note "GOFLAGS=$GOFLAGS"
  t0=$(date +%s)
  st=0
  (cd "$dir" && PWD=$dir && export PWD && exec go test -count=1 -timeout=20m -v "$@" .) \
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

# Gather the per-call wrapper logs into $WORK/extld.log, $WORK/ar.log (both
# ar wrappers) and $WORK/ar-answer.log (the one gold-link named).
gosuite_collect_logs () {
  for k in extld ar ar-answer; do
    find "$GOSUITE_LOG/$k" -type f -exec cat {} + > "$WORK/$k.log"
  done
  cat "$WORK/ar-answer.log" >> "$WORK/ar.log"
}

# An argument that is a go.o (the Go object the Go linker hands on).
GOSUITE_GO_O='(^|[[:space:]])([^[:space:]]*/)?go\.o([[:space:]]|$)'

# gosuite_expect_links KIND: prove gold-link did the work.  KIND is
#   extld  at least one link through the -extld wrapper with a go.o argument;
#   ar     at least one `ar -q -c -s ... go.o` through an ar wrapper (with Go
#          1.23+, through the gold-link-ar that gold-link named when asked).
# Prints the counts of both either way.
gosuite_expect_links () {
  gosuite_collect_logs
  ncall=$(wc -l < "$WORK/extld.log")
  nlink=$(gosuite_count "$GOSUITE_GO_O" "$WORK/extld.log")
  nask=$(gosuite_count '(^|[[:space:]])--print-prog-name ar$' "$WORK/extld.log")
  narcall=$(wc -l < "$WORK/ar.log")
  nar=$(grep -E '^-q -c -s ' "$WORK/ar.log" | grep -cE "$GOSUITE_GO_O" || true)
  nanswer=$(grep -E '^-q -c -s ' "$WORK/ar-answer.log" | grep -cE "$GOSUITE_GO_O" || true)
  note "gold-link: $ncall calls, $nlink links with go.o, $nask 'which ar?' queries"
  note "gold-link-ar: $narcall calls, $nar archive steps (-q -c -s ... go.o), $nanswer of them by the gold-link-ar gold-link named"
  case $1 in
    extld)
      [ "$ncall" -gt 0 ] || fail "gold-link was never called (extld log is empty)"
      [ "$nlink" -gt 0 ] || fail "gold-link was called $ncall times but never linked a go.o"
      note "first link: $(grep -m 1 -E "$GOSUITE_GO_O" "$WORK/extld.log" | cut -c 1-300)"
      ;;
    ar)
      [ "$narcall" -gt 0 ] || fail "gold-link-ar was never called (ar logs are empty)"
      [ "$nar" -gt 0 ] || fail "gold-link-ar was called $narcall times but never archived a go.o with -q -c -s"
      # cmd/link 1.23+ asks the extld which ar to run: then the answer, not
      # PATH, must have done every archive step.
      if [ "$GOSUITE_MINOR" -ge 23 ]; then
        [ "$nask" -gt 0 ] || fail "cmd/link $GOSUITE_VERSION never asked gold-link which ar to run"
        [ "$nanswer" = "$nar" ] ||
          fail "$((nar - nanswer)) archive steps ran the ar on PATH, not the gold-link-ar gold-link named"
      fi
      note "first archive step: $(grep -m 1 -E '^-q -c -s ' "$WORK/ar.log" | cut -c 1-300)"
      ;;
    *) fail "gosuite_expect_links: bad kind '$1'" ;;
  esac
}
