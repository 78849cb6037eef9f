// A program using github.com/yanyiwu/gojieba, a cgo module that carries
// its C++ source (cppjieba), for tests/run-cxx-gojieba.sh.
package main

import (
	"fmt"
	"strings"

	"github.com/yanyiwu/gojieba"
)

func main() {
	x := gojieba.NewJieba()
	defer x.Free()
	fmt.Println(strings.Join(x.Cut("我来到北京清华大学", true), "/"))
}
