/*
 * sockets.c - the socket-listing mode: which tables run in which order
 * (net-tools' tcp, tcp6, sctp, udp, udp6, udplite, udplite6, raw, raw6,
 * groups, unix, obsolete families), where each comes from (sock_diag, or
 * its /proc/net file as the fallback per table and family), and the
 * pipeline source -> filter -> owner lookup -> format -> out.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "diag.h"
#include "emit.h"
#include "filter.h"
#include "fmt.h"
#include "hmap.h"
#include "i18n.h"
#include "modes.h"
#include "netstat.h"
#include "obsolete.h"
#include "out.h"
#include "privs.h"
#include "procmap.h"
#include "procnet.h"
#include "report.h"
#include "unix_overlap.h"
#include "util.h"

/*
 * One request sock as /proc shows it: its timeouts (the middle -o number),
 * which sock_diag does not report (it gives the SYN-ACKs resent).
 */
struct synrecv_row {
	struct in6_addr laddr, raddr;
	uint16_t lport, rport;
	uint32_t timeouts;
};

struct synrecv_table {
	struct synrecv_row *rows; /* sorted by synrecv_cmp */
	size_t n, cap;
	bool loaded;
};

/* Where inet sockets come from (NLNETSTAT_SOURCE). */
enum source_pref {
	SOURCE_AUTO,
	SOURCE_DIAG, /* netlink only: a missing handler is an error */
	SOURCE_PROC, /* /proc/net files only */
};

/* The emitter of a silent run: a row only adds its inode to a set. */
struct collector {
	struct emitter base;
	struct hmap *set;
};

struct listing {
	const struct opts *o;
	struct run_ctx *ctx;
	struct emitter *emit; /* the run's, or the collector of a silent run */
	enum source_pref source;
	struct diag_sock *diag; /* NULL when netlink is unusable */
	struct procmap *owners; /* -p, rebuilt every pass */
	bool owners_loaded;
	const char *label; /* Proto text of the table being dumped */
	struct hmap peers; /* --peers, --json: unix inode -> peer inode */
	bool have_peers;
	bool quiet; /* a silent run: errors are left to the printing one */
	struct collector collector;   /* the emitter of the silent run */
	bool from_diag;               /* the rows now come from sock_diag */
	struct synrecv_table synrecv; /* -o: SYN_RECV timeouts from /proc */
	struct procnet_unix_known unix_known; /* unix_diag's list */
	bool unix_loaded, have_unix_known;
};

/* The inet tables in net-tools' order; SKT_COUNT marks SCTP. */
static const struct {
	unsigned bit;
	enum sk_table table;
	const char *what;
} inet_order[] = {
	{ PROTO_TCP, SKT_TCP, "AF INET (tcp)" },
	{ PROTO_SCTP, SKT_COUNT, "AF INET (sctp)" },
	{ PROTO_UDP, SKT_UDP, "AF INET (udp)" },
	{ PROTO_UDPLITE, SKT_UDPLITE, "AF INET (udplite)" },
	{ PROTO_RAW, SKT_RAW, "AF INET (raw)" },
};

void
sockets_netns_changed(struct run_ctx *c)
{
	/* A diag socket reports the namespace it was created in. */
	diag_close(c->diag);
	c->diag = NULL;
	c->diag_tried = false;
}

void
sockets_ctx_free(struct run_ctx *c)
{
	sockets_netns_changed(c);
}

static enum source_pref
source_pref_get(void)
{
	const char *s = util_env("SOURCE");

	if (s != NULL && strcmp(s, "proc") == 0)
		return SOURCE_PROC;
	if (s != NULL && strcmp(s, "diag") == 0)
		return SOURCE_DIAG;
	/* A fake /proc root means fixture files: read them, not the kernel. */
	if (util_env("PROC_ROOT") != NULL && util_env("DIAG_REPLAY") == NULL)
		return SOURCE_PROC;
	return SOURCE_AUTO;
}

static void
listing_diag_open(struct listing *l)
{
	struct run_ctx *c = l->ctx;

	if (l->source == SOURCE_PROC)
		return;
	if (!c->diag_tried) {
		c->diag_tried = true;
		if (diag_open(&c->diag) < 0)
			c->diag = NULL; /* no sock_diag: /proc for all */
	}
	l->diag = c->diag;
}

