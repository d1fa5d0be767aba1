/* SPDX-License-Identifier: BSD-3-Clause */
/* When the next probe is due. Probes go out every --interval (coarse)
 * while the blackout goes on, and every millisecond (fine) in windows
 * around the moments the port is likely to forward again: just after the
 * carrier comes up (an edge port forwards at once), and around each
 * prediction of the end of the blackout (2 x the forward delay a BPDU of
 * the switch announced, or the time the previous bounce took). The first
 * echo reply ends the fine probing: the tail after it is coarse again. So
 * a coarse --interval costs about its own probe count, and the answer is
 * seen within about a millisecond when a prediction holds; when none
 * does, the error is that of the coarse interval, as without windows.
 *
 * Pure: no clock and no I/O, every time is given (CLOCK_MONOTONIC ns). */
#ifndef PR_TIMER_SCHEDULE_H
#define PR_TIMER_SCHEDULE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define TIMER_FINE_NS           INT64_C(1000000)  /* 1 ms */
#define TIMER_CARRIER_WINDOW_NS INT64_C(50000000) /* fine for 50 ms after carrier */
#define TIMER_SCHEDULE_WINDOWS  4

struct timer_window {
    int64_t from_ns;
    int64_t until_ns; /* fine probing in [from_ns, until_ns) */
};

struct timer_schedule {
    int64_t coarse_ns;
    bool adaptive; /* false: every probe at coarse_ns (--fixed-interval) */
    bool settled;  /* the target answered: coarse from then on */
    size_t n;
    struct timer_window w[TIMER_SCHEDULE_WINDOWS];
};

void timer_schedule_init(struct timer_schedule *s, int64_t coarse_ns, bool adaptive);
/* A new measurement: no windows, not settled. */
void timer_schedule_reset(struct timer_schedule *s);

/* How far ahead of a prediction fine probing starts: two coarse intervals
 * (a prediction learned from a coarse measurement is up to one late) plus
 * 1 % of span_ns, the time the prediction looks ahead (switch timers and
 * link-up on the two sides of a cable drift). */
int64_t timer_schedule_lead_ns(const struct timer_schedule *s, int64_t span_ns);
/* Forwarding is likely at at_ns, predicted span_ns ahead: fine probing
 * from lead before it to two leads after it. Returns false when every
 * window is taken (the prediction is dropped). */
bool timer_schedule_expect(struct timer_schedule *s, int64_t at_ns, int64_t span_ns);
/* The carrier came up at carrier_ns: fine for TIMER_CARRIER_WINDOW_NS. */
bool timer_schedule_carrier(struct timer_schedule *s, int64_t carrier_ns);
/* The target answered: coarse from now on. */
void timer_schedule_settle(struct timer_schedule *s);

/* Is t inside a fine window (and the schedule adaptive, not settled)? */
bool timer_schedule_fine_at(const struct timer_schedule *s, int64_t t_ns);
/* The probe after the one due at due_ns: one step later (fine inside a
 * window, coarse outside), or the start of a window that opens before. */
int64_t timer_schedule_next(const struct timer_schedule *s, int64_t due_ns);
/* After windows were added at now_ns: planned_ns brought forward to the
 * start of a window that opens sooner (now_ns when one is open). */
int64_t timer_schedule_revise(const struct timer_schedule *s, int64_t planned_ns, int64_t now_ns);

/* The end of STP's listening and learning on a port enabled at
 * enabled_ns: each lasts the forward delay, so 2 x it later (docs/time.md
 * cites the standard). */
int64_t timer_schedule_stp_forwarding(int64_t enabled_ns, int64_t forward_delay_ns);

#endif
