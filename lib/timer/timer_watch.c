/* SPDX-License-Identifier: BSD-3-Clause */
#include "timer/timer_watch.h"

#include <arpa/inet.h>
#include <net/if.h>
#include <stdio.h>
#include <string.h>

#include "timer/timer_loop.h"
#include "timer/timer_netlink.h"
#include "timer/timer_probe.h"
#include "timer/timer_wait.h"

#define MS          INT64_C(1000000)
#define TICK        (100 * MS)
#define KEEP_BEFORE 20 /* probes kept before an outage, for the plot */

int timer_probe_remote(const char *target, struct timer_prober *prober, struct timer_run *run,
                       struct pr_error *err)
{
    struct in_addr addr;
    if (inet_pton(AF_INET, target, &addr) != 1)
        return pr_error_set(err, PR_ERR_USAGE, "'%s' is not an IPv4 address", target);
    inet_ntop(AF_INET, &addr, run->target, sizeof run->target);
    if (timer_prober_open(prober, addr, err) < 0)
        return -1;
    run->icmp_socket = prober->icmp_raw ? "raw" : "datagram";
    struct timer_route route;
    struct pr_error ignored;
    if (timer_route_get(AF_INET, &addr, &route, &ignored) < 0 || route.has_gateway ||
        !route.has_prefsrc || route.oif <= 0)
        return 0; /* not on a connected network: ICMP only */
    char ifname[IF_NAMESIZE];
    int ifindex;
    unsigned flags;
    uint8_t mac[6];
    if (if_indextoname((unsigned)route.oif, ifname) == NULL ||
        timer_link_info(ifname, &ifindex, &flags, mac, &ignored) < 0 || (flags & IFF_LOOPBACK))
        return 0;
    struct in_addr src;
    memcpy(&src, route.prefsrc, 4);
    if (timer_prober_enable_arp(prober, ifindex, mac, src, addr, &ignored) == 0) {
        run->arp = true;
        snprintf(run->iface, sizeof run->iface, "%s", ifname);
    }
    return 0;
}

struct watch_state {
    struct timer_loop loop;
    struct timer_probes window; /* probes while the target answers */
    uint32_t last_answered_seq;
    int64_t last_reply_ns;
    int64_t slowest_rtt_ns;
};

/* Newest answered probe in p: updates the watch's view of it. */
static void note_replies(struct watch_state *w, const struct timer_probes *p)
{
    for (size_t i = p->n; i-- > 0;) {
        const struct timer_probe *pr = &p->v[i];
        if (pr->kind != TIMER_PROBE_ICMP || pr->reply_ns == TIMER_NONE)
            continue;
        if (pr->seq > w->last_answered_seq) {
            w->last_answered_seq = pr->seq;
            if (pr->reply_ns > w->last_reply_ns)
                w->last_reply_ns = pr->reply_ns;
        }
        if (pr->reply_ns - pr->sent_ns > w->slowest_rtt_ns)
            w->slowest_rtt_ns = pr->reply_ns - pr->sent_ns;
        if (pr->seq < w->last_answered_seq)
            break;
    }
}

/* The first ICMP probe after the last answered one, if any. */
static const struct timer_probe *first_unanswered(const struct watch_state *w,
                                                  const struct timer_probes *p, size_t *index)
{
    for (size_t i = p->n; i-- > 0;) {
        const struct timer_probe *pr = &p->v[i];
        if (pr->kind != TIMER_PROBE_ICMP)
            continue;
        if (pr->seq == w->last_answered_seq + 1) {
            *index = i;
            return pr;
        }
        if (pr->seq <= w->last_answered_seq)
            break;
    }
    return NULL;
}

static void count_lost(struct timer_outage *o)
{
    o->lost = 0;
    for (size_t i = 0; i < o->probes.n; i++) {
        const struct timer_probe *p = &o->probes.v[i];
        if (p->kind == TIMER_PROBE_ICMP && p->sent_ns >= o->first_lost_sent_ns &&
            (o->first_reply_ns == TIMER_NONE || p->sent_ns < o->first_reply_ns) &&
            p->reply_ns == TIMER_NONE)
            o->lost++;
    }
}

/* Times one outage into a new entry of run. Returns 1 interrupted, 0 done,
 * -1 error. */
