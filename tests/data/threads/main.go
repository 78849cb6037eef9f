// A cgo program whose C code runs threads with a C __thread variable and
// calls back into Go from each: the libc's threads, its TLS beside Go's,
// and cgo callbacks, in one run (tests/run-libc.sh).
package main

// int run(int threads, int calls);
import "C"

import "fmt"

var calls = make(chan int, 1024)

//export goCall
func goCall(thread, i C.int) C.int {
	calls <- 1
	<-calls
	return thread + i
}

func main() {
	fmt.Printf("threads: result %d\n", C.run(8, 100))
}
