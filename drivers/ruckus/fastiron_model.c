/* SPDX-License-Identifier: BSD-3-Clause */
/* FastIron command by command: what each global, VLAN, interface and LAG
 * line sets, replayed in order. Defaults are applied in fastiron_facts.c.
 *
 * A block ends at the `!` line FastIron writes after it; the line reader
 * drops comments, so an indented line that does not follow the previous
 * line directly belongs to no block (a capture whose header line was
 * removed, as Oxidized's sanitizing does to a `vlan` line). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ruckus/fastiron.h"
#include "util/strutil.h"

/* The most ports one configuration may name, and one list expand to. */
#define MAX_PORTS 4096
#define MAX_LIST  1024

static void set(struct fi_setting *s, int value, const struct cli_line *line)
{
    s->value = value;
    s->line = line;
}

static void clear(struct fi_setting *s)
{
    s->value = 0;
    s->line = NULL;
}

static int bad(const struct fastiron_model *m, const struct cli_line *line, const char *why,
               struct pr_error *err)
{
    return pr_error_set(err, PR_ERR_INPUT, "%s:%u: \"%.120s\": %s", m->text->origin, line->lineno,
                        line->text, why);
}

/* The next blank-separated word of *p (cut to fit w); false at the end. */
static bool next_word(const char **p, char *w, size_t len)
{
    const char *s = *p;
    while (*s == ' ' || *s == '\t')
        s++;
    if (*s == '\0') {
        *p = s;
        return false;
    }
    size_t n = 0;
    while (*s != '\0' && *s != ' ' && *s != '\t') {
        if (n + 1 < len)
            w[n++] = *s;
        s++;
    }
    w[n] = '\0';
    *p = s;
    return true;
}

/* "1/1/1", "1/1", "24": up to three numbers below 1000 joined by '/'. The
 * last number goes to *last, the rest (with its '/') to prefix. */
static bool port_word(const char *w, char *prefix, size_t prefix_len, long *last)
{
    int parts = 0;
    const char *p = w;
    const char *last_start = w;
    while (*p != '\0') {
        if (!isdigit((unsigned char)*p))
            return false;
        long v = 0;
        int digits = 0;
        last_start = p;
        while (isdigit((unsigned char)*p)) {
            v = v * 10 + (*p - '0');
            p++;
            if (++digits > 3)
                return false;
        }
        parts++;
        *last = v;
        if (*p == '/')
            p++;
        else if (*p != '\0')
            return false;
        if (*p == '\0' && p[-1] == '/')
            return false;
    }
    if (parts == 0 || parts > 3 || (size_t)(last_start - w) >= prefix_len)
        return false;
    memcpy(prefix, w, (size_t)(last_start - w));
    prefix[last_start - w] = '\0';
    return true;
}

static struct fi_port *find_port(struct fastiron_model *m, const char *name)
{
    for (size_t i = 0; i < m->n_ports; i++) {
        if (strcmp(m->ports[i].name, name) == 0)
            return &m->ports[i];
    }
    return NULL;
}

const struct fi_port *fastiron_find(const struct fastiron_model *m, const char *name)
{
    return find_port((struct fastiron_model *)m, name);
}

static struct fi_port *add_port(struct fastiron_model *m, const char *name,
                                const struct cli_line *line, struct pr_error *err)
{
    struct fi_port *p = find_port(m, name);
    if (p != NULL)
        return p;
    if (m->n_ports >= MAX_PORTS) {
        bad(m, line, "more than 4096 ports", err);
        return NULL;
    }
    if (m->n_ports == m->cap_ports) {
        size_t cap = m->cap_ports ? m->cap_ports * 2 : 64;
        struct fi_port *grown = realloc(m->ports, cap * sizeof *grown);
        if (grown == NULL) {
            pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
            return NULL;
        }
        m->ports = grown;
        m->cap_ports = cap;
    }
    p = &m->ports[m->n_ports++];
    memset(p, 0, sizeof *p);
    pr_strlcpy(p->name, name, sizeof p->name);
    return p;
}

static struct fi_lag *lag_by_id(struct fastiron_model *m, long id)
{
    for (size_t i = 0; i < m->n_lags; i++) {
        if (m->lags[i].id == id)
            return &m->lags[i];
    }
    return NULL;
}

