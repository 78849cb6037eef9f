//go:build go1.24

package main

import (
	"crypto/fips140"
	"fmt"
)

// Under GODEBUG=fips140=on the runtime has verified the checksum cmd/link
// patched into .go.fipsinfo before main runs, or panicked.
func fipsReport() { fmt.Println("fips140", fips140.Enabled()) }
