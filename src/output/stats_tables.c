/*
 * stats_tables.c - the -s counter tables of net-tools 2.10, one per known
 * section of snmp, netstat, snmp6 and sctp/snmp: names, kinds, texts and
 * order, its unsorted entries (bisection never finds some) and stray
 * trailing spaces included.  The readers select sections by these titles;
 * stats_text.c prints by them.  See the statistics section of the spec.
 */
#include <string.h>

#include "opts.h"
#include "stats.h"

#define STATS_TABLE(a)                                                         \
	{                                                                      \
		(a), sizeof(a) / sizeof((a)[0])                                \
	}

static const struct stats_entry stats_ip[] = {
	{ "DefaultTTL", STATS_STATIC, NULL },
	{ "Forwarding", STATS_STATIC, NULL },
	{ "ForwDatagrams", STATS_ALWAYS, "%llu forwarded" },
	{ "FragCreates", STATS_NONZERO, "%llu fragments created" },
	{ "FragFails", STATS_NONZERO,
	    "%llu outgoing packets failed fragmentation" },
	{ "FragOKs", STATS_NONZERO, "%llu outgoing packets fragmented ok" },
	{ "InAddrErrors", STATS_NONZERO, "%llu with invalid addresses" },
	{ "InDelivers", STATS_ALWAYS, "%llu incoming packets delivered" },
	{ "InDiscards", STATS_ALWAYS, "%llu incoming packets discarded" },
	{ "InHdrErrors", STATS_NONZERO, "%llu with invalid headers" },
	{ "InReceives", STATS_ALWAYS, "%llu total packets received" },
	{ "InUnknownProtos", STATS_NONZERO, "%llu with unknown protocol" },
	{ "OutDiscards", STATS_NONZERO, "%llu outgoing packets dropped" },
	{ "OutNoRoutes", STATS_NONZERO,
	    "%llu dropped because of missing route" },
	{ "OutRequests", STATS_ALWAYS, "%llu requests sent out" },
	{ "ReasmFails", STATS_NONZERO, "%llu packet reassemblies failed" },
	{ "ReasmOKs", STATS_NONZERO, "%llu packets reassembled ok" },
	{ "ReasmReqds", STATS_NONZERO, "%llu reassemblies required" },
	{ "ReasmTimeout", STATS_NONZERO,
	    "%llu fragments dropped after timeout" },
};

static const struct stats_entry stats_icmp[] = {
	{ "InAddrMaskReps", STATS_IN_HIST, "address mask replies: %llu" },
	{ "InAddrMasks", STATS_IN_HIST, "address mask request: %llu" },
	{ "InDestUnreachs", STATS_IN_HIST, "destination unreachable: %llu" },
	{ "InEchoReps", STATS_IN_HIST, "echo replies: %llu" },
	{ "InEchos", STATS_IN_HIST, "echo requests: %llu" },
	{ "InErrors", STATS_ALWAYS, "%llu input ICMP message failed" },
	{ "InMsgs", STATS_ALWAYS, "%llu ICMP messages received" },
	{ "InParmProbs", STATS_IN_HIST, "wrong parameters: %llu" },
	{ "InRedirects", STATS_IN_HIST, "redirects: %llu" },
	{ "InSrcQuenchs", STATS_IN_HIST, "source quenches: %llu" },
	{ "InTimeExcds", STATS_IN_HIST, "timeout in transit: %llu" },
	{ "InTimestampReps", STATS_IN_HIST, "timestamp reply: %llu" },
	{ "InTimestamps", STATS_IN_HIST, "timestamp request: %llu" },
	{ "OutAddrMaskReps", STATS_OUT_HIST, "address mask replies: %llu" },
	{ "OutAddrMasks", STATS_OUT_HIST, "address mask requests: %llu" },
	{ "OutDestUnreachs", STATS_OUT_HIST, "destination unreachable: %llu" },
	{ "OutEchoReps", STATS_OUT_HIST, "echo replies: %llu" },
	{ "OutEchos", STATS_OUT_HIST, "echo requests: %llu" },
	{ "OutErrors", STATS_ALWAYS, "%llu ICMP messages failed" },
	{ "OutMsgs", STATS_ALWAYS, "%llu ICMP messages sent" },
	{ "OutParmProbs", STATS_OUT_HIST, "wrong parameters: %llu" },
	{ "OutRedirects", STATS_OUT_HIST, "redirect: %llu" },
	{ "OutSrcQuenchs", STATS_OUT_HIST, "source quench: %llu" },
	{ "OutTimeExcds", STATS_OUT_HIST, "time exceeded: %llu" },
	{ "OutTimestampReps", STATS_OUT_HIST, "timestamp replies: %llu" },
	{ "OutTimestamps", STATS_OUT_HIST, "timestamp requests: %llu" },
};

