# A hand-made "Go object": the Go TLS slot and local-exec accesses to it.
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
	.text
	.globl main
main:
	movq %fs:runtime.tlsg@tpoff, %rax
	movq %fs:runtime.tlsg@tpoff, %rcx
	xorl %eax, %eax
	ret
	.section .note.GNU-stack,"",@progbits
