/* Compiled by run-explain.sh with -fno-pic into pic/nopic_amd64.syso:
   the address of table is an absolute 32-bit relocation in the code.  */
static int table[4] = { 1, 2, 3, 42 };

int
nopic_value(void)
{
	int *p = table;
	__asm__ ("" : "+r"(p));
	return p[3];
}