/* A port list from *p on ("ethe 1/1/1 to 1/1/4 ethe 1/2/1 lag 100"): the
 * indexes of the ports it names into idx. Ports are added as named. */
static int port_list(struct fastiron_model *m, const struct cli_line *line, const char *p,
                     size_t *idx, size_t *n, struct pr_error *err)
{
    *n = 0;
    char w[64];
    while (next_word(&p, w, sizeof w)) {
        if (strcasecmp(w, "lag") == 0) {
            char id[16];
            char *end;
            long v = next_word(&p, id, sizeof id) ? strtol(id, &end, 10) : -1;
            if (v < 0 || *end != '\0')
                return bad(m, line, "lag without a LAG id", err);
            const struct fi_lag *lag = lag_by_id(m, v);
            for (size_t i = 0; lag != NULL && i < m->n_ports; i++) {
                const struct fi_port *q = &m->ports[i];
                if (q->lag.line != NULL && &m->lags[q->lag.value - 1] == lag && *n < MAX_LIST)
                    idx[(*n)++] = i;
            }
            continue;
        }
        if (strcasecmp(w, "ethe") != 0 && strcasecmp(w, "ethernet") != 0 && strcasecmp(w, "e") != 0)
            return bad(m, line, "not a port list (ethe U/S/P [to U/S/P] ..., lag N)", err);
        char lo_w[64], pre_lo[16], pre_hi[16];
        long lo, hi;
        if (!next_word(&p, lo_w, sizeof lo_w) || !port_word(lo_w, pre_lo, sizeof pre_lo, &lo))
            return bad(m, line, "not a port name (U/S/P)", err);
        hi = lo;
        const char *save = p;
        char to[8];
        if (next_word(&p, to, sizeof to) && strcasecmp(to, "to") == 0) {
            char hi_w[64];
            if (!next_word(&p, hi_w, sizeof hi_w) || !port_word(hi_w, pre_hi, sizeof pre_hi, &hi) ||
                strcmp(pre_lo, pre_hi) != 0 || hi < lo)
                return bad(m, line, "not a port range (U/S/P to U/S/Q)", err);
        } else {
            p = save;
        }
        for (long v = lo; v <= hi; v++) {
            if (*n >= MAX_LIST)
                return bad(m, line, "a port list of more than 1024 ports", err);
            char name[16];
            snprintf(name, sizeof name, "%s%ld", pre_lo, v);
            struct fi_port *port = add_port(m, name, line, err);
            if (port == NULL)
                return -1;
            idx[(*n)++] = (size_t)(port - m->ports);
        }
    }
    return 0;
}

/* The text after the first k words of line. */
static const char *after_words(const char *text, size_t k)
{
    const char *p = text;
    char w[64];
    for (size_t i = 0; i < k && next_word(&p, w, sizeof w); i++)
        ;
    return p;
}

bool fastiron_tagged(const struct fi_port *p, int v)
{
    return v > 0 && v < 4095 && (p->tagged[v / 64] >> (v % 64) & 1u) != 0;
}

static void set_tagged(struct fi_port *p, int v, bool on)
{
    if (on)
        p->tagged[v / 64] |= (uint64_t)1 << (v % 64);
    else
        p->tagged[v / 64] &= ~((uint64_t)1 << (v % 64));
}

enum ctx_kind { CTX_NONE, CTX_VLAN, CTX_IF, CTX_LAG, CTX_HEADLESS, CTX_OTHER };

struct ctx {
    enum ctx_kind kind;
    int vlan;
    size_t lag;
    size_t *ports; /* CTX_IF: the ports of the interface line */
    size_t n_ports;
    unsigned last_lineno;
};

/* `untagged LIST`, `tagged LIST` (and their `no`) in VLAN v; v 0: a block
 * without its header. */
