/* SPDX-License-Identifier: BSD-3-Clause */
/* The verdict on one client's latest attempt, with the reason in words,
 * the measured times and the evidence lines. Pure: reads a state, writes a
 * result; the result points into the state (valid while the tracker
 * lives). */
#ifndef PR_DHCPLOG_VERDICT_H
#define PR_DHCPLOG_VERDICT_H

#include "dhcplog/dhcplog_track.h"

enum dhcplog_verdict {
    DHCPLOG_COMPLETE,     /* DISCOVER, OFFER, REQUEST, ACK */
    DHCPLOG_SLOW_RENEW,   /* chainload round completed only after DHCPLOG_SLOW_US or more, or
                             the first one began the renew gap threshold or more after the
                             lease (less the chainload's time) */
    DHCPLOG_NO_OFFER,     /* DISCOVER, no OFFER from this server */
    DHCPLOG_NO_REQUEST,   /* DISCOVER and OFFER, no REQUEST */
    DHCPLOG_NO_ACK,       /* REQUEST answered by neither ACK nor NAK */
    DHCPLOG_VERDICT_NAK,  /* the server refused the client's REQUEST */
    DHCPLOG_RENEW_FAILED, /* complete, then a chainload round that did not complete */
    DHCPLOG_NOT_SEEN,     /* --mac given, no DISCOVER from it */
};

#define DHCPLOG_EVIDENCE_MAX (DHCPLOG_EVIDENCE_RING + 3)

struct dhcplog_result {
    enum dhcplog_verdict verdict;
    char reason[1024];
    const char *dhcpd_reason; /* dhcpd's own words, NULL when none */
    const char *via;          /* interface, or relay when via_relay; NULL when unknown */
    bool via_relay;
    uint32_t ip; /* acked, else offered, else requested; 0 none */
    bool have_discover;
    int64_t first_discover_us; /* of the latest attempt (the retry round when chained) */
    int64_t time_to_ack_us;    /* first DISCOVER (or REQUEST) to ACK; -1 no ACK */
    bool chained;              /* the latest attempt is a retry round after a complete one */
    int64_t gap_us;            /* chained: previous ACK -> first DISCOVER of the round */
    int64_t round_us;          /* chained: round's first DISCOVER -> its ACK, or its last line */
    int64_t first_round_us;    /* chained: previous attempt's first line -> its ACK */
    int64_t blackout_us;       /* chained, the chain's first round: gap less the chainload's own
                                  time (at least 0), the estimated blackout; -1 otherwise */
    bool lease_last;           /* the latest event is a lease: whether the install went on is in the
                                  TFTP/HTTP logs (portready boot-log), not in this one */
    const struct dhcplog_attempt *attempt;
    /* The evidence lines; one kept by offset (dhcplog_tracker_line_at)
     * is "" until dhcplog_result_load reads it into evidence_buf (so a
     * result may be copied before it is loaded, not after). */
    const char *evidence[DHCPLOG_EVIDENCE_MAX];
    size_t evidence_count;
    size_t omitted;       /* lines left out of the evidence ... */
    size_t omitted_after; /* ... after this many evidence entries */
    const struct dhcplog_text *evidence_src[DHCPLOG_EVIDENCE_MAX];
    /* Last: not cleared by dhcplog_classify, filled by dhcplog_result_load. */
    char evidence_buf[DHCPLOG_EVIDENCE_MAX][DHCPLOG_EVIDENCE_LINE_MAX + 1];
};

void dhcplog_classify(const struct dhcplog_mac_state *state, struct dhcplog_result *out);

/* The renew gap threshold: the earliest time after link-up at which a
 * client of lib/rules/clients.c with a sourced schedule sends its last
 * DISCOVER (iPXE's 7 s). A port blocking that long after the chainload's
 * link-up leaves that client nothing to retry with. */
int64_t dhcplog_renew_gap_threshold_us(void);

/* The client that sets it ("ipxe"). */
const char *dhcplog_renew_gap_client(void);

/* Reads the evidence lines kept by offset from fd (the input the tracker
 * was handed, still open). Returns 0, or -1 with errno set when one could
 * not be read whole (the file shrank): that line reads "(no longer in the
 * file)". */
int dhcplog_result_load(struct dhcplog_result *r, int fd);

/* "complete", "slow-renew", "no-offer", ... */
const char *dhcplog_verdict_name(enum dhcplog_verdict verdict);

/* 0 complete, 1 slow (slow-renew), 2 failed: the exit code contribution. */
int dhcplog_verdict_severity(enum dhcplog_verdict verdict);

#endif
