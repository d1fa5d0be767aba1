/* SPDX-License-Identifier: BSD-3-Clause */
#include "timer/timer_netlink.h"

#include <arpa/inet.h>
#include <errno.h>
#include <linux/if_addr.h>
#include <linux/nexthop.h>
#include <linux/rtnetlink.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include "util/strutil.h"

/* The kernel's NLMSG_OK compares the __u32 message length with the int
 * length it is given; clang warns about that inside the macro. */
#if defined(__clang__)
#pragma clang diagnostic ignored "-Wsign-compare"
#endif

#ifndef IFF_LOWER_UP
#define IFF_LOWER_UP 0x10000
#endif

static uint32_t next_seq = 1;

int timer_nl_socket(unsigned groups, struct pr_error *err)
{
    int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
    if (fd < 0)
        return pr_error_set(err, PR_ERR_IO, "netlink socket: %s", strerror(errno));
    int rcvbuf = 1 << 20;
    setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof rcvbuf);
    struct sockaddr_nl sa = {.nl_family = AF_NETLINK, .nl_groups = groups};
    if (bind(fd, (struct sockaddr *)&sa, sizeof sa) < 0) {
        int e = errno;
        close(fd);
        return pr_error_set(err, PR_ERR_IO, "netlink bind: %s", strerror(e));
    }
    return fd;
}

static int nl_send(int fd, struct nlmsghdr *req, struct pr_error *err)
{
    req->nlmsg_seq = next_seq++;
    struct sockaddr_nl kernel = {.nl_family = AF_NETLINK};
    if (sendto(fd, req, req->nlmsg_len, 0, (struct sockaddr *)&kernel, sizeof kernel) < 0)
        return pr_error_set(err, PR_ERR_IO, "netlink send: %s", strerror(errno));
    return 0;
}

int timer_nl_transact(int fd, struct nlmsghdr *req, int *kernel_errno, struct pr_error *err)
{
    req->nlmsg_flags |= NLM_F_REQUEST | NLM_F_ACK;
    if (nl_send(fd, req, err) < 0)
        return -1;
    static _Alignas(struct nlmsghdr) char buf[16384];
    for (;;) {
        ssize_t n = recv(fd, buf, sizeof buf, 0);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return pr_error_set(err, PR_ERR_IO, "netlink receive: %s", strerror(errno));
        }
        int left = (int)n;
        for (struct nlmsghdr *h = (struct nlmsghdr *)buf; NLMSG_OK(h, left);
             h = NLMSG_NEXT(h, left)) {
            if (h->nlmsg_seq != req->nlmsg_seq || h->nlmsg_type != NLMSG_ERROR)
                continue;
            const struct nlmsgerr *e = NLMSG_DATA(h);
            *kernel_errno = -e->error;
            return 0;
        }
    }
}

int timer_nl_dump(int type, int family, timer_nl_dump_fn fn, void *ctx, struct pr_error *err)
{
    int fd = timer_nl_socket(0, err);
    if (fd < 0)
        return -1;
    struct {
        struct nlmsghdr h;
        struct rtgenmsg g;
        char pad[16];
    } req = {.h = {.nlmsg_len = NLMSG_LENGTH(sizeof(struct rtgenmsg)),
                   .nlmsg_type = (uint16_t)type,
                   .nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP},
             .g = {.rtgen_family = (unsigned char)family}};
    /* RTM_GETROUTE expects a struct rtmsg; its first byte is the family too. */
    if (type == RTM_GETROUTE)
        req.h.nlmsg_len = NLMSG_LENGTH(sizeof(struct rtmsg));
    /* RTM_GETNEXTHOP a struct nhmsg, no shorter. */
    if (type == RTM_GETNEXTHOP)
        req.h.nlmsg_len = NLMSG_LENGTH(sizeof(struct nhmsg));
    if (nl_send(fd, &req.h, err) < 0) {
        close(fd);
        return -1;
    }
    static _Alignas(struct nlmsghdr) char buf[65536];
    int rc = 0;
    for (bool done = false; !done && rc == 0;) {
        ssize_t n = recv(fd, buf, sizeof buf, 0);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            rc = pr_error_set(err, PR_ERR_IO, "netlink dump: %s", strerror(errno));
            break;
        }
        int left = (int)n;
        for (struct nlmsghdr *h = (struct nlmsghdr *)buf; NLMSG_OK(h, left) && rc == 0;
             h = NLMSG_NEXT(h, left)) {
            if (h->nlmsg_seq != req.h.nlmsg_seq)
                continue;
            if (h->nlmsg_type == NLMSG_DONE) {
                done = true;
                break;
            }
            if (h->nlmsg_type == NLMSG_ERROR) {
                const struct nlmsgerr *e = NLMSG_DATA(h);
                rc = pr_error_set(err, PR_ERR_IO, "netlink dump: %s", strerror(-e->error));
                break;
            }
            rc = fn(h, ctx, err);
        }
    }
    close(fd);
    return rc;
}

