# A hand-made "Go object": the Go TLS slot reached with initial-exec.
	.include "go-object.inc"
	.text
	.globl _rt0_amd64_linux_lib
_rt0_amd64_linux_lib:
	movq runtime.tlsg@gottpoff(%rip), %rax
	movq %fs:(%rax), %rax
	movq runtime.tlsg@gottpoff(%rip), %rcx
	movq runtime.tlsg@gottpoff(%rip), %rdx
	ret
