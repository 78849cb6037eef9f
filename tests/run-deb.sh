#!/bin/sh
# The Debian package (debian/): dpkg-buildpackage -us -uc -b builds it from
# a copy of the tree as a clone has it (no generated files) or, in a
# distributed tree (make distcheck), from its distdir; lintian finds no
# error; the .deb holds exactly both commands, the man pages, the bash
# completion and the Debian files; extracted, its gold-link and
# gold-link-ar link and archive a cgo program that runs.
. "$abs_srcdir/tests/lib.sh"
command -v dpkg-buildpackage > /dev/null 2>&1 \
  || skip "dpkg-buildpackage is not installed (apt-get install dpkg-dev)"
command -v dh > /dev/null 2>&1 \
  || skip "debhelper is not installed (apt-get install debhelper)"
need_cmd lintian dpkg-deb dpkg-parsechangelog go gcc bash readelf
# make check's make (its jobserver, a TESTS=... given to it) must not
# reach the package build's make.
unset MAKEFLAGS MFLAGS MAKELEVEL

version=$("$GOLD_LINK" --version | sed -n 's/^gold-link //p')
src=$WORK/gold-link-$version
# A git tree is one whose top is the source directory (a distributed tree
# may lie inside another one's checkout, as make distcheck's does).
top=$(git -C "$abs_srcdir" rev-parse --show-toplevel 2> /dev/null || true)
if [ -n "$top" ] && [ "$top" = "$(cd "$abs_srcdir" && pwd -P)" ]; then
  note "building from the git tree's files (tracked and untracked, not ignored)"
  mkdir "$src"
  # A file deleted but not yet committed is listed too: tar says so and
  # goes on.
  (cd "$abs_srcdir" && git ls-files -z -c -o --exclude-standard \
     | tar --null -T - --ignore-failed-read -cf - 2> /dev/null) \
    | tar -xf - -C "$src"
else
  note "building from the distributed tree's distdir"
  make -C "$abs_builddir" distdir distdir="$src" top_distdir="$src" \
    > distdir.log 2>&1 || { cat distdir.log; fail "make distdir failed"; }
fi
[ -x "$src/debian/rules" ] || fail "the tree has no executable debian/rules"
changelog_version=$(dpkg-parsechangelog -l "$src/debian/changelog" -S Version)
[ "$changelog_version" = "$version" ] \
  || fail "debian/changelog says $changelog_version, configure.ac's AC_INIT $version"

(cd "$src" && DEB_BUILD_OPTIONS=parallel=2 dpkg-buildpackage -us -uc -b) \
  > build.log 2>&1 || { tail -60 build.log; fail "dpkg-buildpackage -us -uc -b failed"; }
# The build ran the unit tests and nothing else (debian/rules).
grep -q '^PASS: tests/run-unit-cmdline.sh' build.log \
  || { tail -60 build.log; fail "the package build did not run the unit tests"; }
! grep -q '^PASS: tests/run-go-\|^SKIP: tests/run-go-' build.log \
  || fail "the package build ran the Go suites"
arch=$(dpkg --print-architecture)
deb=$WORK/gold-link_${version}_$arch.deb
[ -f "$deb" ] || { ls "$WORK"; fail "no $deb"; }

# lintian: every tag into the log, an error fails (its exit status 1;
# 2 is lintian's own failure).
set +e
lintian -I -E --pedantic "$WORK/gold-link_${version}_$arch.changes" \
  > lintian.log 2> lintian.err
lintian_status=$?
set -e
sed 's/^/# lintian: /' lintian.log lintian.err
grep -q '^E: ' lintian.log && fail "lintian reports errors (above)"
[ "$lintian_status" = 0 ] || fail "lintian exited with $lintian_status"

# What the package holds, whole: modes, paths, link targets.
dpkg-deb -c "$deb" | awk '{ print $1, $6, $7, $8 }' | sed 's/ *$//' \
  | sort -k2 > contents