static const struct stats_entry stats_tcp[] = {
	{ "ActiveOpens", STATS_ALWAYS, "%llu active connection openings" },
	{ "AttemptFails", STATS_ALWAYS, "%llu failed connection attempts" },
	{ "CurrEstab", STATS_ALWAYS, "%llu connections established" },
	{ "EstabResets", STATS_ALWAYS, "%llu connection resets received" },
	{ "InErrs", STATS_ALWAYS, "%llu bad segments received" },
	{ "InSegs", STATS_ALWAYS, "%llu segments received" },
	{ "MaxConn", STATS_STATIC, NULL },
	{ "OutRsts", STATS_ALWAYS, "%llu resets sent" },
	{ "OutSegs", STATS_ALWAYS, "%llu segments sent out" },
	{ "PassiveOpens", STATS_ALWAYS, "%llu passive connection openings" },
	{ "RetransSegs", STATS_ALWAYS, "%llu segments retransmitted" },
	{ "RtoAlgorithm", STATS_STATIC, NULL },
	{ "RtoMax", STATS_STATIC, NULL },
	{ "RtoMin", STATS_STATIC, NULL },
};

static const struct stats_entry stats_udp[] = {
	{ "InDatagrams", STATS_ALWAYS, "%llu packets received" },
	{ "InErrors", STATS_ALWAYS, "%llu packet receive errors" },
	{ "NoPorts", STATS_ALWAYS, "%llu packets to unknown port received" },
	{ "OutDatagrams", STATS_ALWAYS, "%llu packets sent" },
	{ "RcvbufErrors", STATS_ALWAYS, "%llu receive buffer errors" },
	{ "SndbufErrors", STATS_ALWAYS, "%llu send buffer errors" },
};

