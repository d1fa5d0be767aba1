/* SPDX-License-Identifier: BSD-3-Clause */
/* FASTPATH statement by statement, then the facts with the defaults the
 * sources state (docs/fastpath.md):
 *  - spanning tree runs unless `no spanning-tree`; its protocol is the
 *    `spanning-tree mode` (or the older `spanning-tree forceversion`); a
 *    file with neither leaves it unknown;
 *  - `spanning-tree edgeport` makes a port edge; under 802.1D and PVST a
 *    port without it is not edge (no edge detection there); under the
 *    rapid protocols whether FASTPATH detects edge ports by default is not
 *    in the sources, so it stays unknown;
 *  - a global `spanning-tree bpduguard` guards every edge port;
 *  - a member (`addport 1/N`) takes its spanning tree and VLANs from the
 *    LAG; `no port-channel static` makes the LAG LACP, `port-channel
 *    static` static; no LACP fallback statement is known;
 *  - a port without `shutdown` / `no shutdown` has an unknown admin state
 *    (the EFOS file writes `no shutdown` for the ports it enables). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "fastpath/fastpath.h"
#include "util/strutil.h"

static void set(struct fp_setting *s, int value, const struct cli_line *line)
{
    s->value = value;
    s->line = line;
}

static int bad(const struct fastpath_model *m, const struct cli_line *line, const char *why,
               struct pr_error *err)
{
    return pr_error_set(err, PR_ERR_INPUT, "%s:%u: \"%.120s\": %s", m->text->origin, line->lineno,
                        line->text, why);
}

/* "0/9", "1/10": unit/port, both numbers below 1000. */
static bool if_name(const char *w, int *unit, int *port)
{
    int n = 0;
    if (sscanf(w, "%d/%d%n", unit, port, &n) != 2 || w[n] != '\0' || !isdigit((unsigned char)*w))
        return false;
    return *unit >= 0 && *unit < 1000 && *port >= 0 && *port < 1000;
}

const struct fp_if *fastpath_find(const struct fastpath_model *m, const char *name)
{
    for (size_t i = 0; i < m->n_ifs; i++) {
        if (strcmp(m->ifs[i].name, name) == 0)
            return &m->ifs[i];
    }
    return NULL;
}

static struct fp_if *add_if(struct fastpath_model *m, const char *name, struct pr_error *err)
{
    struct fp_if *p = (struct fp_if *)fastpath_find(m, name);
    if (p != NULL)
        return p;
    if (m->n_ifs >= 4096) {
        pr_error_set(err, PR_ERR_INPUT, "%s: more than 4096 interfaces", m->text->origin);
        return NULL;
    }
    if (m->n_ifs == m->cap_ifs) {
        size_t cap = m->cap_ifs ? m->cap_ifs * 2 : 64;
        struct fp_if *grown = realloc(m->ifs, cap * sizeof *grown);
        if (grown == NULL) {
            pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
            return NULL;
        }
        m->ifs = grown;
        m->cap_ifs = cap;
    }
    p = &m->ifs[m->n_ifs++];
    memset(p, 0, sizeof *p);
    pr_strlcpy(p->name, name, sizeof p->name);
    return p;
}

static int mode_of(const char *w)
{
    static const struct {
        const char *word;
        int mode;
    } modes[] = {
        {"stp", PR_MODE_STP},    {"rstp", PR_MODE_RSTP},   {"mst", PR_MODE_MSTP},
        {"mstp", PR_MODE_MSTP},  {"pvst", PR_MODE_PVST},   {"rapid-pvst", PR_MODE_RAPID_PVST},
        {"802.1d", PR_MODE_STP}, {"802.1w", PR_MODE_RSTP}, {"802.1s", PR_MODE_MSTP},
    };
    for (size_t i = 0; i < sizeof modes / sizeof modes[0]; i++) {
        if (strcasecmp(w, modes[i].word) == 0)
            return modes[i].mode;
    }
    return -1;
}

