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
#include "netstat.h"
#include "procscan.h"
#include "util.h"

/* net-tools reads at most this much of /proc/PID/cmdline. */
#define CMDLINE_MAX 511
#define NO_ENTRY UINT32_MAX

struct owner_rec {
	pid_t pid;
	uint32_t column_off, name_off; /* into the text arena */
};

struct entry {
	uint64_t inode;
	uint32_t owner;
	uint32_t next; /* next owner of the same inode, or NO_ENTRY */
};

/* The inode sits in the slot so a probe touches one cache line. */
struct slot {
	uint64_t inode;
	uint32_t entry; /* first entry of the inode, or NO_ENTRY */
	uint32_t last;  /* its last entry: appending stays O(1) */
};

struct procmap {
	struct slot *slots; /* hash: first entry of each inode */
	size_t nslots;
	struct entry *entries;
	size_t nentries, entries_cap;
	struct owner_rec *owners;
	size_t nowners, owners_cap;
	char *text;
	size_t text_len, text_cap;
};

static size_t
slot_of(const struct procmap *m, uint64_t inode)
{
	/* Socket inodes are sequential: a multiplicative hash spreads them. */
	size_t h = (size_t)((inode * 0x9e3779b97f4a7c15ull) >> 20);

	h &= m->nslots - 1;
	while (m->slots[h].entry != NO_ENTRY && m->slots[h].inode != inode)
		h = (h + 1) & (m->nslots - 1);
	return h;
}

static void
map_rehash(struct procmap *m, size_t nslots)
{
	free(m->slots);
	m->nslots = nslots;
	m->slots = xmalloc(nslots * sizeof(*m->slots));
	for (size_t i = 0; i < nslots; i++)
		m->slots[i].entry = NO_ENTRY;
	for (size_t i = 0; i < m->nentries; i++) {
		size_t h = slot_of(m, m->entries[i].inode);
		if (m->slots[h].entry == NO_ENTRY) {
			m->slots[h].inode = m->entries[i].inode;
			m->slots[h].entry = (uint32_t)i;
		}
		/* Entries are in chain order, so the last one seen is last. */
		m->slots[h].last = (uint32_t)i;
	}
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

static void
map_add(struct procmap *m, uint64_t inode, uint32_t owner)
{
	if ((m->nentries + 1) * 2 > m->nslots)
		map_rehash(m, m->nslots * 2);
	if (m->nentries == m->entries_cap) {
		m->entries_cap = m->entries_cap ? m->entries_cap * 2 : 1024;
		m->entries =
		    xrealloc(m->entries, m->entries_cap * sizeof(*m->entries));
	}
	uint32_t idx = (uint32_t)m->nentries++;
	m->entries[idx] = (struct entry){ inode, owner, NO_ENTRY };
	size_t h = slot_of(m, inode);
	if (m->slots[h].entry == NO_ENTRY) {
		m->slots[h].inode = inode;
		m->slots[h].entry = m->slots[h].last = idx;
		return;
	}
	/*
	 * Later owners (higher PIDs) go to the end of the chain; a process
	 * holding the socket twice (dup) is one owner.
	 */
	uint32_t e = m->slots[h].last;
	if (m->entries[e].owner == owner) {
		m->nentries--;
		return;
	}
	m->entries[e].next = idx;
	m->slots[h].last = idx;
}

bool
procmap_parse_link(const char *target, size_t len, uint64_t *inode)
{
	char t[64];
	const char *p;

	/* Work on a NUL-terminated copy: link texts are not terminated. */
	if (len >= sizeof(t))
		return false;
	memcpy(t, target, len);
	t[len] = '\0';
	if (len > 8 && memcmp(t, "socket:[", 8) == 0) {
		p = t + 8;
		return util_parse_u64(&p, 10, inode) && p[0] == ']' &&
		       p[1] == '\0';
	}
	if (len > 7 && memcmp(t, "[0000]:", 7) == 0) {
		p = t + 7;
		return util_parse_u64(&p, 10, inode) && *p == '\0';
	}
	return false;
}

void
procmap_format_owner(pid_t pid, const char *cmdline, size_t n, char *column,
    char *name, size_t name_len)
{
	size_t argv0_len = strnlen(cmdline, n);
	const char *argv0 = cmdline;
	char full[CMDLINE_MAX + 32];

	if (argv0_len > 0 && argv0[0] == '/') {
		const char *slash = memrchr(argv0, '/', argv0_len);
		argv0_len -= (size_t)(slash + 1 - argv0);
		argv0 = slash + 1;
	}
	char safe[CMDLINE_MAX + 1];

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
	char column[PROG_KEEP + 1], name[CMDLINE_MAX + 1];

	procmap_format_owner(pid, cmd, n, column, name, sizeof(name));
	if (m->nowners == m->owners_cap) {
		m->owners_cap = m->owners_cap ? m->owners_cap * 2 : 256;
		m->owners =
		    xrealloc(m->owners, m->owners_cap * sizeof(*m->owners));
	}
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
initial_slots(void)
{
	char buf[256];
	size_t slots = 4096;
	uint64_t used = 0;
	int fd = util_proc_open("net/sockstat");

	if (fd < 0)
		return slots;
	ssize_t n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return slots;
	buf[n] = '\0';
	const char *p = strstr(buf, "used ");
	if (p != NULL) {
		p += 5;
		if (!util_parse_u64(&p, 10, &used))
			used = 0;
	}
	while (slots < 2 * used && slots < ((size_t)1 << 24))
		slots *= 2;
	return slots;
}

void
procmap_build(
    struct procmap **out, struct procmap_stats *st, const struct u64map *wanted)
{
	struct procmap *m = xcalloc(1, sizeof(*m));
	int procfd = util_proc_dirfd();
	struct procscan scan;

	memset(st, 0, sizeof(*st));
	map_rehash(m, initial_slots());
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
	size_t h = slot_of(m, inode);
	uint32_t e = m->slots[h].entry;

	if (e == NO_ENTRY)
		return NULL;
	return m->text + m->owners[m->entries[e].owner].column_off;
}

void
procmap_iter_init(
    struct procmap_iter *it, const struct procmap *m, uint64_t inode)
{
	it->m = m;
	it->next = (m == NULL || inode == 0)
	               ? NO_ENTRY
	               : m->slots[slot_of(m, inode)].entry;
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
	free(m->slots);
	free(m->entries);
	free(m->owners);
	free(m->text);
	free(m);
}
