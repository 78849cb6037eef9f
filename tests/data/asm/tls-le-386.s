# A hand-made 386 "Go object" that reaches the Go TLS slot with local-exec
# relocations, linked into a shared object on purpose: ld.bfd turns them
# into dynamic relocations that patch the code (tests/run-audit.sh).
	.include "go-object.inc"
	.text
	.globl f
f:
	movl %gs:runtime.tlsg@ntpoff, %eax
	ret
