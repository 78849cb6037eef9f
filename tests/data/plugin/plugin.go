// A Go plugin with a function and a variable for the host to look up.
package main

import "fmt"

var Greeting = "hello"

func Greet(name string) string { return fmt.Sprintf("%s, %s from a plugin", Greeting, name) }
