// A c-shared library containing the non-PIC C code of package pic.
package main

import "C"

import "gltest/explain/pic"

//export PicValue
func PicValue() C.int { return C.int(pic.Value()) }

func main() {}
