// Package cxx calls C++ (cxx.cc) through cgo: cmd/go compiles it with CXX,
// and a link through gold-link needs the C++ runtime.
package cxx

// #include <stdlib.h>
// #include "cxx.h"
import "C"
import "unsafe"

// Global is what the C++ global object's constructor left.
func Global() string { return C.GoString(C.cxx_global()) }

// Join joins a and b in a std::vector<std::string>.
func Join(a, b string) string {
	ca, cb := C.CString(a), C.CString(b)
	defer C.free(unsafe.Pointer(ca))
	defer C.free(unsafe.Pointer(cb))
	s := C.cxx_join(ca, cb)
	defer C.free(unsafe.Pointer(s))
	return C.GoString(s)
}

// Parse is std::stoi's answer, and which exception it caught: 0 none, 1
// std::invalid_argument, 2 another std::exception.
func Parse(s string) (int, int) {
	cs := C.CString(s)
	defer C.free(unsafe.Pointer(cs))
	var v C.int
	caught := C.cxx_parse(cs, &v)
	return int(v), int(caught)
}

// Count counts the calls on the calling thread (a thread_local).
func Count() int { return int(C.cxx_count()) }

// CountInNewThread is Count on a std::thread of its own.
func CountInNewThread() int { return int(C.cxx_count_in_new_thread()) }
