/* SPDX-License-Identifier: BSD-3-Clause */
#include "timer/timer_priv.h"

#include <arpa/inet.h>
#include <errno.h>
#include <linux/capability.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <linux/neighbour.h>
#include <linux/nexthop.h>
#include <linux/rtnetlink.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

/* The kernel's RTA_OK compares signed and unsigned lengths. */
#if defined(__clang__)
#pragma clang diagnostic ignored "-Wsign-compare"
#endif

static bool has_cap(unsigned cap)
{
    struct __user_cap_header_struct hdr = {.version = _LINUX_CAPABILITY_VERSION_3, .pid = 0};
    struct __user_cap_data_struct data[2];
    memset(data, 0, sizeof data);
    if (syscall(SYS_capget, &hdr, data) != 0)
        return false;
    return (data[cap / 32].effective & (1u << (cap % 32))) != 0;
}

bool timer_priv_has_net_admin(void)
{
    return has_cap(CAP_NET_ADMIN);
}

bool timer_priv_has_net_raw(void)
{
    return has_cap(CAP_NET_RAW);
}

int timer_priv_link_set(int nl_fd, int ifindex, bool up, struct pr_error *err)
{
    struct {
        struct nlmsghdr h;
        struct ifinfomsg i;
    } req = {.h = {.nlmsg_len = NLMSG_LENGTH(sizeof(struct ifinfomsg)),
                   .nlmsg_type = RTM_NEWLINK,
                   .nlmsg_flags = NLM_F_REQUEST},
             .i = {.ifi_family = AF_UNSPEC,
                   .ifi_index = ifindex,
                   .ifi_flags = up ? IFF_UP : 0,
                   .ifi_change = IFF_UP}};
    int kerr = 0;
    if (timer_nl_transact(nl_fd, &req.h, &kerr, err) < 0)
        return -1;
    if (kerr != 0)
        return pr_error_set(err, kerr == EPERM ? PR_ERR_PERMISSION : PR_ERR_IO,
                            "taking the link %s: %s", up ? "up" : "down", strerror(kerr));
    return 0;
}

/* Route attributes a creation refuses next to RTA_NH_ID: the kernel dumps
 * the object's nexthops beside its id, but takes only the id. */
static bool nexthop_detail(unsigned short type)
{
    return type == RTA_OIF || type == RTA_GATEWAY || type == RTA_MULTIPATH || type == RTA_VIA;
}

/* A copy of a recorded route fit for creation: state flags (linkdown,
 * offload, dead...) cleared, the nexthops of an nhid route left out. */
static struct nlmsghdr *route_for_creation(const struct nlmsghdr *recorded)
{
    struct nlmsghdr *m = malloc(recorded->nlmsg_len);
    if (m == NULL)
        return NULL;
    const struct rtmsg *rtm = NLMSG_DATA(recorded);
    memcpy(m, recorded, NLMSG_LENGTH(sizeof *rtm));
    struct rtmsg *out_rtm = NLMSG_DATA(m);
    out_rtm->rtm_flags &= RTNH_F_ONLINK;
    bool by_id = false;
    int len = (int)RTM_PAYLOAD(recorded);
    for (const struct rtattr *a = RTM_RTA(rtm); RTA_OK(a, len); a = RTA_NEXT(a, len))
        by_id |= a->rta_type == RTA_NH_ID;
    char *end = (char *)m + NLMSG_LENGTH(sizeof *rtm);
    len = (int)RTM_PAYLOAD(recorded);
    for (const struct rtattr *a = RTM_RTA(rtm); RTA_OK(a, len); a = RTA_NEXT(a, len)) {
        if (by_id && nexthop_detail(a->rta_type))
            continue;
        memcpy(end, a, RTA_ALIGN(a->rta_len));
        if (a->rta_type == RTA_MULTIPATH) {
            struct rtattr *mp = (struct rtattr *)end;
            struct rtnexthop *nh = RTA_DATA(mp);
            int left = (int)RTA_PAYLOAD(mp);
            for (; TIMER_RTNH_OK(nh, left);
                 left -= (int)NLMSG_ALIGN(nh->rtnh_len), nh = RTNH_NEXT(nh))
                nh->rtnh_flags &= RTNH_F_ONLINK;
        }
        end += RTA_ALIGN(a->rta_len);
    }
    m->nlmsg_len = (uint32_t)(end - (char *)m);
    return m;
}

