/* SPDX-License-Identifier: BSD-3-Clause */
/* Recorded netlink messages in words, and the comparison of a snapshot
 * with the interface as it is now (see timer_netlink.h). */
#include <arpa/inet.h>
#include <linux/if_addr.h>
#include <linux/neighbour.h>
#include <linux/nexthop.h>
#include <linux/rtnetlink.h>
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "timer/timer_netlink.h"
#include "util/strutil.h"

#if defined(__clang__)
#pragma clang diagnostic ignored "-Wsign-compare"
#endif

static void put_addr(char *buf, size_t len, int family, const struct rtattr *a)
{
    char text[INET6_ADDRSTRLEN] = "?";
    if ((family == AF_INET && RTA_PAYLOAD(a) == 4) || (family == AF_INET6 && RTA_PAYLOAD(a) == 16))
        inet_ntop(family, RTA_DATA(a), text, sizeof text);
    pr_strlcatf(buf, len, "%s", text);
}

static void put_dev(char *buf, size_t len, int ifindex)
{
    char name[IF_NAMESIZE] = "";
    if (if_indextoname((unsigned)ifindex, name) != NULL)
        pr_strlcatf(buf, len, " dev %s", name);
    else
        pr_strlcatf(buf, len, " dev #%d", ifindex);
}

static void put_u32(char *buf, size_t len, const char *word, const struct rtattr *a)
{
    uint32_t v = 0;
    if (RTA_PAYLOAD(a) >= 4)
        memcpy(&v, RTA_DATA(a), 4);
    pr_strlcatf(buf, len, " %s %u", word, v);
}

static void describe_addr(const struct nlmsghdr *h, char *buf, size_t len)
{
    const struct ifaddrmsg *ifa = NLMSG_DATA(h);
    int rlen = (int)IFA_PAYLOAD(h);
    const struct rtattr *local = NULL, *address = NULL;
    for (const struct rtattr *a = IFA_RTA(ifa); RTA_OK(a, rlen); a = RTA_NEXT(a, rlen)) {
        if (a->rta_type == IFA_LOCAL)
            local = a;
        else if (a->rta_type == IFA_ADDRESS)
            address = a;
    }
    pr_strlcatf(buf, len, "address ");
    if (local != NULL || address != NULL)
        put_addr(buf, len, ifa->ifa_family, local != NULL ? local : address);
    pr_strlcatf(buf, len, "/%u", ifa->ifa_prefixlen);
    if (local != NULL && address != NULL &&
        memcmp(RTA_DATA(local), RTA_DATA(address), RTA_PAYLOAD(local)) != 0) {
        pr_strlcatf(buf, len, " peer ");
        put_addr(buf, len, ifa->ifa_family, address);
    }
    put_dev(buf, len, (int)ifa->ifa_index);
}

static void describe_multipath(const struct rtattr *mp, int family, char *buf, size_t len)
{
    const struct rtnexthop *nh = RTA_DATA(mp);
    int left = (int)RTA_PAYLOAD(mp);
    for (; TIMER_RTNH_OK(nh, left); left -= NLMSG_ALIGN(nh->rtnh_len), nh = RTNH_NEXT(nh)) {
        pr_strlcatf(buf, len, " nexthop");
        int alen = (int)nh->rtnh_len - (int)sizeof *nh;
        for (const struct rtattr *a = RTNH_DATA(nh); RTA_OK(a, alen); a = RTA_NEXT(a, alen)) {
            if (a->rta_type == RTA_GATEWAY) {
                pr_strlcatf(buf, len, " via ");
                put_addr(buf, len, family, a);
            }
        }
        put_dev(buf, len, nh->rtnh_ifindex);
        pr_strlcatf(buf, len, " weight %u", nh->rtnh_hops + 1u);
    }
}

static void describe_route(const struct nlmsghdr *h, char *buf, size_t len)
{
    const struct rtmsg *rtm = NLMSG_DATA(h);
    int rlen = (int)RTM_PAYLOAD(h);
    const struct rtattr *dst = NULL, *gw = NULL, *oif = NULL, *mp = NULL, *nhid = NULL;
    const struct rtattr *prio = NULL, *src = NULL;
    for (const struct rtattr *a = RTM_RTA(rtm); RTA_OK(a, rlen); a = RTA_NEXT(a, rlen)) {
        switch (a->rta_type) {
        case RTA_DST:
            dst = a;
            break;
        case RTA_GATEWAY:
            gw = a;
            break;
        case RTA_OIF:
            oif = a;
            break;
        case RTA_MULTIPATH:
            mp = a;
            break;
        case RTA_NH_ID:
            nhid = a;
            break;
        case RTA_PRIORITY:
            prio = a;
            break;
        case RTA_PREFSRC:
            src = a;
            break;
        }
    }
    pr_strlcatf(buf, len, "route ");
    if (dst != NULL) {
        put_addr(buf, len, rtm->rtm_family, dst);
        pr_strlcatf(buf, len, "/%u", rtm->rtm_dst_len);
    } else {
        pr_strlcatf(buf, len, "default");
    }
    uint32_t table = timer_nl_route_table((struct nlmsghdr *)h, rtm);
    if (table != RT_TABLE_MAIN)
        pr_strlcatf(buf, len, " table %u", table);
    if (rtm->rtm_tos != 0)
        pr_strlcatf(buf, len, " tos %u", rtm->rtm_tos);
    if (prio != NULL)
        put_u32(buf, len, "metric", prio);
    if (src != NULL) {
        pr_strlcatf(buf, len, " src ");
        put_addr(buf, len, rtm->rtm_family, src);
    }
    /* Through a nexthop object, the object says the rest. */
    if (nhid != NULL) {
        put_u32(buf, len, "nhid", nhid);
        return;
    }
    if (gw != NULL) {
        pr_strlcatf(buf, len, " via ");
        put_addr(buf, len, rtm->rtm_family, gw);
    }
    if (oif != NULL && RTA_PAYLOAD(oif) >= 4) {
        int index;
        memcpy(&index, RTA_DATA(oif), sizeof index);
        put_dev(buf, len, index);
    }
    if (mp != NULL)
        describe_multipath(mp, rtm->rtm_family, buf, len);
}

