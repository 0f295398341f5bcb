# fish completion for nlnetstat: every short and long option of net-tools
# netstat that the parser accepts, nlnetstat's own long options, -A
# families, states for --state, namespaces (/run/netns) for --netns, users
# for --user and processes for --pid.  Installed as nlnetstat.fish in
# fish's vendor_completions.d.

function __nlnetstat_list --description 'complete the last item of a comma-separated list'
    set -l tok (commandline -ct)
    set -l tok (string replace -r '^--[a-z-]+=' '' -- $tok)
    set -l head (string match -r '^.*,' -- $tok)
    for item in $argv
        printf '%s%s\n' "$head" $item
    end
end

function __nlnetstat_netns --description 'names in /run/netns, or paths once a / is typed'
    set -l tok (string replace -r '^--netns=' '' -- (commandline -ct))
    if string match -q '*/*' -- $tok
        __fish_complete_path $tok
        return
    end
    for ns in /run/netns/*
        test -e $ns; and basename $ns
    end
end

set -l families inet inet6 unix ip ip6 tcpip ipx ax25 netrom rose x25 ddp appletalk econet ash bluetooth
set -l states ESTABLISHED SYN_SENT SYN_RECV FIN_WAIT1 FIN_WAIT2 TIME_WAIT CLOSE CLOSE_WAIT LAST_ACK LISTEN CLOSING UNCONN LISTENING CONNECTED CONNECTING DISCONNECTING

complete -c nlnetstat -f
complete -c nlnetstat -s A -l protocol -x -a "(__nlnetstat_list $families)" -d 'Address families'
complete -c nlnetstat -s C -l cache -d 'Routing cache'
complete -c nlnetstat -s F -l fib -d 'Forwarding information base'
complete -c nlnetstat -s M -l masquerade -d 'Masqueraded connections'
complete -c nlnetstat -s a -l all -d 'Listening and non-listening sockets'
complete -c nlnetstat -s c -l continuous -d 'Refresh every second'
complete -c nlnetstat -s d -d 'Accepted and ignored'
complete -c nlnetstat -s e -l extend -d 'More information'
complete -c nlnetstat -s g -l groups -d 'Multicast group memberships'
complete -c nlnetstat -s h -l help -d Usage
complete -c nlnetstat -s i -l interfaces -d 'Interface table'
complete -c nlnetstat -s l -l listening -d 'Listening sockets only'
complete -c nlnetstat -s n -l numeric -d 'Numeric addresses, ports and users'
complete -c nlnetstat -l numeric-hosts -d 'Numeric host addresses'
complete -c nlnetstat -l numeric-ports -d 'Numeric port numbers'
complete -c nlnetstat -l numeric-users -d 'Numeric user IDs'
complete -c nlnetstat -s N -l symbolic -d 'Resolve hardware names'
complete -c nlnetstat -s o -l timers -d Timers
complete -c nlnetstat -s p -l programs -d 'PID and program name'
complete -c nlnetstat -s r -l route -d 'Routing table'
complete -c nlnetstat -s s -l statistics -d 'Protocol statistics'
complete -c nlnetstat -s S -l sctp -d 'SCTP sockets'
complete -c nlnetstat -s t -l tcp -d 'TCP sockets'
complete -c nlnetstat -s u -l udp -d 'UDP sockets'
complete -c nlnetstat -s U -l udplite -d 'UDP-Lite sockets'
complete -c nlnetstat -s v -l verbose -d Verbose
complete -c nlnetstat -s V -l version -d Version
complete -c nlnetstat -s W -l wide -d 'Do not truncate addresses'
complete -c nlnetstat -s w -l raw -d 'Raw sockets'
complete -c nlnetstat -s 2 -l l2cap -d 'Bluetooth L2CAP sockets'
complete -c nlnetstat -s f -l rfcomm -d 'Bluetooth RFCOMM sockets'
complete -c nlnetstat -s x -l unix -d 'UNIX sockets'
complete -c nlnetstat -s 4 -d 'IPv4 sockets'
complete -c nlnetstat -s 6 -d 'IPv6 sockets'
complete -c nlnetstat -s Z -l context -d 'SELinux context'
complete -c nlnetstat -l inet -d 'IPv4 sockets'
complete -c nlnetstat -l ip -d 'IPv4 sockets'
complete -c nlnetstat -l tcpip -d 'IPv4 sockets'
complete -c nlnetstat -l inet6 -d 'IPv6 sockets'
complete -c nlnetstat -l ax25 -d 'AX.25 sockets'
complete -c nlnetstat -l x25 -d 'X.25 sockets'
complete -c nlnetstat -l ipx -d 'IPX sockets'
complete -c nlnetstat -l appletalk -d 'AppleTalk sockets'
complete -c nlnetstat -l ddp -d 'AppleTalk sockets'
complete -c nlnetstat -l netrom -d 'NET/ROM sockets'
complete -c nlnetstat -l rose -d 'ROSE sockets'
complete -c nlnetstat -l bluetooth -d 'Bluetooth sockets'
complete -c nlnetstat -l json -d 'JSON output'
complete -c nlnetstat -l summary -d 'Sockets per protocol and state'
complete -c nlnetstat -l peers -d 'Peers of UNIX sockets'
complete -c nlnetstat -l port -x -d 'Local or remote port'
complete -c nlnetstat -l sport -x -d 'Local port'
complete -c nlnetstat -l dport -x -d 'Remote port'
complete -c nlnetstat -l state -x -a "(__nlnetstat_list $states)" -d 'Socket states'
complete -c nlnetstat -l pid -x -a '(__fish_complete_pids)' -d 'Owning processes'
complete -c nlnetstat -l user -x -a '(__fish_complete_users)' -d 'Owning user'
complete -c nlnetstat -l addr -x -d 'Address or prefix ADDR[/LEN]'
complete -c nlnetstat -l netns -x -a '(__nlnetstat_netns)' -d 'Network namespace NAME or PATH'
complete -c nlnetstat -l all-netns -d 'Every network namespace'
complete -c nlnetstat -l metrics -d 'Socket metrics for Prometheus ([=openmetrics])'
# The format is optional, so fish offers it only once "--metrics=" is typed.
complete -c nlnetstat -f -n 'string match -q -- "--metrics=*" (commandline -ct)' -a '--metrics=prometheus --metrics=openmetrics' -d 'Exposition format'
complete -c nlnetstat -l metrics-file -r -F -d 'Write the metrics atomically to FILE'
