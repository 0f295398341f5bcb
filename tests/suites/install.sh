#!/usr/bin/env bash
# tests/suites/install.sh - make install honours PREFIX and DESTDIR and puts
# the binary (stripped unless INSTALL_STRIP= or DEB_BUILD_OPTIONS=nostrip),
# the netstat link, the man page and the bash completion in place; make
# uninstall removes exactly what install added.
source "$(dirname "$0")/../lib.sh"

# The flavour under test, so make install does not swap ./nlnetstat for the
# other build (plain versus SANITIZE=1).
SAN=
[ "$BUILD" = build-san ] && SAN=1

# stripped FILE: true when FILE has neither a symbol table nor debug sections.
stripped() {
	! readelf -S "$1" 2>/dev/null | grep -Eq '\.symtab|\.debug_'
}

# strip_cases: the binary is stripped by default; INSTALL_STRIP= and
# DEB_BUILD_OPTIONS=nostrip (a package build that strips and keeps the
# debug symbols itself) install it as built.
strip_cases() {
	local d="$T_TMP/strip" how
	if ! command -v readelf >/dev/null; then
		skip "install: the binary is stripped" "readelf not installed (binutils)"
		return
	fi
	if stripped "$TOP/nlnetstat"; then
		skip "install: the binary is stripped" "./nlnetstat is built stripped already"
		return
	fi
	make -s -C "$TOP" install DESTDIR="$d/s" SANITIZE="$SAN" >/dev/null 2>&1
	if stripped "$d/s/usr/local/bin/nlnetstat" &&
		"$d/s/usr/local/bin/netstat" -V | grep -q '^nlnetstat'; then
		pass "install: the binary is stripped"
	else
		fail "install: the binary is stripped" "symbols or debug sections left"
	fi
	for how in INSTALL_STRIP= DEB_BUILD_OPTIONS="parallel=2 nostrip"; do
		rm -rf "$d/k"
		env "$how" make -s -C "$TOP" install DESTDIR="$d/k" SANITIZE="$SAN" \
			>/dev/null 2>&1
		if cmp -s "$TOP/nlnetstat" "$d/k/usr/local/bin/nlnetstat"; then
			pass "install: $how installs the binary as built"
		else
			fail "install: $how installs the binary as built" "differs from ./nlnetstat"
		fi
	done
}

d="$T_TMP/dest"
mkdir -p "$d/usr/local/bin"
echo keep >"$d/usr/local/bin/other-tool"
if ! make -s -C "$TOP" install DESTDIR="$d" PREFIX=/usr/local SANITIZE="$SAN" \
	>"$T_TMP/i.log" 2>&1; then
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
make -s -C "$TOP" uninstall DESTDIR="$d" PREFIX=/usr/local SANITIZE="$SAN" \
	>"$T_TMP/u.log" 2>&1
left=$(cd "$d" && find . -type f -o -type l | sort)
if [ "$left" = "./usr/local/bin/other-tool" ]; then
	pass "install: make uninstall removes exactly what was installed"
else
	fail "install: make uninstall removes exactly what was installed" "left: $left"
fi
strip_cases
