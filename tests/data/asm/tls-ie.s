# A hand-made "Go object": the Go TLS slot reached with initial-exec.
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
	.globl _rt0_amd64_linux_lib
_rt0_amd64_linux_lib:
	movq runtime.tlsg@gottpoff(%rip), %rax
	movq %fs:(%rax), %rax
	movq runtime.tlsg@gottpoff(%rip), %rcx
	movq runtime.tlsg@gottpoff(%rip), %rdx
	ret
	.section .note.GNU-stack,"",@progbits
