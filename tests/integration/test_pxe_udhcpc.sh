#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# PXE in a bottle without QEMU (lab/netns/pxe-bottle --client udhcpc): for
# each switch scenario `portready check` predicts the port, then busybox
# udhcpc runs each boot stage's DHCP client with that client's retry
# schedule (pxe-rom, ipxe, debian-installer, anaconda), a link bounce
# before each. The emulated outcome of every client must be what portready
# predicted, where udhcpc can behave like the client; every server runs
# behind both switches, and dhcp-log must read the logs written behind the
# bridge as it reads those written behind Open vSwitch. Needs root
# (namespaces); the logs are kept in $PR_BUILD_DIR/pxe-udhcpc/RUN (or
# PXE_UDHCPC_OUT).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/pxe_lib.sh"

bottle=$PR_SOURCE_DIR/lab/netns/pxe-bottle

# Bad options are refused before anything is built, and say what was wrong.
for bad in "--client floppy" "--server bootpd"; do
    if "$bottle" stp-off "$PR_TMP/bad" $bad >"$PR_TMP/bad.out" 2>&1; then
        pr_fail "pxe-bottle accepted $bad"
    else
        what=${bad%% *}
        grep -q "unknown ${what#--} '${bad#* }'" "$PR_TMP/bad.out" &&
            pr_pass "pxe-bottle refuses $bad, naming it" || pr_fail "pxe-bottle $bad: $(cat "$PR_TMP/bad.out")"
    fi
done

pxe_need busybox ovs-vswitchd ovsdb-server dhcpd kea-dhcp4 dnsmasq in.tftpd nginx snmpd unshare ethtool
busybox udhcpc --help >/dev/null 2>&1 || pr_skip "this busybox has no udhcpc"

out=${PXE_UDHCPC_OUT:-${PR_BUILD_DIR:-$PR_TMP}/pxe-udhcpc}
rm -rf "$out"
mkdir -p "$out"

# Each scenario with its own server, and every server behind both switches
# on a non-edge port (RUN = SCENARIO or SCENARIO:SERVER). The longest
# first: all at once (udhcpc sleeps most of the time), the suite's budget.
runs=(lacp rstp-nonedge stp-nonedge rstp-nonedge:dhcpd rstp-nonedge:dnsmasq stp-nonedge:kea
    stp-nonedge:dnsmasq lacp-fallback rstp-auto rstp-edge stp-off)
# stp-off runs without --client, on a PATH without qemu-system-x86_64 (a
# folder of links to every other program): pxe-bottle must choose udhcpc
# itself and say why.
noqemu=$PR_TMP/noqemu-bin
mkdir -p "$noqemu"
IFS=: read -r -a dirs <<<"$PATH"
for d in "${dirs[@]}"; do
    for f in "$d"/*; do
        n=${f##*/}
        [ "$n" = qemu-system-x86_64 ] || [ -e "$noqemu/$n" ] || ln -s "$f" "$noqemu/$n"
    done
done
t0=$(date +%s)
pids=()
for r in "${runs[@]}"; do
    s=${r%%:*} server=() client=(--client udhcpc) path=$PATH
    [ "$r" != "$s" ] && server=(--server "${r#*:}")
    [ "$r" = stp-off ] && client=() path=$noqemu
    PATH=$path "$bottle" "$s" "$out/$r" --portready "$PORTREADY" "${client[@]}" "${server[@]}" \
        >"$out/$r.out" 2>&1 &
    pids+=("$!")
    PR_PIDS+=("$!")
    sleep 1
done
for p in "${pids[@]}"; do wait "$p" || true; done
echo "# all runs: $(($(date +%s) - t0)) s"

get() { sed -n "s/^$2=//p" "$out/$1/result" | tail -1; }

pr_expect_eq "stp-off, QEMU not on the PATH: pxe-bottle chose udhcpc, saying why" \
    "udhcpc qemu-system-x86_64 is not installed" "$(get stp-off client) $(get stp-off client_reason)"
grep -q "QEMU cannot run here (qemu-system-x86_64 is not installed): the client is busybox udhcpc" \
    "$out/stp-off.out" && pr_pass "stp-off: the line saying so" || pr_fail "stp-off: $(head -3 "$out/stp-off.out")"

