/* SPDX-License-Identifier: BSD-3-Clause */
/* Ground truth for `portready time`: records the port-state events of the
 * Linux bridges in the current network namespace, as the kernel announces
 * them over rtnetlink (the events `bridge monitor link` shows), each stamped
 * on CLOCK_MONOTONIC in nanoseconds the moment it is read. It reads at
 * real-time priority (SCHED_FIFO, where allowed): on a loaded machine a
 * recorder of ordinary priority was woken tens of milliseconds late, and
 * the truth with it.
 *
 *   timer_truth [PORT]      (run inside the lab switch's namespace)
 *
 * Prints "ready" once subscribed, then one line per event:
 *   MONOTONIC_NS PORT STATE      STATE: disabled listening learning
 *                                       forwarding blocking
 * Runs until SIGTERM or SIGINT. */
#include <errno.h>
#include <linux/if_bridge.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <net/if.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

/* The kernel's NLMSG_OK compares the __u32 message length with the int
 * length it is given; clang warns about that inside the macro. */
#if defined(__clang__)
#pragma clang diagnostic ignored "-Wsign-compare"
#endif

static volatile sig_atomic_t stop_requested;

static void on_signal(int sig)
{
    (void)sig;
    stop_requested = 1;
}

static int64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static const char *state_name(unsigned state)
{
    switch (state) {
    case BR_STATE_DISABLED:
        return "disabled";
    case BR_STATE_LISTENING:
        return "listening";
    case BR_STATE_LEARNING:
        return "learning";
    case BR_STATE_FORWARDING:
        return "forwarding";
    case BR_STATE_BLOCKING:
        return "blocking";
    default:
        return "unknown";
    }
}

/* Prints the event carried by one AF_BRIDGE RTM_NEWLINK message. */
static void print_event(int64_t when, struct nlmsghdr *nh, const char *only_port)
{
    struct ifinfomsg *ifi = NLMSG_DATA(nh);
    if (nh->nlmsg_type != RTM_NEWLINK || ifi->ifi_family != AF_BRIDGE)
        return;
    char name[IF_NAMESIZE + 1] = "?";
    int state = -1;
    int len = (int)IFLA_PAYLOAD(nh);
    for (struct rtattr *a = IFLA_RTA(ifi); RTA_OK(a, len); a = RTA_NEXT(a, len)) {
        if (a->rta_type == IFLA_IFNAME) {
            snprintf(name, sizeof name, "%s", (const char *)RTA_DATA(a));
        } else if ((a->rta_type & ~NLA_F_NESTED) == IFLA_PROTINFO) {
            int nlen = (int)RTA_PAYLOAD(a);
            for (struct rtattr *n = RTA_DATA(a); RTA_OK(n, nlen); n = RTA_NEXT(n, nlen)) {
                if (n->rta_type == IFLA_BRPORT_STATE)
                    state = *(const uint8_t *)RTA_DATA(n);
            }
        }
    }
    if (state < 0 || (only_port != NULL && strcmp(only_port, name) != 0))
        return;
    printf("%lld %s %s\n", (long long)when, name, state_name((unsigned)state));
    fflush(stdout);
}

int main(int argc, char **argv)
{
    const char *only_port = argc > 1 ? argv[1] : NULL;
    int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
    if (fd < 0) {
        perror("timer_truth: socket");
        return 1;
    }
    int rcvbuf = 1 << 20;
    setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof rcvbuf);
    struct sockaddr_nl sa = {.nl_family = AF_NETLINK, .nl_groups = RTMGRP_LINK};
    if (bind(fd, (struct sockaddr *)&sa, sizeof sa) < 0) {
        perror("timer_truth: bind");
        return 1;
    }
    /* It sleeps but for the events: first in line when one comes. */
    struct sched_param prio = {.sched_priority = 10};
    if (sched_setscheduler(0, SCHED_FIFO, &prio) != 0)
        fprintf(stderr, "timer_truth: no real-time priority (%s): stamps may lag under load\n",
                strerror(errno));
    struct sigaction act = {.sa_handler = on_signal};
    sigaction(SIGTERM, &act, NULL);
    sigaction(SIGINT, &act, NULL);
    printf("ready\n");
    fflush(stdout);

    static char buf[1 << 16];
    while (!stop_requested) {
        ssize_t n = recv(fd, buf, sizeof buf, 0);
        int64_t when = now_ns();
        if (n < 0) {
            if (errno == EINTR)
                continue;
            perror("timer_truth: recv");
            return 1;
        }
        int left = (int)n;
        for (struct nlmsghdr *nh = (struct nlmsghdr *)buf; NLMSG_OK(nh, left);
             nh = NLMSG_NEXT(nh, left))
            print_event(when, nh, only_port);
    }
    close(fd);
    return 0;
}
