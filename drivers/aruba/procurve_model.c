/* SPDX-License-Identifier: BSD-3-Clause */
/* ArubaOS-Switch command by command: what each global, interface and VLAN
 * line sets, replayed in order. Defaults are applied in
 * procurve_facts.c. */
#include <ctype.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "aruba/procurve.h"
#include "util/strutil.h"

/* The most names one port list may stand for. */
#define MAX_LIST 1024

static void set(struct pc_setting *s, int value, const struct cli_line *line)
{
    s->value = value;
    s->line = line;
}

static void clear(struct pc_setting *s)
{
    s->value = 0;
    s->line = NULL;
}

static int bad(const struct procurve_model *m, const struct cli_line *line, const char *why,
               struct pr_error *err)
{
    return pr_error_set(err, PR_ERR_INPUT, "%s:%u: \"%.120s\": %s", m->text->origin, line->lineno,
                        line->text, why);
}

/* One name of a port list: prefix ("", "A", "1/", "Trk") and number. */
struct pc_name {
    char prefix[8];
    long number;
    bool trunk;
};

static bool split_name(const char *s, size_t len, struct pc_name *out)
{
    size_t i = 0;
    if (len > 3 && strncasecmp(s, "trk", 3) == 0) {
        out->trunk = true;
        pr_strlcpy(out->prefix, "Trk", sizeof out->prefix);
        i = 3;
    } else {
        out->trunk = false;
        size_t p = 0;
        while (i < len && isalpha((unsigned char)s[i]) && p < 3)
            out->prefix[p++] = (char)toupper((unsigned char)s[i++]);
        if (p == 0) {
            /* A stack member: "1/" */
            size_t k = i;
            while (k < len && isdigit((unsigned char)s[k]))
                k++;
            if (k < len && s[k] == '/' && k - i <= 2) {
                memcpy(out->prefix, s + i, k - i + 1);
                p = k - i + 1;
                i = k + 1;
            }
        }
        out->prefix[p] = '\0';
    }
    if (i >= len)
        return false;
    long n = 0;
    for (; i < len; i++) {
        if (!isdigit((unsigned char)s[i]) || n > 9999)
            return false;
        n = n * 10 + (s[i] - '0');
    }
    out->number = n;
    return n > 0 || (out->prefix[0] != '\0' && !out->trunk);
}

/* "1-34,36-48" -> names (canonical spelling: "A1", "Trk1", "1/10"). */
static int port_list(const char *text, char (*names)[16], size_t max, size_t *n)
{
    *n = 0;
    const char *p = text;
    while (*p != '\0') {
        size_t len = strcspn(p, ",");
        const char *dash = memchr(p, '-', len);
        struct pc_name lo, hi;
        if (dash == NULL) {
            if (!split_name(p, len, &lo))
                return -1;
            hi = lo;
        } else if (!split_name(p, (size_t)(dash - p), &lo) ||
                   !split_name(dash + 1, len - (size_t)(dash - p) - 1, &hi) ||
                   strcmp(lo.prefix, hi.prefix) != 0 || hi.number < lo.number) {
            return -1;
        }
        for (long v = lo.number; v <= hi.number; v++) {
            if (*n >= max)
                return -1;
            snprintf(names[*n], sizeof names[0], "%s%ld", lo.prefix, v);
            (*n)++;
        }
        p += len;
        if (*p == ',')
            p++;
    }
    return *n > 0 ? 0 : -1;
}

/* Whether text is a port list (without keeping the names). */
static bool is_port_list(const char *text)
{
    char(*names)[16] = malloc(MAX_LIST * sizeof *names);
    size_t n;
    bool ok = names != NULL && port_list(text, names, MAX_LIST, &n) == 0;
    free(names);
    return ok;
}

static const char *name_of(const void *item)
{
    return ((const struct pc_if *)item)->name;
}

