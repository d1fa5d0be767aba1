/* SPDX-License-Identifier: BSD-3-Clause */
#include "timer/timer_loop.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include "timer/timer_bpdu.h"
#include "timer/timer_netlink.h"

static volatile sig_atomic_t caught_signal;
static sigset_t wait_mask; /* the mask during ppoll: our signals open */
static bool installed;

int64_t timer_now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static void on_signal(int sig)
{
    caught_signal = sig;
}

int timer_signals_install(void)
{
    sigset_t block;
    sigemptyset(&block);
    sigaddset(&block, SIGINT);
    sigaddset(&block, SIGTERM);
    sigaddset(&block, SIGHUP);
    sigprocmask(SIG_BLOCK, &block, &wait_mask);
    sigdelset(&wait_mask, SIGINT);
    sigdelset(&wait_mask, SIGTERM);
    sigdelset(&wait_mask, SIGHUP);
    struct sigaction act;
    memset(&act, 0, sizeof act);
    act.sa_handler = on_signal;
    sigaction(SIGINT, &act, NULL);
    sigaction(SIGTERM, &act, NULL);
    sigaction(SIGHUP, &act, NULL);
    installed = true;
    return 0;
}

int timer_signal_caught(void)
{
    return caught_signal;
}

void timer_loop_init(struct timer_loop *l, struct timer_prober *prober, int interval_ms)
{
    memset(l, 0, sizeof *l);
    l->prober = prober;
    l->interval_ns = (int64_t)interval_ms * 1000000;
    l->link_fd = -1;
    l->guard_fd = -1;
    l->bpdu_fd = -1;
    l->last_arp_probe = -1;
    l->next_seq = 1;
    l->learned_after_carrier_ns = TIMER_NONE;
    timer_schedule_init(&l->sched, l->interval_ns, true);
}

void timer_loop_start(struct timer_loop *l, struct timer_probes *probes)
{
    l->probes = probes;
    l->sending = true;
    l->last_arp_probe = -1;
    l->next_send_ns = l->next_icmp_ns = timer_now_ns();
    l->carrier_ns = l->bpdu_forward_delay_ns = TIMER_NONE;
    timer_schedule_reset(&l->sched);
}

/* Windows changed: the next tick may be due sooner. */
static void revise(struct timer_loop *l)
{
    if (l->sending)
        l->next_send_ns = timer_schedule_revise(&l->sched, l->next_send_ns, timer_now_ns());
}

void timer_loop_expect(struct timer_loop *l, int64_t at_ns, int64_t span_ns)
{
    timer_schedule_expect(&l->sched, at_ns, span_ns);
    revise(l);
}

static void expect_stp(struct timer_loop *l)
{
    if (l->carrier_ns != TIMER_NONE && l->bpdu_forward_delay_ns != TIMER_NONE)
        timer_schedule_expect(
            &l->sched, timer_schedule_stp_forwarding(l->carrier_ns, l->bpdu_forward_delay_ns),
            2 * l->bpdu_forward_delay_ns);
}

void timer_loop_carrier(struct timer_loop *l, int64_t when)
{
    if (!l->sending || l->carrier_ns != TIMER_NONE)
        return;
    l->carrier_ns = when;
    timer_schedule_carrier(&l->sched, when);
    if (l->learned_after_carrier_ns != TIMER_NONE)
        timer_schedule_expect(&l->sched, when + l->learned_after_carrier_ns,
                              l->learned_after_carrier_ns);
    expect_stp(l);
    revise(l);
}

/* A BPDU of the switch at when. A rapid one tells the sending port's state:
 * forwarding now, or learning and so forwarding one forward delay later.
 * A legacy one tells the forward delay: listening and learning from the
 * carrier on, forwarding 2 x forward delay after it. */
static void note_bpdu(struct timer_loop *l, const struct timer_bpdu *bpdu, int64_t when)
{
    if (!l->sending || l->sched.settled)
        return;
    if (bpdu->forwarding) {
        timer_schedule_expect(&l->sched, when, 0);
    } else if (bpdu->learning) {
        timer_schedule_expect(&l->sched, when + bpdu->forward_delay_ns, bpdu->forward_delay_ns);
    } else if (l->bpdu_forward_delay_ns == TIMER_NONE) {
        l->bpdu_forward_delay_ns = bpdu->forward_delay_ns;
        expect_stp(l);
    } else {
        return;
    }
    revise(l);
}

