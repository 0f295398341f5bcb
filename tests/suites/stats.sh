#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# tests/suites/stats.sh - the -s mode.
#  * golden: nlnetstat on the fake /proc trees of tests/fixtures/stats/<case>
#    (through NLNETSTAT_PROC_ROOT) against tests/golden/stats/<case>.<v>.out
#    (+ .err, .rc when not empty / not 0), one case per golden file;
#  * live: in a private network namespace with loopback TCP, UDP, ICMP and
#    raw traffic, net-tools netstat against nlnetstat for every variant.
# STATS_REGEN=1 rewrites the goldens: from net-tools netstat reading the
# same fixture (bind-mounted over /proc in a private mount namespace), or
# from nlnetstat for the cases listed in STATS_HANDWRITTEN.

: "${TOP:=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
# shellcheck source=../lib.sh
source "$TOP/tests/lib.sh"

FIX=$TOP/tests/fixtures/stats
GOLD=$TOP/tests/golden/stats

# Variant name -> netstat arguments.
stats_args() {
	case $1 in
	s) echo "-s" ;;
	st) echo "-s -t" ;;
	su) echo "-s -u" ;;
	sw) echo "-s -w" ;;
	sS) echo "-s -S" ;;
	sU) echo "-s -U" ;;
	stu) echo "-s -t -u" ;;
	stuw) echo "-st -uw" ;;
	s6) echo "-s -6" ;;
	s6t) echo "-s -6 -t" ;;
	s6u) echo "-s -6 -u" ;;
	s6w) echo "-s -6 -w" ;;
	s6S) echo "-s -6 -S" ;;
	sA6) echo "-s -A inet6" ;;
	sinet6) echo "--statistics --inet6" ;;
	s4) echo "-s -4" ;;
	sip) echo "-s -A ip" ;;
	senvc) echo "-s -e -n -v -c" ;;
	salpoW) echo "-s -a -l -p -o -W" ;;
	sx) echo "-s -x" ;;
	s46) echo "-s -4 -6" ;;
	sA6i) echo "-s -A inet6,inet" ;;
	sddp) echo "-s -A ddp" ;;
	*) return 1 ;;
	esac
}

FULL="s st su sw sS sU stu s6 s6t s6u s6w sA6 sinet6 senvc"
SHORT="s st sS s6 s6t"
LIVE="s st su sw sS sU stu stuw s6 s6t s6u s6w s6S sA6 sinet6 s4 sip senvc
	salpoW sx s46 sA6i sddp"
# Case -> variants kept as goldens (regeneration only).
stats_case_variants() {
	case $1 in
	real) echo "$FULL sx s46 sA6i sddp" ;;
	host | zero | distinct | huge | future) echo "$FULL" ;;
	*) echo "$SHORT" ;;
	esac
}
# Cases where netstat prints stale memory: the goldens are nlnetstat's
# reviewed output (skip the line, one warning), see README there.
STATS_HANDWRITTEN="garbage"

stats_is_handwritten() {
	[[ " $STATS_HANDWRITTEN " == *" $1 "* ]]
}

# Keep a capture as golden files: .out always, .err/.rc only when needed.
stats_regen() {
	local dir c v base
	if ! "$NLNETSTAT" -V >/dev/null 2>&1; then
		echo "stats: $NLNETSTAT does not run; build it first" >&2
		return 1
	fi
	mkdir -p "$GOLD"
	rm -f "$GOLD"/*.out "$GOLD"/*.err "$GOLD"/*.rc
	for dir in "$FIX"/*/; do
		c=$(basename "$dir")
		for v in $(stats_case_variants "$c"); do
			base=$c.$v
			# shellcheck disable=SC2046
			if stats_is_handwritten "$c"; then
				NLNETSTAT_PROC_ROOT=$dir run_capture ref \
				    "$NLNETSTAT" $(stats_args "$v")
			else
				# shellcheck disable=SC2016
				run_capture ref unshare -m bash -c \
				    'mount --bind "$0" /proc &&
				     exec -a netstat "$1" "${@:2}"' \
				    "$dir" "$NETSTAT" $(stats_args "$v")
			fi
			golden_keep ref "$base"
		done
	done
	echo "regenerated $(find "$GOLD" -name '*.out' | wc -l) goldens"
}

