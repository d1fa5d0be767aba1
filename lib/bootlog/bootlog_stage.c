/* SPDX-License-Identifier: BSD-3-Clause */
#include "bootlog/bootlog_stage.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

const char *const bootlog_program_names[] = {"dhcpd", "dnsmasq", "Kea", "tftpd-hpa", "http"};

/* Whether the lowercased name holds word (names are short: a plain scan). */
static bool has(const char *lower, const char *word)
{
    for (const char *p = strchr(lower, word[0]); p != NULL; p = strchr(p + 1, word[0])) {
        size_t k = 1;
        while (word[k] != '\0' && p[k] == word[k])
            k++;
        if (word[k] == '\0')
            return true;
    }
    return false;
}

static bool ends_with(const char *lower, size_t n, const char *suffix)
{
    size_t k = strlen(suffix);
    return n >= k && memcmp(lower + n - k, suffix, k) == 0;
}

enum bootlog_stage bootlog_file_stage(const char *name, size_t len)
{
    /* The last path component decides, lowercased (its first 63 bytes,
     * and its last ones for the suffix). */
    size_t base = len;
    while (base > 0 && name[base - 1] != '/')
        base--;
    char b[64];
    size_t n = len - base;
    const char *src = name + base;
    if (n >= sizeof b) {
        src += n - (sizeof b - 1);
        n = sizeof b - 1;
    }
    for (size_t i = 0; i < n; i++)
        b[i] = (char)tolower((unsigned char)src[i]);
    b[n] = '\0';
    static const char *const preseed[] = {"preseed",     ".seed",     "kickstart", "ks.cfg",
                                          "autoinstall", "user-data", "autoyast",  ".ks"};
    for (size_t i = 0; i < sizeof preseed / sizeof preseed[0]; i++) {
        if (has(b, preseed[i]))
            return BOOTLOG_STAGE_PRESEED;
    }
    if (has(b, "initrd") || has(b, "initramfs"))
        return BOOTLOG_STAGE_INITRD;
    if (has(b, "vmlinu") || has(b, "bzimage") || has(b, "kernel") || (strncmp(b, "linux", 5) == 0))
        return BOOTLOG_STAGE_KERNEL;
    static const char *const programs[] = {".0",   ".kpxe", ".kkpxe", ".pxe", ".efi",
                                           ".c32", ".lkrn", ".com",   ".n12"};
    for (size_t i = 0; i < sizeof programs / sizeof programs[0]; i++) {
        if (ends_with(b, n, programs[i]))
            return BOOTLOG_STAGE_BOOT_FILE;
    }
    return BOOTLOG_STAGE_SCRIPT;
}

static bool is_dhcp(const struct bootlog_event *e)
{
    return e->kind <= BOOTLOG_EV_NAK;
}

static bool fetch_ok(const struct bootlog_event *e)
{
    switch (e->kind) {
    case BOOTLOG_EV_TFTP_REQUEST:
    case BOOTLOG_EV_TFTP_SENT:
        return true;
    case BOOTLOG_EV_HTTP:
        return e->status < 400;
    default:
        return false;
    }
}

static struct bootlog_boot *new_boot(struct bootlog_client *c)
{
    struct bootlog_boot *boots = realloc(c->boots, (c->n_boots + 1) * sizeof *boots);
    if (boots == NULL)
        return NULL;
    c->boots = boots;
    struct bootlog_boot *b = &boots[c->n_boots++];
    memset(b, 0, sizeof *b);
    b->failed_stage = BOOTLOG_STAGE_NONE;
    return b;
}

static struct bootlog_row *new_row(struct bootlog_boot *b)
{
    if (b->n_rows == b->cap_rows) {
        size_t cap = b->cap_rows ? b->cap_rows * 2 : 8;
        struct bootlog_row *rows = realloc(b->rows, cap * sizeof *rows);
        if (rows == NULL)
            return NULL;
        b->rows = rows;
        b->cap_rows = cap;
    }
    struct bootlog_row *r = &b->rows[b->n_rows++];
    memset(r, 0, sizeof *r);
    return r;
}

/* The stage a new DHCP round belongs to after the boot reached cur:
 * NONE means the round starts a new boot. */
