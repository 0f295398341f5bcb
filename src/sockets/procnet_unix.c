/*
 * procnet_unix.c - the kernel's list of UNIX sockets (one sock_diag dump,
 * a fixed-size entry a socket, names in one arena) and its join with the
 * text of /proc/net/unix, which takes a record only under the name the
 * kernel gave its inode, so that no name can smuggle in rows.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "procnet.h"
#include "util.h"

/*
 * Copy a name into the arena as the kernel prints it: a path without its
 * closing NUL, an abstract name with '@' for its leading NUL; any other
 * NUL is '@' too.  False (nothing kept) for a name too long to hold.
 */
static bool
known_name(struct procnet_unix_known *k, const char *name, size_t name_len,
    struct procnet_unix_sock *s)
{
	size_t n = name[0] != '\0' ? name_len - 1 : name_len;

	if (n > UINT16_MAX || k->names_len + n > UINT32_MAX)
		return false;
	if (n != 0)
		k->names = xgrow(
		    k->names, &k->names_cap, k->names_len + n - 1, 1, 4096);
	s->name_off = (uint32_t)k->names_len;
	s->name_len = (uint16_t)n;
	for (size_t i = 0; i < n; i++)
		k->names[k->names_len++] = name[i] != '\0' ? name[i] : '@';
	if (n > k->name_max)
		k->name_max = n;
	s->bits |= PROCNET_UNIX_NAMED;
	return true;
}

void
procnet_unix_known_add(struct procnet_unix_known *k, uint64_t inode,
    uint32_t type, uint8_t sk_state, const char *name, size_t name_len,
    uint32_t pending)
{
	struct procnet_unix_sock s = { 0 };

	if (inode > UINT32_MAX || k->n >= UINT32_MAX)
		return;
	s.inode = (uint32_t)inode;
	s.type = (uint8_t)type;
	/* /proc: ACC for a listener; CONNECTED when established. */
	if (sk_state == SK_LISTEN)
		s.bits |= PROCNET_UNIX_ACC;
	if (sk_state == SK_ESTABLISHED)
		s.bits |= PROCNET_UNIX_CONNECTED;
	if (name != NULL && name_len > 0 && !known_name(k, name, name_len, &s))
		return;
	k->socks = xgrow(k->socks, &k->cap, k->n, sizeof(*k->socks), 64);
	if (pending > 0 && (s.bits & PROCNET_UNIX_NAMED)) {
		k->listeners = xgrow(k->listeners, &k->listeners_cap,
		    k->nlisteners, sizeof(*k->listeners), 64);
		k->listeners[k->nlisteners++] =
		    (struct procnet_unix_listener){ (uint32_t)k->n, pending,
			    0 };
	}
	k->socks[k->n++] = s;
	k->indexed = false;
}

void
procnet_unix_known_free(struct procnet_unix_known *k)
{
	free(k->socks);
	free(k->names);
	free(k->listeners);
	free(k->byino);
	memset(k, 0, sizeof(*k));
}

static const char *
known_path(
    const struct procnet_unix_known *k, const struct procnet_unix_sock *s)
{
	return (s->bits & PROCNET_UNIX_NAMED) ? k->names + s->name_off : NULL;
}

/*
 * Stable radix sort of the positions a[0..n) by their sockets' inodes,
 * byte by byte; tmp holds n.  Returns the sorted array (a or tmp).
 */
static uint32_t *
ino_sort(
    const struct procnet_unix_sock *socks, uint32_t *a, uint32_t *tmp, size_t n)
{
	for (unsigned shift = 0; shift < 32; shift += 8) {
		size_t count[256] = { 0 }, at = 0;
		for (size_t i = 0; i < n; i++)
			count[socks[a[i]].inode >> shift & 0xff]++;
		if (n == 0 || count[socks[a[0]].inode >> shift & 0xff] == n)
			continue; /* one digit for all: nothing moves */
		for (size_t d = 0; d < 256; d++) {
			size_t c = count[d];
			count[d] = at;
			at += c;
		}
		for (size_t i = 0; i < n; i++)
			tmp[count[socks[a[i]].inode >> shift & 0xff]++] = a[i];
		uint32_t *t = a;
		a = tmp;
		tmp = t;
	}
	return a;
}

