# A hand-made "Go object": the Go TLS slot and local-exec accesses to it.
	.include "go-object.inc"
	.text
	.globl main
main:
	movq %fs:runtime.tlsg@tpoff, %rax
	movq %fs:runtime.tlsg@tpoff, %rcx
	xorl %eax, %eax
	ret
