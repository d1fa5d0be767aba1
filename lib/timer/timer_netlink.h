/* SPDX-License-Identifier: BSD-3-Clause */
/* rtnetlink for `portready time`, the unprivileged half: snapshots of an
 * interface's addresses and routes (kept as the kernel's own messages so
 * they can be replayed as they were), route lookups, default routes, link
 * events. The privileged half (link down/up, replaying) is timer_priv.h.
 *
 * Ownership: timer_snapshot_take() fills a snapshot that owns its message
 * copies; timer_snapshot_free() releases them and accepts a zeroed one. */
#ifndef PR_TIMER_NETLINK_H
#define PR_TIMER_NETLINK_H

#include <linux/netlink.h>
#include <net/if.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/error.h"

/* A NETLINK_ROUTE socket subscribed to the given RTMGRP_* groups (0: none),
 * close-on-exec. Returns the fd or -1. */
int timer_nl_socket(unsigned groups, struct pr_error *err);

/* Sends req (nlmsg_seq and NLM_F_ACK are set here) and waits for its
 * acknowledgement. Returns 0 when the kernel answered, with *kernel_errno the
 * kernel's verdict (0 success, else a positive errno); -1 on a socket
 * failure. */
int timer_nl_transact(int fd, struct nlmsghdr *req, int *kernel_errno, struct pr_error *err);

struct timer_snapshot {
    int ifindex;
    char ifname[IF_NAMESIZE];
    bool was_up;
    struct nlmsghdr **addrs; /* RTM_NEWADDR messages as dumped */
    size_t n_addrs;
    struct nlmsghdr **routes; /* RTM_NEWROUTE messages as dumped */
    size_t n_routes;
};

/* Records what a bounce may lose: every address on the interface except
 * IPv6 link-local ones (the kernel makes those again), and every unicast
 * route leaving through it except those the kernel derives from addresses
 * (proto kernel), router advertisements, and the local table. */
int timer_snapshot_take(const char *ifname, struct timer_snapshot *snap, struct pr_error *err);
void timer_snapshot_free(struct timer_snapshot *snap);

/* The route the kernel would use towards addr (AF_INET or AF_INET6). */
struct timer_route {
    int family;
    int oif;
    bool has_gateway;
    uint8_t gateway[16];
    bool has_prefsrc;
    uint8_t prefsrc[16];
};
int timer_route_get(int family, const void *addr, struct timer_route *out, struct pr_error *err);

/* The default routes of the main table, one entry per route (per nexthop). */
struct timer_default_route {
    int family;
    int oif;
    uint8_t gateway[16]; /* zero when none */
};
int timer_default_routes(struct timer_default_route **out, size_t *n, struct pr_error *err);

/* Pure: does ifindex carry a default route of some family that no other
 * interface also has? Then *family_out is that family and *gateway_out its
 * gateway (may be NULL). */
bool timer_only_default_route(const struct timer_default_route *routes, size_t n, int ifindex,
                              int *family_out, const uint8_t **gateway_out);

/* Pure: reads one datagram of link events; true when it holds an RTM_NEWLINK
 * for ifindex, with *lower_up the carrier it announces (the last one). buf
 * is aligned as struct nlmsghdr, as every recv buffer here is declared. */
bool timer_nl_parse_link_event(const void *buf, size_t len, int ifindex, bool *lower_up);

/* The interface's index, flags (IFF_UP, IFF_LOWER_UP...) and MAC address. */
int timer_link_info(const char *ifname, int *ifindex, unsigned *flags, uint8_t mac[6],
                    struct pr_error *err);

#endif
