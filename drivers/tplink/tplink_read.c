/* SPDX-License-Identifier: BSD-3-Clause */
/* TP-Link statement by statement, then the facts:
 *  - global `spanning-tree` turns spanning tree on, `spanning-tree mode
 *    stp|rstp|mstp` names the protocol; a port runs it only with its own
 *    `spanning-tree` line (the file writes it on the ports that run it);
 *  - `spanning-tree portfast` makes a port edge; without it the edge is
 *    unknown (no TP-Link guide for the default was found);
 *  - `channel-group N mode active|passive` makes the port an LACP member of
 *    port-channel N (`mode on`: static), whose VLANs and spanning tree it
 *    takes; no LACP fallback statement is known: fallback unknown;
 *  - `switchport pvid N`, or the VLAN a `switchport general allowed vlan N
 *    untagged` names, is the port's VLAN; unknown without either;
 *  - `speed N` fixes the rate; ports are up unless `shutdown`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli/cli_detect.h"
#include "cli/cli_dialect.h"
#include "driver.h"
#include "tplink/tplink.h"
#include "util/strutil.h"

static void set(struct tp_setting *s, int value, const struct cli_line *line)
{
    s->value = value;
    s->line = line;
}

static void if_cmd(struct tp_if *p, const struct cli_stmt *s)
{
    const struct cli_line *l = s->line;
    size_t i;
    long long v;
    if (s->n == 1 && cli_stmt_is(s, 0, "shutdown", NULL)) {
        set(&p->shutdown, !s->no, l);
    } else if (s->n == 1 && cli_stmt_is(s, 0, "spanning-tree", NULL)) {
        set(&p->stp, !s->no, l);
    } else if (cli_stmt_is(s, 0, "spanning-tree portfast", NULL)) {
        set(&p->portfast, !s->no, l);
    } else if (cli_stmt_is(s, 0, "spanning-tree common-config", &i)) {
        /* spanning-tree common-config ... portfast enable|disable ... */
        for (size_t k = i; k + 1 < s->n; k++) {
            if (strcasecmp(s->w[k], "portfast") == 0)
                set(&p->portfast, strcasecmp(s->w[k + 1], "enable") == 0, l);
        }
    } else if (cli_stmt_is(s, 0, "channel-group", &i) && !s->no &&
               cli_stmt_int(s, i, 1, 4096, &v)) {
        set(&p->channel, (int)v, l);
        bool lacp =
            i + 2 < s->n && strcasecmp(s->w[i + 1], "mode") == 0 &&
            (strcasecmp(s->w[i + 2], "active") == 0 || strcasecmp(s->w[i + 2], "passive") == 0);
        set(&p->lacp, lacp, l);
    } else if (cli_stmt_is(s, 0, "speed", &i) && !s->no && i < s->n) {
        set(&p->speed, cli_speed_mbps(s->w[i]), l);
    } else if (cli_stmt_is(s, 0, "switchport pvid", &i) && !s->no &&
               cli_stmt_int(s, i, 1, 4094, &v)) {
        set(&p->pvid, (int)v, l);
    } else if (cli_stmt_is(s, 0, "switchport general allowed vlan", &i) && !s->no && i + 1 < s->n) {
        if (strcasecmp(s->w[s->n - 1], "untagged") == 0 && cli_stmt_int(s, i, 1, 4094, &v))
            set(&p->untagged, (int)v, l);
        else if (strcasecmp(s->w[s->n - 1], "tagged") == 0)
            p->tagged = l;
    } else if (cli_stmt_is(s, 0, "description", &i) && i < s->n) {
        pr_strlcpy(p->alias, s->no ? "" : s->w[i], sizeof p->alias);
    }
}

/* "gigabitEthernet 1/0/3", "ten-gigabitEthernet 1/0/1", "port-channel 1". */
static bool port_kind(const struct cli_stmt *s, bool *lag)
{
    if (s->n != 3)
        return false;
    *lag = strcasecmp(s->w[1], "port-channel") == 0;
    return *lag || strcasecmp(s->w[1], "gigabitEthernet") == 0 ||
           strcasecmp(s->w[1], "ten-gigabitEthernet") == 0 ||
           strcasecmp(s->w[1], "fastEthernet") == 0 ||
           strcasecmp(s->w[1], "twentyfive-gigabitEthernet") == 0;
}

static void model_free(void *p)
{
    struct tplink_model *m = p;
    if (m == NULL)
        return;
    cli_text_free(m->text);
    cli_names_free(&m->names);
    free(m->ifs);
    free(m);
}

static const char *name_of(const void *item)
{
    return ((const struct tp_if *)item)->name;
}