static int grow(struct procurve_model *m, struct pr_error *err)
{
    size_t cap = m->cap_ifs ? m->cap_ifs * 2 : 64;
    struct pc_if *grown = realloc(m->ifs, cap * sizeof *grown);
    if (grown == NULL)
        return pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
    m->ifs = grown;
    m->names.stride = sizeof *m->ifs;
    m->names.name_of = name_of;
    if (cli_names_resize(&m->names, cap, m->ifs, m->n_ifs, err) != 0)
        return -1;
    m->cap_ifs = cap;
    return 0;
}

static struct pc_if *find_or_add(struct procurve_model *m, const char *name, struct pr_error *err)
{
    size_t known = cli_names_find(&m->names, m->ifs, name);
    if (known != CLI_NAMES_NONE)
        return &m->ifs[known];
    if (m->n_ifs == m->cap_ifs && grow(m, err) != 0)
        return NULL;
    struct pc_if *pif = &m->ifs[m->n_ifs++];
    memset(pif, 0, sizeof *pif);
    pr_strlcpy(pif->name, name, sizeof pif->name);
    if (strncmp(name, "Trk", 3) == 0) {
        pif->kind = PC_TRUNK;
        pif->trk = atoi(name + 3);
    } else {
        pif->kind = PC_PORT;
    }
    cli_names_put(&m->names, m->ifs, m->n_ifs - 1);
    return pif;
}

/* The entries a port list names, as indexes (adding may move the array). */
static int resolve(struct procurve_model *m, const struct cli_line *line, const char *list,
                   size_t *idx, size_t *n, struct pr_error *err)
{
    char names[MAX_LIST][16];
    if (port_list(list, names, MAX_LIST, n) != 0)
        return bad(m, line, "not a port list (e.g. 1-24,A1,Trk1)", err);
    for (size_t i = 0; i < *n; i++) {
        struct pc_if *pif = find_or_add(m, names[i], err);
        if (pif == NULL)
            return -1;
        idx[i] = (size_t)(pif - m->ifs);
    }
    return 0;
}

bool procurve_tagged(const struct pc_if *pif, int v)
{
    return v > 0 && v < 4095 && (pif->tagged[v / 64] >> (v % 64) & 1u) != 0;
}

static void set_tagged(struct pc_if *pif, int v, bool on)
{
    if (on)
        pif->tagged[v / 64] |= (uint64_t)1 << (v % 64);
    else
        pif->tagged[v / 64] &= ~((uint64_t)1 << (v % 64));
}

/* `untagged L` / `tagged L` in VLAN v (or `untagged vlan v` on a port). */
static void member(struct pc_if *pif, int v, bool tagged, bool no, const struct cli_line *line)
{
    if (!tagged) {
        if (no) {
            if (pif->untagged.line != NULL && pif->untagged.value == v)
                clear(&pif->untagged);
        } else {
            /* A port is untagged in one VLAN only: this one replaces it. */
            set(&pif->untagged, v, line);
            set_tagged(pif, v, false);
        }
        return;
    }
    set_tagged(pif, v, !no);
    if (!no) {
        pif->tagged_line = line;
        if (pif->untagged.line != NULL && pif->untagged.value == v)
            clear(&pif->untagged);
    }
}

/* Per-port spanning-tree options from word `at` on. */
static void stp_options(struct pc_if *pif, const struct cli_stmt *s, size_t at)
{
    for (size_t i = at; i < s->n; i++) {
        if (strcasecmp(s->w[i], "admin-edge-port") == 0) {
            if (s->no)
                clear(&pif->admin_edge);
            else
                set(&pif->admin_edge, 1, s->line);
        } else if (strcasecmp(s->w[i], "auto-edge-port") == 0) {
            set(&pif->auto_edge, !s->no, s->line);
        } else if (strcasecmp(s->w[i], "bpdu-protection") == 0) {
            if (s->no)
                clear(&pif->bpdu_prot);
            else
                set(&pif->bpdu_prot, 1, s->line);
        } else if (strcasecmp(s->w[i], "bpdu-filter") == 0) {
            if (s->no)
                clear(&pif->bpdu_filter);
            else
                set(&pif->bpdu_filter, 1, s->line);
        }
    }
}

/* An interface-context command (or the tail of `interface L CMD`), words
 * from `at` on. */
