/* SPDX-License-Identifier: BSD-3-Clause */
/* Per-MAC handshake state: the lines of dhcpd grouped by client into
 * attempts, with a few evidence lines each. Memory is bounded by the
 * number of clients, never by the number of lines.
 *
 * Attempts: a client's first line opens one; a DISCOVER after an ACK or a
 * NAK, a REQUEST after an ACK (renewal or reboot), or any line more than
 * DHCPLOG_ATTEMPT_GAP_US after the client's previous line opens the next.
 * The attempt before the latest is kept (prev) because the chainload
 * pattern spans both: a complete handshake, then a round of DISCOVERs a
 * few seconds later when iPXE or the OS re-initialises the NIC.
 *
 * Ownership: the tracker owns every state and string; pointers it hands
 * out stay valid until dhcplog_tracker_free. */
#ifndef PR_DHCPLOG_TRACK_H
#define PR_DHCPLOG_TRACK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dhcplog/dhcplog_line.h"
#include "util/error.h"

#define DHCPLOG_ATTEMPT_GAP_US    (120 * DHCPLOG_US_PER_S)
#define DHCPLOG_CHAIN_WINDOW_US   (60 * DHCPLOG_US_PER_S) /* ACK -> next round's DISCOVER */
#define DHCPLOG_SLOW_US           (10 * DHCPLOG_US_PER_S) /* retry round slower than this */
#define DHCPLOG_REASON_WINDOW_US  (2 * DHCPLOG_US_PER_S)  /* DISCOVER -> dhcpd's reason line */
#define DHCPLOG_EVIDENCE_RING     12
#define DHCPLOG_EVIDENCE_LINE_MAX 400 /* longer evidence lines are cut */
#define DHCPLOG_REASON_MAX        200

/* One evidence line: where it is in the input (the tracker was handed
 * offsets: dhcplog_tracker_line_at), or a copy reusing its buffer (owned
 * by the state) when the input cannot be read again. */
struct dhcplog_text {
    char *text;   /* the copy: NULL or NUL-terminated; NULL when by offset */
    uint64_t off; /* by offset: the line's first byte in the input */
    uint32_t len; /* its length (cut to DHCPLOG_EVIDENCE_LINE_MAX); 0 none */
    uint32_t cap;
    bool by_offset; /* off and len say where it is; text is not it */
};

struct dhcplog_attempt {
    bool open;
    int64_t first_us, last_us;
    int64_t first_discover_us, ack_us, nak_us; /* valid when the count is > 0 */
    /* When the round began as the server saw it: its first DISCOVER, or,
     * from a server that logs none (Kea below debug level), its first
     * OFFER, which answers one. Valid when has_round_start. */
    int64_t round_start_us;
    bool has_round_start;
    unsigned discovers, offers, requests, acks, naks;
    uint32_t offered_ip, requested_ip, request_server, acked_ip;
    char via[DHCPLOG_VIA_MAX];
    bool via_relay;
    bool restarted;                      /* the server restarted while it was open */
    const char *server;                  /* static: the server that logged it ("dhcpd") */
    unsigned lines;                      /* evidence lines pushed */
    bool has_reason, has_request_reason; /* the texts below are set */
    /* Last, so that opening an attempt leaves them alone: valid only when
     * has_reason or has_request_reason says so. */
    char reason[DHCPLOG_REASON_MAX];         /* why no OFFER, as dhcpd says */
    char request_reason[DHCPLOG_REASON_MAX]; /* what dhcpd said about a REQUEST */
};

struct dhcplog_mac_state {
    uint64_t mac;
    unsigned attempts;
    bool ever_discover;
    struct dhcplog_attempt cur, prev;
    int64_t chain_slow_us;     /* slowest completed retry round of the running chain, 0 none */
    unsigned chain_rounds;     /* cur is the chain's Nth round after its first lease; 0 none */
    int64_t chain_blackout_us; /* the chain's first round began this long after its lease,
                                  less the chainload's time, at or over the threshold; 0 none */
    int64_t chainload_us;      /* the chainload's own time (dhcplog_options) */
    struct dhcplog_text first; /* first line of cur */
    struct dhcplog_text ack;   /* first ACK line of cur */
    struct dhcplog_text ring[DHCPLOG_EVIDENCE_RING]; /* last lines of cur */
    struct dhcplog_text prev_first, prev_ack;
};

struct dhcplog_stats {
    uint64_t lines;        /* every line handed in, overlong ones included */
    uint64_t dhcpd_lines;  /* well-formed lines of dhcpd */
    uint64_t handshakes;   /* DISCOVER/OFFER/REQUEST/ACK/NAK/DECLINE/RELEASE lines used */
    uint64_t other;        /* other programs' lines, ignored */
    uint64_t malformed;    /* skipped: no syslog header, or a broken dhcpd handshake line */
    uint64_t overlong;     /* skipped: longer than the reader's limit */
    uint64_t before_since; /* dhcpd lines older than --since */
    uint64_t restarts;     /* dhcpd (re)starts seen */
};

struct dhcplog_options {
    bool have_mac; /* only this client (it is reported even when never seen) */
    uint64_t mac;
    bool have_since;
    int64_t since_us;
    int64_t now_us; /* for the year of classic stamps; 0: the current time */
    /* The chainload's own time, between a lease and the next round's
     * DISCOVER when no port blocks (downloading and starting the boot
     * file): taken off that gap to estimate the blackout. 0: unknown, the
     * whole gap (an upper bound). */
    int64_t chainload_us;
};

/* Called when an attempt settles (its first ACK, or a NAK), for live output. */
typedef void (*dhcplog_settled_fn)(void *ctx, const struct dhcplog_mac_state *state);

struct dhcplog_tracker;

/* NULL on allocation failure (err says so). */
struct dhcplog_tracker *dhcplog_tracker_new(const struct dhcplog_options *options,
                                            struct pr_error *err);
void dhcplog_tracker_free(struct dhcplog_tracker *tracker);

void dhcplog_tracker_on_settled(struct dhcplog_tracker *tracker, dhcplog_settled_fn fn, void *ctx);

/* One line without its newline. Returns -1 only when memory runs out.
 * The evidence lines are copied. */
int dhcplog_tracker_line(struct dhcplog_tracker *tracker, const char *text, size_t len);

/* The same for a line that starts at byte offset of an input that can be
 * read again (a regular file read once): evidence keeps the offset, not a
 * copy, and dhcplog_result_load reads it back. */
int dhcplog_tracker_line_at(struct dhcplog_tracker *tracker, const char *text, size_t len,
                            uint64_t offset);

/* A line the reader skipped for its length. */
void dhcplog_tracker_overlong(struct dhcplog_tracker *tracker);

const struct dhcplog_stats *dhcplog_tracker_stats(const struct dhcplog_tracker *tracker);

/* The clients in the order they first appeared. */
size_t dhcplog_tracker_count(const struct dhcplog_tracker *tracker);
const struct dhcplog_mac_state *dhcplog_tracker_get(const struct dhcplog_tracker *tracker,
                                                    size_t index);

#endif
