/* SPDX-License-Identifier: BSD-3-Clause */
/* What a bounce may lose, recorded before it (see timer_netlink.h). */
#include <arpa/inet.h>
#include <linux/if_addr.h>
#include <linux/neighbour.h>
#include <linux/nexthop.h>
#include <linux/rtnetlink.h>
#include <stdlib.h>
#include <string.h>

#include "timer/timer_netlink.h"
#include "util/strutil.h"

/* The kernel's NLMSG_OK / RTA_OK compare signed and unsigned lengths. */
#if defined(__clang__)
#pragma clang diagnostic ignored "-Wsign-compare"
#endif

static int snapshot_addr(struct nlmsghdr *h, void *ctx, struct pr_error *err)
{
    struct timer_snapshot *snap = ctx;
    const struct ifaddrmsg *ifa = NLMSG_DATA(h);
    if (h->nlmsg_type != RTM_NEWADDR || (int)ifa->ifa_index != snap->ifindex)
        return 0;
    if (ifa->ifa_family == AF_INET6 && ifa->ifa_scope == RT_SCOPE_LINK)
        return 0;
    return timer_nl_keep_copy(&snap->addrs, &snap->n_addrs, h, err);
}

/* The u32 attribute type of a nexthop message, or 0. */
static uint32_t nh_u32(const struct nlmsghdr *h, unsigned type, bool *found)
{
    int len = (int)h->nlmsg_len - (int)NLMSG_LENGTH(sizeof(struct nhmsg));
    const struct rtattr *a =
        (const struct rtattr *)((const char *)NLMSG_DATA(h) + NLMSG_ALIGN(sizeof(struct nhmsg)));
    for (; RTA_OK(a, len); a = RTA_NEXT(a, len)) {
        if (a->rta_type == type && RTA_PAYLOAD(a) >= 4) {
            uint32_t v;
            memcpy(&v, RTA_DATA(a), 4);
            *found = true;
            return v;
        }
    }
    *found = false;
    return 0;
}

/* A nexthop group's members, or NULL (not a group). */
static const struct nexthop_grp *nh_group(const struct nlmsghdr *h, size_t *n)
{
    int len = (int)h->nlmsg_len - (int)NLMSG_LENGTH(sizeof(struct nhmsg));
    const struct rtattr *a =
        (const struct rtattr *)((const char *)NLMSG_DATA(h) + NLMSG_ALIGN(sizeof(struct nhmsg)));
    for (; RTA_OK(a, len); a = RTA_NEXT(a, len)) {
        if (a->rta_type == NHA_GROUP) {
            *n = RTA_PAYLOAD(a) / sizeof(struct nexthop_grp);
            return RTA_DATA(a);
        }
    }
    *n = 0;
    return NULL;
}

bool timer_snapshot_has_nexthop(const struct timer_snapshot *snap, uint32_t id)
{
    for (size_t i = 0; i < snap->n_nexthops; i++) {
        bool found;
        if (nh_u32(snap->nexthops[i], NHA_ID, &found) == id && found)
            return true;
    }
    return false;
}

struct nh_dump {
    struct nlmsghdr **all;
    size_t n;
};

static int collect_nexthop(struct nlmsghdr *h, void *ctx, struct pr_error *err)
{
    struct nh_dump *d = ctx;
    if (h->nlmsg_type != RTM_NEWNEXTHOP)
        return 0;
    return timer_nl_keep_copy(&d->all, &d->n, h, err);
}

/* Singles through the interface first, then the groups holding one. */
static int snapshot_nexthops(struct timer_snapshot *snap, struct pr_error *err)
{
    struct nh_dump d = {0};
    int rc = timer_nl_dump(RTM_GETNEXTHOP, AF_UNSPEC, collect_nexthop, &d, err);
    for (size_t i = 0; i < d.n && rc == 0; i++) {
        bool found;
        size_t n;
        if (nh_group(d.all[i], &n) == NULL &&
            (int)nh_u32(d.all[i], NHA_OIF, &found) == snap->ifindex && found)
            rc = timer_nl_keep_copy(&snap->nexthops, &snap->n_nexthops, d.all[i], err);
    }
    for (size_t i = 0; i < d.n && rc == 0; i++) {
        size_t n;
        const struct nexthop_grp *g = nh_group(d.all[i], &n);
        bool member = false;
        for (size_t k = 0; g != NULL && k < n && !member; k++)
            member = timer_snapshot_has_nexthop(snap, g[k].id);
        if (member)
            rc = timer_nl_keep_copy(&snap->nexthops, &snap->n_nexthops, d.all[i], err);
    }
    for (size_t i = 0; i < d.n; i++)
        free(d.all[i]);
    free(d.all);
    return rc;
}

