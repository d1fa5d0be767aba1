# SPDX-License-Identifier: BSD-3-Clause
# The busybox udhcpc client of lab/netns/pxe-bottle (sourced after
# pxe-bottle-setup.sh), where QEMU cannot run: each boot stage's DHCP
# client emulated by udhcpc with that client's retry schedule, in the
# client's namespace, after a link bounce (the NIC reset each stage does).
#
# The schedules are the sourced ones of docs/clients.md (and
# lib/rules/clients.c); each stage's clock starts at its link-up:
#
#   pxe-rom           PXE 2.1: DISCOVERs at 0, 4, 12, 28 s (waits 4, 8, 16,
#                     32), gives up at 60 s. udhcpc cannot back off: one
#                     udhcpc -t 1 -T W per DISCOVER, W the exact wait.
#   ipxe              iPXE's dhcp: DISCOVERs at 0, 1, 3, 7 s (waits 1, 2, 4,
#                     8), fails at 15 s: one udhcpc per DISCOVER as well.
#                     Not emulated: iPXE's deferral while RSTP BPDUs say the
#                     port discards (stp.c) and its answers to LACPDUs
#                     (eth_slow.c); udhcpc does neither.
#   debian-installer  netcfg runs udhcpc itself: -T 1 -t 24 (dhcp_timeout
#                     25 - 1), DISCOVERs every second, the last at 23 s;
#                     netcfg gives up at 25 s. Run as netcfg runs it.
#   anaconda          budget 45 s (NetworkManager's device default); its
#                     retransmissions are not sourced. udhcpc -t 45 -T 1
#                     stands in, and decides only what any schedule would:
#                     a lease for the first DISCOVER (the port forwarded at
#                     once) survives, no lease in 45 s fails, a lease after
#                     dropped DISCOVERs is unknown (the schedule decides).
#   ubuntu-installer  no budget sourced: not emulated (unknown).
#   uefi-pxe          the same schedule as pxe-rom: not run a second time.
#
# A client survives when it got a lease within its budget, else it fails.

# name|budget_s|how|udhcpc arguments (how: waits = one udhcpc per wait;
# run = one udhcpc; stand-in = one udhcpc, the schedule not sourced)
udhcpc_clients=(
    "pxe-rom|60|waits|4 8 16 32"
    "ipxe|15|waits|1 2 4 8"
    "debian-installer|25|run|-t 24 -T 1"
    "anaconda|45|stand-in|-t 45 -T 1"
)

# What each stage's client says of itself: the firmware and iPXE send the
# PXE vendor class; iPXE after the chainload also option 175 with
# sub-option 27 (as Debian's ipxe.pxe does), so the servers give it the
# script and pxe-wire marks its DISCOVERs "chainload".
udhcpc_identity() {
    case $1 in
    pxe-rom) echo "-V PXEClient:Arch:00000:UNDI:002001" ;;
    ipxe) echo "-V PXEClient:Arch:00000:UNDI:002001 -x 0xaf:1b0101" ;;
    esac
}

# udhcpc ARGS...: one udhcpc in the client's namespace, in the foreground,
# leaving at its lease (-q) or when its DISCOVERs are spent (-n), without
# configuring anything (-s /bin/true). Appends to the stage's log.
udhcpc_run() {
    in_cli busybox udhcpc -f -q -n -i eth0 -s /bin/true "$@" >>"$stage_log" 2>&1
}

# udhcpc_stage NAME BUDGET HOW ARGS: the link bounces, the client asks
# with its schedule; appends the stage's lines to DIR/result.
udhcpc_stage() {
    local name=$1 budget=$2 how=$3 args=$4 key=${1//-/_} t_up t_end poller got=0 w
    local -a id
    read -r -a id <<<"$(udhcpc_identity "$name")"
    stage_log=$out/udhcpc-$name.log
    : >"$stage_log"
    bounce_link
    t_up=$link_up_at
    # The port's own wait after this link-up, beside the client (every
    # 0.2 s: each reading of an OVS port is an ovs-appctl).
    wait_forwarding "$budget" 0.2 >"$work/forwarding-$name" &
    poller=$!
    case $how in
    waits)
        for w in $args; do
            if udhcpc_run "${id[@]}" -t 1 -T "$w"; then
                got=1
                break
            fi
        done
        ;;
    *)
        # shellcheck disable=SC2086 # the schedule's options, word by word
        udhcpc_run "${id[@]}" $args && got=1
        ;;
    esac
    t_end=$(now)
    # The port forwards before a lease can come; a poller still running
    # 2 s after the stage (a state read that lags) is stopped.
    for w in $(seq 20); do
        kill -0 "$poller" 2>/dev/null || break
        sleep 0.1
    done
    kill "$poller" 2>/dev/null || true
    wait "$poller" 2>/dev/null || true
    local lease ran sent heard outcome
    ran=$(elapsed "$t_up" "$t_end")
    sent=$(grep -cE '(sending|broadcasting) discover' "$stage_log" || true)
    heard=$(awk -v a="$t_up" -v b="$t_end" '$2 == "dhcp-discover" && $1 >= a && $1 <= b' \
        "$out/wire.log" | wc -l)
    outcome=fails
    if [ $got = 1 ]; then
        lease=$ran
        awk -v l="$lease" -v b="$budget" 'BEGIN { exit !(l <= b) }' && outcome=survives
        # A stand-in schedule decides only a lease for the first DISCOVER.
        [ "$how" = stand-in ] && [ "$sent" -gt 1 ] && outcome=unknown
        echo "lease_${key}_s=$lease" >>"$out/result"
    fi
    {
        echo "emulated_${key}=$outcome"
        echo "budget_${key}_s=$budget"
        echo "ran_${key}_s=$ran"
        echo "blackout_${key}_s=$(cat "$work/forwarding-$name")"
        echo "state_after_${key}=$(port_state 2>/dev/null || echo unknown)"
        echo "discovers_${key}=$sent"
        echo "heard_${key}=$heard"
    } >>"$out/result"
}

# Every stage, in the order of a boot: the firmware, iPXE after the
# chainload, then each installer (one or the other boots; both are run).
udhcpc_boot() {
    local c name budget how args
    echo "start_epoch=$(now)" >>"$out/result"
    for c in "${udhcpc_clients[@]}"; do
        IFS='|' read -r name budget how args <<<"$c"
        udhcpc_stage "$name" "$budget" "$how" "$args"
    done
    {
        echo "emulated_ubuntu_installer=not-emulated"
        echo "emulated_uefi_pxe=not-emulated"
        echo "not_emulated=ubuntu-installer (no sourced budget); uefi-pxe (the schedule of pxe-rom, not run twice)"
        echo "end_epoch=$(now)"
    } >>"$out/result"
}
