/* SPDX-License-Identifier: BSD-3-Clause */
#include "dhcplog/dhcplog_track.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "dhcplog/dhcplog_verdict.h"
#include "util/strutil.h"

/* A slot of the client table: the MAC beside the index, so a lookup
 * reads the table only, not every state it passes. */
struct slot {
    uint64_t mac;
    uint32_t index; /* index + 1 into states, 0 empty */
};

struct dhcplog_tracker {
    struct dhcplog_options options;
    struct dhcplog_clock clock;
    struct dhcplog_stats stats;
    struct dhcplog_mac_state **states; /* first-seen order */
    size_t count, cap;
    struct slot *table; /* open addressing */
    size_t table_size;
    long last_pid;        /* pid of the latest dhcpd line, -1 none */
    long banner_pid;      /* pid of the latest start banner */
    bool seen_dhcpd;      /* any dhcpd line yet */
    size_t last_discover; /* index + 1 of the client of the latest DISCOVER, 0 none */
    int64_t last_discover_us;
    uint64_t offset; /* of the line being read; NO_OFFSET: evidence is copied */
    dhcplog_settled_fn settled;
    void *settled_ctx;
};

#define NO_OFFSET UINT64_MAX

static size_t hash_slot(uint64_t mac, size_t size)
{
    return (size_t)((mac * 0x9E3779B97F4A7C15ULL) >> 20) & (size - 1);
}

static int table_grow(struct dhcplog_tracker *t)
{
    size_t size = t->table_size ? t->table_size * 2 : 1024;
    struct slot *table = calloc(size, sizeof *table);
    if (table == NULL)
        return -1;
    for (size_t i = 0; i < t->count; i++) {
        uint64_t mac = t->states[i]->mac;
        size_t s = hash_slot(mac, size);
        while (table[s].index != 0)
            s = (s + 1) & (size - 1);
        table[s].mac = mac;
        table[s].index = (uint32_t)(i + 1);
    }
    free(t->table);
    t->table = table;
    t->table_size = size;
    return 0;
}

/* The client's state, created when new; NULL when memory runs out. */
static struct dhcplog_mac_state *state_for(struct dhcplog_tracker *t, uint64_t mac, size_t *index)
{
    size_t s = hash_slot(mac, t->table_size);
    while (t->table[s].index != 0) {
        if (t->table[s].mac == mac) {
            *index = t->table[s].index - 1;
            return t->states[*index];
        }
        s = (s + 1) & (t->table_size - 1);
    }
    if (t->count >= UINT32_MAX - 1)
        return NULL;
    if (t->count == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 64;
        struct dhcplog_mac_state **states = realloc(t->states, cap * sizeof *states);
        if (states == NULL)
            return NULL;
        t->states = states;
        t->cap = cap;
    }
    struct dhcplog_mac_state *ms = calloc(1, sizeof *ms);
    if (ms == NULL)
        return NULL;
    ms->mac = mac;
    ms->chainload_us = t->options.chainload_us;
    t->states[t->count] = ms;
    t->table[s].mac = mac;
    t->table[s].index = (uint32_t)(t->count + 1);
    *index = t->count++;
    if (t->count * 10 > t->table_size * 7 && table_grow(t) != 0)
        return NULL;
    return ms;
}

/* Records the line being read: its offset when the input can be read
 * again, else a copy. */
static int text_set(const struct dhcplog_tracker *t, struct dhcplog_text *dst, const char *text,
                    size_t len)
{
    if (len > DHCPLOG_EVIDENCE_LINE_MAX)
        len = DHCPLOG_EVIDENCE_LINE_MAX;
    dst->len = (uint32_t)len;
    dst->by_offset = t->offset != NO_OFFSET;
    if (dst->by_offset) {
        dst->off = t->offset;
        if (dst->text != NULL)
            dst->text[0] = '\0';
        return 0;
    }
    if (dst->cap < len + 1) {
        size_t cap = len + 1 < 128 ? 128 : len + 1;
        char *grown = realloc(dst->text, cap);
        if (grown == NULL)
            return -1;
        dst->text = grown;
        dst->cap = (uint32_t)cap;
    }
    memcpy(dst->text, text, len);
    dst->text[len] = '\0';
    return 0;
}

static void text_swap(struct dhcplog_text *a, struct dhcplog_text *b)
{
    struct dhcplog_text tmp = *a;
    *a = *b;
    *b = tmp;
}