# The expectations, by hand from each scenario's switch and each client's
# schedule (docs/clients.md): pxe-rom's last DISCOVER at 28 s (budget 60),
# ipxe's at 7 s (15), debian-installer's at 23 s (25); anaconda has its
# 45 s budget only, so a blackout between 0 and 45 s is unknown.
# - stp-nonedge: 802.1D, forward delay 8 s -> blackout 16 s. pxe-rom
#   survives (28 >= 16), ipxe fails (7 < 16, and iPXE ignores 802.1D
#   BPDUs), debian-installer survives (23 >= 16), anaconda unknown.
# - stp-off, rstp-edge: blackout 0: every client survives.
# - rstp-nonedge: RSTP, forward delay 10 s -> 20 s. pxe-rom survives
#   (28 >= 20), debian-installer survives (23 >= 20), anaconda unknown;
#   ipxe survives for portready (a discarding RSTP port's BPDUs make iPXE
#   defer), not for udhcpc (no deferral: 7 < 20, fails).
# - rstp-auto: auto-edge after 3 s: pxe-rom (its 4 s DISCOVER), ipxe (7 s)
#   and debian-installer survive; anaconda unknown.
# - lacp: a member without fallback never forwards for a client that sends
#   no LACPDU: pxe-rom, debian-installer and anaconda fail; ipxe survives
#   for portready (iPXE answers LACPDUs), fails for udhcpc (it does not).
# - lacp-fallback: fallback after 3 s: as rstp-auto.
declare -A want_pxe_rom=([stp-nonedge]=survives [stp-off]=survives [rstp-nonedge]=survives
    [rstp-edge]=survives [rstp-auto]=survives [lacp]=fails [lacp-fallback]=survives)
declare -A want_ipxe=([stp-nonedge]=fails [stp-off]=survives [rstp-nonedge]=survives
    [rstp-edge]=survives [rstp-auto]=survives [lacp]=survives [lacp-fallback]=survives)
declare -A want_debian_installer=([stp-nonedge]=survives [stp-off]=survives [rstp-nonedge]=survives
    [rstp-edge]=survives [rstp-auto]=survives [lacp]=fails [lacp-fallback]=survives)
declare -A want_anaconda=([stp-nonedge]=unknown [stp-off]=survives [rstp-nonedge]=unknown
    [rstp-edge]=survives [rstp-auto]=unknown [lacp]=fails [lacp-fallback]=unknown)
# Where udhcpc cannot do what the real client does (iPXE's RSTP deferral,
# its LACPDU answers), what the emulation honestly shows instead; the QEMU
# run (test_pxe_bottle) shows the real iPXE there.
declare -A udhcpc_ipxe=([rstp-nonedge]=fails [lacp]=fails)
clients=(pxe_rom ipxe debian_installer anaconda)

for r in "${runs[@]}"; do
    s=${r%%:*}
    if [ ! -f "$out/$r/result" ] || [ -z "$(get "$r" emulated_anaconda)" ]; then
        pr_fail "$r: no result ($(tail -3 "$out/$r.out" | tr '\n' ' '))"
        continue
    fi
    pr_expect_eq "$r: the client is udhcpc" udhcpc "$(get "$r" client)"
    for c in "${clients[@]}"; do
        declare -n want=want_$c
        pr_expect_eq "$r: portready predicts $c" "${want[$s]}" "$(get "$r" "predicted_$c")"
        if [ "$c" = ipxe ] && [ -n "${udhcpc_ipxe[$s]:-}" ]; then
            pr_expect_eq "$r: udhcpc with iPXE's schedule, but neither deferring nor answering LACP" \
                "${udhcpc_ipxe[$s]}" "$(get "$r" emulated_ipxe)"
        else
            pr_expect_eq "$r: the emulated $c did what portready predicted" \
                "$(get "$r" "predicted_$c")" "$(get "$r" "emulated_$c")"
        fi
        unset -n want
    done
    pr_expect_eq "$r: ubuntu-installer (no sourced budget) is not emulated" not-emulated \
        "$(get "$r" emulated_ubuntu_installer)"
    line="# $r ($(get "$r" server)): predicted blackout $(get "$r" predicted_blackout_s) s;"
    for c in "${clients[@]}"; do
        lease=$(get "$r" "lease_${c}_s")
        line+=" $c $(get "$r" "emulated_$c") (port $(get "$r" "blackout_${c}_s") s,"
        line+=" lease ${lease:-none}${lease:+ s}, $(get "$r" "discovers_$c") sent, $(get "$r" "heard_$c") heard);"
    done
    echo "$line"
done

