/* SPDX-License-Identifier: BSD-3-Clause */
/* The probe clock: sends ICMP (and ARP) probes every interval on a fixed
 * schedule, every millisecond in the windows timer_schedule.h opens when
 * forwarding becomes likely, reads replies, link events and the switch's
 * BPDUs, and records every probe with its send and reply times on
 * CLOCK_MONOTONIC. One loop serves the local bounce, watch mode and the
 * switch-side bounce.
 *
 * In a fine window with ARP probes on, the millisecond ticks send ARP
 * requests only: the first ARP reply sends an echo at once (icmp_on_arp),
 * and the echoes keep their --interval. Without ARP the ticks send echoes.
 *
 * SIGINT, SIGTERM and SIGHUP are blocked outside the wait itself once
 * timer_signals_install() ran, so an interruption is always seen as an
 * event and never lost between two waits. */
#ifndef PR_TIMER_LOOP_H
#define PR_TIMER_LOOP_H

#include <stdbool.h>
#include <stdint.h>

#include "util/error.h"
#include "timer/timer_probe.h"
#include "timer/timer_run.h"
#include "timer/timer_schedule.h"

int64_t timer_now_ns(void);

/* Installs the handlers; returns 0. */
int timer_signals_install(void);
/* The signal that interrupted the run, 0 if none. */
int timer_signal_caught(void);

struct timer_loop {
    struct timer_prober *prober;
    int64_t interval_ns;
    bool sending;         /* probes on */
    bool icmp_on_arp;     /* send an extra echo as soon as an ARP reply comes */
    int64_t next_send_ns; /* next scheduled probe (tick) */
    int64_t next_icmp_ns; /* with ARP: next echo, every interval_ns */
    struct timer_schedule sched;
    int64_t carrier_ns; /* carrier seen in this measurement; TIMER_NONE */
    /* The previous bounce's carrier -> first reply: forwarding is expected
     * that long after this bounce's carrier (TIMER_NONE: no such bounce). */
    int64_t learned_after_carrier_ns;
    int64_t bpdu_forward_delay_ns; /* from the first BPDU of this measurement */
    int bpdu_fd;                   /* the switch's BPDUs (timer_bpdu.h), -1 for none */
    uint32_t next_seq;
    struct timer_probes *probes; /* where probes are recorded */
    long last_arp_probe;         /* index in probes of the newest ARP probe, -1 */
    int link_fd;                 /* rtnetlink link events, -1 for none */
    int ifindex;                 /* ... of this interface */
    int guard_fd;                /* the guardian's socket, -1 for none */
    bool guardian_lost;          /* it closed: the guardian is gone */
};

/* What one wait saw. Times are TIMER_NONE when it did not happen. */
struct timer_loop_events {
    int64_t first_icmp_reply_ns; /* earliest reply time among this batch */
    long first_icmp_probe;       /* its probe index */
    int64_t first_arp_reply_ns;
    bool link_event;
    bool lower_up;
    int64_t link_event_ns;
    bool interrupted; /* a signal, or the guardian is gone (guardian_lost) */
};

/* Adaptive (see timer_schedule.h) unless l->sched.adaptive is cleared. */
void timer_loop_init(struct timer_loop *l, struct timer_prober *prober, int interval_ms);
/* Starts sending now, into probes: a new measurement, no windows yet. */
void timer_loop_start(struct timer_loop *l, struct timer_probes *probes);
/* The carrier came up at when: a fine window from it, and the predictions
 * that count from the carrier (the learned one, a BPDU's). Once per
 * measurement; the loop calls it itself on a carrier-up link event. */
void timer_loop_carrier(struct timer_loop *l, int64_t when);
/* Forwarding is likely at at_ns, predicted span_ns ahead. */
void timer_loop_expect(struct timer_loop *l, int64_t at_ns, int64_t span_ns);
void timer_loop_stop(struct timer_loop *l);

/* Sends what is due, then waits until something arrives or until_ns;
 * returns 1 when events were seen, 0 at until_ns, -1 on error. */
int timer_loop_wait(struct timer_loop *l, int64_t until_ns, struct timer_loop_events *ev,
                    struct pr_error *err);

/* Does the guardian still run? (No wait; true when there is none.) */
bool timer_loop_guardian_alive(struct timer_loop *l);

/* Sets every field to "nothing seen". */
void timer_loop_events_clear(struct timer_loop_events *ev);

/* Reads pending link events right away (no wait), adding to ev. */
void timer_loop_drain_link(struct timer_loop *l, struct timer_loop_events *ev);

#endif
