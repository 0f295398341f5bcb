#!/usr/bin/env bash
# tests/suites/bench.sh - scripts/bench on its smallest population: every
# command is run by all three tools and exits 0, nlnetstat prints as many
# rows as netstat, names are looked up once each, -c refreshes are counted
# and a kept run renders as Markdown.  No timing is asserted here.
source "$(dirname "$0")/../lib.sh"

need_root "bench" || exit 0
for tool in ss strace ip; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		skip "bench" "$tool not installed"
		exit 0
	fi
done

B="$TOP/scripts/bench"
K="$T_TMP/kept"
if ! "$B" --sizes 1k --runs 1 --name-pairs 200 --c-size 1k --refreshes 3 \
	--pause-ms 10 --ifaces 100 --ic-refreshes 3 --routes 2k,200 \
	--keep "$K" >"$T_TMP/b.out" 2>"$T_TMP/b.err"; then
	fail "bench: a 1k run completes" "$(tail -3 "$T_TMP/b.err" | tr '\n' ';')"
	exit 0
fi
pass "bench: a 1k run completes"

# The interfaces-and-routes part: every mode timed for every tool.
missing=""
for c in "if100 -i" "if100 -ie" "if100 -g" "routes -rn"; do
	for t in nl netstat; do
		awk -F'\t' -v p="${c%% *}" -v c="${c#* }" -v t="$t" \
			'$1 == p && $2 == c && $3 == t && $9 == 0 { f = 1 } END { exit !f }' \
			"$K/ifres.tsv" || missing="$missing $t:$c"
	done
done
if [ -z "$missing" ] && [ "$(cat "$K/r4.same" 2>/dev/null)" = same ]; then
	pass "bench: interfaces and routes timed, -rn output as netstat's"
else
	fail "bench: interfaces and routes timed" "missing or failed:$missing"
fi

cmds="-tan -an -tanp -anp -tln -tlnp -s -xa"
missing=""
for c in $cmds; do
	for t in nl netstat ss; do
		awk -F'\t' -v c="$c" -v t="$t" \
			'$1 == 1000 && $2 == c && $3 == t && $4 == 0 { f = 1 } END { exit !f }' \
			"$K/results.tsv" || missing="$missing $t:$c"
	done
done
if [ -z "$missing" ]; then
	pass "bench: every command timed for nl, netstat and ss, all exit 0"
else
	fail "bench: every command timed for nl, netstat and ss, all exit 0" "missing or failed:$missing"
fi

bad=$(awk -F'\t' '$3 == "nl" { nl[$2] = $4 } $3 == "netstat" { nt[$2] = $4 }
	END { for (c in nt) if (nl[c] != nt[c]) print c }' "$K/rows.tsv")
if [ -s "$K/rows.tsv" ] && [ -z "$bad" ]; then
	pass "bench: nlnetstat prints as many rows as netstat"
else
	fail "bench: nlnetstat prints as many rows as netstat" "differ for: $bad"
fi

# names4 has 200 connections between two addresses: lookups must not grow
# with the connection count, and -n must not look anything up.
if awk -F'\t' '$1 == "names4" && $2 == "-ta" && $3 == "nl" && $4 <= 3 { a = 1 }
	$1 == "names4" && $2 == "-tae" && $3 == "nl" && $6 <= 1 { b = 1 }
	$1 == "names4" && $2 == "-tan" && $3 == "nl" && $4 + $5 + $6 + $7 == 0 { c = 1 }
	END { exit !(a && b && c) }' "$K/lookups.tsv"; then
	pass "bench: each address and uid looked up once, nothing with -n"
else
	fail "bench: each address and uid looked up once, nothing with -n" "$(tr '\t\n' ' ;' <"$K/lookups.tsv")"
fi

# shellcheck disable=SC1091
. "$K/cont.txt"
# shellcheck disable=SC2154 # set by cont.txt
if [ "${refreshes:-0}" -ge 3 ] && [ "${rss_last_kib:-0}" -gt 0 ]; then
	pass "bench: -c refreshes counted and RSS sampled"
else
	fail "bench: -c refreshes counted and RSS sampled" "$(tr '\n' ' ' <"$K/cont.txt")"
fi

# The run a refresh is compared with writes into a pipe too, and succeeds.
if awk -F'\t' '$1 == "cont-pipe" && $9 == 0 { n++ } END { exit !n }' \
	"$K/results.tsv"; then
	pass "bench: -c baseline runs write into a pipe"
else
	fail "bench: -c baseline runs write into a pipe" "$(grep cont-pipe "$K/results.tsv" | tr '\t\n' ' ;')"
fi

"$B" --report "$K" --markdown >"$T_TMP/r.md" 2>&1
if grep -q '^| 1000 | -tanp |' "$T_TMP/r.md" && grep -q '^### -c' "$T_TMP/r.md"; then
	pass "bench: --report renders a kept run as Markdown"
else
	fail "bench: --report renders a kept run as Markdown" "$(head -c 200 "$T_TMP/r.md")"
fi

"$B" --sizes 1x >"$T_TMP/e.out" 2>"$T_TMP/e.err"
rc=$?
if [ "$rc" -ne 0 ] && grep -q 'bad count: 1x' "$T_TMP/e.err"; then
	pass "bench: a bad size is refused"
else
	fail "bench: a bad size is refused" "exit $rc: $(cat "$T_TMP/e.err")"
fi
