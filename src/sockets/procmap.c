/*
 * procmap.c - the inode -> owners hash built from one scan of /proc/PID/fd
 * (procscan.c: directory descriptors, getdents64, readlinkat, in parallel);
 * the program name is read once per process that owns a socket.  The
 * column text follows net-tools: "PID/argv0" (basename when argv0 starts
 * with '/'), cut to 19 bytes, but with control bytes shown as '?'.
 */
#include "procmap.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "escape.h"
#include "hmap.h"
#include "netstat.h"
#include "procscan.h"
#include "util.h"

#define NO_ENTRY UINT32_MAX

struct owner_rec {
	pid_t pid;
	uint32_t column_off, name_off; /* into the text arena */
};

/* One owner of one inode, chained to the inode's next owner. */
struct entry {
	uint32_t owner;
	uint32_t next; /* next owner of the same inode, or NO_ENTRY */
};

struct procmap {
	/*
	 * inode -> its first entry (low half) and last entry (high half):
	 * appending an owner stays O(1), and a lookup touches one slot.
	 */
	struct hmap inodes;
	struct entry *entries;
	size_t nentries, entries_cap;
	struct owner_rec *owners;
	size_t nowners, owners_cap;
	char *text;
	size_t text_len, text_cap;
};

static uint64_t
chain_pack(uint32_t first, uint32_t last)
{
	return (uint64_t)first | (uint64_t)last << 32;
}

/* The first entry of inode, or NO_ENTRY. */
static uint32_t
chain_first(const struct procmap *m, uint64_t inode)
{
	uint64_t v;

	return hmap_u64_get(&m->inodes, inode, &v) ? (uint32_t)v : NO_ENTRY;
}

static uint32_t
text_add(struct procmap *m, const char *s)
{
	size_t n = strlen(s) + 1;
	uint32_t off = (uint32_t)m->text_len;

	if (m->text_len + n > m->text_cap) {
		m->text_cap = (m->text_cap + n) * 2;
		m->text = xrealloc(m->text, m->text_cap);
	}
	memcpy(m->text + m->text_len, s, n);
	m->text_len += n;
	return off;
}

static uint32_t
entry_add(struct procmap *m, uint32_t owner)
{
	m->entries = xgrow(m->entries, &m->entries_cap, m->nentries,
	    sizeof(*m->entries), 1024);
	m->entries[m->nentries] = (struct entry){ owner, NO_ENTRY };
	return (uint32_t)m->nentries++;
}

static void
map_add(struct procmap *m, uint64_t inode, uint32_t owner)
{
	bool added;
	uint64_t *chain = hmap_u64_ref(&m->inodes, inode, &added);

	if (chain == NULL)
		return; /* inode 0: never a socket */
	if (added) {
		uint32_t idx = entry_add(m, owner);
		*chain = chain_pack(idx, idx);
		return;
	}
	/*
	 * Later owners (higher PIDs) go to the end of the chain; a process
	 * holding the socket twice (dup) is one owner.
	 */
	uint32_t first = (uint32_t)*chain, last = (uint32_t)(*chain >> 32);
	if (m->entries[last].owner == owner)
		return;
	uint32_t idx = entry_add(m, owner);
	m->entries[last].next = idx;
	*chain = chain_pack(first, idx);
}

void
procmap_format_owner(pid_t pid, const char *cmdline, size_t n, char *column,
    char *name, size_t name_len)
{
	size_t argv0_len = strnlen(cmdline, n);
	const char *argv0 = cmdline;
	char full[PROCSCAN_CMDLINE_MAX + 32];

	if (argv0_len > 0 && argv0[0] == '/') {
		const char *slash = memrchr(argv0, '/', argv0_len);
		argv0_len -= (size_t)(slash + 1 - argv0);
		argv0 = slash + 1;
	}
	char safe[PROCSCAN_CMDLINE_MAX + 1];

	if (argv0_len >= name_len)
		argv0_len = name_len - 1;
	memcpy(name, argv0, argv0_len);
	name[argv0_len] = '\0';
	escape_copy(safe, sizeof(safe), argv0, argv0_len);
	/* net-tools builds the text in a 20-byte buffer: 19 bytes remain. */
	int w = snprintf(full, sizeof(full), "%d/%s", (int)pid, safe);
	size_t keep = w < 0 ? 0 : (size_t)w < PROG_KEEP ? (size_t)w : PROG_KEEP;
	memcpy(column, full, keep);
	column[keep] = '\0';
}