static void if_cmd(struct fp_if *p, const struct cli_stmt *s)
{
    const struct cli_line *l = s->line;
    size_t i;
    long long v;
    if (s->n == 1 && cli_stmt_is(s, 0, "shutdown", NULL)) {
        set(&p->shutdown, !s->no, l);
    } else if (cli_stmt_is(s, 0, "spanning-tree edgeport", NULL)) {
        set(&p->edge, !s->no, l);
    } else if (cli_stmt_is(s, 0, "spanning-tree port mode", &i)) {
        set(&p->stp_off, s->no || (i < s->n && strcasecmp(s->w[i], "disable") == 0), l);
    } else if (cli_stmt_is(s, 0, "addport", &i) && !s->no) {
        set(&p->addport, 0, l); /* resolved to the LAG's index by the caller */
    } else if (cli_stmt_is(s, 0, "port-channel static", NULL)) {
        set(&p->lacp, s->no, l);
    } else if ((cli_stmt_is(s, 0, "vlan pvid", &i) ||
                cli_stmt_is(s, 0, "switchport access vlan", &i) ||
                cli_stmt_is(s, 0, "switchport trunk native vlan", &i) ||
                cli_stmt_is(s, 0, "switchport general pvid", &i)) &&
               !s->no && cli_stmt_int(s, i, 1, 4094, &v)) {
        set(&p->pvid, (int)v, l);
    } else if (cli_stmt_is(s, 0, "switchport mode", &i) && i < s->n) {
        int mode = strcasecmp(s->w[i], "access") == 0  ? 1
                   : strcasecmp(s->w[i], "trunk") == 0 ? 2
                                                       : 3;
        set(&p->mode, mode, l);
    } else if ((cli_stmt_is(s, 0, "vlan tagging", NULL) ||
                cli_stmt_is(s, 0, "switchport trunk allowed vlan", NULL)) &&
               !s->no) {
        p->tagged = l;
    } else if (cli_stmt_is(s, 0, "speed", &i) && i < s->n) {
        set(&p->speed, strcasecmp(s->w[i], "auto") == 0 ? 0 : cli_speed_mbps(s->w[i]), l);
    } else if (cli_stmt_is(s, 0, "description", &i) && i < s->n) {
        pr_strlcpy(p->alias, s->no ? "" : s->w[i], sizeof p->alias);
    }
}

