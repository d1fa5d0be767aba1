/* SPDX-License-Identifier: BSD-3-Clause */
/* `--plot FILE.svg`: the probe timeline of every bounce (or outage) as a
 * hand-written SVG an operator can attach to a ticket. One panel per bounce:
 * a lane of ICMP probes and a lane of ARP probes, consecutive probes of the
 * same fate drawn as one bar (answered green, answered late after waiting in
 * a queue amber, lost red, refused by the kernel grey), link events as labelled vertical lines, a
 * time axis in seconds from the moment the link came up (watch mode: from the first lost probe). No
 * text covers another: the legend wraps into rows and each event label takes the first row where
 * it fits, by a width estimate from the font size (0.6 em a character). No dependencies: plain
 * fprintf. */
#ifndef PR_TIMER_SVG_H
#define PR_TIMER_SVG_H

#include <stdio.h>

#include "util/error.h"
#include "timer/timer_run.h"

int timer_svg_write(FILE *out, const struct timer_run *run, struct pr_error *err);

/* The tick step (ns) for an axis spanning span_ns: 1-2-5 steps, at most
 * about ten ticks. Pure; exposed for tests. */
int64_t timer_svg_tick_step(int64_t span_ns);

#endif