static const struct stats_entry stats_tcpext[] = {
	{ "DelayedACKLocked", STATS_NONZERO,
	    "%llu delayed acks further delayed because of locked socket" },
	{ "DelayedACKLost", STATS_NONZERO,
	    "Quick ack mode was activated %llu times" },
	{ "DelayedACKs", STATS_NONZERO, "%llu delayed acks sent" },
	{ "EmbryonicRsts", STATS_NONZERO,
	    "%llu resets received for embryonic SYN_RECV sockets" },
	{ "ListenDrops", STATS_NONZERO, "%llu SYNs to LISTEN sockets dropped" },
	{ "ListenOverflows", STATS_NONZERO,
	    "%llu times the listen queue of a socket overflowed" },
	{ "LockDroppedIcmps", STATS_NONZERO,
	    "%llu ICMP packets dropped because socket was locked" },
	{ "OfoPruned", STATS_NONZERO,
	    "%llu packets dropped from out-of-order queue because of socket "
	    "buffer overrun" },
	{ "OutOfWindowIcmps", STATS_NONZERO,
	    "%llu ICMP packets dropped because they were out-of-window" },
	{ "PAWSActive", STATS_NONZERO,
	    "%llu active connections rejected because of time stamp" },
	{ "PAWSEstab", STATS_NONZERO,
	    "%llu packets rejected in established connections because of "
	    "timestamp" },
	{ "PAWSPassive", STATS_NONZERO,
	    "%llu passive connections rejected because of time stamp" },
	{ "PruneCalled", STATS_NONZERO,
	    "%llu packets pruned from receive queue because of socket buffer "
	    "overrun" },
	{ "RcvPruned", STATS_NONZERO,
	    "%llu packets pruned from receive queue" },
	{ "SockMallocOOM", STATS_NONZERO,
	    "Ran %llu times out of system memory during packet sending" },
	{ "SyncookiesFailed", STATS_NONZERO,
	    "%llu invalid SYN cookies received" },
	{ "SyncookiesRecv", STATS_NONZERO, "%llu SYN cookies received" },
	{ "SyncookiesSent", STATS_NONZERO, "%llu SYN cookies sent" },
	{ "TCPAbortFailed", STATS_NONZERO,
	    "%llu times unable to send RST due to no memory" },
	{ "TCPAbortOnClose", STATS_NONZERO,
	    "%llu connections reset due to early user close" },
	{ "TCPAbortOnData", STATS_NONZERO,
	    "%llu connections reset due to unexpected data" },
	{ "TCPAbortOnLinger", STATS_NONZERO,
	    "%llu connections aborted after user close in linger timeout" },
	{ "TCPAbortOnMemory", STATS_NONZERO,
	    "%llu connections aborted due to memory pressure" },
	{ "TCPAbortOnSyn", STATS_NONZERO,
	    "%llu connections reset due to unexpected SYN" },
	{ "TCPAbortOnTimeout", STATS_NONZERO,
	    "%llu connections aborted due to timeout" },
	{ "TCPDirectCopyFromBacklog", STATS_NONZERO,
	    "%llu bytes directly in process context from backlog" },
	{ "TCPDirectCopyFromPrequeue", STATS_NONZERO,
	    "%llu bytes directly received in process context from prequeue" },
	{ "TCPDSACKOfoRecv", STATS_NONZERO,
	    "%llu DSACKs for out of order packets received" },
	{ "TCPDSACKOfoSent", STATS_NONZERO,
	    "%llu DSACKs sent for out of order packets" },
	{ "TCPDSACKOldSent", STATS_NONZERO,
	    "%llu DSACKs sent for old packets" },
	{ "TCPDSACKRecv", STATS_NONZERO, "%llu DSACKs received" },
	{ "TCPDSackUndo", STATS_NONZERO,
	    "%llu congestion window recovered without slow start using DSACK" },
	{ "TCPDSACKUndo", STATS_NONZERO,
	    "%llu congestion windows recovered without slow start by DSACK" },
	{ "TCPFACKReorder", STATS_NONZERO,
	    "Detected reordering %llu times using FACK" },
	{ "TCPFastRetrans", STATS_NONZERO, "%llu fast retransmits" },
	{ "TCPForwardRetrans", STATS_NONZERO, "%llu forward retransmits" },
	{ "TCPFullUndo", STATS_NONZERO,
	    "%llu congestion windows fully recovered without slow start" },
	{ "TCPHPAcks", STATS_NONZERO, "%llu predicted acknowledgments" },
	{ "TCPHPHits", STATS_ALWAYS, "%llu packet headers predicted" },
	{ "TCPHPHitsToUser", STATS_NONZERO,
	    "%llu packet headers predicted and directly queued to user" },
	{ "TCPLossFailures", STATS_NONZERO, "%llu timeouts in loss state" },
	{ "TCPLoss", STATS_NONZERO, "%llu TCP data loss events" },
	{ "TCPLossUndo", STATS_NONZERO,
	    "%llu congestion windows recovered without slow start after "
	    "partial ack" },
	{ "TCPLostRetransmits", STATS_NONZERO, "%llu retransmits lost" },
	{ "TCPMemoryPressures", STATS_NONZERO,
	    "TCP ran low on memory %llu times" },
	{ "TCPPartialUndo", STATS_NONZERO,
	    "%llu congestion windows partially recovered using Hoe heuristic" },
	{ "TCPPrequeued", STATS_NONZERO,
	    "%llu packets directly queued to recvmsg prequeue" },
	{ "TCPPrequeueDropped", STATS_NONZERO,
	    "%llu packets dropped from prequeue" },
	{ "TCPPureAcks", STATS_NONZERO,
	    "%llu acknowledgments not containing data payload received" },
	{ "TCPRcvCollapsed", STATS_NONZERO,
	    "%llu packets collapsed in receive queue due to low socket "
	    "buffer" },
	{ "TCPRenoFailures", STATS_NONZERO,
	    "%llu timeouts after reno fast retransmit" },
	{ "TCPRenoRecoveryFailed", STATS_NONZERO,
	    "%llu reno fast retransmits failed" },
	{ "TCPRenoRecoveryFail", STATS_NONZERO,
	    "%llu classic Reno fast retransmits failed" },
	{ "TCPRenoRecovery", STATS_NONZERO,
	    "%llu times recovered from packet loss due to fast retransmit" },
	{ "TCPRenoReorder", STATS_NONZERO,
	    "Detected reordering %llu times using reno fast retransmit" },
	{ "TCPSackFailures", STATS_NONZERO,
	    "%llu timeouts after SACK recovery" },
	{ "TCPSackRecoveryFail", STATS_NONZERO,
	    "%llu SACK retransmits failed" },
	{ "TCPSackRecovery", STATS_NONZERO,
	    "%llu times recovered from packet loss by selective "
	    "acknowledgements" },
	{ "TCPSACKReneging", STATS_NONZERO, "%llu bad SACK blocks received" },
	{ "TCPSACKReorder", STATS_NONZERO,
	    "Detected reordering %llu times using SACK" },
	{ "TCPSchedulerFailed", STATS_NONZERO,
	    "%llu times receiver scheduled too late for direct processing" },
	{ "TCPSlowStartRetrans", STATS_NONZERO,
	    "%llu retransmits in slow start" },
	{ "TCPTimeouts", STATS_NONZERO, "%llu other TCP timeouts" },
	{ "TCPTSReorder", STATS_NONZERO,
	    "Detected reordering %llu times using time stamp" },
	{ "TWKilled", STATS_NONZERO,
	    "%llu TCP sockets finished time wait in slow timer" },
	{ "TW", STATS_NONZERO,
	    "%llu TCP sockets finished time wait in fast timer" },
	{ "TWRecycled", STATS_NONZERO,
	    "%llu time wait sockets recycled by time stamp" },
};

