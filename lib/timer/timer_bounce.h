/* SPDX-License-Identifier: BSD-3-Clause */
/* A bounce, whatever takes the link down: down, hold it down for
 * run->down_for_s, up, then time until the target answers (at most
 * run->timeout_s); run->count times. What takes the link down and up is a
 * struct timer_bounce_ops: netlink on a local interface (timer_local.c) or
 * an SNMP SET of ifAdminStatus on a switch port (timer_switch.c). */
#ifndef PR_TIMER_BOUNCE_H
#define PR_TIMER_BOUNCE_H

#include <stdbool.h>

#include "util/error.h"
#include "timer/timer_hooks.h"
#include "timer/timer_loop.h"
#include "timer/timer_run.h"

struct timer_bounce_ops {
    /* Takes the link down (the bounce's down_ns is set just before). */
    int (*down)(void *priv, struct pr_error *err);
    /* Brings it up again; sets b->up_ns to the moment it asked for that,
     * and what it saw on the way (carrier, addresses put back). */
    int (*up)(void *priv, struct timer_bounce *b, struct pr_error *err);
    /* After an interruption or a failure: puts everything back as it was
     * before the first bounce. Returns 0 when it did (or when nothing had
     * changed), -1 when it could not: the guardian then tries again. */
    int (*restore)(void *priv, struct pr_error *err);
    /* Optional, after each bounce and each restore: compares what is there
     * with what was there before the first bounce, records what is missing
     * in run. Returns 1 when something is (the run stops), 0, -1. */
    int (*verify)(void *priv, struct timer_run *run, struct pr_error *err);
    void *priv;
};

/* Bounces run->count times on loop (its prober open, the target known to
 * answer), stopping early at the first bounce that got no reply or after a
 * signal (run->interrupted). Precondition: the guardian runs. Returns 0 or
 * -1 (err says why); *restored is false when the restore op failed after an
 * interruption or error, so the caller must leave the guardian to it. */
int timer_bounce_run(const struct timer_bounce_ops *ops, struct timer_loop *loop,
                     const struct timer_hooks *hooks, struct timer_run *run, bool *restored,
                     struct pr_error *err);

#endif
