/*
 * netstat.h - exit codes, limits and column widths shared by every module.
 * Every width quotes the net-tools 2.10 header or printf it reproduces, so
 * that no format string outside fmt.c carries a bare number.
 */
#ifndef NLNETSTAT_NETSTAT_H
#define NLNETSTAT_NETSTAT_H

/* Exit codes, as net-tools netstat uses them. */
#define EXIT_OK 0
#define EXIT_FAIL 1   /* runtime failure, unsupported family, missing file */
#define EXIT_USAGE 3  /* getopt error, conflicting modes */
#define EXIT_OPEN 255 /* a /proc socket file exists but cannot be opened */

/* "Proto" column of TCP and RAW rows: "%-4s  " */
#define W_PROTO_TCP 4
/* "Proto" column of UDP rows: "%-5s " */
#define W_PROTO_UDP 5
/* "Recv-Q" and "Send-Q": "%6ld %6ld" */
#define W_QUEUE 6
/* "Local Address           ": "%-23s" */
#define W_ADDR 23
/* Longest host:port text net-tools builds with -W (a 128-byte buffer). */
#define W_ADDR_MAX 127
/* Port text kept when truncating to W_ADDR: "%.18s" semantics. */
#define W_PORT_CUT 18
/* "State      ": "%-11s" */
#define W_STATE 11
/* -e: "User      " and "Inode     ": "%-10s %-10lu" */
#define W_USER 10
#define W_INODE 10
/* -p: "PID/Program name    ": "%-20s" of a 20-byte buffer (19 chars kept) */
#define W_PROG 20
#define PROG_KEEP 19
/* UNIX table: "%-5s %-6ld %-11s %-10s %-13s %-8lu" */
#define W_UNIX_PROTO 5
#define W_UNIX_REFCNT 6
#define W_UNIX_FLAGS 11
#define W_UNIX_TYPE 10
#define W_UNIX_STATE 13
#define W_UNIX_INODE 8

#endif
