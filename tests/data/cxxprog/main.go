// A program whose cgo package is C++ (cxx/), for tests/run-cxx.sh.
package main

import (
	"fmt"
	"runtime"

	"gltest/cxxprog/cxx"
)

func main() {
	runtime.LockOSThread()
	fmt.Println("global:", cxx.Global())
	fmt.Println("join:", cxx.Join("go", "c++"))
	for _, s := range []string{"42", "x", "7up"} {
		v, caught := cxx.Parse(s)
		fmt.Printf("parse %s: %d, caught %d\n", s, v, caught)
	}
	a := cxx.Count()
	b := cxx.Count()
	fmt.Println("thread_local:", a, b, cxx.CountInNewThread())
}
