package cxx

import (
	"runtime"
	"testing"
)

func TestGlobal(t *testing.T) {
	if g := Global(); g != "constructed" {
		t.Fatalf("the global object's constructor did not run: %q", g)
	}
}

func TestJoin(t *testing.T) {
	if s := Join("go", "c++"); s != "go+c++" {
		t.Fatalf("Join = %q", s)
	}
}

func TestExceptions(t *testing.T) {
	for _, c := range []struct {
		in           string
		want, caught int
	}{{"42", 42, 0}, {"x", 0, 1}, {"7up", 0, 2}} {
		v, caught := Parse(c.in)
		if caught != c.caught || (caught == 0 && v != c.want) {
			t.Errorf("Parse(%q) = %d, caught %d; want %d, caught %d", c.in, v, caught, c.want, c.caught)
		}
	}
}

func TestThreadLocal(t *testing.T) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	first := Count()
	if second := Count(); second != first+1 {
		t.Fatalf("Count on one thread: %d then %d", first, second)
	}
	if n := CountInNewThread(); n != 1 {
		t.Fatalf("a new thread's count starts at %d, not 1", n)
	}
}
