/* SPDX-License-Identifier: BSD-3-Clause */
#include "timer/timer_probe.h"

#include <arpa/inet.h>
#include <errno.h>
#include <net/if.h> /* before the linux/ headers */
#include <linux/icmp.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <unistd.h>

#include "timer/timer_priv.h"

#define ICMP_ECHO_REQUEST 8
#define ICMP_ECHO_REPLY   0
#define ARP_OP_REQUEST    1
#define ARP_OP_REPLY      2

uint16_t timer_inet_checksum(const void *data, size_t len)
{
    const uint8_t *b = data;
    uint32_t sum = 0;
    for (size_t i = 0; i + 1 < len; i += 2)
        sum += (uint32_t)(b[i] << 8 | b[i + 1]);
    if (len % 2)
        sum += (uint32_t)(b[len - 1] << 8);
    while (sum >> 16)
        sum = (sum & 0xffff) + (sum >> 16);
    return htons((uint16_t)~sum);
}

static void put32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}

static uint32_t get32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

void timer_icmp_build_echo(uint8_t out[TIMER_ICMP_PACKET], uint16_t id, uint32_t cookie,
                           uint32_t seq)
{
    memset(out, 0, TIMER_ICMP_PACKET);
    out[0] = ICMP_ECHO_REQUEST;
    out[4] = (uint8_t)(id >> 8);
    out[5] = (uint8_t)id;
    out[6] = (uint8_t)(seq >> 8);
    out[7] = (uint8_t)seq;
    put32(out + 8, cookie);
    put32(out + 12, seq);
    uint16_t sum = timer_inet_checksum(out, TIMER_ICMP_PACKET);
    memcpy(out + 2, &sum, 2);
}

bool timer_icmp_parse_reply(const uint8_t *buf, size_t len, bool raw, uint32_t cookie,
                            uint32_t *seq)
{
    if (raw) {
        if (len < 20 || (buf[0] >> 4) != 4)
            return false;
        size_t ihl = (size_t)(buf[0] & 0x0f) * 4;
        if (ihl < 20 || ihl > len)
            return false;
        buf += ihl;
        len -= ihl;
    }
    if (len < TIMER_ICMP_PACKET || buf[0] != ICMP_ECHO_REPLY || buf[1] != 0)
        return false;
    if (get32(buf + 8) != cookie)
        return false;
    *seq = get32(buf + 12);
    return true;
}

void timer_arp_build_request(uint8_t out[TIMER_ARP_PACKET], const uint8_t mac[6],
                             struct in_addr src, struct in_addr target)
{
    memset(out, 0, TIMER_ARP_PACKET);
    out[0] = 0x00; /* hardware: Ethernet */
    out[1] = 0x01;
    out[2] = 0x08; /* protocol: IPv4 */
    out[3] = 0x00;
    out[4] = 6;
    out[5] = 4;
    out[6] = 0;
    out[7] = ARP_OP_REQUEST;
    memcpy(out + 8, mac, 6);
    memcpy(out + 14, &src.s_addr, 4);
    /* target hardware address left zero */
    memcpy(out + 24, &target.s_addr, 4);
}

bool timer_arp_parse_reply(const uint8_t *buf, size_t len, struct in_addr target)
{
    if (len < TIMER_ARP_PACKET)
        return false;
    if (buf[0] != 0x00 || buf[1] != 0x01 || buf[2] != 0x08 || buf[3] != 0x00 || buf[4] != 6 ||
        buf[5] != 4)
        return false;
    if (buf[6] != 0 || buf[7] != ARP_OP_REPLY)
        return false;
    return memcmp(buf + 14, &target.s_addr, 4) == 0;
}