static enum bootlog_stage next_dhcp_stage(enum bootlog_stage cur)
{
    switch (cur) {
    case BOOTLOG_STAGE_NONE:
        return BOOTLOG_STAGE_FIRMWARE_DHCP;
    case BOOTLOG_STAGE_BOOT_FILE:
    case BOOTLOG_STAGE_IPXE_DHCP:
    case BOOTLOG_STAGE_SCRIPT:
        return BOOTLOG_STAGE_IPXE_DHCP;
    case BOOTLOG_STAGE_KERNEL:
    case BOOTLOG_STAGE_INITRD:
        return BOOTLOG_STAGE_INSTALLER_DHCP;
    default: /* a second firmware lease, or one after the install: a new boot */
        return BOOTLOG_STAGE_NONE;
    }
}

struct walker {
    struct bootlog_client *c;
    struct bootlog_boot *boot;
    enum bootlog_stage cur;    /* the furthest stage this boot reached */
    struct bootlog_row *round; /* the DHCP round still open (no ACK yet), or NULL */
    const struct bootlog_event *boot_file;
};

static int start_boot(struct walker *w)
{
    w->boot = new_boot(w->c);
    w->cur = BOOTLOG_STAGE_NONE;
    w->round = NULL;
    w->boot_file = NULL;
    return w->boot != NULL ? 0 : -1;
}

static void round_add(struct bootlog_row *r, const struct bootlog_event *e, size_t i)
{
    r->last = i;
    r->end_us = e->time_us;
    switch (e->kind) {
    case BOOTLOG_EV_DISCOVER:
        r->discovers++;
        break;
    case BOOTLOG_EV_OFFER:
        r->offers++;
        if (r->ip == 0)
            r->ip = e->ip;
        break;
    case BOOTLOG_EV_REQUEST:
        r->requests++;
        break;
    case BOOTLOG_EV_ACK:
        r->acks++;
        r->ip = e->ip;
        r->complete = true;
        break;
    case BOOTLOG_EV_NAK:
        r->naks++;
        break;
    }
}

static int dhcp_event(struct walker *w, const struct bootlog_event *e, size_t i)
{
    struct bootlog_row *open = w->round;
    if (open != NULL && !open->complete && e->time_us - open->end_us <= BOOTLOG_ROUND_GAP_US) {
        round_add(open, e, i);
        return 0;
    }
    /* An OFFER, ACK or NAK with no round of its own belongs to the last
     * one (a renewal's REQUEST/ACK after a complete round starts a round). */
    if (e->kind != BOOTLOG_EV_DISCOVER && e->kind != BOOTLOG_EV_REQUEST && open != NULL) {
        round_add(open, e, i);
        return 0;
    }
    enum bootlog_stage stage = next_dhcp_stage(w->cur);
    if (open != NULL && !open->complete)
        stage = BOOTLOG_STAGE_NONE; /* a round given up long ago: the client booted again */
    if (stage == BOOTLOG_STAGE_NONE || w->boot == NULL) {
        if (start_boot(w) != 0)
            return -1;
        stage = BOOTLOG_STAGE_FIRMWARE_DHCP;
    }
    struct bootlog_row *r = new_row(w->boot);
    if (r == NULL)
        return -1;
    r->dhcp = true;
    r->stage = stage;
    r->first = i;
    r->start_us = e->time_us;
    round_add(r, e, i);
    w->round = r;
    w->cur = stage;
    return 0;
}

static bool same_name(const struct bootlog_event *a, const struct bootlog_event *b)
{
    return a->file_len == b->file_len && memcmp(a->file, b->file, a->file_len) == 0;
}

/* The boot file asked for again after the boot went past it: the client
 * booted again, and the DHCP round just before was its firmware's. */
static int rebooted(struct walker *w)
{
    struct bootlog_boot *old = w->boot;
    bool round_last = old->n_rows > 0 && old->rows[old->n_rows - 1].dhcp;
    struct bootlog_row moved;
    if (round_last)
        moved = old->rows[--old->n_rows];
    if (start_boot(w) != 0)
        return -1;
    if (round_last) {
        struct bootlog_row *r = new_row(w->boot);
        if (r == NULL)
            return -1;
        *r = moved;
        r->stage = BOOTLOG_STAGE_FIRMWARE_DHCP;
        w->cur = BOOTLOG_STAGE_FIRMWARE_DHCP;
    }
    return 0;
}