static bool listing_collect_wanted(struct listing *l, struct hmap *set);
static int inet_tables(struct listing *l);

/*
 * -l -p in a table, able to read every process: only the first owner of
 * each printed row is needed and no process can refuse us (so netstat's
 * "Not all processes" notice cannot be lost), so the scan may stop once
 * the printed rows all have owners.  Listeners usually belong to early,
 * long-lived daemons.  -a and the default do not: their extra dump would
 * cost more than the stop saves when owners sit at the end of /proc.
 */
static bool
listing_can_stop_early(const struct listing *l)
{
	const struct opts *o = l->o;

	return o->programs && o->show == SHOW_LISTENING &&
	       (l->emit->caps & EMIT_CAP_FIRST_OWNER) && o->ext.xf.npids == 0 &&
	       !o->ext.peers && privs_sees_every_process();
}

/*
 * -p: one /proc scan per pass, with net-tools' two warnings.  EXIT_FAIL
 * when the capabilities could not be dropped after it (main reports it).
 */
static int
listing_load_owners(struct listing *l)
{
	struct procmap_stats st;
	struct hmap wanted = { 0 };
	bool early;

	/* --pid needs the owners even without the -p column. */
	if ((!l->o->programs && l->o->ext.xf.npids == 0) || l->owners_loaded)
		return EXIT_OK;
	l->owners_loaded = true;
	early = listing_can_stop_early(l) && listing_collect_wanted(l, &wanted);
	privs_scan_begin();
	int procfd = util_proc_dirfd();
	if (procfd == -EMFILE || procfd == -ENFILE) {
		/* Not a question of privileges: say what it is. */
		int dropped =
		    privs_scan_end(!l->o->continuous && !l->o->ext.all_netns);
		hmap_free(&wanted);
		if (dropped < 0)
			return EXIT_FAIL;
		report_warn("cannot read %s for \"-p\": %s\n", util_proc_root(),
		    strerror(-procfd));
		return EXIT_OK;
	}
	procmap_build(&l->owners, &st, early ? &wanted : NULL);
	/* -c and --all-netns enter later passes or namespaces: keep the
	 * permitted set (setns needs CAP_SYS_ADMIN), clear the effective. */
	int dropped = privs_scan_end(!l->o->continuous && !l->o->ext.all_netns);
	/* Its descriptor is not kept: the /proc/net files come next. */
	util_proc_release();
	hmap_free(&wanted);
	if (dropped < 0)
		return EXIT_FAIL;
	if (!st.proc_unreadable && st.denied == 0)
		return EXIT_OK;
	if (st.proc_unreadable || st.sockets == 0)
		report_plain(
		    tr_("(No info could be read for \"-p\": geteuid()=%d "
		        "but you should be root.)\n"),
		    (int)geteuid());
	else
		report_plain(
		    "%s", tr_("(Not all processes could be identified, "
		              "non-owned process info\n will not be shown, you "
		              "would have to be root to see it all.)\n"));
	if (l->o->verbose) {
		char why[1024];

		privs_explain(why, sizeof(why), st.denied, st.denied_own);
		report_plain("%s", why);
	}
	return EXIT_OK;
}

/* --pid: keep the row only when one of its owners (any of them) is listed. */
static bool
listing_owner_match(const struct listing *l, uint64_t inode)
{
	struct procmap_iter it;
	struct procmap_owner ow;

	if (l->o->ext.xf.npids == 0)
		return true;
	procmap_iter_init(&it, l->owners, inode);
	while (procmap_iter_next(&it, &ow)) {
		int pid = ow.pid;
		if (filter_owner_match(l->o, &pid, 1))
			return true;
	}
	return false;
}

static int
synrecv_cmp(const void *a, const void *b)
{
	const struct synrecv_row *x = a, *y = b;
	int c = memcmp(&x->laddr, &y->laddr, sizeof(x->laddr));

	if (c == 0)
		c = memcmp(&x->raddr, &y->raddr, sizeof(x->raddr));
	if (c == 0)
		c = (int)x->lport - (int)y->lport;
	if (c == 0)
		c = (int)x->rport - (int)y->rport;
	return c;
}