static void describe_nexthop(const struct nlmsghdr *h, char *buf, size_t len)
{
    const struct nhmsg *nhm = NLMSG_DATA(h);
    int rlen = (int)h->nlmsg_len - (int)NLMSG_LENGTH(sizeof *nhm);
    const struct rtattr *a = (const struct rtattr *)((const char *)nhm + NLMSG_ALIGN(sizeof *nhm));
    pr_strlcatf(buf, len, "nexthop");
    for (; RTA_OK(a, rlen); a = RTA_NEXT(a, rlen)) {
        if (a->rta_type == NHA_ID) {
            put_u32(buf, len, "id", a);
        } else if (a->rta_type == NHA_GATEWAY) {
            pr_strlcatf(buf, len, " via ");
            put_addr(buf, len, nhm->nh_family, a);
        } else if (a->rta_type == NHA_OIF && RTA_PAYLOAD(a) >= 4) {
            int index;
            memcpy(&index, RTA_DATA(a), sizeof index);
            put_dev(buf, len, index);
        } else if (a->rta_type == NHA_BLACKHOLE) {
            pr_strlcatf(buf, len, " blackhole");
        } else if (a->rta_type == NHA_GROUP) {
            const struct nexthop_grp *g = RTA_DATA(a);
            size_t n = RTA_PAYLOAD(a) / sizeof *g;
            pr_strlcatf(buf, len, " group ");
            for (size_t i = 0; i < n; i++)
                pr_strlcatf(buf, len, "%s%u,%u", i > 0 ? "/" : "", g[i].id, g[i].weight + 1u);
        }
    }
}

static void describe_neigh(const struct nlmsghdr *h, char *buf, size_t len)
{
    const struct ndmsg *nd = NLMSG_DATA(h);
    int rlen = (int)h->nlmsg_len - (int)NLMSG_LENGTH(sizeof *nd);
    const struct rtattr *a = (const struct rtattr *)((const char *)nd + NLMSG_ALIGN(sizeof *nd));
    pr_strlcatf(buf, len, "neighbour ");
    const struct rtattr *dst = NULL, *ll = NULL;
    for (; RTA_OK(a, rlen); a = RTA_NEXT(a, rlen)) {
        if (a->rta_type == NDA_DST)
            dst = a;
        else if (a->rta_type == NDA_LLADDR)
            ll = a;
    }
    if (dst != NULL)
        put_addr(buf, len, nd->ndm_family, dst);
    if (ll != NULL) {
        pr_strlcatf(buf, len, " lladdr ");
        const uint8_t *b = RTA_DATA(ll);
        for (size_t i = 0; i < RTA_PAYLOAD(ll); i++)
            pr_strlcatf(buf, len, "%s%02x", i > 0 ? ":" : "", b[i]);
    }
    put_dev(buf, len, nd->ndm_ifindex);
    pr_strlcatf(buf, len, "%s", (nd->ndm_state & NUD_PERMANENT) ? " permanent" : " noarp");
}

void timer_describe(const struct nlmsghdr *h, char *buf, size_t len)
{
    buf[0] = '\0';
    switch (h->nlmsg_type) {
    case RTM_NEWADDR:
        describe_addr(h, buf, len);
        break;
    case RTM_NEWROUTE:
        describe_route(h, buf, len);
        break;
    case RTM_NEWNEXTHOP:
        describe_nexthop(h, buf, len);
        break;
    case RTM_NEWNEIGH:
        describe_neigh(h, buf, len);
        break;
    default:
        pr_strlcatf(buf, len, "netlink message of type %u", h->nlmsg_type);
    }
}

#define WORDS 512

static bool listed(struct nlmsghdr *const *list, size_t n, const char *words)
{
    char other[WORDS];
    for (size_t i = 0; i < n; i++) {
        timer_describe(list[i], other, sizeof other);
        if (strcmp(other, words) == 0)
            return true;
    }
    return false;
}

static int compare(struct nlmsghdr *const *before, size_t n_before, struct nlmsghdr *const *now,
                   size_t n_now, char *missing, size_t len)
{
    int n = 0;
    char words[WORDS];
    for (size_t i = 0; i < n_before; i++) {
        timer_describe(before[i], words, sizeof words);
        if (listed(now, n_now, words))
            continue;
        pr_strlcatf(missing, len, "%s%s", missing[0] != '\0' ? "; " : "", words);
        n++;
    }
    return n;
}

int timer_snapshot_verify(const struct timer_snapshot *before, char *missing, size_t len,
                          struct pr_error *err)
{
    missing[0] = '\0';
    struct timer_snapshot now;
    if (timer_snapshot_take(before->ifname, &now, err) < 0)
        return -1;
    int n =
        compare(before->addrs, before->n_addrs, now.addrs, now.n_addrs, missing, len) +
        compare(before->nexthops, before->n_nexthops, now.nexthops, now.n_nexthops, missing, len) +
        compare(before->routes, before->n_routes, now.routes, now.n_routes, missing, len) +
        compare(before->neighs, before->n_neighs, now.neighs, now.n_neighs, missing, len);
    timer_snapshot_free(&now);
    return n;
}