static int fetch_event(struct walker *w, const struct bootlog_event *e, size_t i)
{
    if (w->boot == NULL && start_boot(w) != 0)
        return -1;
    enum bootlog_stage named = e->named != 0 ? (enum bootlog_stage)(e->named - 1)
                                             : bootlog_file_stage(e->file, e->file_len);
    enum bootlog_stage stage;
    if (w->cur == BOOTLOG_STAGE_NONE || w->cur == BOOTLOG_STAGE_FIRMWARE_DHCP) {
        stage = BOOTLOG_STAGE_BOOT_FILE; /* whatever the firmware fetches first */
    } else if (named == BOOTLOG_STAGE_BOOT_FILE && w->boot_file != NULL &&
               same_name(e, w->boot_file) && w->cur > BOOTLOG_STAGE_IPXE_DHCP) {
        if (rebooted(w) != 0)
            return -1;
        stage = BOOTLOG_STAGE_BOOT_FILE;
    } else if (named == BOOTLOG_STAGE_BOOT_FILE && w->cur == BOOTLOG_STAGE_BOOT_FILE) {
        stage = BOOTLOG_STAGE_BOOT_FILE; /* its modules (ldlinux.c32), or a retry */
    } else if (named == BOOTLOG_STAGE_BOOT_FILE) {
        stage = BOOTLOG_STAGE_SCRIPT; /* iPXE loading another program: a step of its script */
    } else {
        stage = named;
    }
    struct bootlog_row *r = new_row(w->boot);
    if (r == NULL)
        return -1;
    r->stage = stage;
    r->first = r->last = i;
    r->start_us = r->end_us = e->time_us;
    r->fetch = e;
    r->ok = fetch_ok(e);
    if (stage == BOOTLOG_STAGE_BOOT_FILE && w->boot_file == NULL)
        w->boot_file = e;
    if (stage > w->cur || w->cur == BOOTLOG_STAGE_NONE)
        w->cur = stage;
    w->round = NULL;
    return 0;
}

