# A hand-made 386 "Go object" for a library: the library entry (LOCAL, as
# cmd/link writes it) reaching the Go TLS slot with initial-exec, and no
# .init_array entry for it.
	.include "go-object.inc"
	.text
	.type _rt0_386_linux_lib, @function
_rt0_386_linux_lib:
	movl runtime.tlsg@gotntpoff(%ecx), %eax
	movl %gs:(%eax), %eax
	ret
	.size _rt0_386_linux_lib, .-_rt0_386_linux_lib
