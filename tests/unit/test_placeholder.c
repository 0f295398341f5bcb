#include "harness.h"
void test_group_placeholder(void);
void
test_group_placeholder(void)
{
	t_begin("placeholder");
	T_CHECK(1);
	t_end();
}
