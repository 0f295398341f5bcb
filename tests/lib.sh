# tests/lib.sh - helpers sourced by every shell test suite.
# A suite reports each case as one line: "PASS: name", "FAIL: name: why" or
# "SKIP: name: why"; tests/run.sh counts them.  Differential cases run
# net-tools netstat and nlnetstat with the same argv[0] ("netstat") and
# compare stdout, stderr and exit status byte for byte.

: "${TOP:=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
: "${BUILD:=build}"
NLNETSTAT="$TOP/nlnetstat"
NETSTAT=/usr/bin/netstat
export LC_ALL=C
unset LANGUAGE

T_TMP=$(mktemp -d "${TMPDIR:-/tmp}/nlnetstat-test.XXXXXX")
trap 'rm -rf "$T_TMP"' EXIT

pass() { echo "PASS: $1"; }
fail() { echo "FAIL: $1: $2"; }
skip() { echo "SKIP: $1: $2"; }

# need_root NAME: true when running as root, else prints SKIP for NAME.
need_root() {
	if [ "$(id -u)" -ne 0 ]; then
		skip "$1" "needs root (private network namespaces)"
		return 1
	fi
	return 0
}

# run_as ARGV0 BINARY ARGS...: run with argv[0] set, capture into $T_TMP/<tag>.*
# Uses $RUN_PREFIX (e.g. a setpriv command) when set.
run_capture() {
	local tag=$1 bin=$2
	shift 2
	# shellcheck disable=SC2086
	(exec ${RUN_PREFIX:-} bash -c 'exec -a netstat "$0" "$@"' "$bin" "$@") \
		>"$T_TMP/$tag.out" 2>"$T_TMP/$tag.err"
	echo $? >"$T_TMP/$tag.rc"
}

# show_diff A B: a short unified diff for failure reports.
show_diff() {
	diff -u "$1" "$2" | head -n "${DIFF_LINES:-20}" | sed 's/^/    /'
}

# filter stdin through $NORMALIZE (a sed script) when set.
normalize() {
	if [ -n "${NORMALIZE:-}" ]; then sed -E "$NORMALIZE"; else cat; fi
}

# compare_once NAME ARGS...: one differential run; returns 0 when identical.
compare_once() {
	local name=$1
	shift
	run_capture ref "$NETSTAT" "$@"
	run_capture got "$NLNETSTAT" "$@"
	for k in out err; do
		normalize <"$T_TMP/ref.$k" >"$T_TMP/ref.$k.n"
		normalize <"$T_TMP/got.$k" >"$T_TMP/got.$k.n"
	done
	cmp -s "$T_TMP/ref.out.n" "$T_TMP/got.out.n" &&
		cmp -s "$T_TMP/ref.err.n" "$T_TMP/got.err.n" &&
		cmp -s "$T_TMP/ref.rc" "$T_TMP/got.rc"
}

# compare NAME ARGS...: differential case.  Sockets can change between two
# runs (timers tick, a queue drains), so a mismatch is retried twice before
# it counts; a real difference is stable and still fails.
compare() {
	local name=$1
	shift
	local try
	for try in 1 2 3; do
		if compare_once "$name" "$@"; then
			pass "$name"
			return 0
		fi
		sleep 0.2
	done
	fail "$name" "differs from netstat (args: $*)"
	show_diff "$T_TMP/ref.out.n" "$T_TMP/got.out.n"
	show_diff "$T_TMP/ref.err.n" "$T_TMP/got.err.n"
	if ! cmp -s "$T_TMP/ref.rc" "$T_TMP/got.rc"; then
		echo "    exit: netstat $(cat "$T_TMP/ref.rc") nlnetstat $(cat "$T_TMP/got.rc")"
	fi
	return 1
}

# expect NAME WANT_RC WANT_OUT_FILE CMD...: golden case against a file.
expect_golden() {
	local name=$1 want_rc=$2 want=$3
	shift 3
	"$@" >"$T_TMP/g.out" 2>"$T_TMP/g.err"
	local rc=$?
	if [ "$rc" != "$want_rc" ]; then
		fail "$name" "exit $rc, want $want_rc"
		sed 's/^/    /' "$T_TMP/g.err" | head -5
		return 1
	fi
	if ! cmp -s "$want" "$T_TMP/g.out"; then
		fail "$name" "output differs from $(basename "$want")"
		show_diff "$want" "$T_TMP/g.out"
		return 1
	fi
	pass "$name"
}

# ref_capture TAG DIR ARGS...: net-tools netstat reading fixture DIR as its
# /proc (bind-mounted in a private mount namespace), captured as TAG.
ref_capture() {
	local tag=$1 dir=$2
	shift 2
	# shellcheck disable=SC2016
	run_capture "$tag" unshare -m bash -c \
	    'mount --bind "$0" /proc && exec -a netstat "$1" "${@:2}"' \
	    "$dir" "$NETSTAT" "$@"
}

# golden_keep TAG BASE: keep capture TAG as golden files $GOLD/BASE.out,
# plus .err and .rc only when stderr was written or the status was not 0.
golden_keep() {
	local tag=$1 base=$2
	cp "$T_TMP/$tag.out" "$GOLD/$base.out"
	rm -f "$GOLD/$base.err" "$GOLD/$base.rc"
	[ -s "$T_TMP/$tag.err" ] && cp "$T_TMP/$tag.err" "$GOLD/$base.err"
	[ "$(cat "$T_TMP/$tag.rc")" != 0 ] && cp "$T_TMP/$tag.rc" "$GOLD/$base.rc"
	return 0
}
