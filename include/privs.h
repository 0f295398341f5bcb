/*
 * privs.h - capabilities through libcap: raise what the /proc scan needs
 * when the binary has them permitted (file capabilities), drop them right
 * after, and tell what the process can see.
 */
#ifndef NLNETSTAT_PRIVS_H
#define NLNETSTAT_PRIVS_H

#include <stdbool.h>

/* Make CAP_SYS_PTRACE and CAP_DAC_READ_SEARCH effective if permitted. */
void privs_scan_begin(void);

/*
 * --all-netns: make CAP_SYS_ADMIN effective again (if still permitted)
 * for setns(); end with privs_scan_end(false) once the namespace is entered.
 */
void privs_netns_begin(void);

/*
 * After a scan: clear the effective set; with final, clear every set so
 * nothing can be raised again (the last or only pass).  Returns 0, or
 * -errno when the kernel refused (then capabilities may still be
 * effective: the caller must not resolve names or print; privs_error()
 * keeps the first failure for main to report).
 */
int privs_scan_end(bool final);

/*
 * At start-up, when the exec gave privileges (file capabilities, set-id:
 * AT_SECURE): clear the effective set, and with !scan_later every set,
 * so nothing but the /proc scan of -p runs with capabilities.  No-op
 * otherwise (root keeps its capabilities).  0 or -errno, as above.
 */
int privs_start(bool scan_later);

/* The first failed drop as -errno, or 0. */
int privs_error(void);

/* True when the process can read every process's fd table. */
bool privs_sees_all(void);

/*
 * Stronger: the capabilities are held in the initial user namespace, so
 * no fd directory can be refused for lack of them (a security module
 * still can).
 */
bool privs_sees_every_process(void);

/* Which of the two needed capabilities are missing, for diagnostics. */
bool privs_missing_ptrace(void);
bool privs_missing_dac(void);

/*
 * -v: say on stderr why owners are missing (denied fd directories in all,
 * own_nondumpable of them our own non-dumpable processes) and how to fix
 * it: missing capabilities, hidepid on /proc, user namespaces.
 */
void privs_explain(unsigned long denied, unsigned long own_nondumpable);

#endif
