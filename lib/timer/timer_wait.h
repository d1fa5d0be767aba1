/* SPDX-License-Identifier: BSD-3-Clause */
/* The two waits every mode of `portready time` makes on its probe loop:
 * for a first answer before anything is taken down, and for the target to
 * answer again once the link is back (the measurement itself). */
#ifndef PR_TIMER_WAIT_H
#define PR_TIMER_WAIT_H

#include <stddef.h>
#include <stdint.h>

#include "util/error.h"
#include "timer/timer_hooks.h"
#include "timer/timer_loop.h"

/* How long the bounces probe for a first answer before taking anything
 * down. */
#define TIMER_PRECHECK_NS (INT64_C(3000) * 1000000)

/* Probes until the target answers once or limit_ns passes; 0 when it did.
 * Used before anything is taken down; the probes sent are not kept. */
int timer_wait_first_reply(struct timer_loop *l, int64_t limit_ns, const char *target,
                           struct pr_error *err);

/* Where a recovery wait reports progress: hooks->progress(ctx, index,
 * phase, now - since_ns) about every 100 ms while no echo reply has come. */
struct timer_wait_progress {
    const struct timer_hooks *hooks; /* NULL: no reports */
    size_t index;
    const char *phase;
    int64_t since_ns;
};

/* What a recovery wait saw first; TIMER_NONE for what did not happen. */
struct timer_recovery {
    int64_t first_reply_ns;     /* the first ICMP echo reply */
    int64_t first_arp_reply_ns; /* the first ARP reply */
    int64_t carrier_up_ns;      /* the first carrier-up event (a loop with link_fd) */
};

/* Waits on a loop that is sending (into its probes) until the first echo
 * reply and then 20 intervals more, so the plot shows the answers settle,
 * or until deadline_ns when no reply comes. Returns 0 done, 1 interrupted
 * by a signal, -1 on error; in every case the loop is stopped and no longer
 * points at its probes. */
int timer_wait_recovery(struct timer_loop *l, int64_t deadline_ns,
                        const struct timer_wait_progress *progress, struct timer_recovery *seen,
                        struct pr_error *err);

#endif
