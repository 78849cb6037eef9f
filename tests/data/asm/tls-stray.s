# A "Go object" with a TLS access to something that is not the Go slot.
	.include "go-object.inc"
	.text
	.globl main
main:
	movq %fs:runtime.tlsg@tpoff, %rax
	movq other_tls@gottpoff(%rip), %rax
	ret