int timer_nl_keep_copy(struct nlmsghdr ***list, size_t *n, const struct nlmsghdr *h,
                       struct pr_error *err)
{
    struct nlmsghdr **grown = realloc(*list, (*n + 1) * sizeof *grown);
    if (grown == NULL)
        return pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
    *list = grown;
    struct nlmsghdr *copy = malloc(h->nlmsg_len);
    if (copy == NULL)
        return pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
    memcpy(copy, h, h->nlmsg_len);
    grown[(*n)++] = copy;
    return 0;
}

uint32_t timer_nl_route_table(struct nlmsghdr *h, const struct rtmsg *rtm)
{
    int len = (int)RTM_PAYLOAD(h);
    uint32_t table = rtm->rtm_table;
    for (const struct rtattr *a = RTM_RTA(rtm); RTA_OK(a, len); a = RTA_NEXT(a, len)) {
        if (a->rta_type == RTA_TABLE)
            memcpy(&table, RTA_DATA(a), sizeof table);
    }
    return table;
}

int timer_route_get(int family, const void *addr, struct timer_route *out, struct pr_error *err)
{
    memset(out, 0, sizeof *out);
    out->family = family;
    size_t alen = family == AF_INET ? 4 : 16;
    struct {
        struct nlmsghdr h;
        struct rtmsg r;
        char attrs[64];
    } req;
    memset(&req, 0, sizeof req);
    req.h.nlmsg_type = RTM_GETROUTE;
    req.h.nlmsg_flags = NLM_F_REQUEST;
    req.r.rtm_family = (unsigned char)family;
    req.r.rtm_dst_len = (unsigned char)(alen * 8);
    struct rtattr *a = (struct rtattr *)req.attrs;
    a->rta_type = RTA_DST;
    a->rta_len = (unsigned short)RTA_LENGTH(alen);
    memcpy(RTA_DATA(a), addr, alen);
    req.h.nlmsg_len = NLMSG_LENGTH(sizeof req.r) + RTA_ALIGN(a->rta_len);

    int fd = timer_nl_socket(0, err);
    if (fd < 0)
        return -1;
    int rc = nl_send(fd, &req.h, err);
    static _Alignas(struct nlmsghdr) char buf[16384];
    while (rc == 0) {
        ssize_t n = recv(fd, buf, sizeof buf, 0);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            rc = pr_error_set(err, PR_ERR_IO, "route lookup: %s", strerror(errno));
            break;
        }
        struct nlmsghdr *h = (struct nlmsghdr *)buf;
        if (!NLMSG_OK(h, (int)n) || h->nlmsg_seq != req.h.nlmsg_seq)
            continue;
        if (h->nlmsg_type == NLMSG_ERROR) {
            const struct nlmsgerr *e = NLMSG_DATA(h);
            rc = pr_error_set(err, PR_ERR_NOT_FOUND, "no route: %s", strerror(-e->error));
            break;
        }
        const struct rtmsg *rtm = NLMSG_DATA(h);
        int len = (int)RTM_PAYLOAD(h);
        for (const struct rtattr *r = RTM_RTA(rtm); RTA_OK(r, len); r = RTA_NEXT(r, len)) {
            if (r->rta_type == RTA_OIF)
                memcpy(&out->oif, RTA_DATA(r), sizeof out->oif);
            else if (r->rta_type == RTA_GATEWAY && RTA_PAYLOAD(r) == alen) {
                out->has_gateway = true;
                memcpy(out->gateway, RTA_DATA(r), alen);
            } else if (r->rta_type == RTA_PREFSRC && RTA_PAYLOAD(r) == alen) {
                out->has_prefsrc = true;
                memcpy(out->prefsrc, RTA_DATA(r), alen);
            }
        }
        break;
    }
    close(fd);
    return rc;
}

