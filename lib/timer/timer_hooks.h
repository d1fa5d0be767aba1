/* SPDX-License-Identifier: BSD-3-Clause */
/* What `portready time` tells the command layer while it measures: progress
 * ticks, each finished bounce or outage, and the guardian's note. The timer
 * never prints; the command decides what to show. */
#ifndef PR_TIMER_HOOKS_H
#define PR_TIMER_HOOKS_H

#include <stddef.h>
#include <stdint.h>

#include "timer/timer_run.h"

/* Callbacks into the command layer (any may be NULL). */
struct timer_hooks {
    /* About every 100 ms while waiting. phase: "down" (link held down),
     * "waiting" (up, no reply yet), "outage" (watch mode). */
    void (*progress)(void *ctx, size_t index, const char *phase, int64_t elapsed_ns);
    /* A bounce (or an outage) is complete. */
    void (*done)(void *ctx, const struct timer_run *run, size_t index);
    /* Runs in the guardian process after it put things back. */
    void (*guardian_note)(void *ctx, const char *what);
    void *ctx;
};

#endif