static int replay(struct fastpath_model *m, struct pr_error *err)
{
    struct cli_stmt *s = malloc(sizeof *s);
    size_t *cur = malloc(1024 * sizeof *cur);
    if (s == NULL || cur == NULL) {
        free(s);
        free(cur);
        return pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
    }
    size_t n_cur = 0;
    int rc = 0;
    for (size_t k = 0; k < m->text->n_lines && rc == 0; k++) {
        const struct cli_line *l = &m->text->lines[k];
        cli_stmt_init(s, l);
        if (s->n == 0)
            continue;
        size_t i;
        int unit, port, unit2, port2;
        if (s->n == 1 && cli_stmt_is(s, 0, "exit", NULL)) {
            n_cur = 0;
        } else if (cli_stmt_is(s, 0, "interface", &i) && !s->no && i < s->n) {
            /* interface 0/9, or a range interface 0/1-0/8 */
            n_cur = 0;
            char a[32], b[32] = "";
            const char *dash = strchr(s->w[i], '-');
            if (dash != NULL) {
                snprintf(a, sizeof a, "%.*s", (int)(dash - s->w[i]), s->w[i]);
                pr_strlcpy(b, dash + 1, sizeof b);
            } else {
                pr_strlcpy(a, s->w[i], sizeof a);
            }
            if (!if_name(a, &unit, &port))
                continue; /* vlan N, loopback N, tunnel N: not a port */
            if (b[0] == '\0') {
                unit2 = unit;
                port2 = port;
            } else if (!if_name(b, &unit2, &port2) || unit2 != unit || port2 < port ||
                       port2 - port >= 1024) {
                rc = bad(m, l, "not an interface range (U/P-U/Q)", err);
                break;
            }
            for (int p = port; p <= port2; p++) {
                char name[16];
                snprintf(name, sizeof name, "%d/%d", unit, p);
                struct fp_if *f = add_if(m, name, err);
                if (f == NULL) {
                    rc = -1;
                    break;
                }
                cur[n_cur++] = (size_t)(f - m->ifs);
            }
        } else if (n_cur > 0) {
            for (size_t c = 0; c < n_cur; c++) {
                struct fp_if *f = &m->ifs[cur[c]];
                if_cmd(f, s);
                if (f->addport.line == l) {
                    if (!if_name(s->w[1], &unit, &port)) {
                        rc = bad(m, l, "not a LAG (addport U/P)", err);
                        break;
                    }
                    size_t at = (size_t)(f - m->ifs);
                    struct fp_if *lag = add_if(m, s->w[1], err);
                    if (lag == NULL) {
                        rc = -1;
                        break;
                    }
                    f = &m->ifs[at]; /* add_if may have moved the array */
                    lag->lag = true;
                    set(&f->addport, (int)(lag - m->ifs) + 1, l);
                }
            }
        } else if (cli_stmt_is(s, 0, "port-channel name", &i) && i < s->n) {
            if (!if_name(s->w[i], &unit, &port)) {
                rc = bad(m, l, "not a LAG (port-channel name U/P NAME)", err);
                break;
            }
            struct fp_if *lag = add_if(m, s->w[i], err);
            if (lag == NULL) {
                rc = -1;
                break;
            }
            lag->lag = true;
            pr_strlcpy(lag->lag_name, i + 1 < s->n ? s->w[i + 1] : s->w[i], sizeof lag->lag_name);
        } else if (cli_stmt_is(s, 0, "spanning-tree mode", &i) ||
                   cli_stmt_is(s, 0, "spanning-tree forceversion", &i)) {
            int mode = i < s->n ? mode_of(s->w[i]) : -1;
            if (mode < 0) {
                rc = bad(m, l, "not a spanning-tree mode (stp, rstp, mst, pvst, rapid-pvst)", err);
                break;
            }
            set(&m->mode, mode, l);
        } else if (s->n == 1 && cli_stmt_is(s, 0, "spanning-tree", NULL)) {
            set(&m->stp, !s->no, l);
        } else if (s->n == 2 && cli_stmt_is(s, 0, "spanning-tree bpduguard", NULL)) {
            set(&m->bpduguard, !s->no, l);
        } else if (cli_stmt_is(s, 0, "spanning-tree forward-time", &i)) {
            long long v;
            if (cli_stmt_int(s, i, 4, 30, &v))
                set(&m->fwd_delay, (int)v, l);
        }
    }
    free(s);
    free(cur);
    return rc;
}

int fastpath_model_build(struct cli_text *text, struct fastpath_model **out, struct pr_error *err)
{
    *out = NULL;
    struct fastpath_model *m = calloc(1, sizeof *m);
    if (m == NULL) {
        cli_text_free(text);
        return pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
    }
    m->text = text;
    if (replay(m, err) != 0) {
        fastpath_model_free(m);
        return -1;
    }
    *out = m;
    return 0;
}

void fastpath_model_free(struct fastpath_model *m)
{
    if (m == NULL)
        return;
    cli_text_free(m->text);
    free(m->ifs);
    free(m);
}

const struct fp_if *fastpath_lag_of(const struct fastpath_model *m, const struct fp_if *p)
{
    if (p->addport.line == NULL || p->addport.value < 1 || (size_t)p->addport.value > m->n_ifs)
        return NULL;
    return &m->ifs[p->addport.value - 1];
}

/* --- facts --- */

static void set_line(struct pr_fact *f, int64_t value, const struct fp_if *p,
                     const struct cli_line *l)
{
    pr_fact_set(f, value, "interface %s: %s (line %u)", p->name, l->text, l->lineno);
}

static bool legacy(int64_t mode)
{
    return mode == PR_MODE_STP || mode == PR_MODE_PVST;
}

