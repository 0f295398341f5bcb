/*
 * obsolete.h - the socket tables of families modern kernels no longer
 * have (IPX, AX.25, X.25, NET/ROM, ROSE) and Bluetooth, which net-tools
 * 2.10 is built without.
 */
#ifndef NLNETSTAT_OBSOLETE_H
#define NLNETSTAT_OBSOLETE_H

#include "opts.h"

/* The obsolete-family part of the socket listing; returns exit status. */
int obsolete_sockets(const struct opts *o);

/* The Bluetooth part; returns exit status. */
int obsolete_bluetooth(const struct opts *o);

#endif