static void text_clear(struct dhcplog_text *t)
{
    t->len = 0;
    if (t->text != NULL)
        t->text[0] = '\0';
}

static void text_free(struct dhcplog_text *t)
{
    free(t->text);
    t->text = NULL;
    t->cap = 0;
}

static int push_evidence(const struct dhcplog_tracker *t, struct dhcplog_mac_state *ms,
                         const char *text, size_t len)
{
    unsigned n = ms->cur.lines++;
    if (n == 0 && text_set(t, &ms->first, text, len) != 0)
        return -1;
    return text_set(t, &ms->ring[n % DHCPLOG_EVIDENCE_RING], text, len);
}

/* An attempt's counters and times, and its reasons only when it has any:
 * copying or clearing the whole of both reason buffers for every new
 * attempt was a measurable part of reading a large log. */
static void attempt_copy(struct dhcplog_attempt *dst, const struct dhcplog_attempt *src)
{
    memcpy(dst, src, offsetof(struct dhcplog_attempt, reason));
    if (src->has_reason)
        memcpy(dst->reason, src->reason, strlen(src->reason) + 1);
    if (src->has_request_reason)
        memcpy(dst->request_reason, src->request_reason, strlen(src->request_reason) + 1);
}

static void attempt_clear(struct dhcplog_attempt *a)
{
    memset(a, 0, offsetof(struct dhcplog_attempt, reason));
}

static void copy_reason(char dst[DHCPLOG_REASON_MAX], bool *has, const char *reason, size_t len)
{
    *has = true;
    if (len >= DHCPLOG_REASON_MAX)
        len = DHCPLOG_REASON_MAX - 1;
    memcpy(dst, reason, len);
    dst[len] = '\0';
}

/* Closes the current attempt (it becomes prev) and opens a new one at t. */
static void start_attempt(struct dhcplog_mac_state *ms, int64_t t, enum dhcplog_kind kind)
{
    struct dhcplog_attempt *cur = &ms->cur;
    if (cur->open) {
        /* A retry round that completed slowly, or the chain's first round
         * that began long after its lease, stays on record for the rest of
         * the chain (the installer's own round after iPXE's may be fast). */
        const struct dhcplog_attempt *prev = &ms->prev;
        if (prev->open && prev->acks > 0 && cur->acks > 0 && cur->has_round_start &&
            cur->round_start_us >= prev->ack_us &&
            cur->round_start_us - prev->ack_us <= DHCPLOG_CHAIN_WINDOW_US) {
            int64_t round = cur->ack_us - cur->round_start_us;
            if (round >= DHCPLOG_SLOW_US && round > ms->chain_slow_us)
                ms->chain_slow_us = round;
            int64_t blackout = cur->round_start_us - prev->ack_us - ms->chainload_us;
            if (ms->chain_rounds == 1 && blackout >= dhcplog_renew_gap_threshold_us() &&
                blackout > ms->chain_blackout_us)
                ms->chain_blackout_us = blackout;
        }
        bool chained = cur->acks > 0 && (kind == DHCPLOG_DISCOVER || kind == DHCPLOG_OFFER) &&
                       t >= cur->ack_us && t - cur->ack_us <= DHCPLOG_CHAIN_WINDOW_US;
        if (chained) {
            ms->chain_rounds++;
        } else {
            ms->chain_slow_us = 0;
            ms->chain_blackout_us = 0;
            ms->chain_rounds = 0;
        }
        attempt_copy(&ms->prev, cur);
        text_swap(&ms->prev_first, &ms->first);
        text_swap(&ms->prev_ack, &ms->ack);
        text_clear(&ms->ack);
    }
    attempt_clear(cur);
    cur->open = true;
    cur->first_us = t;
    cur->last_us = t;
    ms->attempts++;
}

static bool opens_attempt(const struct dhcplog_attempt *cur, const struct dhcplog_line *line)
{
    if (!cur->open)
        return true;
    if (line->time_us - cur->last_us > DHCPLOG_ATTEMPT_GAP_US)
        return true;
    if (line->kind == DHCPLOG_DISCOVER && (cur->acks > 0 || cur->naks > 0))
        return true;
    /* An OFFER after the lease answers a DISCOVER the server did not log. */
    if (line->kind == DHCPLOG_OFFER && cur->acks > 0)
        return true;
    return line->kind == DHCPLOG_REQUEST && cur->acks > 0;
}

