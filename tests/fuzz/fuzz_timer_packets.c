/* SPDX-License-Identifier: BSD-3-Clause */
/* Fuzzes what `portready time` reads off the wire: ICMP echo replies (from
 * the datagram socket, and raw with their IPv4 header), ARP replies, the
 * kernel's link-event datagrams and the switch's BPDUs. The first byte
 * picks the reader ('B': BPDUs; otherwise its value modulo 4); the rest is
 * the packet. */
#include <arpa/inet.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <linux/netlink.h>

#include "timer/timer_bpdu.h"
#include "timer/timer_netlink.h"
#include "timer/timer_probe.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const uint8_t *packet = data + 1;
    size_t len = size - 1;
    uint32_t seq = 0;
    bool lower_up = false;
    struct in_addr target = {.s_addr = htonl(0x0a4d0001)}; /* 10.77.0.1 */
    if (data[0] == 'B') {
        struct timer_bpdu bpdu;
        timer_bpdu_parse(packet, len, &bpdu);
        return 0;
    }
    switch (data[0] % 4) {
    case 0:
        timer_icmp_parse_reply(packet, len, false, 0x50524459, &seq);
        break;
    case 1:
        timer_icmp_parse_reply(packet, len, true, 0x50524459, &seq);
        break;
    case 2:
        timer_arp_parse_reply(packet, len, target);
        break;
    default: {
        /* Netlink datagrams arrive in buffers aligned for struct nlmsghdr. */
        static _Alignas(struct nlmsghdr) uint8_t aligned[65536];
        size_t n = len < sizeof aligned ? len : sizeof aligned;
        memcpy(aligned, packet, n);
        timer_nl_parse_link_event(aligned, n, (int)(n % 8), &lower_up);
        break;
    }
    }
    timer_inet_checksum(packet, len);
    return 0;
}