static void read_bpdus(struct timer_loop *l)
{
    struct timer_bpdu bpdu;
    int got;
    /* Bounded: a socket in error must not hold the loop. */
    for (int i = 0; i < 64 && (got = timer_bpdu_recv(l->bpdu_fd, &bpdu)) >= 0; i++)
        if (got == 1)
            note_bpdu(l, &bpdu, timer_now_ns());
}

void timer_loop_stop(struct timer_loop *l)
{
    l->sending = false;
}

void timer_loop_events_clear(struct timer_loop_events *ev)
{
    memset(ev, 0, sizeof *ev);
    ev->first_icmp_reply_ns = ev->first_arp_reply_ns = ev->link_event_ns = TIMER_NONE;
    ev->first_icmp_probe = -1;
}

static int send_icmp(struct timer_loop *l, int64_t now, struct pr_error *err)
{
    uint32_t seq = l->next_seq++;
    int64_t sent = timer_now_ns();
    int refused = timer_prober_send_icmp(l->prober, seq);
    (void)now;
    return timer_probes_add(l->probes, TIMER_PROBE_ICMP, seq, sent, refused != 0, err) < 0 ? -1 : 0;
}

/* A fixed schedule: a late wake-up does not shift later probes, and
 * probes missed by a long stall are skipped, not sent in a burst. */
static int64_t after_stall(int64_t next, int64_t now, int64_t step)
{
    return next > now ? next : now + step - (now - next) % step;
}

static bool arp_on(const struct timer_loop *l)
{
    return l->prober != NULL && l->prober->arp_fd >= 0;
}

/* When the loop must wake to send: the next tick, or the next echo. */
static int64_t next_due(const struct timer_loop *l)
{
    return arp_on(l) && l->next_icmp_ns < l->next_send_ns ? l->next_icmp_ns : l->next_send_ns;
}

static int send_due(struct timer_loop *l, struct pr_error *err)
{
    int64_t now = timer_now_ns();
    if (!l->sending || now < next_due(l))
        return 0;
    bool arp = arp_on(l);
    if (arp && now >= l->next_icmp_ns) {
        if (send_icmp(l, now, err) < 0)
            return -1;
        l->next_icmp_ns = after_stall(l->next_icmp_ns + l->interval_ns, now, l->interval_ns);
    }
    if (now < l->next_send_ns)
        return 0;
    if (!arp && send_icmp(l, now, err) < 0)
        return -1;
    if (arp) {
        int64_t sent = timer_now_ns();
        int refused = timer_prober_send_arp(l->prober);
        long idx = timer_probes_add(l->probes, TIMER_PROBE_ARP, 0, sent, refused != 0, err);
        if (idx < 0)
            return -1;
        l->last_arp_probe = idx;
    }
    int64_t next = timer_schedule_next(&l->sched, l->next_send_ns);
    l->next_send_ns = next > now ? next : timer_schedule_next(&l->sched, now);
    return 0;
}

/* Marks the newest probe of that sequence number answered at when. */
static long mark_icmp_reply(struct timer_loop *l, uint32_t seq, int64_t when)
{
    if (l->probes == NULL)
        return -1;
    for (size_t i = l->probes->n; i-- > 0;) {
        struct timer_probe *p = &l->probes->v[i];
        if (p->kind == TIMER_PROBE_ICMP && p->seq == seq) {
            if (p->reply_ns != TIMER_NONE)
                return -1; /* a duplicate */
            p->reply_ns = when;
            return (long)i;
        }
    }
    return -1;
}

static void read_icmp(struct timer_loop *l, struct timer_loop_events *ev)
{
    uint32_t seq;
    int got;
    while ((got = timer_prober_recv_icmp(l->prober, &seq)) >= 0) {
        int64_t when = timer_now_ns();
        if (got == 0)
            continue;
        long idx = mark_icmp_reply(l, seq, when);
        if (idx >= 0)
            timer_schedule_settle(&l->sched); /* answered: coarse again */
        if (idx >= 0 && ev->first_icmp_reply_ns == TIMER_NONE) {
            ev->first_icmp_reply_ns = when;
            ev->first_icmp_probe = idx;
        }
    }
}

