#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# tests/suites/fuzz_regress.sh - replays the fuzz inputs without clang: each
# tests/fuzz/fuzz_<t>.c is linked with tests/fuzz/replay.c and the project's
# objects (built here with the normal compiler, with ASan and UBSan when it
# has them) and run on tests/fuzz/corpus/<t>/* and tests/fuzz/regress/<t>/*.
# One PASS or FAIL line per target.

: "${TOP:=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
# shellcheck source=../lib.sh
source "$TOP/tests/lib.sh"

FZ=$TOP/tests/fuzz
FZ_CC=${CC:-cc}
# -O0: this suite compiles the whole project, and it must stay quick.
FZ_CFLAGS="-std=gnu11 -D_GNU_SOURCE -I$TOP/include -I$FZ -g -O0"
FZ_DEPCFLAGS=$(pkg-config --cflags libmnl libcap 2>/dev/null)
FZ_LIBS=$(pkg-config --libs libmnl libcap 2>/dev/null || echo -lmnl -lcap)
FZ_SAN="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"

# The sanitizers are what turn a quiet over-read into a failure: use them
# whenever the compiler can link them.
fz_pick_sanitizers() {
	echo 'int main(void) { return 0; }' >"$T_TMP/probe.c"
	# shellcheck disable=SC2086
	if "$FZ_CC" $FZ_SAN -o "$T_TMP/probe" "$T_TMP/probe.c" 2>/dev/null &&
		"$T_TMP/probe"; then
		FZ_NOTE=""
	else
		FZ_SAN=""
		FZ_NOTE=" (no sanitizers in $FZ_CC: crashes only)"
	fi
}

# Compile src/*/*.c but main.c, and replay.c, into $T_TMP/obj, two at a time.
fz_build_objs() {
	mkdir -p "$T_TMP/obj"
	local s
	# shellcheck disable=SC2016 # the inner sh expands them
	for s in "$TOP"/src/*/*.c "$FZ/replay.c"; do
		[ "$(basename "$s")" = main.c ] && continue
		echo "$s"
	done | FZ_CC=$FZ_CC FZ_FLAGS="$FZ_CFLAGS $FZ_DEPCFLAGS $FZ_SAN" \
		OBJ="$T_TMP/obj" xargs -d '\n' -P 2 -n 1 sh -c \
		'$FZ_CC $FZ_FLAGS -c -o "$OBJ/$(basename "$1" .c).o" "$1"' sh \
		>"$T_TMP/objs.log" 2>&1
}

# fz_run T: build the replayer for target T and run it on every input.
fz_run() {
	local t=$1 bin="$T_TMP/fuzz_$1" log="$T_TMP/$1.log"
	local -a inputs=()
	local f

	for f in "$FZ/corpus/$t"/* "$FZ/regress/$t"/*; do
		[ -f "$f" ] && inputs+=("$f")
	done
	# shellcheck disable=SC2086
	if ! "$FZ_CC" $FZ_CFLAGS $FZ_DEPCFLAGS $FZ_SAN -o "$bin" \
		"$FZ/fuzz_$t.c" "$T_TMP"/obj/*.o $FZ_LIBS \
		>"$log" 2>&1; then
		fail "fuzz_regress: $t" "does not build"
		sed 's/^/    /' "$log" | head -n 20
		return
	fi
	if [ ${#inputs[@]} -eq 0 ]; then
		skip "fuzz_regress: $t" "no corpus or regression inputs"
		return
	fi
	# The braces keep bash's "Aborted" notice out of the suite's output.
	if { TMPDIR=$T_TMP ASAN_OPTIONS=detect_leaks=0 \
		UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		"$bin" "${inputs[@]}" >"$log" 2>&1; } 2>/dev/null; then
		pass "fuzz_regress: $t (${#inputs[@]} inputs)$FZ_NOTE"
		return
	fi
	local last
	last=$(grep '^replay: ' "$log" | tail -n 1)
	last=${last#replay: }
	fail "fuzz_regress: $t" "crashed on ${last#"$TOP"/}"
	grep -v '^replay: ' "$log" | grep -m 12 -E \
		'ERROR|SUMMARY|invariant|runtime error|^ +#[0-9] ' | sed 's/^/    /'
}

fz_main() {
	local targets=() f
	for f in "$FZ"/fuzz_*.c; do
		[ -f "$f" ] || continue
		f=$(basename "$f" .c)
		targets+=("${f#fuzz_}")
	done
	if [ ${#targets[@]} -eq 0 ]; then
		skip "fuzz_regress" "no fuzz targets"
		return
	fi
	if ! command -v "$FZ_CC" >/dev/null 2>&1; then
		skip "fuzz_regress" "no C compiler ($FZ_CC)"
		return
	fi
	fz_pick_sanitizers
	if ! fz_build_objs; then
		for f in "${targets[@]}"; do
			fail "fuzz_regress: $f" "project objects do not build"
		done
		grep -m 10 -E 'error' "$T_TMP/objs.log" | sed 's/^/    /'
		return
	fi
	for f in "${targets[@]}"; do
		fz_run "$f"
	done
}

fz_main