/* What a nexthop creation takes; the dump adds more (flags, statistics
 * switches) that a creation refuses. */
static bool nexthop_creation_attr(unsigned short type)
{
    return type == NHA_ID || type == NHA_GROUP || type == NHA_GROUP_TYPE || type == NHA_BLACKHOLE ||
           type == NHA_OIF || type == NHA_GATEWAY || type == NHA_ENCAP_TYPE || type == NHA_ENCAP ||
           type == NHA_FDB;
}

static struct nlmsghdr *nexthop_for_creation(const struct nlmsghdr *recorded)
{
    struct nlmsghdr *m = malloc(recorded->nlmsg_len);
    if (m == NULL)
        return NULL;
    size_t head = NLMSG_LENGTH(sizeof(struct nhmsg));
    memcpy(m, recorded, head);
    struct nhmsg *nhm = NLMSG_DATA(m);
    nhm->nh_flags &= RTNH_F_ONLINK; /* the only flag a creation may carry */
    nhm->nh_scope = 0;
    char *end = (char *)m + NLMSG_ALIGN(head);
    int len = (int)recorded->nlmsg_len - (int)NLMSG_ALIGN(head);
    for (const struct rtattr *a =
             (const struct rtattr *)((const char *)recorded + NLMSG_ALIGN(head));
         RTA_OK(a, len); a = RTA_NEXT(a, len)) {
        if (!nexthop_creation_attr(a->rta_type))
            continue;
        memcpy(end, a, RTA_ALIGN(a->rta_len));
        end += RTA_ALIGN(a->rta_len);
    }
    m->nlmsg_len = (uint32_t)(end - (char *)m);
    return m;
}

/* Sends a recorded message again as a creation (with replace: an update of
 * what is there). Returns the kernel's errno (0: added, EEXIST: still
 * there), -1 on a socket failure. */
static int replay_one(int nl_fd, const struct nlmsghdr *recorded, uint16_t type, bool replace,
                      struct pr_error *err)
{
    struct nlmsghdr *m;
    if (type == RTM_NEWROUTE) {
        m = route_for_creation(recorded);
    } else if (type == RTM_NEWNEXTHOP) {
        m = nexthop_for_creation(recorded);
    } else {
        m = malloc(recorded->nlmsg_len);
        if (m != NULL)
            memcpy(m, recorded, recorded->nlmsg_len);
    }
    if (m == NULL)
        return pr_error_set(err, PR_ERR_INTERNAL, "out of memory"), -1;
    m->nlmsg_type = type;
    m->nlmsg_flags = NLM_F_REQUEST | NLM_F_CREATE | (replace ? NLM_F_REPLACE : NLM_F_EXCL);
    m->nlmsg_pid = 0;
    if (type == RTM_NEWNEIGH) {
        struct ndmsg *nd = NLMSG_DATA(m);
        nd->ndm_state &= NUD_PERMANENT | NUD_NOARP;
    }
    int kerr = 0;
    int rc = timer_nl_transact(nl_fd, m, &kerr, err);
    free(m);
    return rc < 0 ? -1 : kerr;
}

static void count(struct timer_restore_result *out, int kerr, unsigned *added)
{
    if (kerr == 0)
        (*added)++;
    else if (kerr != EEXIST && out->failed++ == 0)
        out->first_errno = kerr;
}

/* Nexthop objects: singles, then groups; a group the kernel shrank is set
 * back to its recorded members. */
static int replay_nexthops(int nl_fd, const struct timer_snapshot *snap,
                           struct timer_restore_result *out, struct pr_error *err)
{
    for (size_t i = 0; i < snap->n_nexthops; i++) {
        int kerr = replay_one(nl_fd, snap->nexthops[i], RTM_NEWNEXTHOP, false, err);
        if (kerr < 0)
            return -1;
        if (kerr == EEXIST) {
            char words[512];
            timer_describe(snap->nexthops[i], words, sizeof words);
            if (strstr(words, " group ") != NULL) {
                /* Present, maybe with fewer members: set it again. */
                kerr = replay_one(nl_fd, snap->nexthops[i], RTM_NEWNEXTHOP, true, err);
                if (kerr < 0)
                    return -1;
                if (kerr == 0)
                    kerr = EEXIST; /* not counted as added */
            }
        }
        count(out, kerr, &out->nexthops);
    }
    return 0;
}