/* Does the route leave through the interface? */
static bool route_on(const struct timer_snapshot *snap, struct nlmsghdr *h, const struct rtmsg *rtm)
{
    int len = (int)RTM_PAYLOAD(h);
    for (const struct rtattr *a = RTM_RTA(rtm); RTA_OK(a, len); a = RTA_NEXT(a, len)) {
        if (a->rta_type == RTA_NH_ID && RTA_PAYLOAD(a) >= 4) {
            uint32_t id;
            memcpy(&id, RTA_DATA(a), 4);
            return timer_snapshot_has_nexthop(snap, id);
        }
    }
    len = (int)RTM_PAYLOAD(h);
    for (const struct rtattr *a = RTM_RTA(rtm); RTA_OK(a, len); a = RTA_NEXT(a, len)) {
        if (a->rta_type == RTA_OIF && RTA_PAYLOAD(a) >= 4) {
            int oif;
            memcpy(&oif, RTA_DATA(a), sizeof oif);
            if (oif == snap->ifindex)
                return true;
        } else if (a->rta_type == RTA_MULTIPATH) {
            const struct rtnexthop *nh = RTA_DATA(a);
            int left = (int)RTA_PAYLOAD(a);
            for (; TIMER_RTNH_OK(nh, left); left -= NLMSG_ALIGN(nh->rtnh_len), nh = RTNH_NEXT(nh)) {
                if (nh->rtnh_ifindex == snap->ifindex)
                    return true;
            }
        }
    }
    return false;
}

static int snapshot_route(struct nlmsghdr *h, void *ctx, struct pr_error *err)
{
    struct timer_snapshot *snap = ctx;
    const struct rtmsg *rtm = NLMSG_DATA(h);
    if (h->nlmsg_type != RTM_NEWROUTE)
        return 0;
    if (rtm->rtm_family != AF_INET && rtm->rtm_family != AF_INET6)
        return 0;
    if (rtm->rtm_type != RTN_UNICAST || (rtm->rtm_flags & RTM_F_CLONED))
        return 0;
    if (rtm->rtm_protocol == RTPROT_KERNEL || rtm->rtm_protocol == RTPROT_RA)
        return 0;
    if (timer_nl_route_table(h, rtm) == RT_TABLE_LOCAL || !route_on(snap, h, rtm))
        return 0;
    return timer_nl_keep_copy(&snap->routes, &snap->n_routes, h, err);
}

/* Multicast and broadcast entries: noarp, but the kernel makes them again
 * on demand (the MAC follows from the address). */
static bool neigh_made_by_kernel(const struct nlmsghdr *h, const struct ndmsg *nd)
{
    int len = (int)h->nlmsg_len - (int)NLMSG_LENGTH(sizeof *nd);
    const struct rtattr *a = (const struct rtattr *)((const char *)nd + NLMSG_ALIGN(sizeof *nd));
    for (; RTA_OK(a, len); a = RTA_NEXT(a, len)) {
        if (a->rta_type != NDA_DST)
            continue;
        const uint8_t *d = RTA_DATA(a);
        if (nd->ndm_family == AF_INET6 && RTA_PAYLOAD(a) == 16)
            return d[0] == 0xff;
        if (nd->ndm_family == AF_INET && RTA_PAYLOAD(a) == 4)
            return (d[0] & 0xf0) == 0xe0 ||
                   (d[0] == 0xff && d[1] == 0xff && d[2] == 0xff && d[3] == 0xff);
    }
    return false;
}

static int snapshot_neigh(struct nlmsghdr *h, void *ctx, struct pr_error *err)
{
    struct timer_snapshot *snap = ctx;
    const struct ndmsg *nd = NLMSG_DATA(h);
    if (h->nlmsg_type != RTM_NEWNEIGH || nd->ndm_ifindex != snap->ifindex)
        return 0;
    if (nd->ndm_family != AF_INET && nd->ndm_family != AF_INET6)
        return 0;
    if ((nd->ndm_state & (NUD_PERMANENT | NUD_NOARP)) == 0 || (nd->ndm_flags & NTF_PROXY))
        return 0;
    if (neigh_made_by_kernel(h, nd))
        return 0;
    return timer_nl_keep_copy(&snap->neighs, &snap->n_neighs, h, err);
}

int timer_snapshot_take(const char *ifname, struct timer_snapshot *snap, struct pr_error *err)
{
    memset(snap, 0, sizeof *snap);
    unsigned flags = 0;
    uint8_t mac[6];
    if (timer_link_info(ifname, &snap->ifindex, &flags, mac, err) < 0)
        return -1;
    pr_strlcpy(snap->ifname, ifname, sizeof snap->ifname);
    snap->was_up = (flags & IFF_UP) != 0;
    if (timer_nl_dump(RTM_GETADDR, AF_UNSPEC, snapshot_addr, snap, err) < 0 ||
        snapshot_nexthops(snap, err) < 0 ||
        timer_nl_dump(RTM_GETROUTE, AF_UNSPEC, snapshot_route, snap, err) < 0 ||
        timer_nl_dump(RTM_GETNEIGH, AF_UNSPEC, snapshot_neigh, snap, err) < 0) {
        timer_snapshot_free(snap);
        pr_error_prefix(err, "recording the addresses, routes and neighbours of %s", ifname);
        return -1;
    }
    return 0;
}

static void free_list(struct nlmsghdr ***list, size_t *n)
{
    for (size_t i = 0; i < *n; i++)
        free((*list)[i]);
    free(*list);
    *list = NULL;
    *n = 0;
}

void timer_snapshot_free(struct timer_snapshot *snap)
{
    if (snap == NULL)
        return;
    free_list(&snap->addrs, &snap->n_addrs);
    free_list(&snap->routes, &snap->n_routes);
    free_list(&snap->nexthops, &snap->n_nexthops);
    free_list(&snap->neighs, &snap->n_neighs);
}