static const struct stats_entry stats_sctp[] = {
	{ "SctpAborteds", STATS_ALWAYS, "%llu Number of Aborteds " },
	{ "SctpActiveEstabs", STATS_ALWAYS, "%llu Active Associations" },
	{ "SctpChecksumErrors", STATS_ALWAYS,
	    "%llu Number of Packets with invalid Checksum" },
	{ "SctpCurrEstab", STATS_ALWAYS, "%llu Current Associations" },
	{ "SctpFragUsrMsgs", STATS_ALWAYS,
	    "%llu Number of messages fragmented" },
	{ "SctpInCtrlChunks", STATS_ALWAYS,
	    "%llu Number of control chunks received" },
	{ "SctpInOrderChunks", STATS_ALWAYS,
	    "%llu Number of ordered chunks received" },
	{ "SctpInSCTPPacks", STATS_ALWAYS,
	    "%llu Number of SCTP packets received" },
	{ "SctpInUnorderChunks", STATS_ALWAYS,
	    "%llu Number of Unordered chunks received" },
	{ "SctpOutCtrlChunks", STATS_ALWAYS,
	    "%llu Number of control chunks sent" },
	{ "SctpOutOfBlues", STATS_ALWAYS,
	    "%llu Number of Out of Blue packets" },
	{ "SctpOutOrderChunks", STATS_ALWAYS,
	    "%llu Number of ordered chunks sent" },
	{ "SctpOutSCTPPacks", STATS_ALWAYS,
	    "%llu Number of SCTP packets sent" },
	{ "SctpOutUnorderChunks", STATS_ALWAYS,
	    "%llu Number of Unordered chunks sent" },
	{ "SctpPassiveEstabs", STATS_ALWAYS, "%llu Passive Associations" },
	{ "SctpReasmUsrMsgs", STATS_ALWAYS,
	    "%llu Number of messages reassembled " },
	{ "SctpShutdowns", STATS_ALWAYS,
	    "%llu Number of Graceful Terminations" },
};

