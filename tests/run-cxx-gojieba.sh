#!/bin/sh
# A real third-party C++ cgo module through gold-link (issue 13):
# github.com/yanyiwu/gojieba v1.4.6, which carries its C++ source
# (cppjieba) and needs nothing but libstdc++, fetched from the Go module
# proxy at test time (skipped, saying so, when the proxy cannot be
# reached).  Its go.sum pins the module's hashes.  A program using it and
# the module's own tests link through gold-link, with gcc (CXX g++) and
# with clang (CXX clang++); without the C++ driver the link fails.
. "$abs_srcdir/tests/lib.sh"
need_cmd go gcc g++ clang clang++
unset CXX
cp -r "$TESTDATA/gojieba/." .
chmod -R u+w .
# lib.sh turns the proxy off; this test fetches: the go command's own
# setting (its default proxy, or what the user's go env names).
unset GOPROXY
mod=github.com/yanyiwu/gojieba
if ! go mod download "$mod" > download.log 2>&1; then
  if grep -qiE 'dial tcp|lookup .*(no such host|server misbehaving)|connection (refused|reset)|i/o timeout|network is unreachable|TLS handshake|proxyconnect|Temporary failure in name resolution' download.log; then
    skip "the Go module proxy cannot be reached: $(head -n 1 download.log)"
  fi
  cat download.log
  fail "go mod download $mod failed"
fi
note "$mod $(go list -m -f '{{.Version}}' "$mod")"

# jieba CC: the program, linked through gold-link with CC (CXX the
# matching C++ driver), cuts the sentence as gojieba's README says.
jieba () {
  CC=$1 CXX=$2 go build -o "jieba-$1" -ldflags="$GL_LDFLAGS -extldflags=-v" . > "build-$1.log" 2>&1 \
    || { cat "build-$1.log"; fail "go build with $1 failed"; }
  grep -q "^gold-link: C++ runtime: needed: .*/0000[0-9]*\.o references __gxx_personality_v0 " "build-$1.log" \
    || { cat "build-$1.log"; fail "$1: -v does not say why the C++ runtime is needed"; }
  grep -qxF "gold-link: compiler: $2 (CXX, the compiler's C++ driver) instead of $1: it links the C++ runtime" "build-$1.log" \
    || { cat "build-$1.log"; fail "$1: not linked through $2"; }
  ./"jieba-$1" > "run-$1.out" 2>&1 || { cat "run-$1.out"; fail "jieba-$1 failed"; }
  grep -qx '我/来到/北京/清华大学' "run-$1.out" || { cat "run-$1.out"; fail "jieba-$1 cut it wrong"; }
  # The module's own tests (vet off: v1.4.6's jieba_test.go has
  # ExampleExtract, for no Extract, which go vet refuses).
  CC=$1 CXX=$2 go test -count=1 -vet=off -ldflags="$GL_LDFLAGS" "$mod" > "test-$1.log" 2>&1 || true
  grep -q "^ok[[:space:]]*$mod" "test-$1.log" || { cat "test-$1.log"; fail "$mod's tests failed with $1"; }
}
jieba gcc g++
jieba clang clang++

# The test can fail: a C driver named for the link, and no C++ driver
# beside it (a directory holding gcc-12 alone).
mkdir tc
ln -s "$(command -v gcc-12)" tc/gcc-12
go build -o jieba-none -ldflags="$GL_LDFLAGS -extldflags=--cc=$WORK/tc/gcc-12" . > none.log 2>&1 \
  && fail "gojieba linked without a C++ driver"
grep -q "^gold-link: error: .*/0000[0-9]*\.o: C++ code (it references __gxx_personality_v0), but $WORK/tc/g++-12, the C++ driver of $WORK/tc/gcc-12, does not exist$" none.log \
  || { cat none.log; fail "no C++ error from gold-link"; }
