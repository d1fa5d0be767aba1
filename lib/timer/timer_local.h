/* SPDX-License-Identifier: BSD-3-Clause */
/* The local bounce: record IF's addresses and routes, take IF down, wait,
 * bring it up, put back what the kernel dropped, and time until TARGET
 * answers; --count times, under a guardian process. */
#ifndef PR_TIMER_LOCAL_H
#define PR_TIMER_LOCAL_H

#include <stddef.h>
#include <stdint.h>

#include "util/error.h"
#include "timer/timer_hooks.h"
#include "timer/timer_run.h"

struct timer_local_config {
    const char *iface;
    const char *target; /* NULL: the interface's IPv4 default gateway */
    int interval_ms;
    double down_for_s;
    int timeout_s;
    int count;
};

/* Precondition: the caller checked privileges, took the lock and got the
 * user's consent. Fills run; returns -1 only when the measurement could not
 * be made (nothing answers before the bounce, a netlink failure...). After an
 * interruption (SIGINT/SIGTERM/SIGHUP) the link is restored, run->interrupted
 * is set and 0 returned. */
int timer_local_run(const struct timer_local_config *cfg, const struct timer_hooks *hooks,
                    struct timer_run *run, struct pr_error *err);

#endif
