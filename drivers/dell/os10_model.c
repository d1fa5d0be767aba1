/* SPDX-License-Identifier: BSD-3-Clause */
/* OS10 statement by statement: what each global and interface line sets.
 * Defaults are applied later, in os10_facts.c. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dell/os10.h"
#include "util/strutil.h"

#define OS10_MAX_IFACES 8192

static void set(struct os10_setting *s, int value, const struct cli_line *line)
{
    s->value = value;
    s->line = line;
}

static void clear(struct os10_setting *s)
{
    s->value = 0;
    s->line = NULL;
}

static int bad(const struct os10_model *m, const struct cli_line *line, const char *why,
               struct pr_error *err)
{
    return pr_error_set(err, PR_ERR_INPUT, "%s:%u: \"%.120s\": %s", m->text->origin, line->lineno,
                        line->text, why);
}

static bool starts(const char *name, const char *prefix)
{
    return strncasecmp(name, prefix, strlen(prefix)) == 0;
}

/* "ethernet1/1/1", "ethernet1/1/49:2" (unit/slot/port, an optional
 * breakout channel). */
static bool ethernet_name(const char *name)
{
    if (!starts(name, "ethernet"))
        return false;
    const char *p = name + 8;
    int a, b, c, n = 0;
    if (sscanf(p, "%d/%d/%d%n", &a, &b, &c, &n) != 3 || !isdigit((unsigned char)p[0]))
        return false;
    p += n;
    if (*p == ':') {
        p++;
        if (!isdigit((unsigned char)*p))
            return false;
        while (isdigit((unsigned char)*p))
            p++;
    }
    return *p == '\0';
}

static struct os10_iface *find_or_add(struct os10_model *m, const char *name,
                                      const struct cli_line *head, struct pr_error *err)
{
    for (size_t i = 0; i < m->n_ifaces; i++)
        if (strcasecmp(m->ifaces[i].name, name) == 0)
            return &m->ifaces[i];
    if (m->n_ifaces == OS10_MAX_IFACES) {
        bad(m, head, "more than 8192 interfaces", err);
        return NULL;
    }
    if (m->n_ifaces == m->cap_ifaces) {
        size_t cap = m->cap_ifaces ? m->cap_ifaces * 2 : 64;
        struct os10_iface *grown = realloc(m->ifaces, cap * sizeof *grown);
        if (grown == NULL) {
            pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
            return NULL;
        }
        m->ifaces = grown;
        m->cap_ifaces = cap;
    }
    struct os10_iface *ifc = &m->ifaces[m->n_ifaces++];
    memset(ifc, 0, sizeof *ifc);
    pr_strlcpy(ifc->name, name, sizeof ifc->name);
    ifc->head = head;
    if (ethernet_name(name)) {
        ifc->kind = OS10_ETHERNET;
    } else if (starts(name, "port-channel") && isdigit((unsigned char)name[12])) {
        ifc->kind = OS10_PORT_CHANNEL;
        ifc->channel_id = atoi(name + 12);
    } else {
        ifc->kind = OS10_OTHER;
    }
    return ifc;
}

static int vlan_id(const struct os10_model *m, const struct cli_stmt *s, size_t i,
                   struct os10_setting *out, struct pr_error *err)
{
    long long v;
    if (!cli_stmt_int(s, i, 1, 4093, &v))
        return bad(m, s->line, "not a VLAN number (1-4093)", err);
    set(out, (int)v, s->line);
    return 0;
}

static int switchport(const struct os10_model *m, struct os10_iface *ifc, const struct cli_stmt *s,
                      struct pr_error *err)
{
    size_t k;
    if (s->n == 1) {
        set(&ifc->routed, s->no ? 1 : 0, s->line);
        return 0;
    }
    if (cli_stmt_is(s, 1, "mode", &k)) {
        if (s->no)
            clear(&ifc->trunk);
        else if (k < s->n)
            set(&ifc->trunk, strcasecmp(s->w[k], "trunk") == 0, s->line);
        return 0;
    }
    if (cli_stmt_is(s, 1, "access vlan", &k)) {
        if (s->no) {
            clear(&ifc->access);
            return 0;
        }
        return vlan_id(m, s, k, &ifc->access, err);
    }
    return 0; /* trunk allowed vlan, ...: not a fact portready reads */
}

static int spanning_tree_if(struct os10_iface *ifc, const struct cli_stmt *s)
{
    size_t k;
    if (cli_stmt_is(s, 1, "port type", &k)) {
        bool edge = k < s->n && strcasecmp(s->w[k], "edge") == 0;
        if (s->no || !edge)
            clear(&ifc->edge);
        else
            set(&ifc->edge, 1, s->line);
    } else if (cli_stmt_is(s, 1, "disable", &k)) {
        if (s->no)
            clear(&ifc->stp_off);
        else
            set(&ifc->stp_off, 1, s->line);
    } else if (cli_stmt_is(s, 1, "bpduguard", &k)) {
        bool off = s->no || (k < s->n && strcasecmp(s->w[k], "disable") == 0);
        set(&ifc->bpduguard, off ? 0 : 1, s->line);
    }
    return 0;
}

