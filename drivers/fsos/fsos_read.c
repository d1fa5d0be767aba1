/* SPDX-License-Identifier: BSD-3-Clause */
/* FSOS statement by statement, then the facts:
 *  - ports are up unless `shutdown` (the file writes `shutdown` for the
 *    ports it disables and nothing for the others);
 *  - `spanning-tree mode mstp|rstp|stp` names the protocol; a file without
 *    it leaves the protocol unknown (no FS guide was found for the default);
 *  - `spanning-tree bpdufilter enable` on a port: it neither sends nor
 *    receives BPDUs and stays forwarding, outside spanning tree;
 *    `spanning-tree portfast` makes it edge; without either, its edge is
 *    unknown;
 *  - `switchport pvid N` is the access VLAN (the native VLAN of a trunk);
 *    VLAN 1 without it;
 *  - LAG statements are not read: LACP membership stays unknown. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli/cli_detect.h"
#include "cli/cli_dialect.h"
#include "driver.h"
#include "fsos/fsos.h"
#include "util/strutil.h"

static void set(struct fs_setting *s, int value, const struct cli_line *line)
{
    s->value = value;
    s->line = line;
}

/* An Ethernet interface name FSOS writes: GigaEthernet0/1, TGigaEthernet0/2,
 * FastEthernet0/1 (not VLAN1101, Null0, Port-aggregator). */
static bool ethernet_name(const char *w)
{
    static const char *const prefixes[] = {"GigaEthernet", "TGigaEthernet", "FastEthernet",
                                           "XGigaEthernet", "FGigaEthernet"};
    for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++) {
        size_t n = strlen(prefixes[i]);
        if (strncmp(w, prefixes[i], n) == 0 && w[n] >= '0' && w[n] <= '9')
            return true;
    }
    return false;
}

static void if_cmd(struct fs_if *p, const struct cli_stmt *s)
{
    const struct cli_line *l = s->line;
    size_t i;
    long long v;
    if (s->n == 1 && cli_stmt_is(s, 0, "shutdown", NULL))
        set(&p->shutdown, !s->no, l);
    else if (cli_stmt_is(s, 0, "spanning-tree portfast", NULL))
        set(&p->portfast, !s->no, l);
    else if (cli_stmt_is(s, 0, "spanning-tree bpdufilter", &i))
        set(&p->bpdufilter, !s->no && !(i < s->n && strcasecmp(s->w[i], "disable") == 0), l);
    else if (cli_stmt_is(s, 0, "spanning-tree bpduguard", &i))
        set(&p->bpduguard, !s->no && !(i < s->n && strcasecmp(s->w[i], "disable") == 0), l);
    else if (cli_stmt_is(s, 0, "switchport mode", &i) && i < s->n)
        set(&p->trunk, strcasecmp(s->w[i], "trunk") == 0, l);
    else if (cli_stmt_is(s, 0, "switchport pvid", &i) && !s->no && cli_stmt_int(s, i, 1, 4094, &v))
        set(&p->pvid, (int)v, l);
    else if (cli_stmt_is(s, 0, "switchport trunk vlan-allowed", NULL) && !s->no)
        p->allowed = l;
    else if (cli_stmt_is(s, 0, "description", &i) && i < s->n)
        pr_strlcpy(p->alias, s->no ? "" : s->w[i], sizeof p->alias);
}

static int mode_of(const char *w)
{
    return strcasecmp(w, "stp") == 0    ? PR_MODE_STP
           : strcasecmp(w, "rstp") == 0 ? PR_MODE_RSTP
           : strcasecmp(w, "mstp") == 0 ? PR_MODE_MSTP
                                        : -1;
}

static void model_free(void *p)
{
    struct fsos_model *m = p;
    if (m == NULL)
        return;
    cli_text_free(m->text);
    cli_names_free(&m->names);
    free(m->ifs);
    free(m);
}

