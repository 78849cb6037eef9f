// Package greet is a module of its own, so that go version -m has a
// dependency (and a replacement) to show.
package greet

func Hello(name string) string { return "hello, " + name }