struct default_list {
    struct timer_default_route *v;
    size_t n;
};

static int collect_default(struct nlmsghdr *h, void *ctx, struct pr_error *err)
{
    struct default_list *list = ctx;
    const struct rtmsg *rtm = NLMSG_DATA(h);
    if (h->nlmsg_type != RTM_NEWROUTE || rtm->rtm_dst_len != 0 || rtm->rtm_type != RTN_UNICAST)
        return 0;
    if (rtm->rtm_family != AF_INET && rtm->rtm_family != AF_INET6)
        return 0;
    if (timer_nl_route_table(h, rtm) != RT_TABLE_MAIN)
        return 0;
    struct timer_default_route r = {.family = rtm->rtm_family};
    int len = (int)RTM_PAYLOAD(h);
    size_t alen = rtm->rtm_family == AF_INET ? 4 : 16;
    for (const struct rtattr *a = RTM_RTA(rtm); RTA_OK(a, len); a = RTA_NEXT(a, len)) {
        if (a->rta_type == RTA_OIF)
            memcpy(&r.oif, RTA_DATA(a), sizeof r.oif);
        else if (a->rta_type == RTA_GATEWAY && RTA_PAYLOAD(a) == alen)
            memcpy(r.gateway, RTA_DATA(a), alen);
        else if (a->rta_type == RTA_MULTIPATH) {
            /* One entry per nexthop. */
            const struct rtnexthop *nh = RTA_DATA(a);
            int left = (int)RTA_PAYLOAD(a);
            while (TIMER_RTNH_OK(nh, left)) {
                struct timer_default_route *grown = realloc(list->v, (list->n + 1) * sizeof *grown);
                if (grown == NULL)
                    return pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
                list->v = grown;
                list->v[list->n++] =
                    (struct timer_default_route){.family = r.family, .oif = nh->rtnh_ifindex};
                left -= NLMSG_ALIGN(nh->rtnh_len);
                nh = RTNH_NEXT(nh);
            }
            return 0;
        }
    }
    struct timer_default_route *grown = realloc(list->v, (list->n + 1) * sizeof *grown);
    if (grown == NULL)
        return pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
    list->v = grown;
    list->v[list->n++] = r;
    return 0;
}

int timer_default_routes(struct timer_default_route **out, size_t *n, struct pr_error *err)
{
    struct default_list list = {0};
    if (timer_nl_dump(RTM_GETROUTE, AF_UNSPEC, collect_default, &list, err) < 0) {
        free(list.v);
        return -1;
    }
    *out = list.v;
    *n = list.n;
    return 0;
}

bool timer_only_default_route(const struct timer_default_route *routes, size_t n, int ifindex,
                              int *family_out, const uint8_t **gateway_out)
{
    for (size_t i = 0; i < n; i++) {
        if (routes[i].oif != ifindex)
            continue;
        bool other = false;
        for (size_t j = 0; j < n; j++) {
            if (routes[j].family == routes[i].family && routes[j].oif != ifindex)
                other = true;
        }
        if (!other) {
            *family_out = routes[i].family;
            if (gateway_out != NULL)
                *gateway_out = routes[i].gateway;
            return true;
        }
    }
    return false;
}

