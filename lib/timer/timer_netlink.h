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

/* RTNH_OK reads the nexthop's length before it checks that one fits in
 * len: past the end of a message whose last attribute is RTA_MULTIPATH.
 * This checks len first. (linux/rtnetlink.h must be included to use it.) */
#define TIMER_RTNH_OK(nh, len) ((len) >= (int)sizeof(struct rtnexthop) && RTNH_OK(nh, len))

/* A NETLINK_ROUTE socket subscribed to the given RTMGRP_* groups (0: none),
 * close-on-exec. Returns the fd or -1. */
int timer_nl_socket(unsigned groups, struct pr_error *err);

/* Dumps (NLM_F_DUMP) every object of a RTM_GET* type and family, calling fn
 * for each message; stops at the first fn that returns -1. */
typedef int (*timer_nl_dump_fn)(struct nlmsghdr *h, void *ctx, struct pr_error *err);
int timer_nl_dump(int type, int family, timer_nl_dump_fn fn, void *ctx, struct pr_error *err);

/* Appends a copy of h to *list. */
int timer_nl_keep_copy(struct nlmsghdr ***list, size_t *n, const struct nlmsghdr *h,
                       struct pr_error *err);

struct rtmsg;
/* A route's table: RTA_TABLE when present, else rtm_table. */
uint32_t timer_nl_route_table(struct nlmsghdr *h, const struct rtmsg *rtm);

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
    struct nlmsghdr **nexthops; /* RTM_NEWNEXTHOP: singles first, then groups */
    size_t n_nexthops;
    struct nlmsghdr **neighs; /* RTM_NEWNEIGH, permanent and noarp ones */
    size_t n_neighs;
};

/* Records what a bounce may lose (timer_snapshot.c): every address on the
 * interface except IPv6 link-local ones (the kernel makes those again);
 * every nexthop object through it and every group holding one; every
 * unicast route of any table but the local one that leaves through it (its
 * output interface, one of its multipath nexthops, or a recorded nexthop
 * object), except those the kernel derives from addresses (proto kernel)
 * and router advertisements; its permanent and noarp neighbour entries but
 * the multicast and broadcast ones the kernel makes again. */
int timer_snapshot_take(const char *ifname, struct timer_snapshot *snap, struct pr_error *err);
void timer_snapshot_free(struct timer_snapshot *snap);
/* Is nexthop object id among the recorded ones? */
bool timer_snapshot_has_nexthop(const struct timer_snapshot *snap, uint32_t id);

/* One recorded message (address, route, nexthop object or neighbour) in
 * words, ip(8)'s way: "route 192.0.2.0/24 table 100 via 10.0.0.1 dev eth0".
 * Two entries are the same when their words are: the words leave out what
 * the kernel changes by itself (dead and linkdown flags, counters, ages). */
void timer_describe(const struct nlmsghdr *h, char *buf, size_t len);

/* Records the interface again and compares with before: returns how many
 * recorded entries are missing now (-1 on a netlink failure) and lists them
 * in missing ("; " between them, cut at len). */
int timer_snapshot_verify(const struct timer_snapshot *before, char *missing, size_t len,
                          struct pr_error *err);

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