static int channel_group(const struct os10_model *m, struct os10_iface *ifc,
                         const struct cli_stmt *s, struct pr_error *err)
{
    if (s->no) {
        clear(&ifc->channel);
        clear(&ifc->lacp_mode);
        return 0;
    }
    long long id;
    if (!cli_stmt_int(s, 1, 1, 999999, &id))
        return bad(m, s->line, "channel-group without a port-channel number", err);
    set(&ifc->channel, (int)id, s->line);
    size_t k;
    int mode = OS10_CHANNEL_ON;
    if (cli_stmt_is(s, 2, "mode", &k) && k < s->n)
        mode = strcasecmp(s->w[k], "active") == 0    ? OS10_CHANNEL_ACTIVE
               : strcasecmp(s->w[k], "passive") == 0 ? OS10_CHANNEL_PASSIVE
                                                     : OS10_CHANNEL_ON;
    set(&ifc->lacp_mode, mode, s->line);
    return 0;
}

static int lacp(const struct os10_model *m, struct os10_iface *ifc, const struct cli_stmt *s,
                struct pr_error *err)
{
    size_t k;
    if (cli_stmt_is(s, 1, "fallback enable", &k)) {
        set(&ifc->fallback, s->no ? 0 : 1, s->line);
    } else if (cli_stmt_is(s, 1, "fallback timeout", &k)) {
        long long v;
        if (s->no) {
            clear(&ifc->fb_timeout);
        } else {
            if (!cli_stmt_int(s, k, 0, 100, &v))
                return bad(m, s->line, "not a fallback timeout (0-100 s)", err);
            set(&ifc->fb_timeout, (int)v, s->line);
        }
    }
    return 0;
}

static int iface_stmt(const struct os10_model *m, struct os10_iface *ifc, const struct cli_stmt *s,
                      struct pr_error *err)
{
    if (s->n == 0)
        return 0;
    const char *w = s->w[0];
    if (strcasecmp(w, "shutdown") == 0) {
        set(&ifc->shutdown, s->no ? 0 : 1, s->line);
    } else if (strcasecmp(w, "switchport") == 0) {
        return switchport(m, ifc, s, err);
    } else if (strcasecmp(w, "spanning-tree") == 0) {
        return spanning_tree_if(ifc, s);
    } else if (strcasecmp(w, "channel-group") == 0) {
        return channel_group(m, ifc, s, err);
    } else if (strcasecmp(w, "lacp") == 0) {
        return lacp(m, ifc, s, err);
    } else if (strcasecmp(w, "speed") == 0) {
        int mbps = s->n > 1 ? cli_speed_mbps(s->w[1]) : 0;
        if (s->no || (s->n > 1 && strcasecmp(s->w[1], "auto") == 0))
            set(&ifc->speed, 0, s->line);
        else if (mbps > 0)
            set(&ifc->speed, mbps, s->line);
    } else if (strcasecmp(w, "description") == 0 && s->n > 1 && !s->no) {
        pr_strlcpy(ifc->alias, s->w[1], sizeof ifc->alias);
    }
    return 0;
}

static int timer(const struct os10_model *m, const struct cli_stmt *s, size_t i, long long lo,
                 long long hi, struct os10_setting *out, struct pr_error *err)
{
    long long v;
    if (s->no) {
        clear(out);
        return 0;
    }
    if (!cli_stmt_int(s, i, lo, hi, &v))
        return bad(m, s->line, "timer out of range", err);
    set(out, (int)v, s->line);
    return 0;
}

static int global_stp(struct os10_model *m, const struct cli_stmt *s, struct pr_error *err)
{
    size_t k;
    if (cli_stmt_is(s, 1, "mode", &k)) {
        if (s->no) {
            clear(&m->mode);
            return 0;
        }
        const char *w = k < s->n ? s->w[k] : "";
        int mode = strcasecmp(w, "rstp") == 0         ? PR_MODE_RSTP
                   : strcasecmp(w, "mst") == 0        ? PR_MODE_MSTP
                   : strcasecmp(w, "rapid-pvst") == 0 ? PR_MODE_RAPID_PVST
                                                      : -1;
        if (mode < 0)
            return bad(m, s->line, "not a spanning-tree mode OS10 has (rstp, mst, rapid-pvst)",
                       err);
        set(&m->mode, mode, s->line);
    } else if (s->n == 2 && cli_stmt_is(s, 1, "disable", &k)) {
        set(&m->stp, s->no ? 1 : 0, s->line);
    } else if (cli_stmt_is(s, 1, "rstp forward-time", &k) ||
               cli_stmt_is(s, 1, "mst forward-time", &k)) {
        return timer(m, s, k, 4, 30, &m->fwd, err);
    } else if (cli_stmt_is(s, 1, "rstp max-age", &k) || cli_stmt_is(s, 1, "mst max-age", &k)) {
        return timer(m, s, k, 6, 40, &m->age, err);
    }
    return 0;
}

