/* SPDX-License-Identifier: BSD-3-Clause */
/* The measurements of `portready time`: every probe sent, the link events of
 * each bounce (or each outage seen in watch mode), and the summary over them.
 * All times are int64 nanoseconds on CLOCK_MONOTONIC; -1 means "did not
 * happen" (no reply, no carrier event...).
 *
 * Ownership: struct timer_run owns its bounces, outages and their probe
 * arrays; timer_run_free() releases all and accepts a zeroed or freed run. */
#ifndef PR_TIMER_RUN_H
#define PR_TIMER_RUN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/error.h"

#define TIMER_NONE ((int64_t)-1)

enum timer_probe_kind { TIMER_PROBE_ICMP = 0, TIMER_PROBE_ARP = 1 };

struct timer_probe {
    int64_t sent_ns;
    int64_t reply_ns; /* TIMER_NONE: never answered */
    uint32_t seq;     /* ICMP: the probe number carried in the payload */
    uint8_t kind;     /* enum timer_probe_kind */
    bool send_failed; /* the kernel refused to send it (link down, no route) */
};

struct timer_probes {
    struct timer_probe *v;
    size_t n;
    size_t cap;
};

/* Appends one probe; returns its index or -1 (out of memory). */
long timer_probes_add(struct timer_probes *p, enum timer_probe_kind kind, uint32_t seq,
                      int64_t sent_ns, bool send_failed, struct pr_error *err);
void timer_probes_free(struct timer_probes *p);
/* Drops the first n probes (watch mode keeps only a window). */
void timer_probes_drop_front(struct timer_probes *p, size_t n);

/* One bounce: the link taken down at down_ns, brought up at up_ns. */
struct timer_bounce {
    int64_t down_ns;
    int64_t up_ns;
    int64_t carrier_up_ns;      /* local bounce only */
    int64_t first_arp_reply_ns; /* first ARP reply after up */
    int64_t first_reply_ns;     /* first ICMP echo reply after up */
    unsigned restored_addresses;
    unsigned restored_routes;
    unsigned restored_nexthops;   /* nexthop objects */
    unsigned restored_neighbours; /* permanent and noarp entries */
    struct timer_probes probes;
};

/* One outage of the watched address. */
struct timer_outage {
    int64_t last_reply_ns;      /* last echo reply before the outage */
    int64_t first_lost_sent_ns; /* the first probe that went unanswered was sent */
    int64_t first_reply_ns;     /* first reply after it; TIMER_NONE: never */
    unsigned lost;              /* ICMP probes that went unanswered */
    struct timer_probes probes;
};

enum timer_mode { TIMER_MODE_LOCAL, TIMER_MODE_WATCH, TIMER_MODE_SWITCH };

enum timer_verdict { TIMER_READY, TIMER_WARNING, TIMER_NOT_READY, TIMER_UNKNOWN };

struct timer_run {
    enum timer_mode mode;
    char iface[32];    /* local bounce; ARP interface otherwise ("" none) */
    char target[64];   /* the probed IPv4 address */
    char sw[256];      /* switch-side bounce: host[:port] */
    char port[128];    /* switch-side bounce: the port as named */
    long port_ifindex; /* switch-side bounce: its ifIndex (-1 unknown) */
    int interval_ms;
    /* Probes every millisecond where forwarding is likely, --interval
     * elsewhere (timer_schedule.h); false with --fixed-interval. */
    bool adaptive;
    double down_for_s; /* watch: the other side's --down-for, -1 when not given */
    int timeout_s;
    int count;
    const char *icmp_socket;      /* "datagram" or "raw" */
    bool arp;                     /* ARP requests sent too */
    bool interrupted;             /* SIGINT/SIGTERM stopped the run */
    unsigned not_restored;        /* entries of the interface missing after a bounce */
    char not_restored_what[1024]; /* them in words, "; " between */
    /* One reading of both clocks when the measurement started: every
     * monotonic time converts to the wall clock from it (timer_run_wall_ns),
     * so the report can say when, beside how long. */
    int64_t start_mono_ns;
    int64_t start_wall_ns; /* Unix ns, CLOCK_REALTIME */
    struct timer_bounce *bounces;
    size_t n_bounces;
    struct timer_outage *outages;
    size_t n_outages;
};