static int membership(struct fastiron_model *m, const struct cli_stmt *s, const struct cli_line *l,
                      int v, bool tagged, size_t *idx, struct pr_error *err)
{
    size_t n;
    if (port_list(m, l, after_words(l->text, s->no ? 2 : 1), idx, &n, err) != 0)
        return -1;
    for (size_t k = 0; k < n; k++) {
        struct fi_port *p = &m->ports[idx[k]];
        if (v == 0) {
            if (!tagged && !s->no)
                set(&p->headless, 1, l);
        } else if (tagged) {
            set_tagged(p, v, !s->no);
            if (!s->no)
                p->tagged_line = l;
        } else if (s->no) {
            if (p->untagged.line != NULL && p->untagged.value == v)
                clear(&p->untagged);
        } else {
            set(&p->untagged, v, l);
        }
    }
    return 0;
}

static int vlan_cmd(struct fastiron_model *m, const struct cli_stmt *s, int v, size_t *idx,
                    struct pr_error *err)
{
    const struct cli_line *l = s->line;
    size_t i;
    if (cli_stmt_is(s, 0, "untagged", NULL) || cli_stmt_is(s, 0, "tagged", NULL))
        return membership(m, s, l, v, s->w[0][0] == 't' || s->w[0][0] == 'T', idx, err);
    if (v == 0) {
        /* `no spanning-tree` in a block without its vlan line: the
         * ports untagged in that block. */
        if (s->n == 1 && cli_stmt_is(s, 0, "spanning-tree", NULL)) {
            for (size_t k = 0; k < m->n_ports; k++) {
                struct fi_port *p = &m->ports[k];
                if (p->headless.line != NULL && p->headless.line->lineno >= m->headless_from)
                    set(&p->headless_stp, s->no ? FI_STP_OFF : FI_STP_8021D, l);
            }
        }
        return 0;
    }
    if (cli_stmt_is(s, 0, "router-interface", NULL)) {
        if (m->layer3 == NULL)
            m->layer3 = l;
    } else if (s->n == 1 && cli_stmt_is(s, 0, "spanning-tree", NULL)) {
        set(&m->vlan_stp[v], s->no ? FI_STP_OFF : FI_STP_8021D, l);
    } else if (s->n == 2 && cli_stmt_is(s, 0, "spanning-tree 802-1w", NULL)) {
        set(&m->vlan_stp[v], s->no ? FI_STP_OFF : FI_STP_8021W, l);
    } else if (cli_stmt_is(s, 0, "spanning-tree 802-1w", &i) && i < s->n &&
               strcasecmp(s->w[s->n - 1], "admin-edge-port") == 0 &&
               (strncasecmp(s->w[i], "ethe", 4) == 0 || strcasecmp(s->w[i], "e") == 0)) {
        /* spanning-tree 802-1w ethernet 1/1/1 admin-edge-port */
        size_t n;
        char list[256];
        pr_strlcpy(list, after_words(l->text, s->no ? 3 : 2), sizeof list);
        char *tail = strstr(list, "admin-edge-port");
        if (tail != NULL)
            *tail = '\0';
        if (port_list(m, l, list, idx, &n, err) != 0)
            return -1;
        for (size_t k = 0; k < n; k++) {
            if (s->no)
                clear(&m->ports[idx[k]].admin_edge);
            else
                set(&m->ports[idx[k]].admin_edge, 1, l);
        }
    }
    return 0;
}

static void if_cmd(struct fastiron_model *m, const struct cli_stmt *s, const struct ctx *c)
{
    const struct cli_line *l = s->line;
    for (size_t k = 0; k < c->n_ports; k++) {
        struct fi_port *p = &m->ports[c->ports[k]];
        if (s->n == 1 && cli_stmt_is(s, 0, "disable", NULL)) {
            set(&p->disable, !s->no, l);
        } else if (s->n == 1 && cli_stmt_is(s, 0, "enable", NULL)) {
            set(&p->disable, s->no, l);
        } else if (cli_stmt_is(s, 0, "speed-duplex", NULL)) {
            int mbps = s->n > 1 ? cli_speed_mbps(s->w[1]) : 0;
            if (s->no || (s->n > 1 && strncasecmp(s->w[1], "auto", 4) == 0))
                set(&p->speed, 0, l);
            else if (mbps > 0)
                set(&p->speed, mbps, l);
        } else if (cli_stmt_is(s, 0, "spanning-tree 802-1w admin-edge-port", NULL)) {
            if (s->no)
                clear(&p->admin_edge);
            else
                set(&p->admin_edge, 1, l);
        } else if (s->n == 1 && cli_stmt_is(s, 0, "spanning-tree", NULL)) {
            if (s->no)
                set(&p->stp_off, 1, l);
            else
                clear(&p->stp_off);
        } else if (cli_stmt_is(s, 0, "stp-bpdu-guard", NULL)) {
            if (s->no)
                clear(&p->bpdu_guard);
            else
                set(&p->bpdu_guard, 1, l);
        } else if (cli_stmt_is(s, 0, "dual-mode", NULL)) {
            long long v;
            if (s->no)
                clear(&p->dual_mode);
            else
                set(&p->dual_mode, cli_stmt_int(s, 1, 1, 4094, &v) ? (int)v : 1, l);
        } else if (cli_stmt_is(s, 0, "port-name", NULL)) {
            pr_strlcpy(p->alias, s->no ? "" : after_words(l->text, 1), sizeof p->alias);
            char *a = p->alias;
            while (*a == ' ')
                memmove(a, a + 1, strlen(a));
        }
    }
}