static int if_cmd(struct procurve_model *m, struct pc_if *pif, const struct cli_stmt *s, size_t at,
                  struct pr_error *err)
{
    size_t i;
    long long v;
    if (cli_stmt_is(s, at, "disable", &i) && i == s->n) {
        set(&pif->disable, !s->no, s->line);
    } else if (cli_stmt_is(s, at, "enable", &i) && i == s->n) {
        set(&pif->disable, s->no, s->line);
    } else if (cli_stmt_is(s, at, "speed-duplex", &i)) {
        if (s->no || i >= s->n) {
            clear(&pif->speed);
            clear(&pif->speed_auto);
        } else if (strncasecmp(s->w[i], "auto", 4) == 0) {
            set(&pif->speed, 0, s->line);
            set(&pif->speed_auto, cli_speed_mbps(s->w[i]), s->line);
        } else {
            int mbps = cli_speed_mbps(s->w[i]);
            if (mbps > 0) {
                set(&pif->speed, mbps, s->line);
                clear(&pif->speed_auto);
            }
        }
    } else if (cli_stmt_is(s, at, "lacp", &i)) {
        if (s->no)
            set(&pif->lacp, 0, s->line);
        else if (cli_stmt_is(s, i, "active", NULL))
            set(&pif->lacp, 1, s->line);
        else if (cli_stmt_is(s, i, "passive", NULL))
            set(&pif->lacp, 2, s->line);
    } else if (cli_stmt_is(s, at, "untagged vlan", &i) || cli_stmt_is(s, at, "tagged vlan", &i)) {
        if (!cli_stmt_int(s, i, 1, 4094, &v))
            return bad(m, s->line, "not a VLAN number (1-4094)", err);
        member(pif, (int)v, s->w[at][0] == 't' || s->w[at][0] == 'T', s->no, s->line);
    } else if (cli_stmt_is(s, at, "spanning-tree", &i)) {
        stp_options(pif, s, i);
    } else if (cli_stmt_is(s, at, "name", &i)) {
        pr_strlcpy(pif->alias, !s->no && i < s->n ? s->w[i] : "", sizeof pif->alias);
    }
    return 0;
}

static int vlan_cmd(struct procurve_model *m, int v, const struct cli_stmt *s, size_t at,
                    struct pr_error *err)
{
    size_t i;
    bool tagged = cli_stmt_is(s, at, "tagged", &i);
    if (!tagged && !cli_stmt_is(s, at, "untagged", &i))
        return 0;
    if (i >= s->n)
        return bad(m, s->line, "no port list", err);
    size_t idx[MAX_LIST];
    size_t n;
    if (resolve(m, s->line, s->w[i], idx, &n, err) != 0)
        return -1;
    for (size_t k = 0; k < n; k++)
        member(&m->ifs[idx[k]], v, tagged, s->no, s->line);
    return 0;
}

