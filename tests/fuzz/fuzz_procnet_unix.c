/*
 * fuzz_procnet_unix.c - /proc/net/unix: procnet_parse_unix() on every
 * input line, then the whole input as NLNETSTAT_PROC_ROOT/net/unix through
 * procnet_read(SKT_UNIX), which joins paths broken by newlines.  The sink
 * reads every path byte and counts records against the input's lines.
 * Then procnet_unix_join() on the input with the records just read as the
 * kernel's list: every joined row must be in that list (or inode 0), each
 * inode at most once; and procnet_unix_join_fd() on the file through a
 * window of a few bytes must give the same rows and the same count of
 * bogus lines.
 */
#include <sys/socket.h>

#include "fuzz_common.h"
#include "procnet.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_root_init();
	return 0;
}

static void
one_line(const char *line, size_t len, size_t index, void *ctx)
{
	struct sock_rec r;
	int rc = procnet_parse_unix(line, len, &r);

	(void)index;
	(void)ctx;
	FUZZ_CHECK(rc == 0 || rc == -EINVAL);
	if (rc != 0)
		return;
	FUZZ_CHECK(r.family == AF_UNIX && r.table == SKT_UNIX);
	if (r.path != NULL) {
		/* The path is the rest of the line, inside the caller's text.
		 */
		FUZZ_CHECK(r.path > line && r.path <= line + len);
		FUZZ_CHECK(r.path + r.path_len == line + len);
	} else {
		FUZZ_CHECK(r.path_len == 0);
	}
}

struct count {
	unsigned long records;
	size_t path_bytes;
	struct procnet_unix_known known;
};

static int
count_sink(const struct sock_rec *r, void *ctx)
{
	struct count *c = ctx;

	FUZZ_CHECK(r->family == AF_UNIX);
	if (r->path != NULL)
		fuzz_touch(r->path, r->path_len);
	else
		FUZZ_CHECK(r->path_len == 0);
	c->path_bytes += r->path_len;
	c->records++;
	/* As a path the kernel would send: the /proc text plus its NUL. */
	if (c->records <= 64 && r->inode != 0) {
		char name[256];
		size_t n = r->path_len < sizeof(name) - 1 ? r->path_len
		                                          : sizeof(name) - 1;
		if (r->path != NULL)
			memcpy(name, r->path, n);
		name[n] = '\0';
		procnet_unix_known_add(&c->known, r->inode, r->unix_type,
		    r->unix_flags ? 10 : 1,
		    r->path && n > 0 && name[0] != '\0' ? name : NULL,
		    r->path && n > 0 && name[0] != '\0' ? n + 1 : 0,
		    r->refcnt & 3);
	}
	return 0;
}

/* What a joined row says, to compare two joins. */
struct row {
	uint64_t inode, path_sum;
	uint32_t refcnt, flags, type, proto;
	size_t path_len;
	uint8_t state;
	bool has_path;
};

struct seen {
	const struct procnet_unix_known *known;
	struct hmap once;
	struct row *rows;
	size_t n, cap;
};

static bool
known_has(const struct procnet_unix_known *k, uint64_t inode)
{
	for (size_t i = 0; i < k->n; i++)
		if (k->socks[i].inode == inode)
			return true;
	return false;
}

static void
seen_row(struct seen *s, const struct sock_rec *r)
{
	struct row w;

	memset(&w, 0, sizeof(w)); /* padding too: rows compare by memcmp */
	w.inode = r->inode;
	w.refcnt = r->refcnt;
	w.flags = r->unix_flags;
	w.type = r->unix_type;
	w.proto = r->unix_proto;
	w.path_len = r->path_len;
	w.state = r->state;
	w.has_path = r->path != NULL;
	for (size_t i = 0; r->path != NULL && i < r->path_len; i++)
		w.path_sum = w.path_sum * 131 + (unsigned char)r->path[i];
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 16;
		s->rows = realloc(s->rows, s->cap * sizeof(*s->rows));
		if (s->rows == NULL)
			abort();
	}
	s->rows[s->n++] = w;
}

static int
join_sink(const struct sock_rec *r, void *ctx)
{
	struct seen *s = ctx;
	uint64_t v;

	if (r->path != NULL)
		fuzz_touch(r->path, r->path_len);
	seen_row(s, r);
	if (r->inode == 0)
		return 0;
	FUZZ_CHECK(known_has(s->known, r->inode));
	FUZZ_CHECK(!hmap_u64_get(&s->once, r->inode, &v));
	hmap_u64_put(&s->once, r->inode, 1);
	return 0;
}

/* The file joined through a small window gives what the text gave. */
static void
join_windowed(struct seen *whole, const struct procnet_result *wres,
    struct procnet_unix_known *k, size_t window)
{
	struct seen s = { .known = k };
	struct procnet_result res;
	char path[4200];
	int fd;

	snprintf(path, sizeof(path), "%s/net/unix", fuzz_root);
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		abort();
	FUZZ_CHECK(
	    procnet_unix_join_fd(fd, window, k, join_sink, &s, &res) == 0);
	close(fd);
	FUZZ_CHECK(res.bogus == wres->bogus);
	FUZZ_CHECK(res.first_bogus == wres->first_bogus);
	FUZZ_CHECK(s.n == whole->n);
	for (size_t i = 0; i < s.n && i < whole->n; i++)
		FUZZ_CHECK(memcmp(&s.rows[i], &whole->rows[i],
		               sizeof(s.rows[i])) == 0);
	free(s.rows);
	hmap_free(&s.once);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t lines = fuzz_lines(data, size, one_line, NULL);
	struct procnet_result res;
	struct count c = { 0 };
	struct seen seen = { 0 };

	fuzz_root_write("net/unix", data, size);
	FUZZ_CHECK(procnet_read(SKT_UNIX, AF_UNIX, count_sink, &c, &res) == 0);
	/* Continuation lines are neither records nor bogus. */
	FUZZ_CHECK(c.records + res.bogus <= (lines > 0 ? lines - 1 : 0));
	FUZZ_CHECK(c.path_bytes <= size);
	FUZZ_CHECK(res.bogus == 0 || res.first_bogus >= 2);
	seen.known = &c.known;
	/* The join reads text as util_read_all() leaves it: NUL after it. */
	char *text = malloc(size + 1);
	if (text == NULL)
		abort();
	memcpy(text, data, size);
	text[size] = '\0';
	FUZZ_CHECK(procnet_unix_join(
	               text, size, &c.known, join_sink, &seen, &res) == 0);
	free(text);
	join_windowed(&seen, &res, &c.known, 1 + (size > 0 ? data[0] % 64 : 0));
	free(seen.rows);
	hmap_free(&seen.once);
	procnet_unix_known_free(&c.known);
	return 0;
}