static int lag_cmd(struct fastiron_model *m, const struct cli_stmt *s, size_t lag, size_t *idx,
                   struct pr_error *err)
{
    const struct cli_line *l = s->line;
    size_t n;
    if (cli_stmt_is(s, 0, "ports", NULL)) {
        if (port_list(m, l, after_words(l->text, s->no ? 2 : 1), idx, &n, err) != 0)
            return -1;
        for (size_t k = 0; k < n; k++) {
            struct fi_port *p = &m->ports[idx[k]];
            if (s->no) {
                if (p->lag.line != NULL && (size_t)p->lag.value == lag + 1)
                    clear(&p->lag);
            } else {
                set(&p->lag, (int)lag + 1, l);
            }
        }
    } else if (cli_stmt_is(s, 0, "force-up", NULL)) {
        if (port_list(m, l, after_words(l->text, s->no ? 2 : 1), idx, &n, err) != 0)
            return -1;
        for (size_t k = 0; k < n; k++) {
            if (s->no)
                clear(&m->ports[idx[k]].force_up);
            else
                set(&m->ports[idx[k]].force_up, (int)lag + 1, l);
        }
    }
    return 0;
}

static int stp_value(const struct cli_stmt *s)
{
    if (s->no)
        return FI_STP_OFF;
    return s->n >= 3 && strcasecmp(s->w[2], "802-1w") == 0 ? FI_STP_8021W : FI_STP_8021D;
}

