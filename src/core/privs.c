/*
 * privs.c - the capability side of -p.  Reading other users' /proc/PID/fd
 * needs CAP_SYS_PTRACE and CAP_DAC_READ_SEARCH (or CAP_DAC_OVERRIDE); the
 * binary may hold them as file capabilities.  They are effective only
 * during the /proc scan and dropped before names are resolved and printed;
 * a drop that fails is an error the caller must stop on.
 */
#include "privs.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <stddef.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/capability.h>
#include <unistd.h>

#include "util.h"

static bool
privs_flag(cap_t c, cap_value_t v, cap_flag_t set)
{
	cap_flag_value_t f = CAP_CLEAR;

	return cap_get_flag(c, v, set, &f) == 0 && f == CAP_SET;
}

/* Make the permitted ones of want[0..n) effective; failure is not fatal. */
static void
privs_raise(const cap_value_t *want, int n)
{
	cap_value_t raise[4];
	int k = 0;
	cap_t c = cap_get_proc();

	if (c == NULL)
		return;
	for (int i = 0; i < n && k < 4; i++)
		if (privs_flag(c, want[i], CAP_PERMITTED) &&
		    !privs_flag(c, want[i], CAP_EFFECTIVE))
			raise[k++] = want[i];
	if (k > 0 && cap_set_flag(c, CAP_EFFECTIVE, k, raise, CAP_SET) == 0)
		(void)cap_set_proc(c); /* failure: go on with what we have */
	cap_free(c);
}

void
privs_scan_begin(void)
{
	static const cap_value_t want[] = { CAP_SYS_PTRACE,
		CAP_DAC_READ_SEARCH };

	privs_raise(want, 2);
}

void
privs_netns_begin(void)
{
	static const cap_value_t want[] = { CAP_SYS_ADMIN };

	privs_raise(want, 1);
}

/*
 * First failure to drop, as -errno; 0 while every drop worked.  Global:
 * the capabilities it describes are the process's.
 */
static int privs_failure;

static int
privs_fail(int rc)
{
	if (privs_failure == 0)
		privs_failure = rc;
	return rc;
}

/*
 * Never ignored: what follows (name lookups, output) must not run with
 * capabilities the caller meant to give up.
 */
int
privs_scan_end(bool final)
{
	cap_t c = cap_get_proc();
	int rc = 0;

	if (c == NULL)
		return privs_fail(-ENOMEM);
	errno = 0;
	if ((final ? cap_clear(c) : cap_clear_flag(c, CAP_EFFECTIVE)) != 0 ||
	    cap_set_proc(c) != 0)
		rc = privs_fail(errno != 0 ? -errno : -EPERM);
	cap_free(c);
	return rc;
}

int
privs_start(bool scan_later)
{
	/* Only a set-id or file-capabilities exec is "secure". */
	if (getauxval(AT_SECURE) == 0)
		return 0;
	return privs_scan_end(!scan_later);
}

int
privs_error(void)
{
	return privs_failure;
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

/* The whole text of a file below /proc (the caller frees it), or NULL. */
static char *
privs_proc_text(const char *rel)
{
	char *buf;
	size_t len;
	int fd = util_proc_open(rel);

	if (fd < 0)
		return NULL;
	if (util_read_all(fd, &buf, &len) != 0)
		buf = NULL;
	close(fd);
	return buf;
}

/* hidepid= on the /proc mount hides other users' processes entirely. */
static bool
privs_proc_hidepid(void)
{
	char *buf = privs_proc_text("self/mountinfo");
	bool hidden = false;

	if (buf == NULL)
		return false;
	for (char *line = strtok(buf, "\n"); line; line = strtok(NULL, "\n"))
		if (strstr(line, " /proc ") && strstr(line, "hidepid="))
			hidden = !strstr(line, "hidepid=0") &&
			         !strstr(line, "hidepid=off");
	free(buf);
	return hidden;
}

/* A user namespace other than the initial one limits what caps reach. */
static bool
privs_in_child_userns(void)
{
	char *buf = privs_proc_text("self/uid_map");
	/* The initial namespace maps 0 0 4294967295. */
	bool child = buf != NULL && strstr(buf, "4294967295") == NULL;

	free(buf);
	return child;
}

bool
privs_sees_every_process(void)
{
	return privs_sees_all() && !privs_in_child_userns();
}

/* Append formatted text at *off, never past len (buf stays terminated). */
static void __attribute__((format(printf, 4, 5)))
privs_append(char *buf, size_t len, size_t *off, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (*off + 1 >= len)
		return;
	va_start(ap, fmt);
	n = vsnprintf(buf + *off, len - *off, fmt, ap);
	va_end(ap);
	if (n > 0)
		*off = *off + (size_t)n < len ? *off + (size_t)n : len - 1;
}

/* What can hide processes from -p, each with the line that explains it. */
static const struct {
	bool (*applies)(void);
	const char *why;
} privs_limits[] = {
	{ privs_missing_ptrace, "missing CAP_SYS_PTRACE: the fd tables of "
	                        "other users' and non-dumpable processes are "
	                        "closed." },
	{ privs_missing_dac, "missing CAP_DAC_READ_SEARCH: other users' "
	                     "/proc/PID/fd directories cannot be listed." },
	{ privs_proc_hidepid, "/proc is mounted with hidepid: other "
	                      "users' processes are invisible." },
	{ privs_in_child_userns, "running in a user namespace: capabilities "
	                         "do not reach processes outside it." },
};

void
privs_explain(
    char *buf, size_t len, unsigned long denied, unsigned long own_nondumpable)
{
	const char *me = "nlnetstat";
	size_t off = 0;

	if (len == 0)
		return;
	buf[0] = '\0';
	privs_append(buf, len, &off, "%s: %lu process%s could not be inspected",
	    me, denied, denied == 1 ? "" : "es");
	if (own_nondumpable > 0)
		privs_append(buf, len, &off,
		    " (%lu of them yours but not dumpable)", own_nondumpable);
	privs_append(buf, len, &off, ".\n");
	for (size_t i = 0; i < sizeof(privs_limits) / sizeof(privs_limits[0]);
	     i++)
		if (privs_limits[i].applies())
			privs_append(buf, len, &off, "%s: %s\n", me,
			    privs_limits[i].why);
	if (privs_sees_all())
		privs_append(buf, len, &off,
		    "%s: the capabilities are present; a security "
		    "module (SELinux, AppArmor) is denying access.\n",
		    me);
	else
		privs_append(buf, len, &off,
		    "%s: to see every owner, run as root or grant "
		    "the binary: setcap "
		    "cap_sys_ptrace,cap_dac_read_search+ep nlnetstat\n",
		    me);
}