/* The verdict of a boot from the stages it reached. */
static void judge(struct bootlog_boot *b, const struct bootlog_logs *logs)
{
    const struct bootlog_row *last[BOOTLOG_STAGE_COUNT] = {0};
    const struct bootlog_row *failed_fetch = NULL;
    for (size_t i = 0; i < b->n_rows; i++) {
        const struct bootlog_row *r = &b->rows[i];
        last[r->stage] = r;
    }
    /* A script, kernel or initrd whose last try failed. */
    for (int s = BOOTLOG_STAGE_SCRIPT; s <= BOOTLOG_STAGE_INITRD; s++) {
        if (last[s] != NULL && !last[s]->ok && failed_fetch == NULL)
            failed_fetch = last[s];
    }
    const struct bootlog_row *end = b->n_rows > 0 ? &b->rows[b->n_rows - 1] : NULL;
    const struct bootlog_row *fw = last[BOOTLOG_STAGE_FIRMWARE_DHCP];
    const struct bootlog_row *bf = last[BOOTLOG_STAGE_BOOT_FILE];
    const struct bootlog_row *ipxe = last[BOOTLOG_STAGE_IPXE_DHCP];
    b->renew_us = -1;
    b->round_us = -1;
    if (bf != NULL && ipxe != NULL && ipxe->complete) {
        b->renew_us = ipxe->end_us - bf->end_us;
        b->round_us = ipxe->end_us - ipxe->start_us;
    }
    enum bootlog_verdict v;
    const struct bootlog_row *culprit = NULL;
    if (end != NULL && end->dhcp && !end->complete) {
        culprit = end;
        v = end->stage == BOOTLOG_STAGE_FIRMWARE_DHCP ? BOOTLOG_NO_LEASE
            : end->stage == BOOTLOG_STAGE_IPXE_DHCP   ? BOOTLOG_RENEW_FAILED
                                                      : BOOTLOG_INSTALLER_DHCP_FAILED;
    } else if (last[BOOTLOG_STAGE_PRESEED] != NULL) {
        culprit = last[BOOTLOG_STAGE_PRESEED];
        v = culprit->ok ? BOOTLOG_COMPLETE : BOOTLOG_PRESEED_FAILED;
    } else if (last[BOOTLOG_STAGE_INSTALLER_DHCP] != NULL) {
        culprit = last[BOOTLOG_STAGE_INSTALLER_DHCP];
        v = BOOTLOG_COMPLETE;
    } else if (failed_fetch != NULL) {
        culprit = failed_fetch;
        v = BOOTLOG_HTTP_FAILED;
    } else if (last[BOOTLOG_STAGE_KERNEL] != NULL || last[BOOTLOG_STAGE_INITRD] != NULL) {
        culprit = last[BOOTLOG_STAGE_INITRD] != NULL ? last[BOOTLOG_STAGE_INITRD]
                                                     : last[BOOTLOG_STAGE_KERNEL];
        v = BOOTLOG_INSTALLER_DHCP_FAILED;
    } else if (last[BOOTLOG_STAGE_SCRIPT] != NULL) {
        culprit = last[BOOTLOG_STAGE_SCRIPT];
        v = BOOTLOG_SCRIPT_LAST; /* the script came, nothing fetched after it */
    } else if (ipxe != NULL) {
        culprit = ipxe;
        v = logs->http ? BOOTLOG_HTTP_FAILED : BOOTLOG_NEEDS_HTTP_LOG;
    } else if (bf != NULL) {
        culprit = bf;
        v = bf->ok                                         ? BOOTLOG_RENEW_FAILED
            : bf->fetch->kind == BOOTLOG_EV_TFTP_NOT_FOUND ? BOOTLOG_TFTP_NOT_FOUND
            : bf->fetch->kind == BOOTLOG_EV_HTTP           ? BOOTLOG_HTTP_FAILED
                                                           : BOOTLOG_TFTP_FAILED;
    } else {
        culprit = fw;
        v = logs->tftp ? BOOTLOG_TFTP_TIMEOUT : BOOTLOG_LEASE_ONLY;
    }
    if (v == BOOTLOG_COMPLETE && b->renew_us >= BOOTLOG_SLOW_US)
        v = BOOTLOG_SLOW_RENEW;
    b->verdict = v;
    b->culprit = culprit;
    if (bootlog_verdict_severity(v) == 2 && culprit != NULL) {
        b->failed_stage = culprit->stage;
        /* What did not follow is the stage that failed. */
        if (v == BOOTLOG_TFTP_TIMEOUT)
            b->failed_stage = BOOTLOG_STAGE_BOOT_FILE;
        else if (v == BOOTLOG_RENEW_FAILED)
            b->failed_stage = BOOTLOG_STAGE_IPXE_DHCP;
        else if (v == BOOTLOG_INSTALLER_DHCP_FAILED)
            b->failed_stage = BOOTLOG_STAGE_INSTALLER_DHCP;
        else if (v == BOOTLOG_HTTP_FAILED && (culprit->dhcp || culprit->ok))
            b->failed_stage = culprit->stage == BOOTLOG_STAGE_IPXE_DHCP ? BOOTLOG_STAGE_SCRIPT
                                                                        : BOOTLOG_STAGE_KERNEL;
    }
}

int bootlog_client_judge(struct bootlog_client *c, const struct bootlog_logs *logs)
{
    struct walker w = {.c = c, .cur = BOOTLOG_STAGE_NONE};
    for (size_t i = 0; i < c->n_events; i++) {
        const struct bootlog_event *e = c->events[i];
        if ((is_dhcp(e) ? dhcp_event(&w, e, i) : fetch_event(&w, e, i)) != 0)
            return -1;
    }
    for (size_t i = 0; i < c->n_boots; i++)
        judge(&c->boots[i], logs);
    return 0;
}

void bootlog_client_free(struct bootlog_client *c)
{
    for (size_t i = 0; i < c->n_boots; i++)
        free(c->boots[i].rows);
    free(c->boots);
    free(c->events);
    c->boots = NULL;
    c->events = NULL;
    c->n_boots = c->n_events = c->cap_events = 0;
}

enum bootlog_verdict bootlog_client_verdict(const struct bootlog_client *c)
{
    return c->n_boots > 0 ? c->boots[c->n_boots - 1].verdict : BOOTLOG_COMPLETE;
}
