/* SPDX-License-Identifier: BSD-3-Clause */
#include "bootlog/bootlog_timeline.h"

#include <stdlib.h>
#include <string.h>

#include "bootlog/bootlog_fetch.h"
#include "dhcplog/dhcplog_line.h"

void bootlog_timeline_init(struct bootlog_timeline *t, int64_t now_us)
{
    memset(t, 0, sizeof *t);
    dhcplog_clock_init(&t->clock, now_us);
}

void bootlog_timeline_free(struct bootlog_timeline *t)
{
    for (size_t i = 0; i < t->n_clients; i++)
        bootlog_client_free(&t->clients[i]);
    free(t->clients);
    free(t->order);
    free(t->events);
    free(t->names);
    free(t->file_start);
    memset(t, 0, sizeof *t);
}

static int grow(void **p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return 0;
    size_t cap2 = *cap ? *cap : 1024;
    while (cap2 < need)
        cap2 *= 2;
    void *q = realloc(*p, cap2 * size);
    if (q == NULL)
        return -1;
    *p = q;
    *cap = cap2;
    return 0;
}

int bootlog_timeline_begin_file(struct bootlog_timeline *t)
{
    size_t *starts = realloc(t->file_start, (t->n_files + 1) * sizeof *starts);
    if (starts == NULL)
        return -1;
    t->file_start = starts;
    starts[t->n_files++] = t->n_events;
    t->line_no = 0;
    return 0;
}

static struct bootlog_event *add_event(struct bootlog_timeline *t)
{
    if (grow((void **)&t->events, &t->cap_events, t->n_events + 1, sizeof *t->events) != 0)
        return NULL;
    struct bootlog_event *e = &t->events[t->n_events++];
    memset(e, 0, sizeof *e);
    e->source = (uint16_t)(t->n_files > 0 ? t->n_files - 1 : 0);
    e->line = t->line_no;
    return e;
}

static uint8_t program_index(const char *program)
{
    for (uint8_t i = 0; i < 5; i++) {
        if (strcmp(bootlog_program_names[i], program) == 0)
            return i;
    }
    return 0;
}

static int add_fetch(struct bootlog_timeline *t, const struct bootlog_fetch *f)
{
    static const uint8_t kinds[] = {
        [BOOTLOG_FETCH_TFTP_REQUEST] = BOOTLOG_EV_TFTP_REQUEST,
        [BOOTLOG_FETCH_TFTP_SENT] = BOOTLOG_EV_TFTP_SENT,
        [BOOTLOG_FETCH_TFTP_NOT_FOUND] = BOOTLOG_EV_TFTP_NOT_FOUND,
        [BOOTLOG_FETCH_TFTP_FAILED] = BOOTLOG_EV_TFTP_FAILED,
        [BOOTLOG_FETCH_HTTP] = BOOTLOG_EV_HTTP,
    };
    size_t n = f->file_len > UINT16_MAX ? UINT16_MAX : f->file_len;
    if (grow((void **)&t->names, &t->cap_names, t->names_len + n, 1) != 0)
        return -1;
    struct bootlog_event *e = add_event(t);
    if (e == NULL)
        return -1;
    /* A name seen lately is kept once, and its stage with it. */
    for (unsigned i = 0; i < 4 && e->named == 0; i++) {
        if (t->recent[i].named != 0 && t->recent[i].len == n &&
            memcmp(t->names + t->recent[i].off, f->file, n) == 0) {
            e->file_off = t->recent[i].off;
            e->named = t->recent[i].named;
        }
    }
    if (e->named == 0) {
        memcpy(t->names + t->names_len, f->file, n);
        e->file_off = (uint32_t)t->names_len;
        e->named = (uint8_t)(bootlog_file_stage(f->file, n) + 1);
        t->names_len += n;
        unsigned slot = t->recent_next++ % 4;
        t->recent[slot].off = e->file_off;
        t->recent[slot].len = (uint16_t)n;
        t->recent[slot].named = e->named;
    }
    e->file_len = (uint16_t)n;
    e->time_us = f->time_us;
    e->ip = f->ip;
    e->status = (uint16_t)f->status;
    e->kind = kinds[f->kind];
    e->program = program_index(f->program);
    return 0;
}