/*
 * The index by inode, sorted, and the DUP bit on every socket that a
 * later one with its inode hides (a dump may list a socket twice): a
 * lookup finds each inode's last listing only, as a map would keep it.
 */
void
procnet_unix_known_index(struct procnet_unix_known *k)
{
	uint32_t *a = xmalloc(k->n * sizeof(*a));
	uint32_t *tmp = xmalloc(k->n * sizeof(*tmp));
	size_t n = 0;

	for (size_t i = 0; i < k->n; i++) {
		k->socks[i].bits &= (uint8_t)~PROCNET_UNIX_DUP;
		if (k->socks[i].inode != 0)
			a[n++] = (uint32_t)i;
	}
	uint32_t *sorted = ino_sort(k->socks, a, tmp, n);
	free(sorted == a ? tmp : a);
	for (size_t i = 0; i + 1 < n; i++) {
		if (k->socks[sorted[i]].inode == k->socks[sorted[i + 1]].inode)
			k->socks[sorted[i]].bits |= PROCNET_UNIX_DUP;
	}
	free(k->byino);
	k->byino = sorted;
	k->nino = n;
	k->indexed = true;
}

struct unix_join {
	const char *buf, *end; /* the text, or the part of it read so far */
	struct procnet_unix_known *k;
	size_t cursor;       /* where the kernel's order puts the next record */
	unsigned long lines; /* newlines before buf (while nothing is bogus) */
	bool header;         /* the column header is still to skip */
	bool in_step;
	struct procnet_result *res;
};

/*
 * The socket of k with this inode (its last listing), or NULL.  The two
 * walks of the kernel's table mostly agree in order, so the socket after
 * the last one taken is tried before the index.
 */
static struct procnet_unix_sock *
known_get(const struct unix_join *j, uint64_t inode)
{
	const struct procnet_unix_known *k = j->k;
	size_t lo = 0, hi = k->nino;

	if (inode == 0 || inode > UINT32_MAX)
		return NULL;
	if (j->cursor < k->n && k->socks[j->cursor].inode == inode &&
	    !(k->socks[j->cursor].bits & PROCNET_UNIX_DUP))
		return &k->socks[j->cursor];
	while (lo < hi) { /* past the last entry <= inode */
		size_t mid = lo + (hi - lo) / 2;
		if (k->socks[k->byino[mid]].inode <= inode)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0 || k->socks[k->byino[lo - 1]].inode != inode)
		return NULL;
	return &k->socks[k->byino[lo - 1]];
}

/*
 * True when the text at p, after a record's inode, is exactly " NAME\n"
 * (or "\n" for no name; the newline may be missing at the end of the
 * text); *next is then the start of the following record.
 */
static bool
unix_name_at(const char *p, const char *end, const char *name, size_t len,
    const char **next)
{
	if (name != NULL) {
		if ((size_t)(end - p) < len + 1 || p[0] != ' ' ||
		    memcmp(p + 1, name, len) != 0)
			return false;
		p += 1 + len;
	}
	if (p < end && *p != '\n')
		return false;
	*next = p < end ? p + 1 : p;
	return true;
}

/*
 * An embryonic connection (inode 0) shows its listener's name: the
 * longest name of a listener that still has pending connections.
 */
static const struct procnet_unix_sock *
join_embryo(struct unix_join *j, const char *p, const char **next)
{
	struct procnet_unix_known *k = j->k;
	struct procnet_unix_listener *best = NULL;
	const struct procnet_unix_sock *s, *bs = NULL;
	const char *best_next = NULL, *nx;

	for (size_t i = 0; i < k->nlisteners; i++) {
		struct procnet_unix_listener *l = &k->listeners[i];
		s = &k->socks[l->pos];
		if (l->pending == 0 ||
		    (bs != NULL && s->name_len <= bs->name_len))
			continue;
		if (unix_name_at(
		        p, j->end, known_path(k, s), s->name_len, &nx)) {
			best = l;
			bs = s;
			best_next = nx;
		}
	}
	if (best != NULL) {
		best->pending--;
		*next = best_next;
	}
	return bs;
}

