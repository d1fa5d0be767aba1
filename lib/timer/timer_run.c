/* SPDX-License-Identifier: BSD-3-Clause */
#include "timer/timer_run.h"

#include <stdlib.h>
#include <string.h>

#include "timer/timer_loop.h"
#include "util/walltime.h"

#define NS_PER_S INT64_C(1000000000)

long timer_probes_add(struct timer_probes *p, enum timer_probe_kind kind, uint32_t seq,
                      int64_t sent_ns, bool send_failed, struct pr_error *err)
{
    if (p->n == p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 256;
        struct timer_probe *v = realloc(p->v, cap * sizeof *v);
        if (v == NULL)
            return pr_error_set(err, PR_ERR_INTERNAL, "out of memory recording probes");
        p->v = v;
        p->cap = cap;
    }
    p->v[p->n] = (struct timer_probe){.sent_ns = sent_ns,
                                      .reply_ns = TIMER_NONE,
                                      .seq = seq,
                                      .kind = (uint8_t)kind,
                                      .send_failed = send_failed};
    return (long)p->n++;
}

void timer_probes_free(struct timer_probes *p)
{
    if (p == NULL)
        return;
    free(p->v);
    memset(p, 0, sizeof *p);
}

void timer_probes_drop_front(struct timer_probes *p, size_t n)
{
    if (n >= p->n) {
        p->n = 0;
        return;
    }
    memmove(p->v, p->v + n, (p->n - n) * sizeof *p->v);
    p->n -= n;
}

void timer_run_init(struct timer_run *run, enum timer_mode mode)
{
    memset(run, 0, sizeof *run);
    run->mode = mode;
    run->port_ifindex = -1;
    run->icmp_socket = "datagram";
    run->adaptive = true;
    run->down_for_s = mode == TIMER_MODE_WATCH ? -1 : 0;
    timer_run_mark_start(run);
}

void timer_run_mark_start(struct timer_run *run)
{
    /* The wall clock read between two monotonic readings, taken as their
     * middle. */
    int64_t before = timer_now_ns();
    int64_t wall = pr_wall_now_ns();
    int64_t after = timer_now_ns();
    run->start_mono_ns = before + (after - before) / 2;
    run->start_wall_ns = wall;
}

int64_t timer_run_wall_ns(const struct timer_run *run, int64_t mono_ns)
{
    if (mono_ns == TIMER_NONE)
        return TIMER_NONE;
    return run->start_wall_ns + (mono_ns - run->start_mono_ns);
}

void timer_run_free(struct timer_run *run)
{
    if (run == NULL)
        return;
    for (size_t i = 0; i < run->n_bounces; i++)
        timer_probes_free(&run->bounces[i].probes);
    for (size_t i = 0; i < run->n_outages; i++)
        timer_probes_free(&run->outages[i].probes);
    free(run->bounces);
    free(run->outages);
    run->bounces = NULL;
    run->outages = NULL;
    run->n_bounces = run->n_outages = 0;
}

struct timer_bounce *timer_run_add_bounce(struct timer_run *run, struct pr_error *err)
{
    struct timer_bounce *v = realloc(run->bounces, (run->n_bounces + 1) * sizeof *v);
    if (v == NULL) {
        pr_error_set(err, PR_ERR_INTERNAL, "out of memory recording a bounce");
        return NULL;
    }
    run->bounces = v;
    struct timer_bounce *b = &v[run->n_bounces++];
    memset(b, 0, sizeof *b);
    b->down_ns = b->up_ns = b->carrier_up_ns = TIMER_NONE;
    b->first_arp_reply_ns = b->first_reply_ns = TIMER_NONE;
    return b;
}

struct timer_outage *timer_run_add_outage(struct timer_run *run, struct pr_error *err)
{
    struct timer_outage *v = realloc(run->outages, (run->n_outages + 1) * sizeof *v);
    if (v == NULL) {
        pr_error_set(err, PR_ERR_INTERNAL, "out of memory recording an outage");
        return NULL;
    }
    run->outages = v;
    struct timer_outage *o = &v[run->n_outages++];
    memset(o, 0, sizeof *o);
    o->last_reply_ns = o->first_lost_sent_ns = o->first_reply_ns = TIMER_NONE;
    return o;
}

static int64_t span(int64_t from, int64_t to)
{
    return (from == TIMER_NONE || to == TIMER_NONE) ? TIMER_NONE : to - from;
}

int64_t timer_bounce_carrier_ns(const struct timer_bounce *b)
{
    return span(b->up_ns, b->carrier_up_ns);
}

int64_t timer_bounce_arp_ns(const struct timer_bounce *b)
{
    if (b->carrier_up_ns == TIMER_NONE)
        return span(b->up_ns, b->first_arp_reply_ns);
    return span(b->carrier_up_ns, b->first_arp_reply_ns);
}

int64_t timer_bounce_reachability_ns(const struct timer_bounce *b)
{
    return span(b->up_ns, b->first_reply_ns);
}

int64_t timer_outage_ns(const struct timer_outage *o)
{
    return span(o->first_lost_sent_ns, o->first_reply_ns);
}

int64_t timer_outage_blackout_ns(const struct timer_run *run, const struct timer_outage *o)
{
    int64_t outage = timer_outage_ns(o);
    if (outage == TIMER_NONE || run->down_for_s < 0)
        return outage;
    int64_t blackout = outage - (int64_t)(run->down_for_s * 1e9);
    return blackout > 0 ? blackout : 0;
}