/* Zeroes run for mode and marks its start (timer_run_mark_start). */
void timer_run_init(struct timer_run *run, enum timer_mode mode);
/* Reads both clocks: the measurement starts now. Each mode's run function
 * calls it once its settings are in place. */
void timer_run_mark_start(struct timer_run *run);
/* A CLOCK_MONOTONIC time of the run on the wall clock (Unix ns); TIMER_NONE
 * stays TIMER_NONE. */
int64_t timer_run_wall_ns(const struct timer_run *run, int64_t mono_ns);
void timer_run_free(struct timer_run *run);
/* Appends a zeroed bounce (times TIMER_NONE); NULL when out of memory. */
struct timer_bounce *timer_run_add_bounce(struct timer_run *run, struct pr_error *err);
struct timer_outage *timer_run_add_outage(struct timer_run *run, struct pr_error *err);

/* Durations of one bounce, TIMER_NONE when an end is missing. */
int64_t timer_bounce_carrier_ns(const struct timer_bounce *b); /* up -> carrier */
/* carrier -> first ARP reply; up -> first ARP reply when the carrier is not
 * seen (switch-side bounce). */
int64_t timer_bounce_arp_ns(const struct timer_bounce *b);
int64_t timer_bounce_reachability_ns(const struct timer_bounce *b); /* up -> first reply */
/* first lost probe sent -> first reply after it. */
int64_t timer_outage_ns(const struct timer_outage *o);
/* What watch mode judges: the outage less the time the link was held down
 * when the other side's --down-for is known (run->down_for_s >= 0), at
 * least 0; the whole outage otherwise. TIMER_NONE when it never ended. */
int64_t timer_outage_blackout_ns(const struct timer_run *run, const struct timer_outage *o);

/* min/median/max of values (n > 0; order of values is changed). The median
 * of an even count is the mean of the two middle values. */
void timer_stats(int64_t *values, size_t n, int64_t *min, int64_t *median, int64_t *max);

/* ready <= 2 s < warning <= 10 s < not-ready; TIMER_NONE: unknown. */
enum timer_verdict timer_verdict_for(int64_t reachability_ns);
const char *timer_verdict_name(enum timer_verdict v);

/* The likely cause of a slow bounce (static text), NULL when ready. */
const char *timer_cause_for(const struct timer_bounce *b);

struct timer_summary {
    size_t measured;                   /* bounces (or outages) in the run */
    size_t answered;                   /* ... that ended with a reply */
    int64_t min_ns, median_ns, max_ns; /* over the answered ones; TIMER_NONE if none */
    /* What was measured: the worst bounce (watch: the worst outage's
     * blackout) decides, with the same thresholds; unknown when one never
     * got a reply or nothing was measured. */
    enum timer_verdict measured_verdict;
    /* The run's, what the exit status says: the measured one, but unknown
     * whatever was measured when the run was cut short (interrupted, or
     * something of the interface could not be put back). */
    enum timer_verdict verdict;
    /* Of the measured verdict: NULL when ready; watch without the bouncing
     * side's --down-for: that the outage includes the time the link was
     * down. timer_verdict_reason() words the run's verdict. */
    const char *cause;
};

/* Summarizes reachability (local, switch) or outages (watch). */
int timer_summarize(const struct timer_run *run, struct timer_summary *out, struct pr_error *err);

/* From the run's verdict, in every mode: 0 ready, 1 warning, 2 not-ready,
 * 3 unknown or interrupted (enum pr_exit); 3 too when something could not
 * be put back. */
int timer_exit_code(const struct timer_run *run, const struct timer_summary *s);

#endif