static int
synrecv_note(const struct sock_rec *r, void *ctx)
{
	struct synrecv_table *t = ctx;

	if (r->state != SK_SYN_RECV || r->inode != 0)
		return 0;
	t->rows = xgrow(t->rows, &t->cap, t->n, sizeof(*t->rows), 64);
	t->rows[t->n++] = (struct synrecv_row){ r->laddr, r->raddr, r->lport,
		r->rport, r->retrans };
	return 0;
}

static void
synrecv_reset(struct synrecv_table *t)
{
	free(t->rows);
	memset(t, 0, sizeof(*t));
}

/*
 * -o on a SYN_RECV row from sock_diag: netstat's middle number is the
 * number of timeouts that fired (/proc's req->num_timeout), which only
 * /proc reports; sock_diag gives the SYN-ACKs resent, fewer under
 * TCP_DEFER_ACCEPT.  The first such row of a dump reads that /proc file
 * once; a request sock gone from it keeps the sock_diag number.
 */
static void
listing_fix_synrecv(struct listing *l, int family, struct sock_rec *r)
{
	struct synrecv_table *t = &l->synrecv;
	struct procnet_result res;

	if (!t->loaded) {
		t->loaded = true;
		(void)procnet_read(SKT_TCP, family, synrecv_note, t, &res);
		if (t->n > 0)
			qsort(t->rows, t->n, sizeof(*t->rows), synrecv_cmp);
	}
	struct synrecv_row key = { r->laddr, r->raddr, r->lport, r->rport, 0 };
	const struct synrecv_row *hit =
	    t->n ? bsearch(&key, t->rows, t->n, sizeof(*t->rows), synrecv_cmp)
	         : NULL;
	if (hit != NULL)
		r->retrans = hit->timeouts;
}

static bool
needs_synrecv_fix(const struct listing *l, const struct sock_rec *r)
{
	return l->from_diag && l->o->timers && r->table == SKT_TCP &&
	       r->state == SK_SYN_RECV && r->inode == 0;
}

static int
sink_inet(const struct sock_rec *r, void *ctx)
{
	struct listing *l = ctx;
	struct sock_rec fixed;

	if (!filter_match(l->o, r) || !listing_owner_match(l, r->inode))
		return 0;
	if (needs_synrecv_fix(l, r) && !l->quiet) {
		fixed = *r;
		listing_fix_synrecv(l, r->family, &fixed);
		r = &fixed;
	}
	emit_sock(l->emit, r, l->label, l->owners);
	return 0;
}

static int
sink_unix(const struct sock_rec *r, void *ctx)
{
	struct listing *l = ctx;

	if (!filter_match(l->o, r) || !listing_owner_match(l, r->inode))
		return 0;
	struct sock_rec withpeer;
	uint64_t peer;
	if (l->have_peers && hmap_u64_get(&l->peers, r->inode, &peer)) {
		withpeer = *r;
		withpeer.peer_inode = peer;
		withpeer.have |= HAVE_PEER;
		r = &withpeer;
	}
	emit_sock(l->emit, r, "unix", l->owners);
	return 0;
}

static const char *
bogus_warning(enum sk_table t)
{
	switch (t) {
	case SKT_TCP: return tr_("warning, got bogus tcp line.\n");
	case SKT_RAW: return tr_("warning, got bogus raw line.\n");
	case SKT_UNIX: return tr_("warning, got bogus unix line.\n");
	/* net-tools parses UDP-Lite as udp */
	default: return tr_("warning, got bogus udp line.\n");
	}
}

/* Malformed lines: netstat's warning once, then one summary line. */
static void
report_bogus(enum sk_table t, int family, const struct procnet_result *res)
{
	if (res->bogus == 0)
		return;
	report_plain("%s", bogus_warning(t));
	if (res->bogus > 1)
		report_warn("%lu malformed lines skipped in "
		            "%s/%s, the first at line %lu.\n",
		    res->bogus, util_proc_root(), procnet_path(t, family),
		    res->first_bogus);
}

static int
read_proc_table(struct listing *l, enum sk_table t, int family)
{
	struct procnet_result res;
	int rc = procnet_read(
	    t, family, t == SKT_UNIX ? sink_unix : sink_inet, l, &res);

	if (!l->quiet)
		report_bogus(t, family, &res);
	return rc;
}