static const char *name_of(const void *item)
{
    return ((const struct fs_if *)item)->name;
}

static int build(struct cli_text *t, void **out, struct pr_error *err)
{
    struct fsos_model *m = calloc(1, sizeof *m);
    struct cli_stmt *s = malloc(sizeof *s);
    if (m == NULL || s == NULL) {
        free(m);
        free(s);
        cli_text_free(t);
        return pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
    }
    m->text = t;
    m->names.stride = sizeof *m->ifs;
    m->names.name_of = name_of;
    /* At most one interface per line: the array never outgrows the text. */
    m->ifs = calloc(t->n_lines ? t->n_lines : 1, sizeof *m->ifs);
    if (m->ifs == NULL) {
        free(s);
        cli_text_free(t);
        free(m);
        return pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
    }
    struct fs_if *cur = NULL;
    for (size_t k = 0; k < t->n_lines; k++) {
        const struct cli_line *l = &t->lines[k];
        cli_stmt_init(s, l);
        if (s->n == 0)
            continue;
        size_t i;
        if (l->indent > 0) {
            if (cur != NULL)
                if_cmd(cur, s);
            continue;
        }
        cur = NULL;
        if (cli_stmt_is(s, 0, "interface", &i) && !s->no && i < s->n && ethernet_name(s->w[i])) {
            size_t known = cli_names_find(&m->names, m->ifs, s->w[i]);
            if (known != CLI_NAMES_NONE) {
                cur = &m->ifs[known];
            } else if (cli_names_reserve(&m->names, m->ifs, m->n_ifs, err) != 0) {
                free(s);
                model_free(m);
                return -1;
            } else {
                cur = &m->ifs[m->n_ifs++];
                pr_strlcpy(cur->name, s->w[i], sizeof cur->name);
                cli_names_put(&m->names, m->ifs, m->n_ifs - 1);
            }
        } else if (cli_stmt_is(s, 0, "spanning-tree mode", &i)) {
            int mode = i < s->n ? mode_of(s->w[i]) : -1;
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

const struct fs_if *fsos_find(const struct fsos_model *m, const char *name)
{
    if (m == NULL)
        return NULL;
    size_t k = cli_names_find(&m->names, m->ifs, name);
    return k != CLI_NAMES_NONE ? &m->ifs[k] : NULL;
}

static void set_line(struct pr_fact *f, int64_t value, const struct fs_if *p,
                     const struct cli_line *l)
{
    pr_fact_set(f, value, "interface %s: %s (line %u)", p->name, l->text, l->lineno);
}

static void fill_port(const struct fsos_model *m, const struct pr_switch *sw, const struct fs_if *p,
                      struct pr_port_facts *f)
{
    if (p->shutdown.line != NULL)
        set_line(&f->admin_status, p->shutdown.value ? PR_IF_DOWN : PR_IF_UP, p, p->shutdown.line);
    else
        pr_fact_set(&f->admin_status, PR_IF_UP, "interface %s: no shutdown statement", p->name);
    pr_fact_unknown(&f->lacp_member, "FSOS link aggregation statements are not read");
    bool trunk = p->trunk.line != NULL && p->trunk.value;
    if (trunk)
        set_line(&f->trunk, 1, p, p->trunk.line);
    else
        pr_fact_set(&f->trunk, 0, "interface %s: no switchport mode trunk", p->name);
    pr_fact_set(&f->edge_applies_on_trunk, 1, "FSOS: portfast is taken to apply on trunks too");
    if (p->pvid.line != NULL)
        set_line(&f->access_vlan, p->pvid.value, p, p->pvid.line);
    else
        pr_fact_set(&f->access_vlan, 1, "interface %s: no switchport pvid: VLAN 1", p->name);
    if (p->bpduguard.line != NULL)
        set_line(&f->bpdu_guard, p->bpduguard.value, p, p->bpduguard.line);
    else
        pr_fact_set(&f->bpdu_guard, 0, "interface %s: no spanning-tree bpduguard", p->name);
    if (pr_fact_is(&sw->stp.mode, PR_MODE_OFF)) {
        pr_fact_set(&f->stp_enabled, 0, "%s", sw->stp.mode.evidence);
        return;
    }
    if (p->bpdufilter.line != NULL && p->bpdufilter.value) {
        set_line(&f->stp_enabled, 0, p, p->bpdufilter.line);
        pr_strlcatf(f->stp_enabled.evidence, sizeof f->stp_enabled.evidence,
                    ": no BPDU sent or received, the port stays forwarding");
        return;
    }
    if (p->portfast.line != NULL && p->portfast.value)
        set_line(&f->edge, PR_EDGE_YES, p, p->portfast.line);
    else
        pr_fact_unknown(&f->edge,
                        "interface %s: no spanning-tree portfast; FSOS's edge default is not in "
                        "the sources consulted",
                        p->name);
    (void)m;
}

static int fill(const void *model, struct pr_switch *sw, struct pr_error *err)
{
    const struct fsos_model *m = model;
    if (m->stp.line != NULL && m->stp.value == 0)
        pr_fact_set(&sw->stp.mode, PR_MODE_OFF, "%s (line %u)", m->stp.line->text,
                    m->stp.line->lineno);
    else if (m->mode.line != NULL)
        pr_fact_set(&sw->stp.mode, m->mode.value, "%s (line %u)", m->mode.line->text,
                    m->mode.line->lineno);
    else
        pr_fact_unknown(&sw->stp.mode, "no spanning-tree mode statement; FSOS's default is not "
                                       "in the sources consulted");
    for (size_t i = 0; i < m->n_ifs; i++) {
        struct pr_port *port = pr_switch_add_port(sw, m->ifs[i].name, err);
        if (port == NULL)
            return -1;
        port->if_type = 6; /* ethernetCsmacd: a GigaEthernet interface */
        pr_strlcpy(port->alias, m->ifs[i].alias, sizeof port->alias);
        fill_port(m, sw, &m->ifs[i], &port->facts);
    }
    return 0;
}

/* The banner FSOS's `show version` prints (Oxidized keeps it as `!`
 * lines), and the statements only it writes. */
int fsos_detect(const char *text, size_t len, char *evidence, size_t evidence_len)
{
    static const struct cli_mark marks[] = {
        {"Fiberstore Co.", 30},
        {"interface GigaEthernet", 10},
        {"interface TGigaEthernet", 10},
        {" switchport pvid ", 10},
        {" switchport trunk vlan-allowed ", 10},
        {"FSOS", 10},
    };
    return cli_marks_score(text, len, marks, sizeof marks / sizeof marks[0], 30, evidence,
                           evidence_len);
}

static const struct cli_dialect fsos_dialect = {
    .refusal = "not an FS.com FSOS configuration (no Fiberstore banner and too few statements only "
               "FSOS writes)",
    .detect = fsos_detect,
    .comment = '!',
    .build = build,
    .fill = fill,
    .free = model_free,
};

const struct fsos_model *fsos_switch_model(const struct pr_switch *sw)
{
    return cli_dialect_model(&fsos_dialect, sw);
}

int fsos_config_read_as(const char *text, size_t len, const char *origin, struct pr_switch *sw,
                        struct pr_error *err)
{
    return cli_dialect_read_as(&fsos_dialect, text, len, origin, sw, err);
}

int fsos_config_read(const char *text, size_t len, const char *origin, struct pr_switch *sw,
                     struct pr_error *err)
{
    return cli_dialect_read(&fsos_dialect, text, len, origin, sw, err);
}

int fsos_config_apply(const char *text, size_t len, const char *snippet, char **out,
                      size_t *out_len, struct pr_error *err)
{
    return cli_text_append(text, len, snippet, out, out_len, err);
}
