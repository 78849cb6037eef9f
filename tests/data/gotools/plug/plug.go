// A cgo plugin of the module (tests/run-gotools.sh).
package main

// static int twice(int x) { return 2 * x; }
import "C"

import "example.com/greet"

func Twice(x int) int { return int(C.twice(C.int(x))) }

func Hello(name string) string { return greet.Hello(name) }