static int handshake_line(struct dhcplog_tracker *t, const struct dhcplog_line *line,
                          const char *text, size_t len)
{
    if (t->options.have_mac && line->mac != t->options.mac)
        return 0;
    size_t index;
    struct dhcplog_mac_state *ms = state_for(t, line->mac, &index);
    if (ms == NULL)
        return -1;
    struct dhcplog_attempt *cur = &ms->cur;
    if (line->kind == DHCPLOG_DECLINE || line->kind == DHCPLOG_RELEASE) {
        if (!cur->open) /* evidence only, for an attempt already running */
            return 0;
    } else if (opens_attempt(cur, line)) {
        start_attempt(ms, line->time_us, line->kind);
    }
    t->stats.handshakes++;
    if (line->time_us > cur->last_us)
        cur->last_us = line->time_us;
    cur->server = line->program;
    if (line->via[0] != '\0') {
        memcpy(cur->via, line->via, sizeof cur->via);
        cur->via_relay = line->via_relay;
    }
    unsigned n = line->repeated;
    bool settled = false;
    switch (line->kind) {
    case DHCPLOG_DISCOVER:
        if (cur->discovers == 0)
            cur->first_discover_us = line->time_us;
        if (!cur->has_round_start) {
            cur->round_start_us = line->time_us;
            cur->has_round_start = true;
        }
        cur->discovers += n;
        ms->ever_discover = true;
        if (line->reason != NULL)
            copy_reason(cur->reason, &cur->has_reason, line->reason, line->reason_len);
        t->last_discover = index + 1;
        t->last_discover_us = line->time_us;
        break;
    case DHCPLOG_OFFER:
        if (!cur->has_round_start) {
            cur->round_start_us = line->time_us;
            cur->has_round_start = true;
        }
        cur->offers += n;
        cur->offered_ip = line->ip;
        break;
    case DHCPLOG_REQUEST:
        cur->requests += n;
        cur->requested_ip = line->ip;
        cur->request_server = line->server;
        if (line->reason != NULL)
            copy_reason(cur->request_reason, &cur->has_request_reason, line->reason,
                        line->reason_len);
        break;
    case DHCPLOG_ACK:
        if (cur->acks == 0) {
            cur->ack_us = line->time_us;
            settled = true;
            if (text_set(t, &ms->ack, text, len) != 0)
                return -1;
        }
        cur->acks += n;
        cur->acked_ip = line->ip;
        break;
    case DHCPLOG_NAK:
        cur->naks += n;
        cur->nak_us = line->time_us;
        settled = true;
        break;
    default:
        break;
    }
    if (push_evidence(t, ms, text, len) != 0)
        return -1;
    if (settled && t->settled != NULL)
        t->settled(t->settled_ctx, ms);
    return 0;
}

/* A dhcpd line without a MAC that says why no OFFER went out ("network X:
 * no free leases", "unknown network segment", "No subnet declaration
 * ..."). dhcpd writes such a line right after the DISCOVER it concerns, so
 * it is attached to the client of the latest DISCOVER when it comes at
 * most DHCPLOG_REASON_WINDOW_US later, names the same interface or relay
 * (or none), and that client has had no OFFER in its current attempt. */
static int reason_line(struct dhcplog_tracker *t, const struct dhcplog_line *line, const char *text,
                       size_t len)
{
    if (t->last_discover == 0)
        return 0;
    struct dhcplog_mac_state *ms = t->states[t->last_discover - 1];
    struct dhcplog_attempt *cur = &ms->cur;
    int64_t dt = line->time_us - t->last_discover_us;
    if (dt < 0 || dt > DHCPLOG_REASON_WINDOW_US || cur->offers > 0 || cur->has_reason)
        return 0;
    if (line->via[0] != '\0' && strcmp(line->via, cur->via) != 0)
        return 0;
    copy_reason(cur->reason, &cur->has_reason, line->reason, line->reason_len);
    cur->server = line->program;
    return push_evidence(t, ms, text, len);
}

