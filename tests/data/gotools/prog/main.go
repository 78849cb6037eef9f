// A cgo program whose output Go's own tools read back
// (tests/run-gotools.sh): its build ID, its build information (a module
// with a dependency), its FIPS checksum (Go 1.24+: fips.go).
package main

// static int twice(int x) { return 2 * x; }
import "C"

import (
	"crypto/sha256"
	"fmt"

	"example.com/greet"
)

func main() {
	fmt.Println(greet.Hello("gold-link"), C.twice(21))
	fmt.Printf("%x\n", sha256.Sum256([]byte("gold-link")))
	fipsReport()
}
