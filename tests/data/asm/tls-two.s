# A "Go object" with a second TLS symbol besides the Go slot.
	.include "go-object.inc"
second_slot:
	.zero 8
	.type second_slot, @tls_object
	.size second_slot, 8
	.text
	.globl main
main:
	movq %fs:runtime.tlsg@tpoff, %rax
	ret
