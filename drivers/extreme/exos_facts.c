/* SPDX-License-Identifier: BSD-3-Clause */
/* From what an EXOS configuration says (exos_model.c) to port facts, with
 * the EXOS defaults where it says nothing (docs/extreme.md cites them):
 * the default STP domain s0 exists but is disabled until `enable stpd s0`,
 * runs 802.1D unless `configure stpd s0 mode dot1w|mstp`, forward delay
 * 15 s and max age 20 s; a port is edge only with `configure stpd s0 ports
 * link-type edge`, and under 802.1D every link type acts as broadcast;
 * ports are enabled and untagged in VLAN Default (tag 1) until a command
 * says otherwise; LACP fallback is disabled, and once enabled waits 60 s
 * for LACPDUs. A LAG member takes its VLANs, spanning tree and fallback
 * from the LAG's master port. */
#include <stdio.h>
#include <string.h>

#include "cli/cli_ports.h"
#include "extreme/exos.h"
#include "util/strutil.h"

#define EXOS_GUIDE "ExtremeXOS Command Reference"

static void set_line(struct pr_fact *f, int64_t value, const struct cli_line *line)
{
    pr_fact_set(f, value, "%s (line %u)", line->text, line->lineno);
}

static void fill_stp(const struct exos_model *m, struct pr_switch *sw)
{
    struct pr_switch_stp *stp = &sw->stp;
    if (m->stp.line == NULL || m->stp.value == 0) {
        if (m->stp.line != NULL)
            set_line(&stp->mode, PR_MODE_OFF, m->stp.line);
        else
            pr_fact_set(&stp->mode, PR_MODE_OFF,
                        "no enable stpd s0: the default STP domain s0 is disabled until enabled "
                        "(" EXOS_GUIDE ", create stpd: State disabled)");
    } else if (m->mode.line != NULL) {
        pr_fact_set(&stp->mode, m->mode.value, "%s (line %u), %s (line %u)", m->stp.line->text,
                    m->stp.line->lineno, m->mode.line->text, m->mode.line->lineno);
    } else {
        pr_fact_set(&stp->mode, PR_MODE_STP,
                    "%s (line %u), no configure stpd s0 mode: 802.1D is the default "
                    "(" EXOS_GUIDE ", create stpd: Operational mode 802.1D)",
                    m->stp.line->text, m->stp.line->lineno);
    }
    if (m->fwd.line != NULL)
        set_line(&stp->forward_delay_s, m->fwd.value, m->fwd.line);
    else
        pr_fact_set(&stp->forward_delay_s, 15, "forward delay 15 s (EXOS default)");
    if (m->age.line != NULL)
        set_line(&stp->max_age_s, m->age.value, m->age.line);
    else
        pr_fact_set(&stp->max_age_s, 20, "max age 20 s (EXOS default)");
}

static void fill_lacp(const struct exos_port *p, const struct exos_port *master,
                      struct pr_port_facts *f)
{
    if (p->master.line == NULL) {
        pr_fact_set(&f->lacp_member, 0, "port %s: in no enable sharing group", p->name);
        return;
    }
    if (!p->lacp.value) {
        pr_fact_set(&f->lacp_member, 0, "port %s: %s (line %u): a static LAG, no LACP", p->name,
                    p->master.line->text, p->master.line->lineno);
        return;
    }
    pr_fact_set(&f->lacp_member, 1, "port %s: %s (line %u)", p->name, p->master.line->text,
                p->master.line->lineno);
    if (master->fallback.line == NULL || master->fallback.value == 0) {
        if (master->fallback.line != NULL)
            set_line(&f->lacp_fallback, 0, master->fallback.line);
        else
            pr_fact_set(&f->lacp_fallback, 0,
                        "LAG %s: no configure sharing %s lacp fallback enable (disabled by "
                        "default, " EXOS_GUIDE ", configure sharing lacp fallback)",
                        master->name, master->name);
        return;
    }
    set_line(&f->lacp_fallback, 1, master->fallback.line);
    if (master->fb_timeout.line != NULL)
        set_line(&f->lacp_fallback_timeout_s, master->fb_timeout.value, master->fb_timeout.line);
    else
        pr_fact_set(&f->lacp_fallback_timeout_s, 60,
                    "LAG %s: no lacp fallback timeout: 60 s (EXOS default, " EXOS_GUIDE
                    ", configure sharing lacp fallback timeout)",
                    master->name);
}

