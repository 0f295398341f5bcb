/*
 * i18n.c - lookups in net-tools' message catalogs through the C library's
 * gettext (dgettext on the "net-tools" domain, never textdomain(), so
 * nlnetstat's own strings are never looked up).  Answers are cached by
 * msgid address: state names are looked up once per row.
 */
#include "i18n.h"

#include <libintl.h>
#include <locale.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#ifndef NLNETSTAT_LOCALEDIR
#define NLNETSTAT_LOCALEDIR "/usr/share/locale"
#endif

#define I18N_DOMAIN "net-tools"
#define I18N_SLOTS 512 /* more than every msgid nlnetstat looks up */

/*
 * Global, like the locale itself: set once by i18n_init() for the process,
 * and the translations cached for every later -c pass.
 */
static bool i18n_on;

static struct {
	const char *msgid, *text;
} i18n_cache[I18N_SLOTS];

void
i18n_init(void)
{
	const char *lc = setlocale(LC_MESSAGES, NULL);

	/* In the C locale gettext ignores LANGUAGE: nothing to look up. */
	if (lc == NULL || strcmp(lc, "C") == 0 || strcmp(lc, "POSIX") == 0)
		return;
	if (bindtextdomain(I18N_DOMAIN, NLNETSTAT_LOCALEDIR) == NULL)
		return;
	i18n_on = true;
}

const char *
tr_dyn(const char *msgid)
{
	if (!i18n_on || msgid[0] == '\0')
		return msgid;
	return dgettext(I18N_DOMAIN, msgid);
}

const char *
tr_(const char *msgid)
{
	size_t h, i;

	/* gettext("") is the catalog header, never a table text. */
	if (!i18n_on || msgid[0] == '\0')
		return msgid;
	h = (size_t)(((uintptr_t)msgid >> 3) * 2654435761u) % I18N_SLOTS;
	for (i = 0; i < I18N_SLOTS; i++) {
		size_t s = (h + i) % I18N_SLOTS;

		if (i18n_cache[s].msgid == msgid)
			return i18n_cache[s].text;
		if (i18n_cache[s].msgid == NULL) {
			i18n_cache[s].msgid = msgid;
			i18n_cache[s].text = dgettext(I18N_DOMAIN, msgid);
			return i18n_cache[s].text;
		}
	}
	return dgettext(I18N_DOMAIN, msgid);
}
