#!/usr/bin/env bash
# tests/suites/install.sh - make install honours PREFIX and DESTDIR and puts
# the binary, the netstat link, the man page and the bash completion in
# place; make uninstall removes exactly what install added.
source "$(dirname "$0")/../lib.sh"

d="$T_TMP/dest"
mkdir -p "$d/usr/local/bin"
echo keep >"$d/usr/local/bin/other-tool"
if ! make -s -C "$TOP" install DESTDIR="$d" PREFIX=/usr/local >"$T_TMP/i.log" 2>&1; then
	fail "install: make install" "$(tail -3 "$T_TMP/i.log")"
	exit 0
fi
want="usr/local/bin/nlnetstat usr/local/bin/netstat
usr/local/share/man/man8/nlnetstat.8
usr/local/share/bash-completion/completions/nlnetstat"
missing=""
for f in $want; do [ -e "$d/$f" ] || missing="$missing $f"; done
if [ -z "$missing" ] && [ "$(readlink "$d/usr/local/bin/netstat")" = nlnetstat ] &&
	"$d/usr/local/bin/netstat" -V | grep -q '^nlnetstat'; then
	pass "install: binary, netstat link, man page and completion under DESTDIR/PREFIX"
else
	fail "install: binary, netstat link, man page and completion under DESTDIR/PREFIX" "missing:$missing"
fi
if bash -c ". '$d/usr/local/share/bash-completion/completions/nlnetstat' &&
	COMP_WORDS=(nlnetstat --jso); COMP_CWORD=1; _nlnetstat; [ \"\${COMPREPLY[*]}\" = --json ]"; then
	pass "install: the completion completes --jso to --json"
else
	fail "install: the completion completes --jso to --json" "no completion"
fi
make -s -C "$TOP" uninstall DESTDIR="$d" PREFIX=/usr/local >"$T_TMP/u.log" 2>&1
left=$(cd "$d" && find . -type f -o -type l | sort)
if [ "$left" = "./usr/local/bin/other-tool" ]; then
	pass "install: make uninstall removes exactly what was installed"
else
	fail "install: make uninstall removes exactly what was installed" "left: $left"
fi
