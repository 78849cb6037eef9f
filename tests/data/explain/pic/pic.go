// Package pic calls C code from a .syso object that run-explain.sh
// compiles from ../nopic.c without -fPIC: it cannot go into a shared
// library.
package pic

/*
int nopic_value(void);
*/
import "C"

// Value is what the C code returns.
func Value() int { return int(C.nopic_value()) }