stats_golden() {
	local base=$1 c=${1%.*} v=${1##*.} args want_err want_rc
	if ! args=$(stats_args "$v"); then
		fail "stats golden $base" "unknown variant $v"
		return
	fi
	if [ ! -d "$FIX/$c" ]; then
		fail "stats golden $base" "no fixture $c"
		return
	fi
	# shellcheck disable=SC2086
	NLNETSTAT_PROC_ROOT=$FIX/$c run_capture got "$NLNETSTAT" $args
	want_err=/dev/null
	[ -f "$GOLD/$base.err" ] && want_err=$GOLD/$base.err
	want_rc=0
	[ -f "$GOLD/$base.rc" ] && want_rc=$(cat "$GOLD/$base.rc")
	if cmp -s "$GOLD/$base.out" "$T_TMP/got.out" &&
		cmp -s "$want_err" "$T_TMP/got.err" &&
		[ "$(cat "$T_TMP/got.rc")" = "$want_rc" ]; then
		pass "stats golden $base"
		return
	fi
	fail "stats golden $base" "differs from golden (args: $args)"
	show_diff "$GOLD/$base.out" "$T_TMP/got.out"
	show_diff "$want_err" "$T_TMP/got.err"
	echo "    exit: want $want_rc, got $(cat "$T_TMP/got.rc")"
}

# Loopback-only traffic: TCP and UDP over 127.0.0.1 and ::1 (with a
# refused connection and datagrams to a closed port), ICMP echo over raw
# sockets (ping without ping) and one raw IP datagram.
stats_traffic() {
	perl - <<'EOF'
use strict;
use warnings;
use Socket qw(:all);
use IO::Socket::IP;
use IO::Select;

sub cksum {
	my $d = shift;
	$d .= "\0" if length($d) % 2;
	my $s = 0;
	$s += $_ for unpack('n*', $d);
	$s = ($s >> 16) + ($s & 0xffff) while $s >> 16;
	return ~$s & 0xffff;
}

sub closed_port {
	my ($host, $proto) = @_;
	my $s = IO::Socket::IP->new(LocalHost => $host, LocalPort => 0,
	    Proto => $proto) or die "bind $host: $!";
	my $p = $s->sockport;
	close $s;
	return $p;
}

sub drain {
	my ($sock, $n) = @_;
	my $sel = IO::Select->new($sock);
	for (1 .. $n) {
		last unless $sel->can_read(1);
		my $buf;
		recv($sock, $buf, 2048, 0);
	}
}

for my $host ('127.0.0.1', '::1') {
	my $l = IO::Socket::IP->new(Listen => 5, LocalHost => $host,
	    LocalPort => 0, Proto => 'tcp', ReuseAddr => 1) or die "listen: $!";
	for (1 .. 3) {
		my $c = IO::Socket::IP->new(PeerHost => $host,
		    PeerPort => $l->sockport, Proto => 'tcp') or die "conn: $!";
		my $s = $l->accept or die "accept: $!";
		print $c "hello\n";
		$c->flush;
		my $line = <$s>;
		print $s "bye\n";
		$s->flush;
		$line = <$c>;
		close $c;
		close $s;
	}
	close $l;
	IO::Socket::IP->new(PeerHost => $host,
	    PeerPort => closed_port($host, 'tcp'), Proto => 'tcp');

	my $u = IO::Socket::IP->new(LocalHost => $host, LocalPort => 0,
	    Proto => 'udp') or die "udp: $!";
	my $uc = IO::Socket::IP->new(PeerHost => $host,
	    PeerPort => $u->sockport, Proto => 'udp') or die "udp: $!";
	$uc->send("x$_") for 1 .. 3;
	drain($u, 3);
	my $dead = IO::Socket::IP->new(PeerHost => $host,
	    PeerPort => closed_port($host, 'udp'), Proto => 'udp') or die;
	$dead->send("y") for 1 .. 2;
	select(undef, undef, undef, 0.05);
}

socket(my $r4, PF_INET, SOCK_RAW, 1) or die "raw4: $!";
for my $seq (1 .. 2) {
	my $p = pack('CCnnn', 8, 0, 0, $$ & 0xffff, $seq) . 'nlnetstat';
	substr($p, 2, 2) = pack('n', cksum($p));
	send($r4, $p, 0, pack_sockaddr_in(0, inet_aton('127.0.0.1')))
	    or die "send4: $!";
}
drain($r4, 4);
socket(my $r6, PF_INET6, SOCK_RAW, 58) or die "raw6: $!";
for my $seq (1 .. 2) {
	my $p = pack('CCnnn', 128, 0, 0, $$ & 0xffff, $seq) . 'nlnetstat';
	send($r6, $p, 0, pack_sockaddr_in6(0, inet_pton(AF_INET6, '::1')))
	    or die "send6: $!";
}
drain($r6, 4);
socket(my $r253, PF_INET, SOCK_RAW, 253) or die "raw253: $!";
send($r253, 'raw', 0, pack_sockaddr_in(0, inet_aton('127.0.0.1')))
    or die "send253: $!";
drain($r253, 1);
EOF
}

# Runs inside the private network namespace.
stats_live_inside() {
	local v why=""
	if ! ip link set lo up 2>/dev/null; then
		why="cannot bring lo up in the namespace"
	elif ! command -v perl >/dev/null; then
		why="perl is needed to make traffic"
	elif ! stats_traffic 2>"$T_TMP/traffic.err"; then
		why="traffic failed: $(head -c 200 "$T_TMP/traffic.err")"
	fi
	sleep 0.5 # let delayed ACKs and the like settle
	for v in $LIVE; do
		if [ -n "$why" ]; then
			skip "stats live $v" "$why"
			continue
		fi
		# shellcheck disable=SC2046
		compare "stats live $v" $(stats_args "$v")
	done
}

stats_live() {
	local v
	if [ "$(id -u)" -ne 0 ] || [ ! -x "$NETSTAT" ] ||
		! unshare -n true 2>/dev/null; then
		local why="needs root and unshare -n (private network namespace)"
		[ -x "$NETSTAT" ] || why="$NETSTAT is not installed"
		for v in $LIVE; do
			skip "stats live $v" "$why"
		done
		return
	fi
	unshare -n bash "${BASH_SOURCE[0]}" --live-inside
}

if [ "${1:-}" = --live-inside ]; then
	stats_live_inside
	exit 0
fi
if [ "${STATS_REGEN:-}" = 1 ]; then
	stats_regen
	exit
fi

found=0
for g in "$GOLD"/*.out; do
	[ -e "$g" ] || continue
	found=1
	stats_golden "$(basename "$g" .out)"
done
[ "$found" = 1 ] || fail "stats golden" "no golden files in $GOLD"
stats_live
