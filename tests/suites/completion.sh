#!/usr/bin/env bash
# tests/suites/completion.sh - the bash, zsh and fish completions, each run
# by its own shell non-interactively: every short and long option the
# parser accepts is offered, and --state, --netns, --user and -A complete
# their arguments.  zsh runs its completion system inside a zpty and
# records what compadd is given; fish answers `complete -C`.
source "$(dirname "$0")/../lib.sh"

# The option tables, read from the parser as tests/suites/options.sh does.
shorts=$(sed -n 's/^static const char short_opts\[\] = "\(.*\)";/\1/p' "$TOP/src/core/opts.c" |
	tr -d ':?' | fold -w1 | sed 's/^/-/' | sort -u)
longs=$({
	sed -n 's/^	{ *"\([a-z0-9-]*\)", [a-z_]*, NULL, .*/--\1/p' "$TOP/src/core/opts.c"
	sed -n 's/^	{ *"\([a-z0-9-]*\)", \(true\|false\), XOPT_.*/--\1/p' "$TOP/src/core/xopts.c"
} | sort -u)
if [ "$(echo "$shorts" | wc -l)" -lt 30 ] || [ "$(echo "$longs" | wc -l)" -lt 50 ]; then
	fail "completion: parser tables found" "could not read the option tables"
	exit 0
fi

# A namespace to be offered for --netns (root only: /run/netns).
ns=""
if [ "$(id -u)" -eq 0 ] && command -v ip >/dev/null; then
	ns="nlnst-comp-$$"
	ip netns add "$ns" 2>/dev/null || ns=""
fi
cleanup() {
	[ -n "$ns" ] && ip netns del "$ns" 2>/dev/null
	rm -rf "$T_TMP"
}
trap cleanup EXIT

# check SHELL LINE WANT...: the candidates for LINE (one per line in
# $T_TMP/cands) include every WANT; with "=" as the first WANT, they are
# exactly the WANTs.
check() {
	local sh=$1 line=$2
	shift 2
	local exact=0 missing="" extra=""
	if [ "$1" = "=" ]; then
		exact=1
		shift
	fi
	local w
	for w in "$@"; do
		grep -qxF -- "$w" "$T_TMP/cands" || missing="$missing $w"
	done
	if [ $exact = 1 ]; then
		extra=$(printf '%s\n' "$@" | sort -u | comm -13 - <(sort -u "$T_TMP/cands") | tr '\n' ' ')
	fi
	if [ -z "$missing" ] && [ -z "$extra" ]; then
		pass "completion: $sh: '$line'"
	else
		fail "completion: $sh: '$line'" "missing:${missing:- none}; extra: ${extra:-none}"
	fi
}

