# Position-dependent code for a shared library: an absolute address in
# .text (R_X86_64_64), which the loader must write at load time.  Linked
# into a shared object, it makes a TEXTREL (tests/run-audit.sh).
	.text
	.globl textrel_address
	.type textrel_address, @function
textrel_address:
	movabsq $textrel_data, %rax
	ret
	.data
textrel_data:
	.quad 0
	.section .note.GNU-stack,"",@progbits