# The schedules themselves, where nothing gets through (lacp): every
# DISCOVER is sent and none is heard, and each client gives up at its
# budget: pxe-rom 4 DISCOVERs by 60 s, ipxe 4 by 15 s, debian-installer
# udhcpc -t 24 (its 24 DISCOVERs end at 24 s, netcfg's budget is 25 s),
# anaconda's stand-in 45 by 45 s.
declare -A sent=([pxe_rom]=4 [ipxe]=4 [debian_installer]=24 [anaconda]=45)
declare -A ends=([pxe_rom]=60 [ipxe]=15 [debian_installer]=24 [anaconda]=45)
if [ -f "$out/lacp/result" ]; then
    for c in "${clients[@]}"; do
        pr_expect_eq "lacp: $c sent its schedule's DISCOVERs" "${sent[$c]}" "$(get lacp "discovers_$c")"
        pr_expect_eq "lacp: none of $c's reached the servers" 0 "$(get lacp "heard_$c")"
        ran=$(get lacp "ran_${c}_s")
        awk -v r="$ran" -v e="${ends[$c]}" 'BEGIN { exit !(r >= e - 0.5 && r <= e + 3) }' &&
            pr_pass "lacp: $c gave up after ${ends[$c]} s ($ran s)" ||
            pr_fail "lacp: $c ran $ran s, not ${ends[$c]} s"
    done
fi
# Where the port blocks longer than iPXE's schedule, its DISCOVERs never
# reach the servers: the failure is the switch's.
pr_expect_eq "stp-nonedge: none of ipxe's 4 DISCOVERs reached the servers" "4 0" \
    "$(get stp-nonedge discovers_ipxe) $(get stp-nonedge heard_ipxe)"
# The emulation's budgets are portready's (a non-rapid port: no deferral).
if [ -f "$out/stp-nonedge/check.json" ]; then
    for c in pxe-rom ipxe debian-installer anaconda; do
        pr_expect_eq "stp-nonedge: the emulated $c's budget is portready's" \
            "$(pr_json "$out/stp-nonedge/check.json" "d['switches'][0]['ports'][0]['clients']['$c']['dhcp_budget_s']")" \
            "$(get stp-nonedge "budget_${c//-/_}_s")"
    done
fi

# dhcp-log on the servers' own logs. On a non-edge port, by hand: the
# firmware's lease comes at its 28 s DISCOVER (the blackout, 16 or 20 s, is
# past), iPXE's stage is dropped whole, and the installer's first DISCOVER
# heard comes 16-20 s after its link-up, 33-37 s after that lease: a new
# round 7 s or more (and under 60 s) after a lease is slow-renew, whichever
# the server and the switch. The log's estimate is at least the port's own
# blackout of the installer's stage (less the logs' 1 s resolution).
mac=52:54:00:78:00:01
declare -A log=([dhcpd]=dhcpd.log [kea]=kea.log [dnsmasq]=dnsmasq.log)
verdict() { # RUN SERVER -> the verdict of MAC in that run's log
    "$PORTREADY" dhcp-log --format json --mac "$mac" "$out/$1/${log[$2]}" >"$PR_TMP/v.json" \
        2>"$PR_TMP/v.err" || true
    pr_json "$PR_TMP/v.json" "d['dhcp'][0]['verdict']" 2>/dev/null || echo none
}
for server in dhcpd kea dnsmasq; do
    bridge=stp-nonedge ovs=rstp-nonedge
    [ "$server" = dhcpd ] || bridge=stp-nonedge:$server
    [ "$server" = kea ] || ovs=rstp-nonedge:$server
    v_ovs=$(verdict "$ovs" "$server")
    v_bridge=$(verdict "$bridge" "$server")
    pr_expect_eq "$server behind Open vSwitch (RSTP, non-edge): slow-renew" slow-renew "$v_ovs"
    pr_expect_eq "$server behind the Linux bridge (STP, non-edge): as behind Open vSwitch" \
        "$v_ovs" "$v_bridge"
    est=$(pr_json "$PR_TMP/v.json" "d['dhcp'][0]['earlier_blackout_s']" 2>/dev/null || echo 0)
    port=$(get "$bridge" blackout_debian_installer_s)
    awk -v e="$est" -v p="$port" 'BEGIN { exit !(e != "None" && e + 1 >= p) }' &&
        pr_pass "$server behind the bridge: the log's blackout estimate ($est s) covers the port's ($port s)" ||
        pr_fail "$server behind the bridge: the log's estimate $est s, the port's blackout $port s"
done
# Where the port forwards at once or after 3 s, every new round comes
# within 7 s of the lease before it: complete.
pr_expect_eq "dhcpd behind the bridge, STP off: complete" complete "$(verdict stp-off dhcpd)"
pr_expect_eq "dnsmasq behind the OVS bond with fallback: complete" complete \
    "$(verdict lacp-fallback dnsmasq)"

# Nothing of these bottles is left.
pxe_expect_removed "${pids[@]}"
pr_done