static const struct stats_entry stats_ip6[] = {
	{ "Ip6FragCreates", STATS_NONZERO, "%llu fragments created" },
	{ "Ip6FragFails", STATS_NONZERO,
	    "%llu outgoing packets failed fragmentation" },
	{ "Ip6FragOKs", STATS_NONZERO, "%llu outgoing packets fragmented ok" },
	{ "Ip6InAddrErrors", STATS_NONZERO, "%llu with invalid addresses" },
	{ "Ip6InDelivers", STATS_ALWAYS, "%llu incoming packets delivered" },
	{ "Ip6InDiscards", STATS_ALWAYS, "%llu incoming packets discarded" },
	{ "Ip6InHdrErrors", STATS_NONZERO, "%llu with invalid headers" },
	{ "Ip6InMcastPkts", STATS_NONZERO, "%llu incoming multicast packets" },
	{ "Ip6InNoRoutes", STATS_NONZERO,
	    "%llu incoming packets with no route" },
	{ "Ip6InReceives", STATS_ALWAYS, "%llu total packets received" },
	{ "Ip6InTooBigErrors", STATS_NONZERO, "%llu with packets too big" },
	{ "Ip6InTruncatedPkts", STATS_NONZERO, "%llu with truncated packets" },
	{ "Ip6InUnknownProtos", STATS_NONZERO, "%llu with unknown protocol" },
	{ "Ip6OutDiscards", STATS_NONZERO, "%llu outgoing packets dropped" },
	{ "Ip6OutForwDatagrams", STATS_ALWAYS, "%llu forwarded" },
	{ "Ip6OutMcastPkts", STATS_NONZERO, "%llu outgoing multicast packets" },
	{ "Ip6OutNoRoutes", STATS_NONZERO,
	    "%llu dropped because of missing route" },
	{ "Ip6OutRequests", STATS_ALWAYS, "%llu requests sent out" },
	{ "Ip6ReasmFails", STATS_NONZERO, "%llu packet reassemblies failed" },
	{ "Ip6ReasmOKs", STATS_NONZERO, "%llu packets reassembled ok" },
	{ "Ip6ReasmReqds", STATS_NONZERO, "%llu reassemblies required" },
	{ "Ip6ReasmTimeout", STATS_NONZERO,
	    "%llu fragments dropped after timeout" },
};

static const struct stats_entry stats_icmp6[] = {
	{ "Icmp6InDestUnreachs", STATS_IN_HIST,
	    "destination unreachable: %llu" },
	{ "Icmp6InEchoReplies", STATS_IN_HIST, "echo replies: %llu" },
	{ "Icmp6InEchos", STATS_IN_HIST, "echo requests: %llu" },
	{ "Icmp6InErrors", STATS_ALWAYS, "%llu input ICMP message failed" },
	{ "Icmp6InGroupMembQueries", STATS_IN_HIST,
	    "group member queries: %llu" },
	{ "Icmp6InGroupMembReductions", STATS_IN_HIST,
	    "group member reductions: %llu" },
	{ "Icmp6InGroupMembResponses", STATS_IN_HIST,
	    "group member responses: %llu" },
	{ "Icmp6InMsgs", STATS_ALWAYS, "%llu ICMP messages received" },
	{ "Icmp6InNeighborAdvertisements", STATS_IN_HIST,
	    "neighbour advertisement: %llu" },
	{ "Icmp6InNeighborSolicits", STATS_IN_HIST,
	    "neighbour solicits: %llu" },
	{ "Icmp6InParmProblems", STATS_IN_HIST, "parameter problem: %llu" },
	{ "Icmp6InPktTooBigs", STATS_IN_HIST, "packets too big: %llu" },
	{ "Icmp6InRedirects", STATS_IN_HIST, "redirects: %llu" },
	{ "Icmp6InRouterAdvertisements", STATS_IN_HIST,
	    "router advertisement: %llu" },
	{ "Icmp6InRouterSolicits", STATS_IN_HIST, "router solicits: %llu" },
	{ "Icmp6InTimeExcds", STATS_IN_HIST,
	    "received ICMPv6 time exceeded: %llu" },
	{ "Icmp6OutDestUnreachs", STATS_OUT_HIST,
	    "destination unreachable: %llu" },
	{ "Icmp6OutEchoReplies", STATS_OUT_HIST, "echo replies: %llu" },
	{ "Icmp6OutEchos", STATS_OUT_HIST, "echo requests: %llu" },
	{ "Icmp6OutGroupMembQueries", STATS_OUT_HIST,
	    "group member queries: %llu" },
	{ "Icmp6OutGroupMembReductions", STATS_OUT_HIST,
	    "group member reductions: %llu" },
	{ "Icmp6OutGroupMembResponses", STATS_OUT_HIST,
	    "group member responses: %llu" },
	{ "Icmp6OutMsgs", STATS_ALWAYS, "%llu ICMP messages sent" },
	{ "Icmp6OutNeighborAdvertisements", STATS_OUT_HIST,
	    "neighbor advertisements: %llu" },
	{ "Icmp6OutNeighborSolicits", STATS_OUT_HIST,
	    "neighbor solicits: %llu" },
	{ "Icmp6OutParmProblems", STATS_OUT_HIST, "parameter problem: %llu" },
	{ "Icmp6OutPktTooBigs", STATS_OUT_HIST, "packets too big: %llu" },
	{ "Icmp6OutRedirects", STATS_OUT_HIST, "redirects: %llu" },
	{ "Icmp6OutRouterAdvertisements ", STATS_OUT_HIST,
	    "router advertisement: %llu" },
	{ "Icmp6OutRouterSolicits", STATS_OUT_HIST, "router solicits: %llu" },
	{ "Icmp6OutTimeExcds", STATS_OUT_HIST,
	    "sent ICMPv6 time exceeded: %llu" },
};