static int build(struct cli_text *t, void **out, struct pr_error *err)
{
    struct tplink_model *m = calloc(1, sizeof *m);
    struct cli_stmt *s = malloc(sizeof *s);
    if (m != NULL)
        m->ifs = calloc(t->n_lines ? t->n_lines : 1, sizeof *m->ifs);
    if (m == NULL || s == NULL || m->ifs == NULL) {
        if (m != NULL)
            free(m->ifs);
        free(m);
        free(s);
        cli_text_free(t);
        return pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
    }
    m->text = t;
    m->names.stride = sizeof *m->ifs;
    m->names.name_of = name_of;
    struct tp_if *cur = NULL;
    for (size_t k = 0; k < t->n_lines; k++) {
        const struct cli_line *l = &t->lines[k];
        cli_stmt_init(s, l);
        if (s->n == 0)
            continue;
        if (l->indent > 0) {
            if (cur != NULL)
                if_cmd(cur, s);
            continue;
        }
        cur = NULL;
        bool lag;
        size_t i;
        if (cli_stmt_is(s, 0, "interface", NULL) && !s->no && port_kind(s, &lag)) {
            char name[48];
            snprintf(name, sizeof name, "%s %s", s->w[1], s->w[2]);
            size_t known = cli_names_find(&m->names, m->ifs, name);
            if (known != CLI_NAMES_NONE) {
                cur = &m->ifs[known];
            } else if (cli_names_reserve(&m->names, m->ifs, m->n_ifs, err) != 0) {
                free(s);
                model_free(m);
                return -1;
            } else {
                cur = &m->ifs[m->n_ifs++];
                pr_strlcpy(cur->name, name, sizeof cur->name);
                cli_names_put(&m->names, m->ifs, m->n_ifs - 1);
                cur->lag = lag;
            }
        } else if (cli_stmt_is(s, 0, "spanning-tree mode", &i) && i < s->n) {
            const char *w = s->w[i];
            int mode = strcasecmp(w, "stp") == 0    ? PR_MODE_STP
                       : strcasecmp(w, "rstp") == 0 ? PR_MODE_RSTP
                       : strcasecmp(w, "mstp") == 0 ? PR_MODE_MSTP
                                                    : -1;
            if (mode < 0) {
                int rc = pr_error_set(err, PR_ERR_INPUT, "%s:%u: \"%.120s\": not stp, rstp or mstp",
                                      t->origin, l->lineno, l->text);
                free(s);
                model_free(m);
                return rc;
            }
            set(&m->mode, mode, l);
        } else if (s->n == 1 && cli_stmt_is(s, 0, "spanning-tree", NULL)) {
            set(&m->stp, !s->no, l);
        }
    }
    free(s);
    *out = m;
    return 0;
}

const struct tp_if *tplink_find(const struct tplink_model *m, const char *name)
{
    if (m == NULL)
        return NULL;
    size_t k = cli_names_find(&m->names, m->ifs, name);
    return k != CLI_NAMES_NONE ? &m->ifs[k] : NULL;
}

const struct tp_if *tplink_lag_of(const struct tplink_model *m, const struct tp_if *p)
{
    if (p->channel.line == NULL)
        return NULL;
    char name[48];
    snprintf(name, sizeof name, "port-channel %d", p->channel.value);
    return tplink_find(m, name);
}

static void set_line(struct pr_fact *f, int64_t value, const struct tp_if *p,
                     const struct cli_line *l)
{
    pr_fact_set(f, value, "interface %s: %s (line %u)", p->name, l->text, l->lineno);
}