static int compare_i64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

void timer_stats(int64_t *values, size_t n, int64_t *min, int64_t *median, int64_t *max)
{
    qsort(values, n, sizeof *values, compare_i64);
    *min = values[0];
    *max = values[n - 1];
    if (n % 2 == 1)
        *median = values[n / 2];
    else
        *median = values[n / 2 - 1] + (values[n / 2] - values[n / 2 - 1]) / 2;
}

enum timer_verdict timer_verdict_for(int64_t reachability_ns)
{
    if (reachability_ns == TIMER_NONE)
        return TIMER_UNKNOWN;
    if (reachability_ns <= 2 * NS_PER_S)
        return TIMER_READY;
    if (reachability_ns <= 10 * NS_PER_S)
        return TIMER_WARNING;
    return TIMER_NOT_READY;
}

const char *timer_verdict_name(enum timer_verdict v)
{
    switch (v) {
    case TIMER_READY:
        return "ready";
    case TIMER_WARNING:
        return "warning";
    case TIMER_NOT_READY:
        return "not-ready";
    case TIMER_UNKNOWN:
        break;
    }
    return "unknown";
}

/* Within 3 s of the classic STP figures: 2 x 15 s forward delay (listening
 * then learning on a non-edge port), plus 20 s max age when legacy 802.1D
 * first ages out the old root information. */
static const char *cause_for(int64_t reach, int64_t carrier)
{
    enum timer_verdict v = timer_verdict_for(reach);
    if (v == TIMER_READY)
        return NULL;
    if (v == TIMER_UNKNOWN)
        return "the target never answered within --timeout";
    int64_t near = 3 * NS_PER_S;
    if (reach >= 30 * NS_PER_S - near && reach <= 30 * NS_PER_S + near)
        return "STP forward-delay blocking: 2 x 15 s (listening, learning) on a port that is not "
               "edge/PortFast";
    if (reach >= 50 * NS_PER_S - near && reach <= 50 * NS_PER_S + near)
        return "STP forward-delay blocking after max-age: 20 s + 2 x 15 s on a legacy STP port "
               "that is not edge/PortFast";
    if (carrier != TIMER_NONE && carrier * 2 > reach)
        return "the link itself was slow to come up (autonegotiation, transceiver)";
    return "the switch held traffic after the link came up (STP forward delay on a port that is "
           "not edge, LACP without fallback, port security)";
}

const char *timer_cause_for(const struct timer_bounce *b)
{
    return cause_for(timer_bounce_reachability_ns(b), timer_bounce_carrier_ns(b));
}

int timer_summarize(const struct timer_run *run, struct timer_summary *out, struct pr_error *err)
{
    memset(out, 0, sizeof *out);
    out->min_ns = out->median_ns = out->max_ns = TIMER_NONE;
    bool watch = run->mode == TIMER_MODE_WATCH;
    size_t n = watch ? run->n_outages : run->n_bounces;
    out->measured = n;
    out->measured_verdict = out->verdict = TIMER_UNKNOWN;
    if (n == 0)
        return 0;
    int64_t *values = malloc(n * sizeof *values);
    if (values == NULL)
        return pr_error_set(err, PR_ERR_INTERNAL, "out of memory summarizing");
    /* The worst: the first one never answered, else the slowest (watch:
     * by its blackout). */
    size_t worst = n;
    int64_t worst_judged = TIMER_NONE;
    for (size_t i = 0; i < n; i++) {
        int64_t v = watch ? timer_outage_ns(&run->outages[i])
                          : timer_bounce_reachability_ns(&run->bounces[i]);
        int64_t judged = watch ? timer_outage_blackout_ns(run, &run->outages[i]) : v;
        if (v == TIMER_NONE) {
            if (worst == n || worst_judged != TIMER_NONE) {
                worst = i;
                worst_judged = TIMER_NONE;
            }
            continue;
        }
        values[out->answered++] = v;
        if (worst == n || (worst_judged != TIMER_NONE && judged > worst_judged)) {
            worst = i;
            worst_judged = judged;
        }
    }
    if (out->answered > 0)
        timer_stats(values, out->answered, &out->min_ns, &out->median_ns, &out->max_ns);
    free(values);
    out->measured_verdict = timer_verdict_for(worst_judged);
    /* Cut short, the run answers nothing for sure, whatever was measured. */
    out->verdict =
        run->interrupted || run->not_restored > 0 ? TIMER_UNKNOWN : out->measured_verdict;
    if (!watch)
        out->cause = timer_cause_for(&run->bounces[worst]);
    else if (run->down_for_s < 0 && worst_judged != TIMER_NONE &&
             out->measured_verdict != TIMER_READY)
        out->cause = "the outage includes the time the link was held down: give the bouncing "
                     "side's --down-for to judge only the blackout after link-up";
    else
        out->cause = cause_for(worst_judged, TIMER_NONE);
    return 0;
}

int timer_exit_code(const struct timer_run *run, const struct timer_summary *s)
{
    if (run->interrupted || run->not_restored > 0)
        return 3;
    switch (s->verdict) {
    case TIMER_READY:
        return 0;
    case TIMER_WARNING:
        return 1;
    case TIMER_NOT_READY:
        return 2;
    case TIMER_UNKNOWN:
        break;
    }
    return 3;
}