/* dhcpd started: open attempts without an answer may have lost it. */
static void restarted(struct dhcplog_tracker *t, int64_t time_us)
{
    t->stats.restarts++;
    for (size_t i = 0; i < t->count; i++) {
        struct dhcplog_attempt *cur = &t->states[i]->cur;
        if (cur->open && cur->acks == 0 && cur->naks == 0 &&
            time_us - cur->last_us <= DHCPLOG_ATTEMPT_GAP_US)
            cur->restarted = true;
    }
}

int dhcplog_tracker_line(struct dhcplog_tracker *t, const char *text, size_t len)
{
    return dhcplog_tracker_line_at(t, text, len, NO_OFFSET);
}

int dhcplog_tracker_line_at(struct dhcplog_tracker *t, const char *text, size_t len,
                            uint64_t offset)
{
    t->offset = offset;
    t->stats.lines++;
    if (len == 0)
        return 0;
    struct dhcplog_line line;
    enum dhcplog_kind kind = dhcplog_line_parse(&t->clock, text, len, &line);
    if (kind == DHCPLOG_MALFORMED) {
        t->stats.malformed++;
        return 0;
    }
    if (kind == DHCPLOG_OTHER) {
        t->stats.other++;
        return 0;
    }
    t->stats.dhcpd_lines++;
    if (t->options.have_since && line.time_us < t->options.since_us) {
        t->stats.before_since++;
        return 0;
    }
    /* A restart shows as the start banner, or as a new pid without one. */
    if (kind == DHCPLOG_START) {
        t->banner_pid = line.pid;
        if (t->seen_dhcpd)
            restarted(t, line.time_us);
    } else if (line.pid >= 0 && t->last_pid >= 0 && line.pid != t->last_pid &&
               line.pid != t->banner_pid) {
        restarted(t, line.time_us);
        t->banner_pid = line.pid;
    }
    t->seen_dhcpd = true;
    if (line.pid >= 0)
        t->last_pid = line.pid;
    switch (kind) {
    case DHCPLOG_DISCOVER:
    case DHCPLOG_OFFER:
    case DHCPLOG_REQUEST:
    case DHCPLOG_ACK:
    case DHCPLOG_NAK:
    case DHCPLOG_DECLINE:
    case DHCPLOG_RELEASE:
        return handshake_line(t, &line, text, len);
    case DHCPLOG_REASON:
        return reason_line(t, &line, text, len);
    default:
        return 0;
    }
}

struct dhcplog_tracker *dhcplog_tracker_new(const struct dhcplog_options *options,
                                            struct pr_error *err)
{
    struct dhcplog_tracker *t = calloc(1, sizeof *t);
    if (t == NULL || table_grow(t) != 0) {
        free(t);
        pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
        return NULL;
    }
    t->options = *options;
    t->last_pid = -1;
    t->banner_pid = -1;
    dhcplog_clock_init(&t->clock, options->now_us != 0 ? options->now_us : dhcplog_time_now());
    if (options->have_mac) {
        size_t index;
        if (state_for(t, options->mac, &index) == NULL) {
            dhcplog_tracker_free(t);
            pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
            return NULL;
        }
    }
    return t;
}

void dhcplog_tracker_free(struct dhcplog_tracker *t)
{
    if (t == NULL)
        return;
    for (size_t i = 0; i < t->count; i++) {
        struct dhcplog_mac_state *ms = t->states[i];
        text_free(&ms->first);
        text_free(&ms->ack);
        text_free(&ms->prev_first);
        text_free(&ms->prev_ack);
        for (size_t r = 0; r < DHCPLOG_EVIDENCE_RING; r++)
            text_free(&ms->ring[r]);
        free(ms);
    }
    free(t->states);
    free(t->table);
    free(t);
}

void dhcplog_tracker_on_settled(struct dhcplog_tracker *t, dhcplog_settled_fn fn, void *ctx)
{
    t->settled = fn;
    t->settled_ctx = ctx;
}

void dhcplog_tracker_overlong(struct dhcplog_tracker *t)
{
    t->stats.lines++;
    t->stats.overlong++;
}

const struct dhcplog_stats *dhcplog_tracker_stats(const struct dhcplog_tracker *t)
{
    return &t->stats;
}

size_t dhcplog_tracker_count(const struct dhcplog_tracker *t)
{
    return t->count;
}

const struct dhcplog_mac_state *dhcplog_tracker_get(const struct dhcplog_tracker *t, size_t index)
{
    return index < t->count ? t->states[index] : NULL;
}
