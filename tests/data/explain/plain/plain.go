// Package plain is not a cgo package: its C code is a .syso that
// run-explain.sh compiles from ../plain.c, and cmd/link copies it beside
// the objects of the cgo package before it.
package plain

import _ "unsafe"

//go:linkname plainValue plain_value
func plainValue() int32

// Value is what the C code returns.
func Value() int32 { return plainValue() }