/* Newlines in [p, end). */
static unsigned long
count_lines(const char *p, const char *end)
{
	unsigned long n = 0;

	while (p < end && (p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		n++;
		p++;
	}
	return n;
}

static void
join_bogus(struct unix_join *j, const char *p)
{
	if (j->res->bogus++ != 0)
		return;
	j->res->first_bogus = 1 + j->lines + count_lines(j->buf, p);
}

/* A record of k at p, its fields in *r: the row as k names it. */
static void
join_take(struct unix_join *j, struct procnet_unix_sock *s, struct sock_rec *r)
{
	s->bits |= PROCNET_UNIX_EMITTED;
	j->cursor = (size_t)(s - j->k->socks) + 1;
	r->unix_proto = j->in_step ? r->unix_proto : 0;
	r->unix_flags = (s->bits & PROCNET_UNIX_ACC) ? SKU_FLAG_ACC : 0;
	r->unix_type = s->type;
	if (!j->in_step)
		r->state = (s->bits & PROCNET_UNIX_CONNECTED) ? SKU_CONNECTED
		                                              : SKU_UNCONNECTED;
	r->path = known_path(j->k, s);
	r->path_len = s->name_len;
	j->in_step = true;
}

/*
 * One record at p (a line start; nl its first newline, or the end).  Sets
 * *next to where the following record may start.  Returns 1 with *r to
 * print, 0 for nothing.
 */
static int
join_record(struct unix_join *j, const char *p, const char *nl,
    struct sock_rec *r, const char **next)
{
	struct procnet_unix_sock *s;
	const struct procnet_unix_sock *l;
	const char *after;

	*next = nl < j->end ? nl + 1 : j->end;
	if (procnet_unix_fields(p, r, &after) < 0) {
		if (j->in_step)
			join_bogus(j, p);
		j->in_step = false;
		return 0;
	}
	s = known_get(j, r->inode);
	if (s != NULL && !(s->bits & PROCNET_UNIX_EMITTED) &&
	    unix_name_at(
	        after, j->end, known_path(j->k, s), s->name_len, next)) {
		join_take(j, s, r);
		return 1;
	}
	if (r->inode == 0 && j->in_step) {
		if (unix_name_at(after, j->end, NULL, 0, next))
			return 1; /* unnamed, unambiguous */
		if ((l = join_embryo(j, after, next)) != NULL) {
			r->path = known_path(j->k, l);
			r->path_len = l->name_len;
			return 1;
		}
	}
	/* Not a socket the kernel listed: its end is unknown. */
	*next = nl < j->end ? nl + 1 : j->end;
	j->in_step = false;
	return 0;
}

static void
join_begin(struct unix_join *j, const char *buf, size_t len,
    struct procnet_unix_known *k, struct procnet_result *res)
{
	memset(j, 0, sizeof(*j));
	j->buf = buf;
	j->end = buf + len;
	j->k = k;
	j->header = true;
	j->in_step = true;
	j->res = res;
	memset(res, 0, sizeof(*res));
	if (!k->indexed)
		procnet_unix_known_index(k);
	for (size_t i = 0; i < k->n; i++)
		k->socks[i].bits &= (uint8_t)~PROCNET_UNIX_EMITTED;
	for (size_t i = 0; i < k->nlisteners; i++)
		k->listeners[i].pending = k->listeners[i].icons;
}

/*
 * Join the records from *pp on.  With more set (text follows end), stop
 * at a record whose first line, or the longest name after it, may reach
 * past end: *pp is then where to go on.  Returns 0 or the sink's
 * negative return.
 */
static int
join_run(struct unix_join *j, const char **pp, bool more, sock_sink_fn sink,
    void *ctx)
{
	const char *p = *pp, *nl, *next;
	struct sock_rec r;
	int rc = 0;

	for (; p < j->end; p = next) {
		nl = memchr(p, '\n', (size_t)(j->end - p));
		if (more &&
		    (nl == NULL || (size_t)(j->end - nl) <= j->k->name_max + 1))
			break;
		if (nl == NULL)
			nl = j->end;
		if (j->header) { /* the column header */
			j->header = false;
			next = nl < j->end ? nl + 1 : j->end;
			continue;
		}
		if (join_record(j, p, nl, &r, &next) == 1 &&
		    (rc = sink(&r, ctx)) < 0)
			break;
	}
	*pp = p;
	return rc;
}

int
procnet_unix_join(const char *buf, size_t len, struct procnet_unix_known *k,
    sock_sink_fn sink, void *ctx, struct procnet_result *res)
{
	struct unix_join j;
	const char *p = buf;

	join_begin(&j, buf, len, k, res);
	int rc = join_run(&j, &p, false, sink, ctx);
	return rc < 0 ? rc : 0;
}

/* Read into buf[*have..cap) until it is full or the file ends. */
static int
window_fill(int fd, char *buf, size_t cap, size_t *have, bool *eof)
{
	while (*have < cap && !*eof) {
		ssize_t got = read(fd, buf + *have, cap - *have);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0)
			return -errno;
		*eof = got == 0;
		*have += (size_t)got;
	}
	buf[*have] = '\0';
	return 0;
}