/* "interface ethernet1/1/1" or "interface ethernet 1/1/1": the words
 * after `interface` joined. false for `interface range`. */
static bool iface_name(const struct cli_stmt *s, char *name, size_t len)
{
    if (s->n < 2 || strcasecmp(s->w[1], "range") == 0)
        return false;
    name[0] = '\0';
    for (size_t i = 1; i < s->n && i < 3; i++)
        pr_strlcatf(name, len, "%s", s->w[i]);
    return true;
}

int os10_model_build(struct cli_text *text, struct os10_model **out, struct pr_error *err)
{
    struct os10_model *m = calloc(1, sizeof *m);
    if (m == NULL) {
        cli_text_free(text);
        return pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
    }
    m->text = text;
    struct os10_iface *cur = NULL;
    int rc = 0;
    for (size_t i = 0; i < text->n_lines && rc == 0; i++) {
        const struct cli_line *line = &text->lines[i];
        struct cli_stmt s;
        cli_stmt_init(&s, line);
        if (line->indent > 0) {
            if (cur != NULL)
                rc = iface_stmt(m, cur, &s, err);
            continue;
        }
        cur = NULL;
        if (s.n == 0)
            continue;
        char name[40];
        if (!s.no && strcasecmp(s.w[0], "interface") == 0 && iface_name(&s, name, sizeof name)) {
            cur = find_or_add(m, name, line, err);
            if (cur == NULL)
                rc = -1;
        } else if (strcasecmp(s.w[0], "spanning-tree") == 0) {
            rc = global_stp(m, &s, err);
        }
    }
    if (rc != 0) {
        os10_model_free(m);
        return -1;
    }
    *out = m;
    return 0;
}

void os10_model_free(struct os10_model *m)
{
    if (m == NULL)
        return;
    cli_text_free(m->text);
    free(m->ifaces);
    free(m);
}

const struct os10_iface *os10_find(const struct os10_model *m, const char *name)
{
    for (size_t i = 0; m != NULL && i < m->n_ifaces; i++)
        if (strcasecmp(m->ifaces[i].name, name) == 0)
            return &m->ifaces[i];
    return NULL;
}

const struct os10_iface *os10_channel_of(const struct os10_model *m, const struct os10_iface *ifc)
{
    if (m == NULL || ifc == NULL || ifc->channel.line == NULL)
        return NULL;
    for (size_t i = 0; i < m->n_ifaces; i++)
        if (m->ifaces[i].kind == OS10_PORT_CHANNEL && m->ifaces[i].channel_id == ifc->channel.value)
            return &m->ifaces[i];
    return NULL;
}

/* An OS10 text: the `! Version 10.x` header OS10 writes first, or
 * interfaces named as only OS10 names them (ethernet1/1/1 without a
 * blank, mgmt1/1/1). */
int os10_detect(const char *text, size_t len, char *evidence, size_t evidence_len)
{
    size_t limit = len < 65536 ? len : 65536;
    int score = 0, ethernet = 0;
    char first[120] = "";
    for (size_t pos = 0; pos < limit;) {
        const char *start = text + pos;
        const char *nl = memchr(start, '\n', limit - pos);
        size_t n = nl ? (size_t)(nl - start) : limit - pos;
        pos += nl ? n + 1 : n;
        char line[128];
        size_t k = n < sizeof line - 1 ? n : sizeof line - 1;
        memcpy(line, start, k);
        line[k] = '\0';
        if (k > 0 && line[k - 1] == '\r')
            line[--k] = '\0';
        if (strncmp(line, "! Version 10.", 13) == 0) {
            score += 60;
            if (first[0] == '\0')
                pr_strlcpy(first, line, sizeof first);
        } else if (strncmp(line, "interface ethernet", 18) == 0 && ethernet_name(line + 10)) {
            if (ethernet++ == 0 && first[0] == '\0')
                pr_strlcpy(first, line, sizeof first);
        } else if (strncmp(line, "interface mgmt1/1/1", 19) == 0) {
            score += 20;
        }
    }
    score += ethernet >= 2 ? 30 : ethernet * 10;
    if (score < 30)
        score = 0;
    if (evidence != NULL && evidence_len > 0)
        pr_strlcpy(evidence, score > 0 ? first : "", evidence_len);
    return score;
}
