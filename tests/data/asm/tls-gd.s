# A "Go object" using the general-dynamic model, which Go never emits.
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
	.byte 0x66
	leaq runtime.tlsg@tlsgd(%rip), %rdi
	.value 0x6666
	rex64
	call __tls_get_addr@PLT
	ret
	.section .note.GNU-stack,"",@progbits