static int stp_global(struct procurve_model *m, const struct cli_stmt *s, struct pr_error *err)
{
    size_t i;
    long long v;
    const struct cli_line *line = s->line;
    if (s->n == 1 || (s->n == 2 && strcasecmp(s->w[1], "enable") == 0)) {
        set(&m->stp, !s->no, line);
    } else if (s->n == 2 && strcasecmp(s->w[1], "disable") == 0) {
        set(&m->stp, 0, line);
    } else if (cli_stmt_is(s, 1, "force-version", &i)) {
        if (s->no)
            clear(&m->force);
        else if (cli_stmt_is(s, i, "stp-compatible", NULL))
            set(&m->force, PC_FV_STP, line);
        else if (cli_stmt_is(s, i, "rstp-operation", NULL))
            set(&m->force, PC_FV_RSTP, line);
        else if (cli_stmt_is(s, i, "mstp-operation", NULL))
            set(&m->force, PC_FV_MSTP, line);
        else
            return bad(m, line,
                       "unknown force-version (stp-compatible, rstp-operation, mstp-operation)",
                       err);
    } else if (cli_stmt_is(s, 1, "mode", &i)) {
        if (s->no)
            clear(&m->mode);
        else if (cli_stmt_is(s, i, "mstp", NULL))
            set(&m->mode, PR_MODE_MSTP, line);
        else if (cli_stmt_is(s, i, "rapid-pvst", NULL))
            set(&m->mode, PR_MODE_RAPID_PVST, line);
        else
            return bad(m, line, "unknown spanning-tree mode (mstp, rapid-pvst)", err);
    } else if (cli_stmt_is(s, 1, "legacy-mode", &i) && i == s->n) {
        if (s->no)
            clear(&m->legacy);
        else
            set(&m->legacy, 1, line);
    } else if (cli_stmt_is(s, 1, "forward-delay", &i)) {
        if (s->no)
            clear(&m->forward_delay);
        else if (!cli_stmt_int(s, i, 4, 30, &v))
            return bad(m, line, "forward delay out of range (4-30 s)", err);
        else
            set(&m->forward_delay, (int)v, line);
    } else if (cli_stmt_is(s, 1, "maximum-age", &i) || cli_stmt_is(s, 1, "max-age", &i)) {
        if (s->no)
            clear(&m->max_age);
        else if (!cli_stmt_int(s, i, 6, 40, &v))
            return bad(m, line, "maximum age out of range (6-40 s)", err);
        else
            set(&m->max_age, (int)v, line);
    } else if (cli_stmt_is(s, 1, "vlan", &i)) {
        bool marks[4095] = {false};
        if (i >= s->n || !cli_vlan_list(s->w[i], false, marks))
            return bad(m, line, "not a VLAN list (e.g. 1-10,20)", err);
        bool off = s->no ? i + 1 == s->n || cli_stmt_is(s, i + 1, "enable", NULL)
                         : cli_stmt_is(s, i + 1, "disable", NULL);
        bool on = s->no ? cli_stmt_is(s, i + 1, "disable", NULL)
                        : i + 1 == s->n || cli_stmt_is(s, i + 1, "enable", NULL);
        for (int k = 1; k < 4095; k++) {
            if (marks[k] && off)
                m->vlan_stp_off[k] = line;
            else if (marks[k] && on)
                m->vlan_stp_off[k] = NULL;
        }
    } else {
        /* spanning-tree [ethernet] PORTS option... (bridge-wide options
         * such as priority N or config-name are not port lists). */
        size_t at = cli_stmt_is(s, 1, "ethernet", NULL) ? 2 : 1;
        if (at >= s->n || at + 1 >= s->n || !isalnum((unsigned char)s->w[at][0]))
            return 0;
        if (!is_port_list(s->w[at]))
            return 0;
        size_t idx[MAX_LIST], n;
        if (resolve(m, line, s->w[at], idx, &n, err) != 0)
            return -1;
        for (size_t k = 0; k < n; k++)
            stp_options(&m->ifs[idx[k]], s, at + 1);
    }
    return 0;
}

static int trunk_cmd(struct procurve_model *m, const struct cli_stmt *s, struct pr_error *err)
{
    size_t idx[MAX_LIST];
    size_t n;
    if (s->n < 2)
        return bad(m, s->line, "no port list", err);
    if (resolve(m, s->line, s->w[1], idx, &n, err) != 0)
        return -1;
    if (s->no) {
        for (size_t k = 0; k < n; k++) {
            clear(&m->ifs[idx[k]].member);
            clear(&m->ifs[idx[k]].trunk_type);
        }
        return 0;
    }
    if (s->n < 3 || strncasecmp(s->w[2], "trk", 3) != 0)
        return bad(m, s->line, "expected a trunk name (trk1 ...) after the ports", err);
    long long id;
    if (!pr_parse_int(s->w[2] + 3, 1, 512, &id))
        return bad(m, s->line, "not a trunk name (trk1 ...)", err);
    int type = PC_TRUNK_PLAIN;
    if (s->n > 3) {
        if (strcasecmp(s->w[3], "lacp") == 0)
            type = PC_TRUNK_LACP;
        else if (strcasecmp(s->w[3], "dt-lacp") == 0)
            type = PC_TRUNK_DT_LACP;
        else if (strcasecmp(s->w[3], "dt-trunk") == 0)
            type = PC_TRUNK_DT_PLAIN;
        else if (strcasecmp(s->w[3], "trunk") != 0)
            return bad(m, s->line, "unknown trunk type (trunk, lacp, dt-lacp, dt-trunk)", err);
    }
    char name[16];
    snprintf(name, sizeof name, "Trk%lld", id);
    if (find_or_add(m, name, err) == NULL)
        return -1;
    for (size_t k = 0; k < n; k++) {
        struct pc_if *pif = &m->ifs[idx[k]];
        if (pif->kind != PC_PORT)
            return bad(m, s->line, "a trunk cannot be a trunk's member", err);
        set(&pif->member, (int)id, s->line);
        set(&pif->trunk_type, type, s->line);
    }
    return 0;
}

