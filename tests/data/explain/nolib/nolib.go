// Package nolib calls C functions that nothing it links defines: zlib's
// zlibVersion (no "#cgo LDFLAGS: -lz"), and, from its own helper.c,
// missing_in_helper.
package nolib

/*
const char *zlibVersion(void);
int use_helper(int);
*/
import "C"

// Version calls both.
func Version() string {
	return C.GoString(C.zlibVersion()) + string(rune(C.use_helper(1)))
}
