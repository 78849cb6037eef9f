# A "Go object" using the general-dynamic model, which Go never emits.
	.include "go-object.inc"
	.text
	.globl main
main:
	.byte 0x66
	leaq runtime.tlsg@tlsgd(%rip), %rdi
	.value 0x6666
	rex64
	call __tls_get_addr@PLT
	ret