/* A top-level line and, for a context (interface, vlan), its indented
 * lines lines[1..n-1]. */
static int block(struct procurve_model *m, const struct cli_line *lines, size_t n,
                 struct pr_error *err)
{
    struct cli_stmt s;
    cli_stmt_init(&s, &lines[0]);
    size_t idx[MAX_LIST];
    size_t n_idx;
    long long v;
    if (cli_stmt_is(&s, 0, "interface", NULL) && !s.no && s.n >= 2) {
        if (resolve(m, s.line, s.w[1], idx, &n_idx, err) != 0)
            return -1;
        for (size_t k = 0; k < n_idx; k++) {
            if (s.n > 2 && if_cmd(m, &m->ifs[idx[k]], &s, 2, err) != 0)
                return -1;
            for (size_t j = 1; j < n; j++) {
                struct cli_stmt c;
                cli_stmt_init(&c, &lines[j]);
                if (if_cmd(m, &m->ifs[idx[k]], &c, 0, err) != 0)
                    return -1;
            }
        }
        return 0;
    }
    if (cli_stmt_is(&s, 0, "vlan", NULL) && s.n >= 2) {
        if (!pr_parse_int(s.w[1], 1, 4094, &v))
            return bad(m, s.line, "not a VLAN number (1-4094)", err);
        m->vlan_defined[v] = !s.no;
        if (s.no)
            return 0;
        if (s.n > 2 && vlan_cmd(m, (int)v, &s, 2, err) != 0)
            return -1;
        for (size_t j = 1; j < n; j++) {
            struct cli_stmt c;
            cli_stmt_init(&c, &lines[j]);
            if (vlan_cmd(m, (int)v, &c, 0, err) != 0)
                return -1;
        }
        return 0;
    }
    if (cli_stmt_is(&s, 0, "trunk", NULL))
        return trunk_cmd(m, &s, err);
    if (cli_stmt_is(&s, 0, "spanning-tree", NULL))
        return stp_global(m, &s, err);
    return 0;
}

int procurve_model_build(struct cli_text *text, struct procurve_model **out, struct pr_error *err)
{
    *out = NULL;
    struct procurve_model *m = calloc(1, sizeof *m);
    if (m == NULL) {
        cli_text_free(text);
        return pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
    }
    m->text = text;
    size_t i = 0;
    while (i < text->n_lines) {
        size_t end = i + 1;
        while (end < text->n_lines && text->lines[end].indent > 0)
            end++;
        if (text->lines[i].indent == 0 && block(m, &text->lines[i], end - i, err) != 0) {
            procurve_model_free(m);
            return -1;
        }
        i = end;
    }
    *out = m;
    return 0;
}

void procurve_model_free(struct procurve_model *m)
{
    if (m == NULL)
        return;
    cli_text_free(m->text);
    free(m->ifs);
    cli_names_free(&m->names);
    free(m);
}

const struct pc_if *procurve_find(const struct procurve_model *m, const char *name)
{
    size_t k = cli_names_find(&m->names, m->ifs, name);
    return k != CLI_NAMES_NONE ? &m->ifs[k] : NULL;
}

const struct pc_if *procurve_trunk_of(const struct procurve_model *m, const struct pc_if *port)
{
    if (port->member.line == NULL)
        return NULL;
    char name[16];
    snprintf(name, sizeof name, "Trk%d", port->member.value);
    return procurve_find(m, name);
}
