/* SPDX-License-Identifier: BSD-3-Clause */
/* Every privileged action of `portready time`, in one place: taking a link
 * down and up, putting back addresses and routes, opening raw ICMP and ARP
 * sockets, and the capability checks that come before them. */
#ifndef PR_TIMER_PRIV_H
#define PR_TIMER_PRIV_H

#include <stdbool.h>
#include <stdint.h>

#include "util/error.h"
#include "timer/timer_netlink.h"

/* CAP_NET_ADMIN / CAP_NET_RAW in the effective set. */
bool timer_priv_has_net_admin(void);
bool timer_priv_has_net_raw(void);

/* Sets IFF_UP on or off with RTM_NEWLINK over nl_fd. */
int timer_priv_link_set(int nl_fd, int ifindex, bool up, struct pr_error *err);

struct timer_restore_result {
    unsigned addresses; /* put back (the kernel had dropped them) */
    unsigned routes;
    unsigned nexthops;   /* nexthop objects */
    unsigned neighbours; /* permanent and noarp entries */
    unsigned failed;     /* could not be put back */
    int first_errno;     /* of the first failure */
};

/* Brings the interface up when it was up before, then adds back every
 * recorded address and route the kernel no longer has (present ones are
 * left alone). Safe to run any number of times. */
int timer_priv_restore(const struct timer_snapshot *snap, struct timer_restore_result *out,
                       struct pr_error *err);

/* Puts back addresses and routes only, over nl_fd (the link is already up). */
int timer_priv_replay(int nl_fd, const struct timer_snapshot *snap,
                      struct timer_restore_result *out, struct pr_error *err);

/* socket(AF_INET, SOCK_RAW, IPPROTO_ICMP), non-blocking, close-on-exec. */
int timer_priv_icmp_raw_socket(struct pr_error *err);

/* An AF_PACKET socket receiving and sending ARP on ifindex, non-blocking. */
int timer_priv_arp_socket(int ifindex, struct pr_error *err);
/* An AF_PACKET datagram socket for one protocol on ifindex, non-blocking;
 * what names it in errors. */
int timer_priv_packet_socket(int ifindex, uint16_t protocol, const char *what,
                             struct pr_error *err);

#endif
