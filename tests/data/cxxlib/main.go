// A cgo program without C++ files of its own, whose C++ comes in a
// library the test builds from lib/ and names in CGO_LDFLAGS: cmd/go
// links it through CC, not CXX (tests/run-cxx.sh).
package main

// #include <stdlib.h>
// void *hello_new (void);
// void hello_delete (void *);
import "C"
import "fmt"

func main() {
	p := C.hello_new()
	fmt.Println("hello from a C++ library:", *(*C.int)(p))
	C.hello_delete(p)
}