static int
unix_note(const struct diag_unix *u, void *ctx)
{
	struct listing *l = ctx;

	/* Without sock_diag for the table the dump is for the peers alone. */
	if (l->diag != NULL)
		procnet_unix_known_add(&l->unix_known, u->inode, u->type,
		    u->state, u->name, u->name_len, u->nicons);
	if (u->peer != 0)
		hmap_u64_put(&l->peers, u->inode, u->peer);
	return 0;
}

/*
 * One unix_diag dump per pass: the kernel's list of UNIX sockets (names
 * included) that /proc/net/unix is checked against, and the peers that
 * --peers and --json show (/proc/net/unix has no peer column), asked for
 * only then.  With NLNETSTAT_SOURCE=proc only the peers are kept.  With
 * ahead, a dump for the join overlaps reading the file into it.
 */
static void
listing_load_unix(struct listing *l, struct unix_ahead *ahead)
{
	struct diag_sock *d = l->diag;
	bool want_peers =
	    l->o->ext.peers || (l->ctx->emit->caps & EMIT_CAP_PEERS);
	int rc;

	if (l->unix_loaded)
		return;
	l->unix_loaded = true;
	if (l->diag == NULL && !want_peers)
		return;
	if (d == NULL && diag_open(&d) < 0)
		return;
	if (d == l->diag)
		rc = unix_overlap_dump(
		    d, want_peers, unix_note, l, &l->unix_known, ahead);
	else
		rc = diag_unix_dump(d, want_peers, unix_note, l);
	if (d != l->diag)
		diag_close(d);
	l->have_peers = rc == 0 && want_peers;
	l->have_unix_known = rc == 0 && l->diag != NULL;
}

/* Without /proc/net/unix (proc mounted with subset=pid): say what lacks. */
static void
unix_note_no_proc(const struct listing *l)
{
	if (l->quiet)
		return;
	report_warn("no %s/net/unix: UNIX sockets listed from sock_diag, "
	            "without RefCnt.\n",
	    util_proc_root());
}

/*
 * The UNIX table: /proc/net/unix joined with unix_diag's list, or
 * unix_diag's list alone when the file is missing, or the file alone
 * when sock_diag is not used.  Returns 0 or -errno as read_proc_table.
 */
static int
read_unix_table(struct listing *l)
{
	struct unix_ahead ahead = UNIX_AHEAD_NONE;
	struct procnet_result res;
	int rc;

	listing_load_unix(l, &ahead);
	if (!l->have_unix_known) {
		unix_ahead_drop(&ahead);
		return read_proc_table(l, SKT_UNIX, AF_UNIX);
	}
	rc = unix_ahead_join(&ahead, &l->unix_known, sink_unix, l, &res);
	if (rc == -ENOENT) {
		unix_note_no_proc(l);
		return procnet_unix_known_emit(&l->unix_known, sink_unix, l);
	}
	if (!l->quiet)
		report_bogus(SKT_UNIX, AF_UNIX, &res);
	return rc;
}

static int
read_diag_table(struct listing *l, enum sk_table t, int family)
{
	const struct opts *o = l->o;
	struct diag_req req = {
		.family = family,
		.table = t,
		.states = t == SKT_TCP ? filter_tcp_states(o, o->extend > 0)
		                       : diag_states_all(),
		.want_info = o->timers && t == SKT_TCP,
		.want_uids = o->extend > 0,
		.sport = filter_push_port(o, true),
		.dport = filter_push_port(o, false),
	};
	unsigned long emitted = 0;
	l->from_diag = true;
	int rc = diag_dump(l->diag, &req, sink_inet, l, &emitted);
	l->from_diag = false;
	synrecv_reset(&l->synrecv);

	if (rc == 0 || (diag_is_unsupported(rc) && emitted == 0 &&
	                   l->source == SOURCE_AUTO))
		return rc;
	if (l->quiet)
		return -EPIPE; /* the printing pass reports it */
	report_warn("sock_diag dump of %s failed: %s\n",
	    fmt_proto_label(t, family), strerror(-rc));
	return -EPIPE; /* reported; never fall back after output */
}