int timer_prober_open(struct timer_prober *p, struct in_addr target, struct pr_error *err)
{
    memset(p, 0, sizeof *p);
    p->icmp_fd = p->arp_fd = -1;
    p->target = target;
    if (getrandom(&p->cookie, sizeof p->cookie, 0) != sizeof p->cookie)
        p->cookie = (uint32_t)getpid() * 2654435761u;
    p->icmp_id = (uint16_t)(p->cookie >> 16);
    p->icmp_fd = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, IPPROTO_ICMP);
    if (p->icmp_fd >= 0)
        return 0;
    int dgram_errno = errno;
    struct pr_error raw_err;
    p->icmp_fd = timer_priv_icmp_raw_socket(&raw_err);
    if (p->icmp_fd < 0)
        return pr_error_set(err, PR_ERR_PERMISSION,
                            "cannot send ICMP echo: the unprivileged ICMP socket is refused (%s; "
                            "see sysctl net.ipv4.ping_group_range) and a raw socket needs "
                            "CAP_NET_RAW",
                            strerror(dgram_errno));
    p->icmp_raw = true;
    /* Only echo replies reach this socket. */
    struct icmp_filter filter = {.data = ~(1u << ICMP_ECHO_REPLY)};
    setsockopt(p->icmp_fd, SOL_RAW, ICMP_FILTER, &filter, sizeof filter);
    return 0;
}

int timer_prober_enable_arp(struct timer_prober *p, int ifindex, const uint8_t mac[6],
                            struct in_addr src, struct in_addr arp_target, struct pr_error *err)
{
    p->arp_fd = timer_priv_arp_socket(ifindex, err);
    if (p->arp_fd < 0)
        return -1;
    p->arp_ifindex = ifindex;
    memcpy(p->arp_mac, mac, 6);
    p->arp_src = src;
    p->arp_target = arp_target;
    return 0;
}

void timer_prober_close(struct timer_prober *p)
{
    if (p == NULL)
        return;
    if (p->icmp_fd > 0)
        close(p->icmp_fd);
    if (p->arp_fd > 0)
        close(p->arp_fd);
    p->icmp_fd = p->arp_fd = -1;
}

int timer_prober_send_icmp(struct timer_prober *p, uint32_t seq)
{
    uint8_t pkt[TIMER_ICMP_PACKET];
    timer_icmp_build_echo(pkt, p->icmp_id, p->cookie, seq);
    struct sockaddr_in to = {.sin_family = AF_INET, .sin_addr = p->target};
    if (sendto(p->icmp_fd, pkt, sizeof pkt, 0, (struct sockaddr *)&to, sizeof to) < 0)
        return errno ? errno : EIO;
    return 0;
}

int timer_prober_send_arp(struct timer_prober *p)
{
    uint8_t pkt[TIMER_ARP_PACKET];
    timer_arp_build_request(pkt, p->arp_mac, p->arp_src, p->arp_target);
    struct sockaddr_ll to = {.sll_family = AF_PACKET,
                             .sll_protocol = htons(ETH_P_ARP),
                             .sll_ifindex = p->arp_ifindex,
                             .sll_halen = 6};
    memset(to.sll_addr, 0xff, 6);
    if (sendto(p->arp_fd, pkt, sizeof pkt, 0, (struct sockaddr *)&to, sizeof to) < 0)
        return errno ? errno : EIO;
    return 0;
}

int timer_prober_recv_icmp(struct timer_prober *p, uint32_t *seq)
{
    uint8_t buf[1500];
    ssize_t n = recv(p->icmp_fd, buf, sizeof buf, 0);
    if (n < 0)
        return (errno == EAGAIN || errno == EWOULDBLOCK) ? -1 : 0;
    return timer_icmp_parse_reply(buf, (size_t)n, p->icmp_raw, p->cookie, seq) ? 1 : 0;
}

int timer_prober_recv_arp(struct timer_prober *p)
{
    uint8_t buf[1500];
    ssize_t n = recv(p->arp_fd, buf, sizeof buf, 0);
    if (n < 0)
        return (errno == EAGAIN || errno == EWOULDBLOCK) ? -1 : 0;
    return timer_arp_parse_reply(buf, (size_t)n, p->arp_target) ? 1 : 0;
}
