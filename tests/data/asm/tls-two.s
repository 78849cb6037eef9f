# A "Go object" with a second TLS symbol besides the Go slot.
	.section .note.go.buildid,"a",@note
	.p2align 2
	.long 4, 4, 4
	.asciz "Go\0"
	.ascii "abcd"
	.section .tbss,"awT",@nobits
	.p2align 3
runtime.tlsg:
	.zero 8
	.type runtime.tlsg, @tls_object
	.size runtime.tlsg, 8
second_slot:
	.zero 8
	.type second_slot, @tls_object
	.size second_slot, 8
	.text
	.globl main
main:
	movq %fs:runtime.tlsg@tpoff, %rax
	ret
	.section .note.GNU-stack,"",@progbits