/* A top-level line: a global setting, or the header of a block. */
static int top_cmd(struct fastiron_model *m, const struct cli_stmt *s, struct ctx *c, size_t *idx,
                   struct pr_error *err)
{
    const struct cli_line *l = s->line;
    long long v;
    c->kind = CTX_OTHER;
    c->n_ports = 0;
    if (cli_stmt_is(s, 0, "vlan", NULL) && !s->no) {
        if (!cli_stmt_int(s, 1, 1, 4094, &v))
            return bad(m, l, "not a VLAN number (1-4094)", err);
        c->kind = CTX_VLAN;
        c->vlan = (int)v;
        m->vlan_line[v] = l;
    } else if (cli_stmt_is(s, 0, "interface ethernet", NULL) && !s->no) {
        if (port_list(m, l, after_words(l->text, 1), idx, &c->n_ports, err) != 0)
            return -1;
        memcpy(c->ports, idx, c->n_ports * sizeof *idx);
        c->kind = CTX_IF;
    } else if (cli_stmt_is(s, 0, "interface ve", NULL)) {
        if (m->layer3 == NULL)
            m->layer3 = l;
    } else if (cli_stmt_is(s, 0, "lag", NULL) && !s->no && s->n >= 3) {
        enum fi_lag_type type = strcasecmp(s->w[2], "dynamic") == 0      ? FI_LAG_DYNAMIC
                                : strcasecmp(s->w[2], "keep-alive") == 0 ? FI_LAG_KEEPALIVE
                                : strcasecmp(s->w[2], "static") == 0     ? FI_LAG_STATIC
                                                                         : 0;
        if (type == 0)
            return bad(m, l, "not a LAG type (static, dynamic, keep-alive)", err);
        long id = -1;
        if (s->n >= 5 && strcasecmp(s->w[3], "id") == 0 && cli_stmt_int(s, 4, 0, 1 << 20, &v))
            id = (long)v;
        /* Entered again (a fix appended to the text): the same LAG. */
        for (size_t k = 0; k < m->n_lags; k++) {
            if (strcmp(m->lags[k].name, s->w[1]) == 0) {
                c->kind = CTX_LAG;
                c->lag = k;
                return 0;
            }
        }
        if (m->n_lags == m->cap_lags) {
            size_t cap = m->cap_lags ? m->cap_lags * 2 : 8;
            if (cap > 4096)
                return bad(m, l, "more than 4096 LAGs", err);
            struct fi_lag *grown = realloc(m->lags, cap * sizeof *grown);
            if (grown == NULL)
                return pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
            m->lags = grown;
            m->cap_lags = cap;
        }
        struct fi_lag *lag = &m->lags[m->n_lags];
        memset(lag, 0, sizeof *lag);
        pr_strlcpy(lag->name, s->w[1], sizeof lag->name);
        lag->id = id;
        lag->type = type;
        lag->line = l;
        c->kind = CTX_LAG;
        c->lag = m->n_lags++;
    } else if (cli_stmt_is(s, 0, "spanning-tree single", NULL)) {
        set(&m->single, stp_value(s), l);
    } else if (cli_stmt_is(s, 0, "spanning-tree", NULL) &&
               (s->n == 1 || (s->n == 2 && strcasecmp(s->w[1], "802-1w") == 0))) {
        set(&m->global, s->no ? FI_STP_OFF : s->n == 2 ? FI_STP_8021W : FI_STP_8021D, l);
    } else if (s->n == 1 && cli_stmt_is(s, 0, "global-stp", NULL)) {
        set(&m->global_stp, !s->no, l);
    } else if (cli_stmt_is(s, 0, "fast port-span exclude", NULL)) {
        size_t n;
        if (port_list(m, l, after_words(l->text, s->no ? 4 : 3), idx, &n, err) != 0)
            return -1;
        for (size_t k = 0; k < n; k++) {
            if (s->no)
                clear(&m->ports[idx[k]].fps_exclude);
            else
                set(&m->ports[idx[k]].fps_exclude, 1, l);
        }
    } else if (s->n == 2 && cli_stmt_is(s, 0, "fast port-span", NULL)) {
        set(&m->fast_span, !s->no, l);
    } else if (cli_stmt_is(s, 0, "default-vlan-id", NULL)) {
        if (!cli_stmt_int(s, 1, 1, 4094, &v))
            return bad(m, l, "not a VLAN number (1-4094)", err);
        set(&m->default_vlan, (int)v, l);
    } else if (cli_stmt_is(s, 0, "ip default-gateway", NULL)) {
        if (m->layer2 == NULL)
            m->layer2 = l;
    } else if (cli_stmt_is(s, 0, "ip routing", NULL) || cli_stmt_is(s, 0, "router", NULL)) {
        if (m->layer3 == NULL)
            m->layer3 = l;
    } else if (cli_stmt_is(s, 0, "ver", NULL) && s->n >= 2) {
        pr_strlcpy(m->version, s->w[1], sizeof m->version);
    }
    return 0;
}

static int replay(struct fastiron_model *m, struct pr_error *err)
{
    size_t *idx = malloc(MAX_LIST * sizeof *idx);
    size_t *ctx_ports = malloc(MAX_LIST * sizeof *ctx_ports);
    struct cli_stmt *s = malloc(sizeof *s);
    int rc = 0;
    if (idx == NULL || ctx_ports == NULL || s == NULL) {
        rc = pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
        goto out;
    }
    struct ctx c = {.kind = CTX_NONE, .ports = ctx_ports};
    for (size_t i = 0; i < m->text->n_lines && rc == 0; i++) {
        const struct cli_line *l = &m->text->lines[i];
        cli_stmt_init(s, l);
        if (s->n == 0)
            continue;
        if (l->indent == 0) {
            rc = top_cmd(m, s, &c, idx, err);
        } else {
            /* A `!` (or anything dropped) since the last line closed the
             * block: this one has lost its header. */
            if (l->lineno != c.last_lineno + 1) {
                c.kind = CTX_HEADLESS;
                m->headless_from = l->lineno;
            }
            switch (c.kind) {
            case CTX_VLAN:
                rc = vlan_cmd(m, s, c.vlan, idx, err);
                break;
            case CTX_HEADLESS:
                rc = vlan_cmd(m, s, 0, idx, err);
                break;
            case CTX_IF:
                if_cmd(m, s, &c);
                break;
            case CTX_LAG:
                rc = lag_cmd(m, s, c.lag, idx, err);
                break;
            default:
                break;
            }
        }
        c.last_lineno = l->lineno;
    }
out:
    free(idx);
    free(ctx_ports);
    free(s);
    return rc;
}

