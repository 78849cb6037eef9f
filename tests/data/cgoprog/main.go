// A cgo program: Go calls C, C calls back into Go, and C thread-locals live
// beside Go's own TLS slot.
package main

/*
#include <stdio.h>
static __thread int counter;
static int bump(int n) { counter += n; return counter; }
extern int goTwice(int);
static int callBack(int n) { return goTwice(n) + 1; }
*/
import "C"

import (
	"fmt"
	"sync"
)

//export goTwice
func goTwice(n C.int) C.int { return 2 * n }

func main() {
	var wg sync.WaitGroup
	results := make([]int, 8)
	for i := range results {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			results[i] = int(C.bump(C.int(i)))
		}(i)
	}
	wg.Wait()
	fmt.Printf("callback %d\n", int(C.callBack(20)))
	fmt.Println("hello from a gold-linked cgo program")
}
