// A program with the cgo package pic and, after it, the package plain,
// whose .syso nothing of pic references.
package main

import (
	"gltest/explain/pic"
	"gltest/explain/plain"
)

func main() { println(pic.Value(), plain.Value()) }
