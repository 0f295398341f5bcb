/*
 * test_groups.c - the -g line parser on kernel-shaped igmp and igmp6
 * lines: layout detection from the first line, interface names cut at
 * the last ':', group words, bogus lines and the state kept in a pass.
 */
#include <arpa/inet.h>
#include <string.h>

#include "groups.h"
#include "harness.h"

void test_group_groups(void);

static const char *
addr4(uint32_t a)
{
	static char buf[INET_ADDRSTRLEN];

	return inet_ntop(AF_INET, &a, buf, sizeof(buf));
}

static void
test_igmp(void)
{
	struct groups_state st;
	struct groups_row row;

	t_begin("groups: igmp interface and group lines");
	memset(&st, 0, sizeof(st));
	T_CHECK(groups_parse(&st, 0,
	            "Idx\tDevice    : Count Querier\tGroup"
	            "    Users Timer\tReporter\n",
	            &row) == GROUPS_SKIP);
	T_CHECK(st.has_index && !st.v6_format);
	T_CHECK(groups_parse(&st, 1, "1\tlo        :     1      V3\n", &row) ==
	        GROUPS_SKIP);
	/* The kernel pads short names; the padding stays (as in net-tools). */
	T_STREQ(st.device, "lo        ");
	T_CHECK(groups_parse(&st, 2, "\t\t\t\t010000E0     1 0:00000000\t\t0\n",
	            &row) == GROUPS_ROW);
	T_STREQ(addr4(row.addr4), "224.0.0.1");
	T_CHECK(row.refcnt == 1 && !row.v6);
	/* Fifteen characters hold no ':' and are taken whole. */
	groups_parse(&st, 3, "11\tabcdefghijklmno:     1      V3\n", &row);
	T_STREQ(st.device, "abcdefghijklmno");
	groups_parse(&st, 4, "12\tabcdefghijk:     2      V3\n", &row);
	T_STREQ(st.device, "abcdefghijk");
	T_CHECK(groups_parse(&st, 5, "\t\t\t\tFB0000E0  65536 0:0\n", &row) ==
	        GROUPS_ROW);
	T_STREQ(addr4(row.addr4), "224.0.0.251");
	T_CHECK(row.refcnt == 65536);
	T_CHECK(groups_parse(&st, 6, "\t\t\t\tZZ\n", &row) == GROUPS_BOGUS);
	T_CHECK(groups_parse(&st, 7, "garbage\n", &row) == GROUPS_BOGUS);
	t_end();
}

static void
test_igmp_old(void)
{
	struct groups_state st;
	struct groups_row row;

	t_begin("groups: igmp without the Idx column");
	memset(&st, 0, sizeof(st));
	groups_parse(&st, 0, "Device    : Count Querier\n", &row);
	T_CHECK(!st.has_index && !st.v6_format);
	T_CHECK(groups_parse(&st, 1, "eth0      :     1      V2\n", &row) ==
	        GROUPS_SKIP);
	T_STREQ(st.device, "eth0      ");
	t_end();
}

static void
test_igmp6(void)
{
	struct groups_state st;
	struct groups_row row;
	char text[INET6_ADDRSTRLEN];

	t_begin("groups: igmp6 lines");
	memset(&st, 0, sizeof(st));
	T_CHECK(groups_parse(&st, 0,
	            "1    lo              ff0200000000000000"
	            "00000000000001     1 0000000C 0\n",
	            &row) == GROUPS_ROW);
	T_CHECK(st.v6_format && row.v6 && row.refcnt == 1);
	T_STREQ(st.device, "lo");
	inet_ntop(AF_INET6, &row.addr6, text, sizeof(text));
	T_STREQ(text, "ff02::1");
	T_CHECK(groups_parse(&st, 1,
	            "4    eth0            ff0200000000000000"
	            "000001ff000002     3 00000004 0\n",
	            &row) == GROUPS_ROW);
	inet_ntop(AF_INET6, &row.addr6, text, sizeof(text));
	T_STREQ(text, "ff02::1:ff00:2");
	T_CHECK(row.refcnt == 3);
	T_CHECK(groups_parse(&st, 2, "2    bad\n", &row) == GROUPS_BOGUS);
	/* The failed line still set the device, as sscanf() does. */
	T_STREQ(st.device, "bad");
	T_CHECK(groups_parse(&st, 3, "\n", &row) == GROUPS_BOGUS);
	t_end();
}

void
test_group_groups(void)
{
	test_igmp();
	test_igmp_old();
	test_igmp6();
}
