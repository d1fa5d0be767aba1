/* SPDX-License-Identifier: BSD-3-Clause */
#include "timer/timer_bounce.h"

#include <signal.h>
#include <string.h>

#include "timer/timer_wait.h"
#include "util/strutil.h"

#define MS   INT64_C(1000000)
#define TICK (100 * MS)

/* Holds the link down for run->down_for_s. Returns 1 when interrupted, 0
 * when the time is up, -1 on error. */
static int hold_down(struct timer_loop *loop, const struct timer_hooks *hooks,
                     const struct timer_run *run, size_t index, int64_t down_ns,
                     struct pr_error *err)
{
    int64_t down_until = down_ns + (int64_t)(run->down_for_s * 1e9);
    while (timer_now_ns() < down_until) {
        int64_t step = timer_now_ns() + TICK;
        struct timer_loop_events ev;
        if (timer_loop_wait(loop, step < down_until ? step : down_until, &ev, err) < 0)
            return -1;
        if (ev.interrupted)
            return 1;
        if (hooks != NULL && hooks->progress != NULL)
            hooks->progress(hooks->ctx, index, "down", timer_now_ns() - down_ns);
    }
    return 0;
}

/* What the previous bounce of run took tells when this one (b, just up)
 * is likely to forward: as long after the carrier as it took after its
 * carrier, or, without carrier events (switch-side), after the link-up. */
static void expect_as_before(struct timer_loop *loop, const struct timer_run *run,
                             const struct timer_bounce *b)
{
    loop->learned_after_carrier_ns = TIMER_NONE;
    const struct timer_bounce *prev =
        run->n_bounces >= 2 ? &run->bounces[run->n_bounces - 2] : NULL;
    if (prev != NULL && prev->first_reply_ns != TIMER_NONE) {
        if (prev->carrier_up_ns != TIMER_NONE && prev->first_reply_ns >= prev->carrier_up_ns)
            loop->learned_after_carrier_ns = prev->first_reply_ns - prev->carrier_up_ns;
        else
            timer_loop_expect(loop, b->up_ns + timer_bounce_reachability_ns(prev),
                              timer_bounce_reachability_ns(prev));
    }
    if (b->carrier_up_ns != TIMER_NONE)
        timer_loop_carrier(loop, b->carrier_up_ns); /* seen while bringing the link up */
}

/* One bounce into a new entry of run. Returns 1 when interrupted, 0 done,
 * -1 on error. */
static int bounce_once(const struct timer_bounce_ops *ops, struct timer_loop *loop,
                       const struct timer_hooks *hooks, struct timer_run *run, struct pr_error *err)
{
    size_t index = run->n_bounces;
    struct timer_bounce *b = timer_run_add_bounce(run, err);
    if (b == NULL)
        return -1;
    if (!timer_loop_guardian_alive(loop))
        return 1; /* never down without it */
    b->down_ns = timer_now_ns();
    if (ops->down(ops->priv, err) < 0)
        return -1;
    int held = hold_down(loop, hooks, run, index, b->down_ns, err);
    if (held != 0)
        return held;
    if (ops->up(ops->priv, b, err) < 0)
        return -1;

    timer_loop_start(loop, &b->probes);
    expect_as_before(loop, run, b);
    struct timer_wait_progress progress = {
        .hooks = hooks, .index = index, .phase = "waiting", .since_ns = b->up_ns};
    struct timer_recovery seen;
    int got = timer_wait_recovery(loop, b->up_ns + (int64_t)run->timeout_s * 1000 * MS, &progress,
                                  &seen, err);
    if (b->carrier_up_ns == TIMER_NONE)
        b->carrier_up_ns = seen.carrier_up_ns;
    b->first_arp_reply_ns = seen.first_arp_reply_ns;
    b->first_reply_ns = seen.first_reply_ns;
    return got;
}

/* After an interruption, a failure or the guardian's end: everything back
 * as it was, and what is not in run. Returns -1 when the restore failed. */
static int put_back(const struct timer_bounce_ops *ops, struct timer_run *run)
{
    struct pr_error restore_err;
    if (ops->restore(ops->priv, &restore_err) < 0) {
        /* Not restored: what is missing, named where it can be, else the
         * failure itself (the link or port not up again). */
        struct pr_error verify_err;
        if (ops->verify != NULL)
            ops->verify(ops->priv, run, &verify_err);
        if (run->not_restored == 0) {
            run->not_restored = 1;
            pr_strlcpy(run->not_restored_what, restore_err.msg, sizeof run->not_restored_what);
        }
        return -1;
    }
    if (ops->verify != NULL)
        ops->verify(ops->priv, run, &restore_err);
    return 0;
}

static int bounces(const struct timer_bounce_ops *ops, struct timer_loop *loop,
                   const struct timer_hooks *hooks, struct timer_run *run, bool *restored,
                   struct pr_error *err)
{
    *restored = true;
    for (int i = 0; i < run->count; i++) {
        int got = bounce_once(ops, loop, hooks, run, err);
        if (got != 0) {
            /* Interrupted or failed: put everything back before leaving. */
            if (put_back(ops, run) < 0)
                *restored = false; /* the guardian tries again when we exit */
            if (loop->guardian_lost)
                return pr_error_set(err, PR_ERR_IO,
                                    "the guardian process ended unexpectedly: %s; portready "
                                    "stops rather than bounce without it",
                                    *restored ? "the link is up again with what it had"
                                              : "putting the link back failed");
            if (got > 0)
                run->interrupted = true;
            return got < 0 ? -1 : 0;
        }
        if (hooks != NULL && hooks->done != NULL)
            hooks->done(hooks->ctx, run, run->n_bounces - 1);
        if (ops->verify != NULL && ops->verify(ops->priv, run, err) != 0)
            return run->not_restored > 0 ? 0 : -1; /* nothing more after a loss */
        if (run->bounces[run->n_bounces - 1].first_reply_ns == TIMER_NONE)
            break; /* unknown: more bounces would not answer either */
        if (timer_signal_caught()) {
            run->interrupted = true;
            break;
        }
    }
    return 0;
}

int timer_bounce_run(const struct timer_bounce_ops *ops, struct timer_loop *loop,
                     const struct timer_hooks *hooks, struct timer_run *run, bool *restored,
                     struct pr_error *err)
{
    /* Ctrl-Z (SIGTSTP) would stop portready with the link down for as long
     * as it stays stopped: the bounces ignore it (and the terminal's
     * SIGTTIN/SIGTTOU, for a run sent to the background). */
    struct sigaction ignore, old_tstp, old_ttin, old_ttou;
    memset(&ignore, 0, sizeof ignore);
    ignore.sa_handler = SIG_IGN;
    sigaction(SIGTSTP, &ignore, &old_tstp);
    sigaction(SIGTTIN, &ignore, &old_ttin);
    sigaction(SIGTTOU, &ignore, &old_ttou);
    int rc = bounces(ops, loop, hooks, run, restored, err);
    sigaction(SIGTSTP, &old_tstp, NULL);
    sigaction(SIGTTIN, &old_ttin, NULL);
    sigaction(SIGTTOU, &old_ttou, NULL);
    return rc;
}
