/*
 * i18n.h - netstat's translations.  The strings net-tools translates are
 * looked up, by their exact net-tools msgid, in the "net-tools" text domain
 * that the system's net-tools package installs; nlnetstat ships no
 * catalog of its own, and its own messages and --json stay English.
 */
#ifndef NLNETSTAT_I18N_H
#define NLNETSTAT_I18N_H

/*
 * Binds the net-tools text domain; call once after setlocale(LC_ALL, "").
 * Without it (unit tests) every lookup returns its msgid.
 */
void i18n_init(void);

/*
 * net-tools' translation of msgid in the current LC_MESSAGES/LANGUAGE, or
 * msgid itself when there is none.  Call from the main thread only: the
 * answers are cached per msgid address (msgid must be a string literal).
 */
const char *tr_(const char *msgid) __attribute__((format_arg(1)));

/* tr_() for a msgid read at run time (no cache; not a format). */
const char *tr_dyn(const char *msgid);

#endif