cat > want <<'EOF'
drwxr-xr-x ./
drwxr-xr-x ./usr/
drwxr-xr-x ./usr/bin/
-rwxr-xr-x ./usr/bin/gold-link
lrwxrwxrwx ./usr/bin/gold-link-ar -> gold-link
drwxr-xr-x ./usr/share/
drwxr-xr-x ./usr/share/bash-completion/
drwxr-xr-x ./usr/share/bash-completion/completions/
-rw-r--r-- ./usr/share/bash-completion/completions/gold-link
lrwxrwxrwx ./usr/share/bash-completion/completions/gold-link-ar -> gold-link
drwxr-xr-x ./usr/share/doc/
drwxr-xr-x ./usr/share/doc/gold-link/
-rw-r--r-- ./usr/share/doc/gold-link/changelog.gz
-rw-r--r-- ./usr/share/doc/gold-link/copyright
drwxr-xr-x ./usr/share/man/
drwxr-xr-x ./usr/share/man/man1/
lrwxrwxrwx ./usr/share/man/man1/gold-link-ar.1.gz -> gold-link.1.gz
-rw-r--r-- ./usr/share/man/man1/gold-link.1.gz
EOF
diff -u want contents || fail "the package's files differ (above)"
# The libraries it needs, from dh_shlibdeps.
depends=$(dpkg-deb -f "$deb" Depends)
note "Depends: $depends"
for lib in libelf1 libarchive13 libpopt0 libc6; do
  case ", $depends" in
    *", $lib "* | *", $lib,"*) ;;
    *) fail "Depends lacks $lib: $depends" ;;
  esac
done

# The package's own files, extracted and used.
dpkg-deb -x "$deb" root
bin=$WORK/root/usr/bin
[ "$("$bin/gold-link" --version)" = "gold-link $version" ] \
  || fail "the packaged gold-link --version says '$("$bin/gold-link" --version)'"
# Hardened (debian/rules): a PIE, bound now, with RELRO.
readelf -d "$bin/gold-link" | grep -q 'FLAGS_1.*NOW.*PIE' \
  || { readelf -d "$bin/gold-link"; fail "the packaged gold-link is not a PIE bound now"; }
readelf -lW "$bin/gold-link" | grep -q GNU_RELRO || fail "the packaged gold-link has no RELRO"
gzip -dc root/usr/share/man/man1/gold-link.1.gz | cmp - "$abs_srcdir/share/gold-link.1" \
  || fail "the packaged man page is not share/gold-link.1"
# The completion file registers both names, whichever name loads it.
for name in gold-link gold-link-ar; do
  bash -c '. "$1" && complete -p gold-link gold-link-ar' sh \
    "root/usr/share/bash-completion/completions/$name" > complete.out \
    || fail "the packaged completion $name does not load"
  printf '%s\n' 'complete -F _gold_link gold-link' \
    'complete -F _gold_link_ar gold-link-ar' | diff -u - complete.out \
    || fail "the packaged completion $name registers the wrong functions"
done

go_module cgoprog
go build -o prog \
  -ldflags="-linkmode=external -extld=$bin/gold-link -extar=$bin/gold-link-ar -extldflags=-v" \
  ./cgoprog > go-build.log 2>&1 || { cat go-build.log; fail "go build through the packaged gold-link failed"; }
grep -q '^gold-link: mode: exe' go-build.log \
  || { cat go-build.log; fail "the packaged gold-link did not link the program"; }
./prog > run.out || fail "the program linked by the packaged gold-link failed"
grep -q 'hello from a gold-linked cgo program' run.out || { cat run.out; fail "the program's output is wrong"; }
# c-archive: cmd/link archives with -extar, the packaged gold-link-ar link.
go build -buildmode=c-archive -o libprog.a \
  -ldflags="-linkmode=external -extld=$bin/gold-link -extar=$bin/gold-link-ar" \
  ./cgoprog > go-build-a.log 2>&1 || { cat go-build-a.log; fail "go build -buildmode=c-archive failed"; }
"$bin/gold-link-ar" t libprog.a > members || fail "the packaged gold-link-ar cannot list libprog.a"
grep -qx go.o members || { cat members; fail "libprog.a lacks go.o"; }
note "gold-link_${version}_$arch.deb: built, lintian-clean, links and archives a cgo program"
