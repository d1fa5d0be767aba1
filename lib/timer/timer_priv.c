/* SPDX-License-Identifier: BSD-3-Clause */
#include "timer/timer_priv.h"

#include <arpa/inet.h>
#include <errno.h>
#include <linux/capability.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <linux/rtnetlink.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

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

/* Sends a recorded message again as a creation that must not replace
 * anything. Returns the kernel's errno (0: added, EEXIST: still there). */
static int replay_one(int nl_fd, const struct nlmsghdr *recorded, uint16_t type,
                      struct pr_error *err)
{
    struct nlmsghdr *m = malloc(recorded->nlmsg_len);
    if (m == NULL)
        return pr_error_set(err, PR_ERR_INTERNAL, "out of memory"), -1;
    memcpy(m, recorded, recorded->nlmsg_len);
    m->nlmsg_type = type;
    m->nlmsg_flags = NLM_F_REQUEST | NLM_F_CREATE | NLM_F_EXCL;
    m->nlmsg_pid = 0;
    if (type == RTM_NEWROUTE) {
        /* State flags (linkdown, offload...) are refused on creation. */
        struct rtmsg *rtm = NLMSG_DATA(m);
        rtm->rtm_flags &= RTNH_F_ONLINK;
    }
    int kerr = 0;
    int rc = timer_nl_transact(nl_fd, m, &kerr, err);
    free(m);
    return rc < 0 ? -1 : kerr;
}

int timer_priv_replay(int nl_fd, const struct timer_snapshot *snap,
                      struct timer_restore_result *out, struct pr_error *err)
{
    memset(out, 0, sizeof *out);
    for (size_t i = 0; i < snap->n_addrs; i++) {
        int kerr = replay_one(nl_fd, snap->addrs[i], RTM_NEWADDR, err);
        if (kerr < 0)
            return -1;
        if (kerr == 0)
            out->addresses++;
        else if (kerr != EEXIST && out->failed++ == 0)
            out->first_errno = kerr;
    }
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
            int kerr = replay_one(nl_fd, snap->routes[i], RTM_NEWROUTE, err);
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

int timer_priv_arp_socket(int ifindex, struct pr_error *err)
{
    int fd = socket(AF_PACKET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, htons(ETH_P_ARP));
    if (fd < 0)
        return pr_error_set(err, errno == EPERM ? PR_ERR_PERMISSION : PR_ERR_IO, "ARP socket: %s",
                            strerror(errno));
    struct sockaddr_ll sll = {
        .sll_family = AF_PACKET, .sll_protocol = htons(ETH_P_ARP), .sll_ifindex = ifindex};
    if (bind(fd, (struct sockaddr *)&sll, sizeof sll) < 0) {
        int e = errno;
        close(fd);
        return pr_error_set(err, PR_ERR_IO, "ARP socket bind: %s", strerror(e));
    }
    return fd;
}