static const struct stats_entry stats_udp6[] = {
	{ "Udp6InDatagrams", STATS_ALWAYS, "%llu packets received" },
	{ "Udp6InErrors", STATS_ALWAYS, "%llu packet receive errors" },
	{ "Udp6NoPorts", STATS_ALWAYS,
	    "%llu packets to unknown port received" },
	{ "Udp6OutDatagrams", STATS_ALWAYS, "%llu packets sent" },
};

static const struct stats_table stats_t_ip = STATS_TABLE(stats_ip);
static const struct stats_table stats_t_icmp = STATS_TABLE(stats_icmp);
static const struct stats_table stats_t_tcp = STATS_TABLE(stats_tcp);
static const struct stats_table stats_t_udp = STATS_TABLE(stats_udp);
static const struct stats_table stats_t_tcpext = STATS_TABLE(stats_tcpext);
static const struct stats_table stats_t_sctp = STATS_TABLE(stats_sctp);
static const struct stats_table stats_t_ip6 = STATS_TABLE(stats_ip6);
static const struct stats_table stats_t_icmp6 = STATS_TABLE(stats_icmp6);
static const struct stats_table stats_t_udp6 = STATS_TABLE(stats_udp6);

/* Titles of /proc/net/snmp, netstat and sctp/snmp; -U selects none. */
const struct stats_known stats_known_v4[] = {
	{ "Ip", PROTO_RAW, &stats_t_ip },
	{ "Icmp", PROTO_RAW, &stats_t_icmp },
	{ "Tcp", PROTO_TCP, &stats_t_tcp },
	{ "Udp", PROTO_UDP, &stats_t_udp },
	{ "Sctp", PROTO_SCTP, &stats_t_sctp },
	{ "TcpExt", PROTO_TCP, &stats_t_tcpext },
	{ NULL, 0, NULL },
};

/* Titles derived from /proc/net/snmp6 names ("Ip6InReceives" -> "Ip6"). */
const struct stats_known stats_known_v6[] = {
	{ "Ip6", PROTO_RAW, &stats_t_ip6 },
	{ "Icmp6", PROTO_RAW, &stats_t_icmp6 },
	{ "Udp6", PROTO_UDP, &stats_t_udp6 },
	{ "Tcp6", PROTO_TCP, &stats_t_tcp },
	{ NULL, 0, NULL },
};

const struct stats_known *
stats_known_find(const struct stats_known *list, const char *title)
{
	for (; list->title != NULL; list++)
		if (strcmp(list->title, title) == 0)
			return list;
	return NULL;
}