static int one_outage(struct watch_state *w, const struct timer_watch_config *cfg,
                      const struct timer_hooks *hooks, struct timer_run *run, struct pr_error *err)
{
    struct timer_loop_events ev;
    timer_loop_start(&w->loop, &w->window);
    /* Up: wait for a probe to stay unanswered. */
    size_t lost_index = 0;
    const struct timer_probe *lost = NULL;
    for (;;) {
        if (timer_loop_wait(&w->loop, timer_now_ns() + TICK, &ev, err) < 0)
            return -1;
        if (ev.interrupted)
            return 1;
        note_replies(w, &w->window);
        lost = first_unanswered(w, &w->window, &lost_index);
        int64_t window = 4 * w->slowest_rtt_ns > 200 * MS ? 4 * w->slowest_rtt_ns : 200 * MS;
        if (lost != NULL && timer_now_ns() - lost->sent_ns > window)
            break;
        /* Keep memory bounded while nothing happens. */
        if (w->window.n > 20000 && lost == NULL)
            timer_probes_drop_front(&w->window, w->window.n - KEEP_BEFORE);
    }
    struct timer_outage *o = timer_run_add_outage(run, err);
    if (o == NULL)
        return -1;
    o->last_reply_ns = w->last_reply_ns;
    o->first_lost_sent_ns = lost->sent_ns;
    if (lost_index > KEEP_BEFORE)
        timer_probes_drop_front(&w->window, lost_index - KEEP_BEFORE);
    o->probes = w->window; /* the outage takes the window over */
    memset(&w->window, 0, sizeof w->window);
    w->loop.probes = &o->probes;
    /* A new measurement: the replies before it settled the schedule. An
     * outage like the previous one ends as long after its first lost probe. */
    timer_schedule_reset(&w->loop.sched);
    const struct timer_outage *prev =
        run->n_outages >= 2 ? &run->outages[run->n_outages - 2] : NULL;
    if (prev != NULL && timer_outage_ns(prev) != TIMER_NONE)
        timer_loop_expect(&w->loop, o->first_lost_sent_ns + timer_outage_ns(prev),
                          timer_outage_ns(prev));

    struct timer_wait_progress progress = {.hooks = hooks,
                                           .index = run->n_outages - 1,
                                           .phase = "outage",
                                           .since_ns = o->first_lost_sent_ns};
    struct timer_recovery seen;
    int got =
        timer_wait_recovery(&w->loop, o->first_lost_sent_ns + (int64_t)cfg->timeout_s * 1000 * MS,
                            &progress, &seen, err);
    if (got < 0)
        return -1;
    o->first_reply_ns = seen.first_reply_ns;
    count_lost(o);
    note_replies(w, &o->probes);
    if (got > 0)
        return 1;
    if (hooks != NULL && hooks->done != NULL)
        hooks->done(hooks->ctx, run, run->n_outages - 1);
    return 0;
}

int timer_watch_run(const struct timer_watch_config *cfg, const struct timer_hooks *hooks,
                    struct timer_run *run, struct pr_error *err)
{
    run->interval_ms = cfg->interval_ms;
    run->timeout_s = cfg->timeout_s;
    run->count = cfg->count;
    run->down_for_s = cfg->down_for_s;
    timer_run_mark_start(run);
    struct timer_prober prober;
    memset(&prober, 0, sizeof prober);
    prober.icmp_fd = prober.arp_fd = -1;
    struct watch_state w;
    memset(&w, 0, sizeof w);
    int rc = -1;
    if (timer_probe_remote(cfg->target, &prober, run, err) < 0)
        goto out;
    timer_loop_init(&w.loop, &prober, cfg->interval_ms);
    w.loop.sched.adaptive = run->adaptive;
    w.loop.icmp_on_arp = true;
    if (timer_wait_first_reply(&w.loop, (int64_t)cfg->timeout_s * 1000 * MS, run->target, err) <
        0) {
        pr_error_prefix(err, "watch");
        goto out;
    }
    /* The loop's sequence numbers continue, so every later probe is newer
     * than anything answered so far. */
    w.last_answered_seq = w.loop.next_seq - 1;
    w.last_reply_ns = timer_now_ns();
    rc = 0;
    for (int i = 0; i < cfg->count; i++) {
        int got = one_outage(&w, cfg, hooks, run, err);
        if (got < 0) {
            rc = -1;
            break;
        }
        if (got > 0) {
            run->interrupted = true;
            break;
        }
        if (run->outages[run->n_outages - 1].first_reply_ns == TIMER_NONE)
            break;
    }
out:
    timer_probes_free(&w.window);
    timer_prober_close(&prober);
    return rc;
}
