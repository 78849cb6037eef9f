// A cgo c-shared library of the module (tests/run-gotools.sh).
package main

// static int twice(int x) { return 2 * x; }
import "C"

import "example.com/greet"

//export GtTwice
func GtTwice(x C.int) C.int { return C.twice(x) + C.int(len(greet.Hello(""))) - 7 }

func main() {}
