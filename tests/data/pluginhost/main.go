// Loads the plugin named on the command line and calls into it.
package main

import (
	"fmt"
	"os"
	"plugin"
)

func main() {
	p, err := plugin.Open(os.Args[1])
	if err != nil {
		fmt.Println("open:", err)
		os.Exit(1)
	}
	v, err := p.Lookup("Greeting")
	if err != nil {
		fmt.Println("lookup:", err)
		os.Exit(1)
	}
	*v.(*string) = "hi"
	f, err := p.Lookup("Greet")
	if err != nil {
		fmt.Println("lookup:", err)
		os.Exit(1)
	}
	fmt.Println(f.(func(string) string)("gold-link"))
}
