// A library for C callers: built -buildmode=c-shared or c-archive.
package main

import "C"

import "strings"

//export GoAdd
func GoAdd(a, b C.int) C.int { return a + b }

//export GoUpper
func GoUpper(s *C.char) *C.char {
	return C.CString(strings.ToUpper(C.GoString(s)))
}

func main() {}