bool timer_nl_parse_link_event(const void *buf, size_t len, int ifindex, bool *lower_up)
{
    bool found = false;
    int left = (int)len;
    for (const struct nlmsghdr *h = buf; NLMSG_OK(h, left); h = NLMSG_NEXT(h, left)) {
        if (h->nlmsg_type != RTM_NEWLINK || h->nlmsg_len < NLMSG_LENGTH(sizeof(struct ifinfomsg)))
            continue;
        const struct ifinfomsg *ifi = NLMSG_DATA(h);
        if (ifi->ifi_index != ifindex || ifi->ifi_family != AF_UNSPEC)
            continue;
        *lower_up = (ifi->ifi_flags & IFF_LOWER_UP) != 0;
        found = true;
    }
    return found;
}

static int link_flags(int ifindex, unsigned *flags)
{
    struct pr_error ignored;
    int fd = timer_nl_socket(0, &ignored);
    if (fd < 0)
        return -1;
    struct {
        struct nlmsghdr h;
        struct ifinfomsg i;
    } req = {.h = {.nlmsg_len = NLMSG_LENGTH(sizeof(struct ifinfomsg)),
                   .nlmsg_type = RTM_GETLINK,
                   .nlmsg_flags = NLM_F_REQUEST},
             .i = {.ifi_family = AF_UNSPEC, .ifi_index = ifindex}};
    int rc = nl_send(fd, &req.h, &ignored);
    static _Alignas(struct nlmsghdr) char buf[16384];
    while (rc == 0) {
        ssize_t n = recv(fd, buf, sizeof buf, 0);
        if (n < 0 && errno == EINTR)
            continue;
        struct nlmsghdr *h = (struct nlmsghdr *)buf;
        if (n < 0 || !NLMSG_OK(h, (int)n) || h->nlmsg_type != RTM_NEWLINK) {
            rc = -1;
            break;
        }
        *flags = ((const struct ifinfomsg *)NLMSG_DATA(h))->ifi_flags;
        break;
    }
    close(fd);
    return rc;
}

int timer_link_info(const char *ifname, int *ifindex, unsigned *flags, uint8_t mac[6],
                    struct pr_error *err)
{
    if (strlen(ifname) >= IF_NAMESIZE)
        return pr_error_set(err, PR_ERR_USAGE, "interface name '%s' is too long", ifname);
    int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return pr_error_set(err, PR_ERR_IO, "socket: %s", strerror(errno));
    struct ifreq ifr;
    memset(&ifr, 0, sizeof ifr);
    pr_strlcpy(ifr.ifr_name, ifname, sizeof ifr.ifr_name);
    int rc = 0;
    if (ioctl(fd, SIOCGIFINDEX, &ifr) < 0) {
        rc = pr_error_set(err, PR_ERR_NOT_FOUND, "no interface named '%s' here", ifname);
        goto out;
    }
    *ifindex = ifr.ifr_ifindex;
    if (ioctl(fd, SIOCGIFFLAGS, &ifr) < 0) {
        rc = pr_error_set(err, PR_ERR_IO, "reading the flags of %s: %s", ifname, strerror(errno));
        goto out;
    }
    *flags = (unsigned)(unsigned short)ifr.ifr_flags;
    /* IFF_LOWER_UP does not fit the ioctl's short flags: ask rtnetlink. */
    unsigned nl_flags = 0;
    if (link_flags(*ifindex, &nl_flags) == 0)
        *flags = nl_flags;
    memset(mac, 0, 6);
    if (ioctl(fd, SIOCGIFHWADDR, &ifr) == 0)
        memcpy(mac, ifr.ifr_hwaddr.sa_data, 6);
out:
    close(fd);
    return rc;
}