static void fill_stp(const struct fastpath_model *m, struct pr_switch *sw)
{
    const struct cli_line *l;
    if (m->stp.line != NULL && m->stp.value == 0) {
        l = m->stp.line;
        pr_fact_set(&sw->stp.mode, PR_MODE_OFF, "%s (line %u)", l->text, l->lineno);
    } else if (m->mode.line != NULL) {
        l = m->mode.line;
        pr_fact_set(&sw->stp.mode, m->mode.value, "%s (line %u), and no `no spanning-tree`",
                    l->text, l->lineno);
    } else {
        pr_fact_unknown(&sw->stp.mode,
                        "no spanning-tree mode or forceversion statement, and the FASTPATH "
                        "default protocol is not in the sources consulted");
    }
    if (m->fwd_delay.line != NULL)
        pr_fact_set(&sw->stp.forward_delay_s, m->fwd_delay.value, "%s (line %u)",
                    m->fwd_delay.line->text, m->fwd_delay.line->lineno);
}

static void fill_port(const struct fastpath_model *m, const struct pr_switch *sw,
                      const struct fp_if *p, struct pr_port *port)
{
    struct pr_port_facts *f = &port->facts;
    if (p->shutdown.line != NULL)
        set_line(&f->admin_status, p->shutdown.value ? PR_IF_DOWN : PR_IF_UP, p, p->shutdown.line);
    else
        pr_fact_unknown(&f->admin_status,
                        "interface %s: no shutdown or no-shutdown statement, and the default is "
                        "not in the sources consulted",
                        p->name);
    if (p->speed.line != NULL) {
        set_line(&f->autoneg, p->speed.value == 0, p, p->speed.line);
        if (p->speed.value > 0)
            set_line(&f->speed_mbps, p->speed.value, p, p->speed.line);
    }
    const struct fp_if *gov = p;
    const struct fp_if *lag = fastpath_lag_of(m, p);
    if (lag != NULL) {
        gov = lag;
        pr_strlcpy(port->lag_name, lag->name, sizeof port->lag_name);
        if (lag->lacp.line != NULL) {
            set_line(&f->lacp_member, lag->lacp.value, lag, lag->lacp.line);
            if (lag->lacp.value)
                pr_fact_unknown(&f->lacp_fallback,
                                "LAG %s: no LACP fallback statement is known for FASTPATH/EFOS",
                                lag->name);
        } else {
            pr_fact_unknown(&f->lacp_member,
                            "LAG %s: no port-channel static statement: whether it runs LACP "
                            "is not in the sources consulted",
                            lag->name);
        }
    } else {
        pr_fact_set(&f->lacp_member, 0, "interface %s: no addport", p->name);
    }
    if (gov->tagged != NULL)
        set_line(&f->trunk, 1, gov, gov->tagged);
    else
        pr_fact_set(&f->trunk, 0, "interface %s: tagged in no VLAN", gov->name);
    pr_fact_set(&f->edge_applies_on_trunk, 1,
                "FASTPATH: spanning-tree edgeport applies whatever the port's VLANs");
    if (gov->pvid.line != NULL)
        set_line(&f->access_vlan, gov->pvid.value, gov, gov->pvid.line);
    else
        pr_fact_set(&f->access_vlan, 1, "interface %s: no pvid or native VLAN statement: VLAN 1",
                    gov->name);

    const struct pr_fact *mode = &sw->stp.mode;
    if (pr_fact_is(mode, PR_MODE_OFF)) {
        pr_fact_set(&f->stp_enabled, 0, "%s", mode->evidence);
        return;
    }
    if (gov->stp_off.line != NULL && gov->stp_off.value) {
        set_line(&f->stp_enabled, 0, gov, gov->stp_off.line);
        return;
    }
    if (gov->edge.line != NULL && gov->edge.value) {
        set_line(&f->edge, PR_EDGE_YES, gov, gov->edge.line);
        if (m->bpduguard.line != NULL && m->bpduguard.value)
            pr_fact_set(&f->bpdu_guard, 1, "%s (line %u): guards every edge port",
                        m->bpduguard.line->text, m->bpduguard.line->lineno);
        else
            pr_fact_set(&f->bpdu_guard, 0, "no global spanning-tree bpduguard");
    } else if (mode->known && legacy(mode->value)) {
        pr_fact_set(&f->edge, PR_EDGE_NO,
                    "interface %s: no spanning-tree edgeport, and %s has no edge detection",
                    gov->name, pr_stp_mode_name(mode->value));
    } else {
        pr_fact_unknown(&f->edge,
                        "interface %s: no spanning-tree edgeport; whether FASTPATH detects edge "
                        "ports by default under a rapid protocol is not in the sources consulted",
                        gov->name);
    }
}