int fastiron_model_build(struct cli_text *text, struct fastiron_model **out, struct pr_error *err)
{
    *out = NULL;
    struct fastiron_model *m = calloc(1, sizeof *m);
    if (m == NULL) {
        cli_text_free(text);
        return pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
    }
    m->text = text;
    if (replay(m, err) != 0) {
        fastiron_model_free(m);
        return -1;
    }
    *out = m;
    return 0;
}

void fastiron_model_free(struct fastiron_model *m)
{
    if (m == NULL)
        return;
    cli_text_free(m->text);
    free(m->ports);
    free(m->lags);
    free(m);
}

const struct fi_lag *fastiron_lag_of(const struct fastiron_model *m, const struct fi_port *p)
{
    if (p->lag.line == NULL || p->lag.value < 1 || (size_t)p->lag.value > m->n_lags)
        return NULL;
    return &m->lags[p->lag.value - 1];
}

int fastiron_default_vlan(const struct fastiron_model *m)
{
    return m->default_vlan.line ? m->default_vlan.value : 1;
}

int fastiron_pvid(const struct fastiron_model *m, const struct fi_port *p)
{
    if (p->untagged.line != NULL)
        return p->untagged.value;
    if (p->headless.line != NULL)
        return 0;
    if (p->dual_mode.line != NULL)
        return p->dual_mode.value;
    return fastiron_default_vlan(m);
}

int fastiron_vlan_stp(const struct fastiron_model *m, int v, char *why, size_t why_len)
{
    const struct fi_setting *set_by = NULL;
    if (v > 0 && v < 4095 && m->vlan_stp[v].line != NULL && m->vlan_stp[v].value == FI_STP_OFF)
        set_by = &m->vlan_stp[v];
    else if (m->single.line != NULL)
        set_by = &m->single;
    else if (v > 0 && v < 4095 && m->vlan_stp[v].line != NULL)
        set_by = &m->vlan_stp[v];
    else if (m->global.line != NULL)
        set_by = &m->global;
    if (set_by != NULL) {
        snprintf(why, why_len, "%s (line %u)", set_by->line->text, set_by->line->lineno);
        return set_by->value;
    }
    if (m->layer3 != NULL) {
        snprintf(why, why_len,
                 "VLAN %d: no spanning-tree statement, and \"%s\" (line %u) marks a Layer 3 "
                 "image, where STP is off by default",
                 v, m->layer3->text, m->layer3->lineno);
        return FI_STP_OFF;
    }
    if (m->layer2 != NULL) {
        snprintf(why, why_len,
                 "VLAN %d: no spanning-tree statement, and \"%s\" (line %u) marks a Layer 2 "
                 "image, where 802.1D STP runs in every VLAN by default",
                 v, m->layer2->text, m->layer2->lineno);
        return FI_STP_8021D;
    }
    snprintf(why, why_len,
             "VLAN %d: no spanning-tree statement, and nothing says whether the image is "
             "Layer 2 (STP on by default) or Layer 3 (off by default)",
             v);
    return 0;
}

const struct fi_port *fastiron_force_up_port(const struct fastiron_model *m,
                                             const struct fi_lag *lag)
{
    const struct fi_port *first = NULL;
    for (size_t i = 0; i < m->n_ports; i++) {
        const struct fi_port *p = &m->ports[i];
        if (fastiron_lag_of(m, p) != lag)
            continue;
        if (p->force_up.line != NULL && p->force_up.value == p->lag.value)
            return p;
        if (first == NULL || cli_name_cmp(p->name, first->name) < 0)
            first = p;
    }
    return first;
}