static void fill_port(const struct tplink_model *m, const struct pr_switch *sw,
                      const struct tp_if *p, struct pr_port *port)
{
    struct pr_port_facts *f = &port->facts;
    if (p->shutdown.line != NULL)
        set_line(&f->admin_status, p->shutdown.value ? PR_IF_DOWN : PR_IF_UP, p, p->shutdown.line);
    else
        pr_fact_set(&f->admin_status, PR_IF_UP, "interface %s: no shutdown statement", p->name);
    if (p->speed.line != NULL && p->speed.value > 0) {
        set_line(&f->autoneg, 0, p, p->speed.line);
        set_line(&f->speed_mbps, p->speed.value, p, p->speed.line);
    }
    const struct tp_if *gov = p;
    if (p->channel.line != NULL) {
        set_line(&f->lacp_member, p->lacp.value, p, p->channel.line);
        if (p->lacp.value)
            pr_fact_unknown(&f->lacp_fallback,
                            "port-channel %d: no LACP fallback statement is known for this CLI",
                            p->channel.value);
        snprintf(port->lag_name, sizeof port->lag_name, "port-channel %d", p->channel.value);
        const struct tp_if *lag = tplink_lag_of(m, p);
        if (lag != NULL)
            gov = lag;
    } else {
        pr_fact_set(&f->lacp_member, 0, "interface %s: no channel-group", p->name);
    }
    if (gov->tagged != NULL)
        set_line(&f->trunk, 1, gov, gov->tagged);
    else
        pr_fact_set(&f->trunk, 0, "interface %s: tagged in no VLAN", gov->name);
    if (gov->pvid.line != NULL)
        set_line(&f->access_vlan, gov->pvid.value, gov, gov->pvid.line);
    else if (gov->untagged.line != NULL)
        set_line(&f->access_vlan, gov->untagged.value, gov, gov->untagged.line);
    else
        pr_fact_unknown(&f->access_vlan,
                        "interface %s: no switchport pvid and no untagged VLAN; the default "
                        "is not in the sources consulted",
                        gov->name);
    const struct pr_fact *mode = &sw->stp.mode;
    if (pr_fact_is(mode, PR_MODE_OFF)) {
        pr_fact_set(&f->stp_enabled, 0, "%s", mode->evidence);
        return;
    }
    if (gov->stp.line == NULL || gov->stp.value == 0) {
        if (gov->stp.line != NULL)
            set_line(&f->stp_enabled, 0, gov, gov->stp.line);
        else
            pr_fact_set(&f->stp_enabled, 0,
                        "interface %s: no spanning-tree line: the port does not run it (the "
                        "file writes spanning-tree on the ports that do)",
                        gov->name);
        return;
    }
    set_line(&f->stp_enabled, 1, gov, gov->stp.line);
    if (gov->portfast.line != NULL && gov->portfast.value)
        set_line(&f->edge, PR_EDGE_YES, gov, gov->portfast.line);
    else
        pr_fact_unknown(&f->edge,
                        "interface %s: no spanning-tree portfast; the edge default is not in "
                        "the sources consulted",
                        gov->name);
}

static int fill(const void *model, struct pr_switch *sw, struct pr_error *err)
{
    const struct tplink_model *m = model;
    if (m->stp.line == NULL || m->stp.value == 0) {
        if (m->stp.line != NULL)
            pr_fact_set(&sw->stp.mode, PR_MODE_OFF, "%s (line %u)", m->stp.line->text,
                        m->stp.line->lineno);
        else
            pr_fact_set(&sw->stp.mode, PR_MODE_OFF,
                        "no global spanning-tree line: spanning tree off (the file writes "
                        "spanning-tree when it runs)");
    } else if (m->mode.line != NULL) {
        pr_fact_set(&sw->stp.mode, m->mode.value, "%s (line %u)", m->mode.line->text,
                    m->mode.line->lineno);
    } else {
        pr_fact_unknown(&sw->stp.mode, "spanning-tree on, no spanning-tree mode statement");
    }
    for (size_t i = 0; i < m->n_ifs; i++) {
        if (m->ifs[i].lag)
            continue;
        struct pr_port *port = pr_switch_add_port(sw, m->ifs[i].name, err);
        if (port == NULL)
            return -1;
        port->if_type = 6; /* ethernetCsmacd: an Ethernet interface block */
        pr_strlcpy(port->alias, m->ifs[i].alias, sizeof port->alias);
        fill_port(m, sw, &m->ifs[i], port);
        if (m->ifs[i].channel.line != NULL && tplink_lag_of(m, &m->ifs[i]) != NULL)
            pr_port_facts_from_aggregate(&port->facts, port->lag_name);
    }
    return 0;
}

int tplink_detect(const char *text, size_t len, char *evidence, size_t evidence_len)
{
    static const struct cli_mark marks[] = {
        {"TP-LINK", 10},
        {"interface gigabitEthernet ", 10},
        {"interface ten-gigabitEthernet ", 10},
        {"switchport general allowed vlan ", 10},
        {"user name ", 10},
        {"system-time ", 10},
        {"serial_port baud_rate", 10},
    };
    return cli_marks_score(text, len, marks, sizeof marks / sizeof marks[0], 30, evidence,
                           evidence_len);
}

static const struct cli_dialect tplink_dialect = {
    .refusal = "not a TP-Link configuration (too few statements only its CLI writes)",
    .detect = tplink_detect,
    .comment = '!',
    .build = build,
    .fill = fill,
    .free = model_free,
};

const struct tplink_model *tplink_switch_model(const struct pr_switch *sw)
{
    return cli_dialect_model(&tplink_dialect, sw);
}

int tplink_config_read_as(const char *text, size_t len, const char *origin, struct pr_switch *sw,
                          struct pr_error *err)
{
    return cli_dialect_read_as(&tplink_dialect, text, len, origin, sw, err);
}

int tplink_config_read(const char *text, size_t len, const char *origin, struct pr_switch *sw,
                       struct pr_error *err)
{
    return cli_dialect_read(&tplink_dialect, text, len, origin, sw, err);
}
