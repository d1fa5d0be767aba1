#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# PXE in a bottle (lab/netns/pxe-bottle): for each switch scenario,
# `portready check` predicts the port, then a real iPXE boots through it
# (QEMU, TCG, Debian's iPXE ROM as firmware, ipxe.pxe chainloaded over
# TFTP, its script over HTTP). The predicted outcome of the firmware's
# client (pxe-rom) and the chainloaded one (ipxe) must be what the client
# did. Needs root (namespaces); every server's log is kept in
# $PR_BUILD_DIR/pxe-bottle/SCENARIO (or PXE_BOTTLE_OUT).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/pxe_lib.sh"

pxe_need qemu-system-x86_64 ovs-vswitchd ovsdb-server dhcpd kea-dhcp4 dnsmasq in.tftpd nginx \
    snmpd busybox unshare ethtool
[ -f /usr/lib/ipxe/qemu/pxe-e1000.rom ] && [ -f /usr/lib/ipxe/ipxe.pxe ] ||
    pr_skip "Debian's ipxe-qemu and ipxe are not installed (scripts/deps)"

out=${PXE_BOTTLE_OUT:-${PR_BUILD_DIR:-$PR_TMP}/pxe-bottle}
rm -rf "$out"
mkdir -p "$out"
bottle=$PR_SOURCE_DIR/lab/netns/pxe-bottle

# Two scenarios at a time (each its own namespaces): the suite's budget.
scenarios=(stp-nonedge rstp-nonedge stp-off rstp-edge rstp-auto lacp lacp-fallback)
all_pids=()
run_pair() {
    local s pids=()
    for s in "$@"; do
        "$bottle" "$s" "$out/$s" --portready "$PORTREADY" --client qemu >"$out/$s.out" 2>&1 &
        pids+=("$!")
        all_pids+=("$!")
        PR_PIDS+=("$!")
        sleep 1
    done
    for s in "${pids[@]}"; do wait "$s" || true; done
}
for ((i = 0; i < ${#scenarios[@]}; i += 2)); do
    run_pair "${scenarios[@]:i:2}"
done

get() { sed -n "s/^$2=//p" "$out/$1/result" | tail -1; }

# What the client did: the firmware's DHCP (pxe-rom) survived when it got a
# lease; the chainloaded iPXE's (ipxe) when its script was fetched over HTTP.
measured() {
    local o
    o=$(get "$1" outcome)
    case $2 in
    pxe_rom) [ "$o" = firmware-dhcp-failed ] && echo fails || echo survives ;;
    ipxe) [ "$o" = boots ] && echo survives || echo fails ;;
    esac
}

# The firmware here is iPXE (Debian's ipxe-qemu ROM), not a PXE 2.1 ROM:
# its first link-up is waited out (a server's POST outlasts it), so its
# lease is the precondition of every scenario; on the LACP bond it behaves
# as iPXE does (it answers the bond's LACPDUs), i.e. as predicted for ipxe.
# The expectations, by hand from each scenario's switch:
# - stp-nonedge: 802.1D, forward delay 8 s -> blackout 16 s; the firmware
#   starts after the first one (POST), iPXE's last DISCOVER is at 7 s and it
#   ignores 802.1D BPDUs: it fails; pxe-rom (last DISCOVER 28 s) survives.
# - rstp-nonedge: RSTP, forward delay 10 s -> blackout 20 s, longer than
#   iPXE's 15 s, but a discarding RSTP port's BPDUs make iPXE defer: survives.
# - stp-off, rstp-edge: blackout 0; rstp-auto: 3 s: everything survives.
# - lacp: a member without fallback never forwards for a client that sends
#   no LACPDUs: every client fails but iPXE, which answers the bond's
#   LACPDUs (iPXE src/net/eth_slow.c) and holds DHCP back until its partner
#   is in sync: it survives.
# - lacp-fallback: fallback after 3 s: everything survives.
declare -A want_ipxe=([stp-nonedge]=fails [rstp-nonedge]=survives [stp-off]=survives
    [rstp-edge]=survives [rstp-auto]=survives [lacp]=survives [lacp-fallback]=survives)
declare -A want_rom=([stp-nonedge]=survives [rstp-nonedge]=survives [stp-off]=survives
    [rstp-edge]=survives [rstp-auto]=survives [lacp]=fails [lacp-fallback]=survives)
for s in "${scenarios[@]}"; do
    if [ ! -f "$out/$s/result" ]; then
        pr_fail "$s: no result ($(tail -3 "$out/$s.out" | tr '\n' ' '))"
        continue
    fi
    pr_expect_eq "$s: portready predicts ipxe" "${want_ipxe[$s]}" "$(get "$s" predicted_ipxe)"
    pr_expect_eq "$s: portready predicts pxe-rom" "${want_rom[$s]}" "$(get "$s" predicted_pxe_rom)"
    pr_expect_eq "$s: the real iPXE chainload did what portready predicted" \
        "$(get "$s" predicted_ipxe)" "$(measured "$s" ipxe)"
    pr_expect_eq "$s: the iPXE firmware got its lease" survives "$(measured "$s" pxe_rom)"
    echo "# $s: lease $(get "$s" lease_s) s, TFTP $(get "$s" tftp_s) s, bounce $(get "$s" bounce_s) s," \
        "iPXE DHCP $(get "$s" ipxe_dhcp_s) s, HTTP $(get "$s" http_s) s ($(get "$s" outcome))"
done
# The logs are there for dhcp-log and boot-log.
for f in stp-nonedge/dhcpd.log stp-nonedge/tftpd.log rstp-edge/kea.log lacp-fallback/dnsmasq.log \
    rstp-edge/access.log; do
    if [ -s "$out/$f" ]; then pr_pass "kept $f"; else pr_fail "no $f"; fi
done
# Nothing of these bottles is left.
pxe_expect_removed "${all_pids[@]}"
pr_done
