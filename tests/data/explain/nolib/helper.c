int missing_in_helper(int);

int
use_helper(int x)
{
	return missing_in_helper(x) + 1;
}
