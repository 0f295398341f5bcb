/*
 * main.c - argv to options, mode dispatch, the -c loop and the exit status.
 * The only file besides opts.c that exits.  Mirrors net-tools' dispatch
 * order: -M, then -s, then -r, then -i, else the socket listing.
 */
#include <errno.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "emit.h"
#include "i18n.h"
#include "metrics.h"
#include "modes.h"
#include "netns.h"
#include "netstat.h"
#include "opts.h"
#include "out.h"
#include "privs.h"
#include "report.h"
#include "util.h"

/* The output format, chosen once: --summary, --json, or netstat's text. */
static struct emitter *
main_emitter(const struct opts *o)
{
	if (o->ext.metrics != METRICS_OFF)
		return emit_metrics_new(o);
	if (o->ext.summary && o->mode == MODE_SOCKETS)
		return emit_summary_new(o);
	if (o->ext.format == FORMAT_JSON)
		return emit_json_new(o);
	return emit_text_new(o);
}

static int
main_pass(struct run_ctx *c)
{
	const struct opts *o = c->o;

	switch (o->mode) {
	case MODE_MASQ: return masq_run(o);
	case MODE_STATS: return stats_run(c);
	case MODE_ROUTE: return route_run(c);
	case MODE_IFACE: return iface_run(c);
	case MODE_SOCKETS: break;
	}
	return sockets_run(c);
}

/* A namespace was entered: label the records, reopen what is cached. */
static void
main_netns_entered(struct run_ctx *c, const char *label)
{
	emit_set_netns(c->emit, label);
	sockets_netns_changed(c);
}

/* --all-netns: one pass in every network namespace, each titled. */
static int
main_pass_all_netns(struct run_ctx *c)
{
	struct netns_ent *list;
	size_t n = netns_list(&list);
	int status = EXIT_OK;

	emit_all_netns_begin(c->emit);
	for (size_t i = 0; i < n && status == EXIT_OK; i++) {
		/* The -p scan of the last namespace cleared CAP_SYS_ADMIN. */
		privs_netns_begin();
		int rc = netns_enter(list[i].fd);
		if (rc < 0) {
			report_warn("cannot enter network namespace "
			            "`%s': %s\n",
			    list[i].label, strerror(-rc));
			status = EXIT_FAIL;
			break;
		}
		main_netns_entered(c, list[i].label);
		emit_netns_title(c->emit, list[i].label);
		status = main_pass(c);
	}
	emit_all_netns_end(c->emit);
	/* Back to where we started, for the next -c pass. */
	privs_netns_begin();
	if (n > 0 && netns_enter(list[0].fd) == 0)
		main_netns_entered(c, NULL);
	/* Give up what the -p scans kept for setns (privs_error() reports). */
	if (c->o->programs || c->o->ext.xf.npids > 0)
		(void)privs_scan_end(!c->o->continuous);
	netns_list_free(list, n);
	return status;
}

/* --netns: enter the namespace once, before anything is read. */
static int
main_enter_netns(struct run_ctx *c, const char *name)
{
	int fd = netns_open(name);
	int rc = fd < 0 ? fd : netns_enter(fd);

	if (fd >= 0)
		close(fd);
	if (rc < 0) {
		report_warn("cannot enter network namespace `%s': "
		            "%s\n",
		    name, strerror(-rc));
		return EXIT_FAIL;
	}
	main_netns_entered(c, name);
	return EXIT_OK;
}

/*
 * Capabilities that could not be dropped (privs.c): nothing more may run.
 * Returns the exit status.
 */
static int
main_privs_failed(int err)
{
	report_warn("cannot drop capabilities: %s\n", strerror(-err));
	return EXIT_FAIL;
}

/* netstat's -c pause: flush what was printed, then sleep one second. */
static int
main_wait(void)
{
	struct timespec ts = { 1, 0 };
	/* Test seam: a shorter pause lets a test run thousands of passes. */
	const char *ms = util_env("INTERVAL_MS");
	uint64_t v;

	if (ms != NULL && util_parse_u64(&ms, 10, &v) && v < 60000) {
		ts.tv_sec = (time_t)(v / 1000);
		ts.tv_nsec = (long)(v % 1000) * 1000000L;
	}
	if (out_flush() < 0)
		return -1;
	while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
		;
	return 0;
}

/* The passes: once, or one a second with -c; returns the exit status. */
static int
main_run(struct run_ctx *c)
{
	const struct opts *o = c->o;
	int status;

	if (o->ext.netns != NULL &&
	    main_enter_netns(c, o->ext.netns) != EXIT_OK)
		return EXIT_FAIL;
	/* With file capabilities, only the -p scan keeps them (privs.c). */
	int rc = privs_start(
	    o->mode == MODE_SOCKETS && (o->programs || o->ext.xf.npids > 0));
	if (rc < 0)
		return main_privs_failed(rc);
	/* -s ignores -c, as net-tools does. */
	bool repeat = o->continuous && o->mode != MODE_STATS;
	for (;; c->pass++) {
		status =
		    o->ext.all_netns ? main_pass_all_netns(c) : main_pass(c);
		if (privs_error() < 0) {
			status = main_privs_failed(privs_error());
			break;
		}
		if (!repeat || status != EXIT_OK)
			break;
		if (main_wait() < 0)
			break;
	}
	return status;
}

int
main(int argc, char **argv)
{
	struct opts parsed;
	struct run_ctx ctx = { 0 };
	int status;

	setlocale(LC_ALL, "");
	i18n_init();
	out_init();
	opts_parse(argc, argv, &parsed);
	ctx.o = &parsed;
	ctx.emit = main_emitter(&parsed);
	status = main_run(&ctx);
	if (report_finish() != 0 || emit_metrics_failed(ctx.emit))
		status = EXIT_FAIL;
	sockets_ctx_free(&ctx);
	emit_free(ctx.emit);
	return status;
}
