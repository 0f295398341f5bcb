/*
 * privs.c - the capability side of -p.  Reading other users' /proc/PID/fd
 * needs CAP_SYS_PTRACE and CAP_DAC_READ_SEARCH (or CAP_DAC_OVERRIDE); the
 * binary may hold them as file capabilities.  They are effective only
 * during the /proc scan and dropped before names are resolved and printed.
 */
#include "privs.h"

#include <stddef.h>
#include <sys/capability.h>

static bool
privs_flag(cap_t c, cap_value_t v, cap_flag_t set)
{
	cap_flag_value_t f = CAP_CLEAR;

	return cap_get_flag(c, v, set, &f) == 0 && f == CAP_SET;
}

void
privs_scan_begin(void)
{
	cap_value_t want[2] = {CAP_SYS_PTRACE, CAP_DAC_READ_SEARCH};
	cap_value_t raise[2];
	int n = 0;
	cap_t c = cap_get_proc();

	if (c == NULL)
		return;
	for (int i = 0; i < 2; i++)
		if (privs_flag(c, want[i], CAP_PERMITTED) &&
		    !privs_flag(c, want[i], CAP_EFFECTIVE))
			raise[n++] = want[i];
	if (n > 0 && cap_set_flag(c, CAP_EFFECTIVE, n, raise, CAP_SET) == 0)
		(void)cap_set_proc(c); /* failure: scan with what we have */
	cap_free(c);
}

void
privs_scan_end(bool final)
{
	cap_t c = cap_get_proc();

	if (c == NULL)
		return;
	if (final)
		(void)cap_clear(c);
	else
		(void)cap_clear_flag(c, CAP_EFFECTIVE);
	/* Dropping can only fail for lack of CAP_SETPCAP on inheritable bits. */
	(void)cap_set_proc(c);
	cap_free(c);
}

static bool
privs_has(cap_value_t v)
{
	cap_t c = cap_get_proc();
	bool ok;

	if (c == NULL)
		return false;
	ok = privs_flag(c, v, CAP_PERMITTED) || privs_flag(c, v, CAP_EFFECTIVE);
	cap_free(c);
	return ok;
}

bool
privs_missing_ptrace(void)
{
	return !privs_has(CAP_SYS_PTRACE);
}

bool
privs_missing_dac(void)
{
	return !privs_has(CAP_DAC_READ_SEARCH) && !privs_has(CAP_DAC_OVERRIDE);
}

bool
privs_sees_all(void)
{
	return !privs_missing_ptrace() && !privs_missing_dac();
}
