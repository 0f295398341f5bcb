#!/usr/bin/env bash
# tests/suites/options.sh - the command-line surface: getopt errors, usage,
# version, family errors, mode conflicts and option-order semantics against
# /usr/bin/netstat, and that every option the parser accepts is documented
# in --help, the man page and the bash completion.
source "$(dirname "$0")/../lib.sh"

# Cases whose output does not depend on sockets: compared outside any
# namespace, they touch no network state.
error_cases=(
	"-Q" "-Q -V" "--bogus" "--tcp=1" "--protocol" "-A" "-A bogus"
	"-A inet," "-A ,inet" "-A ''" "--s" "--u" "--t" "--n" "--c" "--r" "--i"
	"--in" "--a" "--pr" "--numeric-" "-ri" "-ss" "-rs" "-Ms" "-ii"
	"-L" "-T" "-Z" "-Z -t" "-t -Z" "-x -s" "-A unix -s" "-A inet,inet -s"
	"-x -r" "-A bogus -r" "-M" "-Mc" "--bluetooth" "-2" "-f"
	"--ipx" "--ax25" "--x25" "--netrom" "--rose" "--ax25 --ipx" "-- -Q"
)

for args in "${error_cases[@]}"; do
	eval "set -- $args"
	compare "options: $args" "$@"
done

# -h: netstat's text plus nlnetstat's extension block; the family list is
# still on stderr.  Compare with the block removed.
run_capture ref "$NETSTAT" -h
run_capture got "$NLNETSTAT" -h
sed '/^  nlnetstat extensions/,/^$/d' "$T_TMP/got.out" | sed '$!N;/^\n$/!P;D' >"$T_TMP/got.h"
# The block is inserted before the blank line that precedes <Socket>.
awk 'BEGIN{skip=0} /^  nlnetstat extensions/{skip=1; next} skip && /^$/{skip=0; next} !skip' \
	"$T_TMP/got.out" >"$T_TMP/got.h"
if cmp -s "$T_TMP/ref.out" "$T_TMP/got.h" && cmp -s "$T_TMP/ref.err" "$T_TMP/got.err" &&
	cmp -s "$T_TMP/ref.rc" "$T_TMP/got.rc"; then
	pass "options: -h is netstat's text plus the extensions"
else
	fail "options: -h is netstat's text plus the extensions" "differs"
	show_diff "$T_TMP/ref.out" "$T_TMP/got.h"
fi

# -V acts at once, before a later bad option (net-tools order).
run_capture got "$NLNETSTAT" -V -Q
if grep -q '^nlnetstat [0-9]' "$T_TMP/got.out" && [ "$(cat "$T_TMP/got.rc")" = 0 ] &&
	grep -q 'libmnl' "$T_TMP/got.out"; then
	pass "options: -V names nlnetstat and its libraries"
else
	fail "options: -V names nlnetstat and its libraries" "$(cat "$T_TMP/got.out")"
fi

# Every option accepted by the parser is documented: the short letters of
# net-tools' option string and every long option of both tables.
shorts=$(sed -n 's/^static const char short_opts\[\] = "\(.*\)";/\1/p' "$TOP/src/core/opts.c" |
	tr -d ':?' | fold -w1)
longs=$(sed -n 's/^	{ *"\([a-z0-9-]*\)", [a-z_]*, NULL, .*/\1/p' "$TOP/src/core/opts.c")
xlongs=$(sed -n 's/^	{ *"\([a-z0-9-]*\)", \(true\|false\), XOPT_.*/\1/p' "$TOP/src/core/xopts.c")
[ -n "$shorts" ] && [ -n "$longs" ] && [ -n "$xlongs" ] ||
	fail "options: parser tables found" "could not read the option tables"
"$NLNETSTAT" -h >"$T_TMP/help" 2>&1
missing=""
for l in $longs $xlongs; do
	# net-tools' own usage text omits some long names; the man page and
	# the completion must still have them all.
	grep -q -- "--$l\\b" "$TOP/completion/nlnetstat" || missing="$missing completion:--$l"
	grep -q -- "\\\\-$l\\b" "$TOP/man/nlnetstat.8" || missing="$missing man:--$l"
done
for l in $xlongs; do
	grep -q -- "--$l\\b" "$T_TMP/help" || missing="$missing help:--$l"
done
for c in $shorts; do
	grep -q -- "[[:space:]\"]-$c\\b" "$TOP/completion/nlnetstat" || missing="$missing completion:-$c"
	grep -q -- "Fl $c\\b\\|Fl [A-Za-z0-9]*$c[A-Za-z0-9]*\\b\\|Fl [0-9] , Fl $c\\|Fl $c ," "$TOP/man/nlnetstat.8" ||
		missing="$missing man:-$c"
done
if [ -z "$missing" ]; then
	pass "options: every option in --help, man page and completion"
else
	fail "options: every option in --help, man page and completion" "missing:$missing"
fi

if command -v mandoc >/dev/null 2>&1; then
	if mandoc -T lint -W warning "$TOP/man/nlnetstat.8" 2>&1 | grep -v 'mandoc.db' | grep -q .; then
		fail "options: mandoc -T lint" "$(mandoc -T lint -W warning "$TOP/man/nlnetstat.8" 2>&1 | head -3)"
	else
		pass "options: mandoc -T lint"
	fi
else
	skip "options: mandoc -T lint" "mandoc not installed"
fi