static int by_name(const void *a, const void *b)
{
    const struct fp_if *const *x = a, *const *y = b;
    return cli_name_cmp((*x)->name, (*y)->name);
}

int fastpath_fill_switch(const struct fastpath_model *m, struct pr_switch *sw, struct pr_error *err)
{
    fill_stp(m, sw);
    const struct fp_if **ports = calloc(m->n_ifs ? m->n_ifs : 1, sizeof *ports);
    if (ports == NULL)
        return pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
    size_t n = 0;
    for (size_t i = 0; i < m->n_ifs; i++) {
        if (!m->ifs[i].lag)
            ports[n++] = &m->ifs[i];
    }
    qsort(ports, n, sizeof *ports, by_name);
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0; i++) {
        struct pr_port *port = pr_switch_add_port(sw, ports[i]->name, err);
        if (port == NULL) {
            rc = -1;
            break;
        }
        port->if_type = 6; /* ethernetCsmacd: a unit/port interface */
        pr_strlcpy(port->alias, ports[i]->alias, sizeof port->alias);
        fill_port(m, sw, ports[i], port);
        const struct fp_if *lag = fastpath_lag_of(m, ports[i]);
        if (lag != NULL)
            pr_port_facts_from_aggregate(&port->facts, lag->name);
    }
    free(ports);
    return rc;
}

/* `!System Description "EFOS, …"`, and the statements only FASTPATH
 * writes: `interface 0/9` followed by unindented lines and `exit`,
 * `addport 1/1`, `vlan participation include`, `port-channel name`,
 * `spanning-tree edgeport`. */
int fastpath_detect(const char *text, size_t len, char *evidence, size_t evidence_len)
{
    static const struct {
        const char *mark;
        int points;
        bool at_start;
    } marks[] = {
        {"!System Description \"EFOS", 30, true},
        {"addport ", 15, true},
        {"vlan participation ", 15, true},
        {"port-channel name ", 10, true},
        {"spanning-tree edgeport", 10, true},
        {"vlan tagging ", 10, true},
        {"serviceport ip ", 10, true},
        {"vlan database", 5, true},
    };
    bool seen[sizeof marks / sizeof marks[0]] = {false};
    int score = 0;
    char first[160] = "";
    unsigned lineno = 0;
    size_t limit = len < (size_t)1 << 20 ? len : (size_t)1 << 20;
    for (size_t i = 0; i < limit;) {
        size_t j = i;
        while (j < limit && text[j] != '\n')
            j++;
        lineno++;
        size_t n = j - i < 200 ? j - i : 200;
        char line[201];
        memcpy(line, text + i, n);
        line[n] = '\0';
        for (size_t k = 0; k < sizeof marks / sizeof marks[0]; k++) {
            if (seen[k] || strncmp(line, marks[k].mark, strlen(marks[k].mark)) != 0)
                continue;
            seen[k] = true;
            score += marks[k].points;
            if (first[0] == '\0' || k == 0)
                snprintf(first, sizeof first, "line %u: %.120s", lineno, line);
        }
        if (n > 0 && (line[n - 1] == '{' || strncmp(line, "switchport", 10) == 0 ||
                      strncmp(line, " switchport", 11) == 0))
            score -= 2;
        i = j + 1;
    }
    if (evidence != NULL && evidence_len > 0)
        pr_strlcpy(evidence, score >= 25 ? first : "", evidence_len);
    return score >= 25 ? score : 0;
}
