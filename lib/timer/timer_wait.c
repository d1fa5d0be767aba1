/* SPDX-License-Identifier: BSD-3-Clause */
#include "timer/timer_wait.h"

#define MS          INT64_C(1000000)
#define TICK        (100 * MS)
#define TAIL_PROBES 20

int timer_wait_first_reply(struct timer_loop *l, int64_t limit_ns, const char *target,
                           struct pr_error *err)
{
    struct timer_probes scratch = {0};
    timer_loop_start(l, &scratch);
    int64_t deadline = timer_now_ns() + limit_ns;
    int rc = -1;
    for (;;) {
        struct timer_loop_events ev;
        int got = timer_loop_wait(l, deadline, &ev, err);
        if (got < 0)
            break;
        if (got == 0) {
            pr_error_set(err, PR_ERR_TIMEOUT,
                         "%s does not answer ICMP echo (%lld ms of probes): nothing was taken down",
                         target, (long long)(limit_ns / MS));
            break;
        }
        if (ev.interrupted) {
            pr_error_set(err, PR_ERR_USAGE, "interrupted before anything was taken down");
            break;
        }
        if (ev.first_icmp_reply_ns != TIMER_NONE) {
            rc = 0;
            break;
        }
    }
    timer_loop_stop(l);
    l->probes = NULL;
    timer_probes_free(&scratch);
    return rc;
}

static void note_events(struct timer_recovery *seen, const struct timer_loop_events *ev)
{
    if (ev->link_event && ev->lower_up && seen->carrier_up_ns == TIMER_NONE)
        seen->carrier_up_ns = ev->link_event_ns;
    if (ev->first_arp_reply_ns != TIMER_NONE && seen->first_arp_reply_ns == TIMER_NONE)
        seen->first_arp_reply_ns = ev->first_arp_reply_ns;
    if (ev->first_icmp_reply_ns != TIMER_NONE && seen->first_reply_ns == TIMER_NONE)
        seen->first_reply_ns = ev->first_icmp_reply_ns;
}

static int wait_until_settled(struct timer_loop *l, int64_t deadline_ns,
                              const struct timer_wait_progress *progress,
                              struct timer_recovery *seen, struct pr_error *err)
{
    const struct timer_hooks *hooks = progress->hooks;
    int64_t tail_end = TIMER_NONE;
    for (;;) {
        int64_t now = timer_now_ns();
        int64_t end = tail_end != TIMER_NONE ? tail_end : deadline_ns;
        if (now >= end)
            return 0;
        struct timer_loop_events ev;
        if (timer_loop_wait(l, now + TICK < end ? now + TICK : end, &ev, err) < 0)
            return -1;
        if (ev.interrupted)
            return 1;
        note_events(seen, &ev);
        if (seen->first_reply_ns != TIMER_NONE && tail_end == TIMER_NONE)
            tail_end = seen->first_reply_ns + TAIL_PROBES * l->interval_ns;
        if (seen->first_reply_ns == TIMER_NONE && hooks != NULL && hooks->progress != NULL)
            hooks->progress(hooks->ctx, progress->index, progress->phase,
                            timer_now_ns() - progress->since_ns);
    }
}

int timer_wait_recovery(struct timer_loop *l, int64_t deadline_ns,
                        const struct timer_wait_progress *progress, struct timer_recovery *seen,
                        struct pr_error *err)
{
    seen->first_reply_ns = seen->first_arp_reply_ns = seen->carrier_up_ns = TIMER_NONE;
    int rc = wait_until_settled(l, deadline_ns, progress, seen, err);
    timer_loop_stop(l);
    l->probes = NULL;
    return rc;
}
