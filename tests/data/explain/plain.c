/* Compiled by run-explain.sh into plain/plain_amd64.syso.  */
int
plain_value(void)
{
	return 7;
}