static int add_dhcp(struct bootlog_timeline *t, const struct dhcplog_line *d)
{
    static const uint8_t kinds[] = {
        [DHCPLOG_DISCOVER] = BOOTLOG_EV_DISCOVER, [DHCPLOG_OFFER] = BOOTLOG_EV_OFFER,
        [DHCPLOG_REQUEST] = BOOTLOG_EV_REQUEST,   [DHCPLOG_ACK] = BOOTLOG_EV_ACK,
        [DHCPLOG_NAK] = BOOTLOG_EV_NAK,
    };
    struct bootlog_event *e = add_event(t);
    if (e == NULL)
        return -1;
    e->time_us = d->time_us;
    e->mac = d->mac;
    e->ip = d->ip;
    e->kind = kinds[d->kind];
    e->program = program_index(d->program);
    return 0;
}

/* A fetch line; 1 when the line is not one. */
static int fetch_line(struct bootlog_timeline *t, const char *line, size_t len)
{
    struct bootlog_fetch f;
    enum bootlog_fetch_kind k = BOOTLOG_FETCH_NONE;
    bool http = false;
    if (len > 7 && line[0] >= '0' && line[0] <= '9' &&
        (line[1] == '.' || line[2] == '.' || line[3] == '.')) {
        k = bootlog_http_parse(line, len, &f);
        http = true;
    } else if (bootlog_tftp_candidate(line, len)) {
        k = bootlog_tftp_parse(&t->clock, line, len, &f);
    }
    if (k == BOOTLOG_FETCH_NONE)
        return 1;
    if (http) {
        t->stats.http_lines++;
        t->logs.http = true;
    } else {
        t->stats.tftp_lines++;
        t->logs.tftp = true;
    }
    if (k == BOOTLOG_FETCH_MALFORMED)
        t->stats.malformed++;
    if (k == BOOTLOG_FETCH_MALFORMED || k == BOOTLOG_FETCH_NOISE)
        return 0;
    return add_fetch(t, &f);
}

int bootlog_timeline_line(void *ctx, const char *line, size_t len)
{
    struct bootlog_timeline *t = ctx;
    t->stats.lines++;
    t->line_no++;
    int rc = fetch_line(t, line, len);
    if (rc <= 0) {
        if (rc < 0)
            t->failed = 1;
        return rc;
    }
    struct dhcplog_line d;
    enum dhcplog_kind k = dhcplog_line_parse(&t->clock, line, len, &d);
    switch (k) {
    case DHCPLOG_MALFORMED:
        t->stats.malformed++;
        if (d.program != NULL)
            t->stats.dhcp_lines++;
        return 0;
    case DHCPLOG_OTHER:
        t->stats.other++;
        return 0;
    case DHCPLOG_DISCOVER:
    case DHCPLOG_OFFER:
    case DHCPLOG_REQUEST:
    case DHCPLOG_ACK:
    case DHCPLOG_NAK:
        t->stats.dhcp_lines++;
        if (add_dhcp(t, &d) != 0) {
            t->failed = 1;
            return -1;
        }
        return 0;
    default:
        t->stats.dhcp_lines++;
        return 0;
    }
}

void bootlog_timeline_overlong(void *ctx)
{
    struct bootlog_timeline *t = ctx;
    t->stats.lines++;
    t->line_no++;
    t->stats.overlong++;
}

/* At the same second in two files, the order a boot takes: a lease before
 * the fetch it allows, a fetch before the DISCOVER of the next stage. */
static int tie_rank(const struct bootlog_event *e)
{
    switch (e->kind) {
    case BOOTLOG_EV_DISCOVER:
        return 2;
    case BOOTLOG_EV_OFFER:
    case BOOTLOG_EV_REQUEST:
    case BOOTLOG_EV_ACK:
    case BOOTLOG_EV_NAK:
        return 0;
    default:
        return 1;
    }
}

/* Each file's events in their own order, the files merged by time. */
static int merge(struct bootlog_timeline *t)
{
    t->order = malloc((t->n_events ? t->n_events : 1) * sizeof *t->order);
    size_t *at = calloc(t->n_files ? t->n_files : 1, sizeof *at);
    if (t->order == NULL || at == NULL) {
        free(at);
        return -1;
    }
    for (size_t f = 0; f < t->n_files; f++)
        at[f] = t->file_start[f];
    for (size_t n = 0; n < t->n_events; n++) {
        size_t best = SIZE_MAX;
        for (size_t f = 0; f < t->n_files; f++) {
            size_t end = f + 1 < t->n_files ? t->file_start[f + 1] : t->n_events;
            if (at[f] >= end)
                continue;
            const struct bootlog_event *e = &t->events[at[f]];
            if (best == SIZE_MAX) {
                best = f;
                continue;
            }
            const struct bootlog_event *b = &t->events[at[best]];
            if (e->time_us < b->time_us || (e->time_us == b->time_us && tie_rank(e) < tie_rank(b)))
                best = f;
        }
        t->order[n] = &t->events[at[best]++];
    }
    free(at);
    return 0;
}