static int read_arp(struct timer_loop *l, struct timer_loop_events *ev, struct pr_error *err)
{
    int got;
    while ((got = timer_prober_recv_arp(l->prober)) >= 0) {
        int64_t when = timer_now_ns();
        if (got == 0 || l->probes == NULL)
            continue;
        if (l->last_arp_probe >= 0 && (size_t)l->last_arp_probe < l->probes->n) {
            struct timer_probe *p = &l->probes->v[l->last_arp_probe];
            if (p->reply_ns == TIMER_NONE)
                p->reply_ns = when;
        }
        if (ev->first_arp_reply_ns == TIMER_NONE) {
            ev->first_arp_reply_ns = when;
            /* The target's answer also refreshed the kernel's neighbour
             * entry: an echo sent now need not wait for the next tick. */
            if (l->icmp_on_arp && l->sending && send_icmp(l, when, err) < 0)
                return -1;
        }
    }
    return 0;
}

void timer_loop_drain_link(struct timer_loop *l, struct timer_loop_events *ev)
{
    if (l->link_fd < 0)
        return;
    static _Alignas(struct nlmsghdr) char buf[65536];
    for (;;) {
        ssize_t n = recv(l->link_fd, buf, sizeof buf, MSG_DONTWAIT);
        int64_t when = timer_now_ns();
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return;
        }
        bool lower_up;
        if (timer_nl_parse_link_event(buf, (size_t)n, l->ifindex, &lower_up)) {
            if (!ev->link_event || lower_up != ev->lower_up) {
                ev->link_event_ns = when;
                ev->lower_up = lower_up;
            }
            ev->link_event = true;
        }
    }
}

bool timer_loop_guardian_alive(struct timer_loop *l)
{
    if (l->guard_fd < 0 || l->guardian_lost)
        return !l->guardian_lost;
    struct pollfd p = {.fd = l->guard_fd, .events = POLLIN};
    if (poll(&p, 1, 0) > 0 && p.revents != 0)
        l->guardian_lost = true;
    return !l->guardian_lost;
}

int timer_loop_wait(struct timer_loop *l, int64_t until_ns, struct timer_loop_events *ev,
                    struct pr_error *err)
{
    timer_loop_events_clear(ev);
    for (;;) {
        if (caught_signal || l->guardian_lost) {
            ev->interrupted = true;
            return 1;
        }
        if (send_due(l, err) < 0)
            return -1;
        int64_t now = timer_now_ns();
        if (now >= until_ns)
            return 0;
        int64_t deadline = until_ns;
        if (l->sending && next_due(l) < deadline)
            deadline = next_due(l);
        struct pollfd fds[5];
        int nfds = 0;
        fds[nfds++] = (struct pollfd){.fd = l->prober ? l->prober->icmp_fd : -1, .events = POLLIN};
        fds[nfds++] = (struct pollfd){.fd = l->prober ? l->prober->arp_fd : -1, .events = POLLIN};
        fds[nfds++] = (struct pollfd){.fd = l->link_fd, .events = POLLIN};
        fds[nfds++] = (struct pollfd){.fd = l->guard_fd, .events = POLLIN};
        fds[nfds++] = (struct pollfd){.fd = l->bpdu_fd, .events = POLLIN};
        int64_t wait = deadline > now ? deadline - now : 0;
        struct timespec ts = {.tv_sec = wait / 1000000000, .tv_nsec = wait % 1000000000};
        int rc = ppoll(fds, (nfds_t)nfds, &ts, installed ? &wait_mask : NULL);
        if (rc < 0) {
            if (errno == EINTR)
                continue;
            return pr_error_set(err, PR_ERR_IO, "poll: %s", strerror(errno));
        }
        if (rc == 0)
            continue;
        if (fds[3].revents) {
            /* The guardian never writes: readable means it is gone. */
            l->guardian_lost = true;
            ev->interrupted = true;
            return 1;
        }
        /* ARP first: its reply is what lets the first echo through. */
        if (fds[1].revents && read_arp(l, ev, err) < 0)
            return -1;
        if (fds[0].revents)
            read_icmp(l, ev);
        if (fds[2].revents) {
            timer_loop_drain_link(l, ev);
            if (ev->link_event && ev->lower_up)
                timer_loop_carrier(l, ev->link_event_ns);
        }
        if (fds[4].revents)
            read_bpdus(l);
        if (ev->first_icmp_reply_ns != TIMER_NONE || ev->first_arp_reply_ns != TIMER_NONE ||
            ev->link_event)
            return 1;
    }
}