/*
 * One (table, family): netlink first, its /proc file when the kernel has
 * no handler.  Returns 0, -ENOENT/-EACCES when the file is missing, -EPIPE
 * after a reported failure, or another -errno from opening the file.
 */
static int
dump_one(struct listing *l, enum sk_table t, int family)
{
	l->label = fmt_proto_label(t, family);
	if (l->diag != NULL) {
		int rc = read_diag_table(l, t, family);
		if (rc == 0 || rc == -EPIPE)
			return rc;
	}
	return read_proc_table(l, t, family);
}

static int
missing_table(const struct opts *o, const char *what)
{
	if (!o->no_proto_given && (o->explicit_sel || o->verbose)) {
		report_plain(tr_("%s: no support for `%s' on this system.\n"),
		    "netstat", what);
	}
	return (!o->no_proto_given && o->explicit_sel) ? EXIT_FAIL : EXIT_OK;
}

static int
open_failed(enum sk_table t, int family, int err)
{
	report_plain("%s/%s: %s\n", util_proc_root(), procnet_path(t, family),
	    strerror(-err));
	return EXIT_OPEN;
}

/* v4 then v6 of one protocol, with net-tools' missing-file rules. */
static int
proto_section(struct listing *l, enum sk_table t, const char *what)
{
	const struct opts *o = l->o;
	int status = EXIT_OK, rc;

	if (!o->explicit_sel || opts_has_af(o, NAF_INET)) {
		rc = dump_one(l, t, AF_INET);
		if (rc == -ENOENT || rc == -EACCES)
			status = l->quiet ? EXIT_OK : missing_table(o, what);
		else if (rc == -EPIPE)
			return EXIT_FAIL;
		else if (rc < 0)
			return l->quiet ? EXIT_OPEN
			                : open_failed(t, AF_INET, rc);
	}
	if (!o->explicit_sel || opts_has_af(o, NAF_INET6)) {
		/* A missing v6 file (IPv6 disabled) is silent. */
		rc = dump_one(l, t, AF_INET6);
		if (rc == -EPIPE)
			return EXIT_FAIL;
	}
	return status;
}

static int
sctp_file_section(struct listing *l, const char *file)
{
	int fd = util_proc_open(file);

	if (fd < 0)
		return missing_table(l->o, "AF INET (sctp)");
	close(fd);
	report_warn("SCTP socket tables are not supported.\n");
	return l->o->explicit_sel ? EXIT_FAIL : EXIT_OK;
}

/* SCTP: endpoints for -a/-l, associations for -a/default. */
static int
sctp_section(struct listing *l)
{
	const struct opts *o = l->o;
	int rc = EXIT_OK;

	/* Only the IPv4 files can be "missing"; -6 alone never checks them. */
	if (o->explicit_sel && !opts_has_af(o, NAF_INET))
		return EXIT_OK;

	if (o->show != SHOW_CONNECTED) {
		rc = sctp_file_section(l, "net/sctp/eps");
		if (rc != EXIT_OK)
			return rc;
	}
	if (o->show != SHOW_LISTENING)
		rc = sctp_file_section(l, "net/sctp/assocs");
	return rc;
}

static bool
want_proto(const struct opts *o, unsigned bit)
{
	return !o->explicit_sel || (o->protos & bit);
}

static void
collector_row(struct emitter *e, const struct emit_row *row)
{
	if (row->kind == EMIT_SOCK)
		hmap_u64_put(
		    ((struct collector *)e)->set, row->u.sock.rec->inode, 1);
}

static const struct emit_ops collector_ops = { .row = collector_row };

/*
 * The inodes of the rows this pass will print, from a silent run of the
 * same tables (errors are left for the printing run to report).  False
 * when a table could not be read: then nothing may be left out.
 */
static bool
listing_collect_wanted(struct listing *l, struct hmap *set)
{
	const struct opts *o = l->o;
	struct emitter *saved = l->emit;
	bool ok = true;

	l->collector.base = (struct emitter){ &collector_ops, o, 0, NULL };
	l->collector.set = set;
	l->emit = &l->collector.base;
	l->quiet = true;
	/* The printing run's plan, silently: errors are left to it. */
	if (!o->explicit_sel || o->protos != 0)
		ok = inet_tables(l) == EXIT_OK;
	if (ok && (!o->explicit_sel || opts_has_af(o, NAF_UNIX))) {
		int rc = read_unix_table(l);
		ok = rc == 0 || rc == -ENOENT;
	}
	l->emit = saved;
	l->quiet = false;
	return ok;
}