/* An open-addressing map from a 64-bit key to an index. */
struct map {
    uint64_t *keys;
    size_t *values;
    size_t cap, n;
};

static size_t slot(const struct map *m, uint64_t key)
{
    uint64_t h = key * 0x9e3779b97f4a7c15ULL;
    size_t i = (size_t)(h >> 20) & (m->cap - 1);
    while (m->values[i] != SIZE_MAX && m->keys[i] != key)
        i = (i + 1) & (m->cap - 1);
    return i;
}

static int map_put(struct map *m, uint64_t key, size_t value)
{
    if (2 * (m->n + 1) > m->cap) {
        struct map bigger = {.cap = m->cap ? m->cap * 2 : 256};
        bigger.keys = malloc(bigger.cap * sizeof *bigger.keys);
        bigger.values = malloc(bigger.cap * sizeof *bigger.values);
        if (bigger.keys == NULL || bigger.values == NULL) {
            free(bigger.keys);
            free(bigger.values);
            return -1;
        }
        for (size_t i = 0; i < bigger.cap; i++)
            bigger.values[i] = SIZE_MAX;
        for (size_t i = 0; i < m->cap; i++) {
            if (m->values[i] == SIZE_MAX)
                continue;
            size_t s = slot(&bigger, m->keys[i]);
            bigger.keys[s] = m->keys[i];
            bigger.values[s] = m->values[i];
            bigger.n++;
        }
        free(m->keys);
        free(m->values);
        *m = bigger;
    }
    size_t s = slot(m, key);
    if (m->values[s] == SIZE_MAX)
        m->n++;
    m->keys[s] = key;
    m->values[s] = value;
    return 0;
}

static size_t map_get(const struct map *m, uint64_t key)
{
    return m->cap == 0 ? SIZE_MAX : m->values[slot(m, key)];
}

static void map_free(struct map *m)
{
    free(m->keys);
    free(m->values);
}

#define UNJOINED_KEY (1ULL << 63) /* clients of fetches no ACK explains: the address */

static int client_add(struct bootlog_timeline *t, struct map *by_key, uint64_t key,
                      const struct bootlog_event *e)
{
    size_t i = map_get(by_key, key);
    if (i == SIZE_MAX) {
        if (grow((void **)&t->clients, &t->cap_clients, t->n_clients + 1, sizeof *t->clients) != 0)
            return -1;
        i = t->n_clients++;
        memset(&t->clients[i], 0, sizeof t->clients[i]);
        t->clients[i].mac = key & UNJOINED_KEY ? 0 : key;
        if (map_put(by_key, key, i) != 0)
            return -1;
    }
    struct bootlog_client *c = &t->clients[i];
    if (grow((void **)&c->events, &c->cap_events, c->n_events + 1, sizeof *c->events) != 0)
        return -1;
    c->events[c->n_events++] = e;
    if (e->kind == BOOTLOG_EV_ACK || (key & UNJOINED_KEY))
        c->ip = e->ip;
    return 0;
}

int bootlog_timeline_build(struct bootlog_timeline *t, struct pr_error *err)
{
    if (t->failed || merge(t) != 0)
        return pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
    for (size_t i = 0; i < t->n_events; i++)
        t->events[i].file =
            t->events[i].kind >= BOOTLOG_EV_TFTP_REQUEST ? t->names + t->events[i].file_off : NULL;
    struct map by_ip = {0}, by_key = {0};
    int rc = 0;
    for (size_t n = 0; rc == 0 && n < t->n_events; n++) {
        struct bootlog_event *e = (struct bootlog_event *)t->order[n];
        uint64_t key;
        if (e->kind <= BOOTLOG_EV_NAK) {
            key = e->mac;
            if (e->kind == BOOTLOG_EV_ACK && e->ip != 0)
                rc = map_put(&by_ip, e->ip, (size_t)e->mac);
        } else {
            size_t mac = map_get(&by_ip, e->ip);
            e->mac = mac != SIZE_MAX ? (uint64_t)mac : 0;
            key = e->mac != 0 ? e->mac : UNJOINED_KEY | e->ip;
            if (e->mac == 0)
                t->stats.unjoined++;
        }
        if (rc == 0)
            rc = client_add(t, &by_key, key, e);
    }
    for (size_t i = 0; rc == 0 && i < t->n_clients; i++)
        rc = bootlog_client_judge(&t->clients[i], &t->logs);
    map_free(&by_ip);
    map_free(&by_key);
    if (rc != 0)
        return pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
    return 0;
}
