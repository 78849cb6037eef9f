// A program whose cgo package does not link the C library it calls.
package main

import "gltest/explain/nolib"

func main() { println(nolib.Version()) }