static uint32_t
owner_add(struct procmap *m, pid_t pid, const char *cmd, size_t n)
{
	char column[PROG_KEEP + 1], name[PROCSCAN_CMDLINE_MAX + 1];

	procmap_format_owner(pid, cmd, n, column, name, sizeof(name));
	m->owners = xgrow(
	    m->owners, &m->owners_cap, m->nowners, sizeof(*m->owners), 256);
	struct owner_rec *o = &m->owners[m->nowners];
	o->pid = pid;
	o->column_off = text_add(m, column);
	o->name_off = text_add(m, name);
	return (uint32_t)m->nowners++;
}

/*
 * Size the hash from /proc/net/sockstat ("sockets: used N") so that a
 * host with 200k sockets does not rehash seven times.
 */
static size_t
expected_sockets(void)
{
	char buf[256];
	size_t want = 2048;
	uint64_t used = 0;
	int fd = util_proc_open("net/sockstat");

	if (fd < 0)
		return want;
	ssize_t n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return want;
	buf[n] = '\0';
	const char *p = strstr(buf, "used ");
	if (p != NULL) {
		p += 5;
		if (!util_parse_u64(&p, 10, &used))
			used = 0;
	}
	if (used > want)
		want =
		    used < ((size_t)1 << 23) ? (size_t)used : (size_t)1 << 23;
	return want;
}

void
procmap_build(
    struct procmap **out, struct procmap_stats *st, const struct hmap *wanted)
{
	struct procmap *m = xcalloc(1, sizeof(*m));
	int procfd = util_proc_dirfd();
	struct procscan scan;

	memset(st, 0, sizeof(*st));
	hmap_reserve(&m->inodes, expected_sockets());
	if (procfd < 0) {
		st->proc_unreadable = true;
		*out = m;
		return;
	}
	procscan_run(procfd, procscan_threads(), wanted, &scan);
	/* In /proc order: the first owner of an inode is the lowest PID. */
	for (size_t i = 0; i < scan.nprocs; i++) {
		const struct procscan_proc *p = &scan.procs[i];
		uint32_t owner =
		    owner_add(m, p->pid, p->cmdline, p->cmdline_len);
		for (size_t k = 0; k < p->ninodes; k++)
			map_add(m, p->inodes[k], owner);
	}
	st->proc_unreadable = scan.unreadable;
	st->procs = scan.visited;
	st->denied = scan.denied;
	st->denied_own = scan.denied_own;
	st->sockets = scan.sockets;
	st->partial = scan.stopped_early;
	procscan_free(&scan);
	*out = m;
}

const char *
procmap_lookup(const struct procmap *m, uint64_t inode)
{
	uint32_t e = chain_first(m, inode);

	if (e == NO_ENTRY)
		return NULL;
	return m->text + m->owners[m->entries[e].owner].column_off;
}

void
procmap_iter_init(
    struct procmap_iter *it, const struct procmap *m, uint64_t inode)
{
	it->m = m;
	it->next = m == NULL ? NO_ENTRY : chain_first(m, inode);
}

bool
procmap_iter_next(struct procmap_iter *it, struct procmap_owner *out)
{
	const struct procmap *m = it->m;

	if (it->next == NO_ENTRY)
		return false;
	const struct entry *e = &m->entries[it->next];
	const struct owner_rec *o = &m->owners[e->owner];
	out->pid = o->pid;
	out->column = m->text + o->column_off;
	out->name = m->text + o->name_off;
	it->next = e->next;
	return true;
}

size_t
procmap_owners(const struct procmap *m, uint64_t inode,
    struct procmap_owner *owners, size_t max)
{
	struct procmap_iter it;
	struct procmap_owner o;
	size_t count = 0;

	procmap_iter_init(&it, m, inode);
	while (procmap_iter_next(&it, &o)) {
		if (count < max)
			owners[count] = o;
		count++;
	}
	return count;
}

void
procmap_free(struct procmap *m)
{
	if (m == NULL)
		return;
	hmap_free(&m->inodes);
	free(m->entries);
	free(m->owners);
	free(m->text);
	free(m);
}