# --- bash: call the function with COMP_WORDS as readline would split them.
bash_complete() { # WORDS... (the last is the word being completed)
	bash --norc --noprofile -c '. "$1" && shift && COMP_WORDS=("$@") &&
		COMP_CWORD=$(($# - 1)) && _nlnetstat && printf "%s\n" "${COMPREPLY[@]}"' \
		bash "$TOP/completion/nlnetstat" "$@" >"$T_TMP/cands" 2>&1
}
bash_complete nlnetstat -
# shellcheck disable=SC2086
check bash "nlnetstat -" = $shorts
bash_complete nlnetstat --
# bash offers --protocol= (the argument follows the =).
# shellcheck disable=SC2086
check bash "nlnetstat --" = ${longs/--protocol/--protocol=}
bash_complete nlnetstat --st
check bash "nlnetstat --st" = --state --statistics
bash_complete nlnetstat --state LI
check bash "nlnetstat --state LI" = LISTEN LISTENING
bash_complete nlnetstat --state = LI
check bash "nlnetstat --state=LI" = LISTEN LISTENING
bash_complete nlnetstat --user ro
check bash "nlnetstat --user ro" root
bash_complete nlnetstat -A inet,un
check bash "nlnetstat -A inet,un" = inet,unix
if [ -n "$ns" ]; then
	bash_complete nlnetstat --netns ""
	check bash "nlnetstat --netns " "$ns"
fi

# --- zsh: a real zle completion in a pseudo-terminal, compadd recorded.
cat >"$T_TMP/capture.zsh" <<'EOF'
# zsh -f capture.zsh FPATH_DIR OUT_FILE LINE: completes LINE as if TAB were
# pressed and appends every match given to compadd to OUT_FILE.
zmodload zsh/zpty || exit 2
dir=$1 outf=$2 line=$3
: >$outf
zpty z zsh -f -i
zpty -w z "PROMPT= ; fpath=(${(q)dir} \$fpath); OUTF=${(q)outf}"
zpty -w z 'autoload -Uz compinit && compinit -u -D'
zpty -w z 'compadd () {
  if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then builtin compadd "$@"; return $?; fi
  local -a __hits
  builtin compadd -A __hits "$@"
  (( $#__hits )) && print -rl -- $__hits >>$OUTF
  builtin compadd "$@"
}'
zpty -w z 'comp_end() { print -r -- "<END>" >>$OUTF; }'
zpty -w z 'tab_complete() { comppostfuncs=(comp_end); zle complete-word; }'
zpty -w z 'zle -N tab_complete; bindkey "^I" tab_complete'
zpty -n -w z "$line"$'\t'
for i in {1..200}; do
  grep -q '^<END>$' $outf 2>/dev/null && break
  zpty -r -t z chunk 2>/dev/null
  sleep 0.05
done
zpty -d z
grep -q '^<END>$' $outf
EOF
zsh_complete() { # LINE
	if timeout 30 zsh -f "$T_TMP/capture.zsh" "$TOP/completion" "$T_TMP/zout" "$1"; then
		grep -v '^<END>$' "$T_TMP/zout" | sort -u >"$T_TMP/cands"
	else
		echo "(zsh completion did not finish)" >"$T_TMP/cands"
	fi
}
if command -v zsh >/dev/null; then
	zsh_complete "nlnetstat -"
	# shellcheck disable=SC2086
	check zsh "nlnetstat -" = $shorts $longs
	zsh_complete "nlnetstat --st"
	check zsh "nlnetstat --st" = --state --statistics
	zsh_complete "nlnetstat --state LI"
	check zsh "nlnetstat --state LI" = LISTEN LISTENING
	zsh_complete "nlnetstat --state=LISTEN,E"
	check zsh "nlnetstat --state=LISTEN,E" = ESTABLISHED
	zsh_complete "nlnetstat --user ro"
	check zsh "nlnetstat --user ro" root
	zsh_complete "nlnetstat -A inet,un"
	check zsh "nlnetstat -A inet,un" = unix
	if [ -n "$ns" ]; then
		zsh_complete "nlnetstat --netns "
		check zsh "nlnetstat --netns " "$ns"
	fi
else
	skip "completion: zsh" "zsh not installed"
fi

# --- fish: complete -C prints "candidate<TAB>description" lines.
fish_complete() { # LINE
	# shellcheck disable=SC2016 # $argv is fish's, expanded by fish
	fish --no-config -c 'source $argv[1]; complete -C$argv[2]' \
		"$TOP/completion/nlnetstat.fish" "$1" 2>&1 | cut -f1 | sort -u >"$T_TMP/cands"
}
if command -v fish >/dev/null; then
	fish_complete "nlnetstat -"
	# shellcheck disable=SC2086
	check fish "nlnetstat -" = $shorts $longs
	fish_complete "nlnetstat --st"
	check fish "nlnetstat --st" = --state --statistics
	fish_complete "nlnetstat --state LI"
	check fish "nlnetstat --state LI" = LISTEN LISTENING
	fish_complete "nlnetstat --state=LISTEN,E"
	check fish "nlnetstat --state=LISTEN,E" = --state=LISTEN,ESTABLISHED
	fish_complete "nlnetstat --user ro"
	check fish "nlnetstat --user ro" root
	fish_complete "nlnetstat -A inet,un"
	check fish "nlnetstat -A inet,un" = inet,unix
	if [ -n "$ns" ]; then
		fish_complete "nlnetstat --netns "
		check fish "nlnetstat --netns " "$ns"
	fi
else
	skip "completion: fish" "fish not installed"
fi

# --- make install puts the zsh and fish completions where the shells look.
# (-o nlnetstat: install the binary as built, never rebuild it here - under
# make SANITIZE=1 check that would swap in a plain build.)
d="$T_TMP/dest"
if make -s -C "$TOP" -o nlnetstat install DESTDIR="$d" PREFIX=/usr/local >"$T_TMP/i.log" 2>&1 &&
	cmp -s "$d/usr/local/share/zsh/site-functions/_nlnetstat" "$TOP/completion/_nlnetstat" &&
	cmp -s "$d/usr/local/share/fish/vendor_completions.d/nlnetstat.fish" "$TOP/completion/nlnetstat.fish" &&
	make -s -C "$TOP" -o nlnetstat install DESTDIR="$d/2" PREFIX=/usr ZSHCOMPDIR=/usr/share/zsh/vendor-completions \
		>>"$T_TMP/i.log" 2>&1 && [ -f "$d/2/usr/share/zsh/vendor-completions/_nlnetstat" ]; then
	pass "completion: make install puts _nlnetstat and nlnetstat.fish in place (ZSHCOMPDIR honoured)"
else
	fail "completion: make install puts _nlnetstat and nlnetstat.fish in place (ZSHCOMPDIR honoured)" \
		"$(tail -2 "$T_TMP/i.log")"
fi