int timer_priv_replay(int nl_fd, const struct timer_snapshot *snap,
                      struct timer_restore_result *out, struct pr_error *err)
{
    memset(out, 0, sizeof *out);
    for (size_t i = 0; i < snap->n_addrs; i++) {
        int kerr = replay_one(nl_fd, snap->addrs[i], RTM_NEWADDR, false, err);
        if (kerr < 0)
            return -1;
        count(out, kerr, &out->addresses);
    }
    if (replay_nexthops(nl_fd, snap, out, err) < 0)
        return -1;
    /* A route through a gateway needs the route to that gateway first:
     * retry the refused ones while each pass adds something. */
    bool *pending = calloc(snap->n_routes + 1, sizeof *pending);
    if (pending == NULL)
        return pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
    for (size_t i = 0; i < snap->n_routes; i++)
        pending[i] = true;
    int last_errno = 0;
    for (bool progress = true; progress;) {
        progress = false;
        for (size_t i = 0; i < snap->n_routes; i++) {
            if (!pending[i])
                continue;
            int kerr = replay_one(nl_fd, snap->routes[i], RTM_NEWROUTE, false, err);
            if (kerr < 0) {
                free(pending);
                return -1;
            }
            if (kerr == 0 || kerr == EEXIST) {
                pending[i] = false;
                progress = true;
                out->routes += kerr == 0;
            } else {
                last_errno = kerr;
            }
        }
    }
    for (size_t i = 0; i < snap->n_routes; i++) {
        if (pending[i] && out->failed++ == 0)
            out->first_errno = last_errno;
    }
    free(pending);
    for (size_t i = 0; i < snap->n_neighs; i++) {
        int kerr = replay_one(nl_fd, snap->neighs[i], RTM_NEWNEIGH, false, err);
        if (kerr < 0)
            return -1;
        count(out, kerr, &out->neighbours);
    }
    return 0;
}

int timer_priv_restore(const struct timer_snapshot *snap, struct timer_restore_result *out,
                       struct pr_error *err)
{
    int fd = timer_nl_socket(0, err);
    if (fd < 0)
        return -1;
    int rc = 0;
    if (snap->was_up)
        rc = timer_priv_link_set(fd, snap->ifindex, true, err);
    if (rc == 0)
        rc = timer_priv_replay(fd, snap, out, err);
    close(fd);
    return rc;
}

int timer_priv_icmp_raw_socket(struct pr_error *err)
{
    int fd = socket(AF_INET, SOCK_RAW | SOCK_NONBLOCK | SOCK_CLOEXEC, IPPROTO_ICMP);
    if (fd < 0)
        return pr_error_set(err, errno == EPERM ? PR_ERR_PERMISSION : PR_ERR_IO,
                            "raw ICMP socket: %s", strerror(errno));
    return fd;
}

int timer_priv_packet_socket(int ifindex, uint16_t protocol, const char *what, struct pr_error *err)
{
    int fd = socket(AF_PACKET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, htons(protocol));
    if (fd < 0)
        return pr_error_set(err, errno == EPERM ? PR_ERR_PERMISSION : PR_ERR_IO, "%s socket: %s",
                            what, strerror(errno));
    struct sockaddr_ll sll = {
        .sll_family = AF_PACKET, .sll_protocol = htons(protocol), .sll_ifindex = ifindex};
    if (bind(fd, (struct sockaddr *)&sll, sizeof sll) < 0) {
        int e = errno;
        close(fd);
        return pr_error_set(err, PR_ERR_IO, "%s socket bind: %s", what, strerror(e));
    }
    return fd;
}

int timer_priv_arp_socket(int ifindex, struct pr_error *err)
{
    return timer_priv_packet_socket(ifindex, ETH_P_ARP, "ARP", err);
}
