/*
 * iface_list.c - the -i interface list: one entry per name (aliases such
 * as eth0:5 included), found by hash, sorted once into net-tools' natural
 * order (eth2 before eth10).  Filled by both sources of -i: the /proc +
 * ioctl reader (iface.c) and the rtnetlink snapshot (iface_rtnl.c).
 */
#include "iface.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Cut a trailing ":digits" alias off name; returns the digits or NULL. */
static char *
name_cut_alias(char *name)
{
	bool digit = false;

	for (size_t pos = strlen(name); pos > 0; pos--) {
		if (name[pos - 1] == ':' && digit) {
			name[pos - 1] = '\0';
			return name + pos;
		}
		if (!is_digit(name[pos - 1]))
			break;
		digit = true;
	}
	return NULL;
}

/* Length of name without its trailing digits. */
static size_t
name_stem(const char *name)
{
	size_t pos = strlen(name);

	while (pos > 0 && is_digit(name[pos - 1]))
		pos--;
	return pos;
}

/* atoi() as net-tools uses it: strtol() truncated to int. */
static int
name_number(const char *s)
{
	return (int)strtol(s, NULL, 10);
}

static int
sign_of(int v)
{
	return (v > 0) - (v < 0);
}

int
iface_name_cmp(const char *ap, const char *bp)
{
	char a[64], b[64];

	snprintf(a, sizeof(a), "%s", ap);
	snprintf(b, sizeof(b), "%s", bp);
	char *aalias = name_cut_alias(a), *balias = name_cut_alias(b);
	size_t ai = name_stem(a), bi = name_stem(b);
	int res = strncmp(a, b, ai < bi ? ai : bi);

	if (res != 0)
		return sign_of(res);
	if (ai != bi)
		return ai > bi ? 1 : -1;
	int av = name_number(a + ai), bv = name_number(b + bi);
	if (av != bv)
		return av < bv ? -1 : 1;
	if ((res = strcmp(a, b)) != 0)
		return sign_of(res);
	av = aalias ? name_number(aalias) : -1;
	bv = balias ? name_number(balias) : -1;
	if (av != bv)
		return av < bv ? -1 : 1;
	return aalias && balias ? sign_of(strcmp(aalias, balias)) : 0;
}

size_t
iface_name_hash(const char *s)
{
	size_t h = 2166136261u;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

/* The slot of name in l's index: its row's or the empty one to fill. */
static size_t *
list_slot(const struct iface_list *l, const char *name)
{
	size_t mask = l->names.cap - 1, i = iface_name_hash(name) & mask;

	while (l->names.slot[i] != 0 &&
	       strcmp(l->v[l->names.slot[i] - 1].name, name) != 0)
		i = (i + 1) & mask;
	return &l->names.slot[i];
}

/* Rebuild the index at twice the row capacity (load factor <= 1/2). */
static void
list_rehash(struct iface_list *l)
{
	free(l->names.slot);
	l->names.cap = 64;
	while (l->names.cap < 2 * l->cap)
		l->names.cap *= 2;
	l->names.slot = xcalloc(l->names.cap, sizeof(*l->names.slot));
	for (size_t i = 0; i < l->n; i++)
		*list_slot(l, l->v[i].name) = i + 1;
}

struct iface *
iface_list_find(const struct iface_list *l, const char *name)
{
	if (l->names.cap == 0)
		return NULL;
	size_t row = *list_slot(l, name);
	return row != 0 ? &l->v[row - 1] : NULL;
}

struct iface *
iface_list_add(struct iface_list *l, const char *name)
{
	char key[IFNAMSIZ];
	struct iface *old;

	snprintf(key, sizeof(key), "%s", name);
	if ((old = iface_list_find(l, key)) != NULL)
		return old;
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 32;
		l->v = xrealloc(l->v, l->cap * sizeof(*l->v));
		list_rehash(l);
	}
	struct iface *ifc = &l->v[l->n++];
	memset(ifc, 0, sizeof(*ifc));
	snprintf(ifc->name, sizeof(ifc->name), "%s", key);
	*list_slot(l, key) = l->n;
	return ifc;
}

static int
iface_entry_cmp(const void *a, const void *b)
{
	return iface_name_cmp(
	    ((const struct iface *)a)->name, ((const struct iface *)b)->name);
}

void
iface_list_sort(struct iface_list *l)
{
	if (l->n > 1)
		qsort(l->v, l->n, sizeof(*l->v), iface_entry_cmp);
	if (l->cap > 0)
		list_rehash(l);
}

void
iface_list_free(struct iface_list *l)
{
	free(l->v);
	free(l->names.slot);
	memset(l, 0, sizeof(*l));
}