static void fill_vlan(const struct exos_model *m, const struct exos_port *gov,
                      struct pr_port_facts *f)
{
    bool trunk = gov->tagged.line != NULL;
    if (trunk)
        pr_fact_set(&f->trunk, 1, "port %s: %s (line %u)", gov->name, gov->tagged.line->text,
                    gov->tagged.line->lineno);
    else
        pr_fact_set(&f->trunk, 0, "port %s: tagged in no VLAN", gov->name);
    if (gov->untagged.line != NULL && gov->untagged.value >= 1) {
        const struct exos_vlan *v = &m->vlans[gov->untagged.value - 1];
        if (v->tag.value >= 1)
            pr_fact_set(&f->access_vlan, v->tag.value, "port %s: %s (line %u); VLAN %s has tag %d",
                        gov->name, gov->untagged.line->text, gov->untagged.line->lineno, v->name,
                        v->tag.value);
        else
            pr_fact_unknown(&f->access_vlan, "port %s: VLAN %s has no tag in the configuration",
                            gov->name, v->name);
    } else if (!gov->default_deleted && m->default_delete_all == NULL) {
        pr_fact_set(&f->access_vlan, 1,
                    "port %s: untagged in VLAN Default (tag 1), where EXOS puts every port",
                    gov->name);
    } else {
        pr_fact_unknown(&f->access_vlan, "port %s: untagged in no VLAN", gov->name);
    }
}

static void fill_edge(const struct exos_model *m, const struct exos_port *gov,
                      struct pr_port_facts *f)
{
    bool dot1d = m->mode.line == NULL || m->mode.value == PR_MODE_STP;
    if (gov->edge.line != NULL && gov->edge.value && !dot1d) {
        pr_fact_set(&f->edge, PR_EDGE_YES, "port %s: %s (line %u)", gov->name, gov->edge.line->text,
                    gov->edge.line->lineno);
    } else if (gov->edge.line != NULL && gov->edge.value) {
        pr_fact_set(&f->edge, PR_EDGE_NO,
                    "port %s: %s (line %u), but under 802.1D every link type acts as broadcast "
                    "(" EXOS_GUIDE ", configure stpd ports link-type)",
                    gov->name, gov->edge.line->text, gov->edge.line->lineno);
    } else if (gov->edge.line != NULL) {
        pr_fact_set(&f->edge, PR_EDGE_NO, "port %s: %s (line %u): not edge", gov->name,
                    gov->edge.line->text, gov->edge.line->lineno);
    } else {
        pr_fact_set(&f->edge, PR_EDGE_NO,
                    "port %s: no configure stpd s0 ports link-type edge: the default link type "
                    "(broadcast, auto under 802.1w) is not edge (" EXOS_GUIDE ")",
                    gov->name);
    }
    pr_fact_set(&f->edge_applies_on_trunk, 1, "EXOS: link-type edge acts on tagged ports too");
}

static void fill(const void *model, const struct pr_switch *sw, const void *item,
                 struct pr_port *port)
{
    (void)sw;
    const struct exos_model *m = model;
    const struct exos_port *p = item;
    const struct exos_port *master = exos_master_of(m, p);
    const struct exos_port *gov = master != NULL ? master : p;
    struct pr_port_facts *f = &port->facts;
    if (p->disabled.line != NULL)
        set_line(&f->admin_status, p->disabled.value ? PR_IF_DOWN : PR_IF_UP, p->disabled.line);
    else
        pr_fact_set(&f->admin_status, PR_IF_UP, "port %s: no disable port (enabled by default)",
                    p->name);
    fill_lacp(p, gov, f);
    fill_vlan(m, gov, f);
    fill_edge(m, gov, f);
}

static bool describe(const void *model, const void *item, struct cli_port_ref *ref)
{
    const struct exos_port *p = item;
    ref->name = p->name;
    const struct exos_port *master = exos_master_of(model, p);
    if (master != NULL)
        pr_strlcpy(ref->lag_name, master->name, sizeof ref->lag_name);
    ref->stp_from_lag = master != NULL && master != p;
    return true;
}

int exos_fill_switch(const struct exos_model *m, struct pr_switch *sw, struct pr_error *err)
{
    fill_stp(m, sw);
    const struct cli_port_table table = {m->ports, m->n_ports, sizeof *m->ports, m, describe, fill};
    return cli_fill_ports(sw, &table, err);
}
