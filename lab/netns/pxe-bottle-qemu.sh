# SPDX-License-Identifier: BSD-3-Clause
# The QEMU client of lab/netns/pxe-bottle (sourced after
# pxe-bottle-setup.sh): QEMU (TCG, no KVM needed) with an e1000 NIC and
# Debian's iPXE ROM (ipxe-qemu) as its firmware, which loads Debian's
# ipxe.pxe over TFTP; that iPXE runs DHCP again (told apart by its option
# 175.27, SRP, which the ROM build lacks) and fetches boot.ipxe over HTTP.

QEMU_ROM=/usr/lib/ipxe/qemu/pxe-e1000.rom
QEMU_BOOTFILE=/usr/lib/ipxe/ipxe.pxe

# Why QEMU cannot run here (nothing when it can).
qemu_missing() {
    if ! command -v qemu-system-x86_64 >/dev/null; then
        echo "qemu-system-x86_64 is not installed"
    elif [ ! -f "$QEMU_ROM" ] || [ ! -f "$QEMU_BOOTFILE" ]; then
        echo "Debian's iPXE ROM ($QEMU_ROM) or $QEMU_BOOTFILE is not installed"
    fi
}

# Started paused: its NIC holds the tap, so the link is up.
qemu_start() {
    in_sw qemu-system-x86_64 -S -accel tcg -m 64 -display none -serial none \
        -monitor "unix:$work/mon.sock,server,nowait" \
        -netdev "tap,id=n0,ifname=$TAP,script=no,downscript=no" \
        -device "e1000,netdev=n0,mac=$MAC,romfile=$QEMU_ROM,bootindex=1" \
        >"$out/qemu.out" 2>&1 &
}

qemu_monitor() {
    "$here/qemu-monitor" "$work/mon.sock" "$@"
}

# The boot: the VM runs; when the last block of ipxe.pxe has left for the
# client, the link bounces (the chainload); then the script over HTTP is
# waited for. Appends its figures and the outcome to DIR/result.
qemu_boot() {
    tx() { in_sw cat /sys/class/net/$TAP/statistics/tx_bytes; }
    local size base t0 t0_us bounce= last idle=0 cur end
    size=$(stat -c %s "$work/tftp/ipxe.pxe")
    base=$(tx)
    t0=$(now)
    t0_us=$(now_us)
    echo "start_epoch=$t0" >>"$out/result"
    qemu_monitor cont
    # The chainload: ipxe.pxe and its frames' headers have gone to the
    # client, and nothing more for 0.2 s: the link drops for 0.5 s.
    last=$base
    while [ $(($(now_us) - t0_us)) -lt 90000000 ]; do
        # The firmware gives up on DHCP within 15 s (iPXE's schedule): with
        # no lease after 30 s there is no chainload to wait for.
        if [ $(($(now_us) - t0_us)) -gt 30000000 ] && ! grep -q dhcp-ack "$out/wire.log"; then
            break
        fi
        cur=$(tx)
        if [ $((cur - base)) -ge "$size" ]; then
            if [ "$cur" = "$last" ]; then
                idle=$((idle + 1))
                if [ $idle -ge 4 ]; then
                    bounce_link
                    bounce=$link_down_at
                    break
                fi
            else
                idle=0
            fi
        fi
        last=$cur
        sleep 0.05
    done
    [ -n "$bounce" ] && echo "bounce_s=$(elapsed "$t0" "$bounce")" >>"$out/result"
    [ -n "$bounce" ] && echo "after_bounce_wait_s=$(wait_forwarding 40)" >>"$out/result"

    # Waits for the script over HTTP, up to 45 s after the bounce (iPXE's
    # DHCP gives up after 15 s; on a rapid port its STP deferral can add up
    # to 180 s, which the scenarios here keep short).
    end=$(now_us)
    [ -n "$bounce" ] && end=$((end + 45000000))
    while [ "$(now_us)" -lt $end ]; do
        grep -q 'GET /boot.ipxe' "$out/access.log" 2>/dev/null && break
        sleep 0.2
    done
    sleep 0.5
    echo "end_epoch=$(now)" >>"$out/result"

    # What happened, from the wire: the firmware's lease is the first ACK;
    # the chainload's, an ACK after a request carrying option 175.27.
    awk -v t0="$t0" '
        function rel(t) { return sprintf("%.2f", t - t0) }
        $2 == "dhcp-request" && $3 == "chainload" { chained = 1 }
        $2 == "dhcp-ack" && !lease { lease = rel($1); next }
        $2 == "dhcp-ack" && chained && !ipxe { ipxe = rel($1) }
        $2 == "tftp-rrq" && !tftp { tftp = rel($1) }
        $2 == "http-get" && $3 == "/boot.ipxe" && !http { http = rel($1) }
        $2 == "dhcp-discover" && $3 == "chainload" { discovers++ }
        END {
            if (lease) print "lease_s=" lease
            if (tftp) print "tftp_s=" tftp
            if (ipxe) print "ipxe_dhcp_s=" ipxe
            if (http) print "http_s=" http
            print "chainload_discovers=" discovers + 0
            if (http) o = "boots"
            else if (tftp) o = "chainload-dhcp-failed"
            else o = "firmware-dhcp-failed"
            print "outcome=" o
        }' "$out/wire.log" >>"$out/result"
}