static int
inet_tables(struct listing *l)
{
	const struct opts *o = l->o;

	for (size_t i = 0; i < sizeof(inet_order) / sizeof(inet_order[0]);
	     i++) {
		if (!want_proto(o, inet_order[i].bit))
			continue;
		/* A silent run only collects rows; SCTP has none to give. */
		if (l->quiet && inet_order[i].table == SKT_COUNT)
			continue;
		int rc = inet_order[i].table == SKT_COUNT
		             ? sctp_section(l)
		             : proto_section(
		                   l, inet_order[i].table, inet_order[i].what);
		if (rc != EXIT_OK)
			return rc;
	}
	return EXIT_OK;
}

static int
inet_sections(struct listing *l)
{
	int rc;

	if (listing_load_owners(l) != EXIT_OK)
		return EXIT_FAIL;
	emit_section_begin(l->emit, EMIT_SEC_INET);
	rc = inet_tables(l);
	emit_section_end(l->emit, EMIT_SEC_INET);
	return rc;
}

static int
unix_section(struct listing *l)
{
	if (listing_load_owners(l) != EXIT_OK)
		return EXIT_FAIL;
	emit_section_begin(l->emit, EMIT_SEC_UNIX);
	int rc = read_unix_table(l);
	emit_section_end(l->emit, EMIT_SEC_UNIX);
	if (rc == -ENOENT || rc == -EACCES)
		return missing_table(l->o, "AF UNIX");
	if (rc < 0)
		return open_failed(SKT_UNIX, AF_UNIX, rc);
	return EXIT_OK;
}

/* True when the pass lists inet or UNIX sockets (not only -g). */
static bool
listing_has_sockets(const struct opts *o)
{
	return !o->explicit_sel || o->protos != 0 || opts_has_af(o, NAF_UNIX);
}

static int
listing_run(struct listing *l)
{
	const struct opts *o = l->o;
	int rc;

	if (!o->explicit_sel || o->protos != 0) {
		if ((rc = inet_sections(l)) != EXIT_OK)
			return rc;
	}
	if (o->groups && (rc = groups_print(o, l->emit)) != EXIT_OK)
		return rc;
	if (!o->explicit_sel || opts_has_af(o, NAF_UNIX)) {
		if ((rc = unix_section(l)) != EXIT_OK)
			return rc;
	}
	if ((rc = obsolete_sockets(o)) != EXIT_OK)
		return rc;
	return obsolete_bluetooth(o);
}

static void
listing_free(struct listing *l)
{
	procmap_free(l->owners);
	hmap_free(&l->peers);
	procnet_unix_known_free(&l->unix_known);
}

int
sockets_run(struct run_ctx *c)
{
	const struct opts *o = c->o;
	struct listing l;
	int rc;

	memset(&l, 0, sizeof(l));
	l.o = o;
	l.ctx = c;
	l.emit = c->emit;
	l.source = source_pref_get();
	/* -g alone lists no socket: no sock_diag descriptor (ulimit -n 4). */
	bool groups_only = o->groups && o->explicit_sel && o->protos == 0 &&
	                   !opts_has_af(o, NAF_UNIX);
	if (!groups_only)
		listing_diag_open(&l);
	if (!groups_only && l.diag == NULL && l.source == SOURCE_DIAG) {
		report_warn("sock_diag netlink is not available\n");
		return EXIT_FAIL;
	}
	/*
	 * -p: scan (and drop the capabilities) before the document opens;
	 * when that fails nothing may be printed.
	 */
	if (listing_has_sockets(o) && listing_load_owners(&l) != EXIT_OK) {
		procmap_free(l.owners);
		return EXIT_FAIL;
	}
	emit_doc_begin(l.emit, EMIT_DOC_SOCKETS);
	rc = listing_run(&l);
	emit_doc_end(l.emit, EMIT_DOC_SOCKETS);
	listing_free(&l);
	return rc;
}