int
procnet_unix_join_fd_after(int fd, char *buf, size_t have, size_t window,
    struct procnet_unix_known *k, sock_sink_fn sink, void *ctx,
    struct procnet_result *res)
{
	size_t cap = window > have ? window : have;
	struct unix_join j;
	const char *p;
	bool eof = false;
	int rc;

	cap = cap > 0 ? cap : 1;
	buf = xrealloc(buf, cap + 1);
	join_begin(&j, buf, 0, k, res);
	for (;;) {
		if ((rc = window_fill(fd, buf, cap, &have, &eof)) < 0)
			break;
		j.buf = buf;
		j.end = buf + have;
		p = buf;
		if ((rc = join_run(&j, &p, !eof, sink, ctx)) < 0 || eof)
			break;
		/* Keep the unread rest; grow a window it fills. */
		if (res->bogus == 0)
			j.lines += count_lines(buf, p);
		have = (size_t)(j.end - p);
		memmove(buf, p, have);
		if (have == cap) {
			cap *= 2;
			buf = xrealloc(buf, cap + 1);
		}
	}
	free(buf);
	return rc < 0 ? rc : 0;
}

int
procnet_unix_join_fd(int fd, size_t window, struct procnet_unix_known *k,
    sock_sink_fn sink, void *ctx, struct procnet_result *res)
{
	return procnet_unix_join_fd_after(
	    fd, NULL, 0, window, k, sink, ctx, res);
}

static void
known_rec(const struct procnet_unix_known *k, const struct procnet_unix_sock *s,
    struct sock_rec *r)
{
	memset(r, 0, sizeof(*r));
	r->family = AF_UNIX;
	r->table = SKT_UNIX;
	r->unix_type = s->type;
	r->path = known_path(k, s);
	r->path_len = s->name_len;
	r->have = HAVE_NO_REFCNT;
}

int
procnet_unix_known_emit(
    const struct procnet_unix_known *k, sock_sink_fn sink, void *ctx)
{
	struct sock_rec r;
	size_t li = 0;

	for (size_t i = 0; i < k->n; i++) {
		const struct procnet_unix_sock *s = &k->socks[i];
		uint32_t icons = 0;
		int rc;
		known_rec(k, s, &r);
		r.unix_flags = (s->bits & PROCNET_UNIX_ACC) ? SKU_FLAG_ACC : 0;
		r.state = (s->bits & PROCNET_UNIX_CONNECTED) ? SKU_CONNECTED
		                                             : SKU_UNCONNECTED;
		r.inode = s->inode;
		if ((rc = sink(&r, ctx)) < 0)
			return rc;
		if (li < k->nlisteners && k->listeners[li].pos == i)
			icons = k->listeners[li++].icons;
		for (uint32_t e = 0; e < icons; e++) {
			known_rec(k, s, &r);
			r.state = SKU_CONNECTING; /* no inode until accepted */
			if ((rc = sink(&r, ctx)) < 0)
				return rc;
		}
	}
	return 0;
}

int
procnet_read_unix_known(struct procnet_unix_known *k, sock_sink_fn sink,
    void *ctx, struct procnet_result *res)
{
	int fd;

	memset(res, 0, sizeof(*res));
	fd = util_proc_open(procnet_path(SKT_UNIX, AF_UNIX));
	if (fd < 0)
		return fd;
	int rc =
	    procnet_unix_join_fd(fd, PROCNET_UNIX_WINDOW, k, sink, ctx, res);
	close(fd);
	return rc;
}
