/* SPDX-License-Identifier: BSD-3-Clause */
/* Watch mode: probe an address and time each outage while someone else
 * bounces the server (the machine on the other side of the procedure).
 * An outage starts with the first probe left unanswered (declared once no
 * reply has come for max(200 ms, 4 x the slowest round trip seen)) and ends
 * with the first reply after it. ARP requests go with the echoes when the
 * address is on a directly connected network and CAP_NET_RAW allows. */
#ifndef PR_TIMER_WATCH_H
#define PR_TIMER_WATCH_H

#include "util/error.h"
#include "timer/timer_local.h"
#include "timer/timer_run.h"

struct timer_watch_config {
    const char *target;
    int interval_ms;
    int timeout_s; /* to answer at all at the start; longest outage timed */
    int count;     /* outages to time before returning */
    /* The bouncing side's --down-for, subtracted from each outage for the
     * verdict (timer_outage_blackout_ns); -1 when not known. */
    double down_for_s;
};

int timer_watch_run(const struct timer_watch_config *cfg, const struct timer_hooks *hooks,
                    struct timer_run *run, struct pr_error *err);

/* Opens the probes towards target (ICMP, and ARP when on-link and allowed);
 * fills run->target, run->iface (the ARP interface), run->icmp_socket,
 * run->arp. Shared with the switch-side bounce. */
struct timer_prober;
int timer_probe_remote(const char *target, struct timer_prober *prober, struct timer_run *run,
                       struct pr_error *err);

#endif
