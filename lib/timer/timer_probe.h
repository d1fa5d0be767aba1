/* SPDX-License-Identifier: BSD-3-Clause */
/* Probes: ICMP echo requests to the target (an unprivileged datagram socket
 * where net.ipv4.ping_group_range allows it, a raw socket otherwise) and
 * ARP requests on an interface. The packet builders and parsers are pure
 * functions so tests can drive them with bytes.
 *
 * Ownership: timer_prober_open() opens sockets that timer_prober_close()
 * closes (it accepts a zeroed or closed prober). */
#ifndef PR_TIMER_PROBE_H
#define PR_TIMER_PROBE_H

#include <netinet/in.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/error.h"

#define TIMER_ICMP_PAYLOAD 16 /* cookie, sequence, 8 bytes of padding */
#define TIMER_ICMP_PACKET  (8 + TIMER_ICMP_PAYLOAD)
#define TIMER_ARP_PACKET   28

struct timer_prober {
    int icmp_fd;
    bool icmp_raw;
    uint16_t icmp_id; /* raw sockets only; the kernel picks it for datagram ones */
    uint32_t cookie;  /* carried in every payload: ours, not another ping's */
    struct in_addr target;
    int arp_fd; /* -1: no ARP probes */
    int arp_ifindex;
    uint8_t arp_mac[6];
    struct in_addr arp_src;    /* our address on that link */
    struct in_addr arp_target; /* the target, or the gateway towards it */
};

/* Opens the ICMP socket: datagram first, raw as fallback. Errors say which
 * privilege is missing. */
int timer_prober_open(struct timer_prober *p, struct in_addr target, struct pr_error *err);
/* Adds ARP requests for arp_target, sent from mac/src on ifindex. */
int timer_prober_enable_arp(struct timer_prober *p, int ifindex, const uint8_t mac[6],
                            struct in_addr src, struct in_addr arp_target, struct pr_error *err);
void timer_prober_close(struct timer_prober *p);

/* Send one probe. Return 0, or the errno the kernel refused it with (link
 * down, no route): a refused probe is still a probe, just a lost one. */
int timer_prober_send_icmp(struct timer_prober *p, uint32_t seq);
int timer_prober_send_arp(struct timer_prober *p);

/* Read one pending packet. Return 1 with *seq set for an echo reply of ours
 * (1 for an ARP reply from arp_target), 0 for a packet that is not ours,
 * -1 when nothing is pending. */
int timer_prober_recv_icmp(struct timer_prober *p, uint32_t *seq);
int timer_prober_recv_arp(struct timer_prober *p);

/* Pure packet code. raw: the buffer starts with an IPv4 header. */
uint16_t timer_inet_checksum(const void *data, size_t len);
void timer_icmp_build_echo(uint8_t out[TIMER_ICMP_PACKET], uint16_t id, uint32_t cookie,
                           uint32_t seq);
bool timer_icmp_parse_reply(const uint8_t *buf, size_t len, bool raw, uint32_t cookie,
                            uint32_t *seq);
void timer_arp_build_request(uint8_t out[TIMER_ARP_PACKET], const uint8_t mac[6],
                             struct in_addr src, struct in_addr target);
/* An ARP reply whose sender is target. */
bool timer_arp_parse_reply(const uint8_t *buf, size_t len, struct in_addr target);

#endif
