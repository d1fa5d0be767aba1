/* SPDX-License-Identifier: BSD-3-Clause */
/* From what an OS10 configuration says (os10_model.c) to port facts, with
 * the OS10 defaults where it says nothing, each stated in the evidence
 * with the guide that documents it (docs/dell.md lists them):
 * Rapid-PVST runs unless `spanning-tree mode rstp|mst` or
 * `spanning-tree disable`; forward delay 15 s, max age 20 s; a port is not
 * edge without `spanning-tree port type edge`, but OS10 makes a designated
 * port edge after hello time + 1 s without BPDUs (auto edge); a
 * port-channel without `lacp fallback enable` has no fallback, and with it
 * a member waits `lacp fallback timeout` (15 s by default) for LACPDUs. A
 * port-channel member takes its VLANs and spanning tree from the
 * port-channel, where OS10 configures them. */
#include <stdio.h>
#include <string.h>

#include "cli/cli_ports.h"
#include "dell/os10.h"
#include "util/strutil.h"

#define OS10_GUIDE "Dell SmartFabric OS10 User Guide"

static void set_if(struct pr_fact *f, int64_t value, const struct os10_iface *ifc,
                   const struct cli_line *line)
{
    pr_fact_set(f, value, "interface %s: %s (line %u)", ifc->name, line->text, line->lineno);
}

static void fill_stp(const struct os10_model *m, struct pr_switch *sw)
{
    struct pr_switch_stp *stp = &sw->stp;
    if (m->stp.line != NULL && m->stp.value == 0)
        pr_fact_set(&stp->mode, PR_MODE_OFF, "%s (line %u)", m->stp.line->text,
                    m->stp.line->lineno);
    else if (m->mode.line != NULL)
        pr_fact_set(&stp->mode, m->mode.value, "%s (line %u)", m->mode.line->text,
                    m->mode.line->lineno);
    else
        pr_fact_set(&stp->mode, PR_MODE_RAPID_PVST,
                    "no spanning-tree mode: Rapid-PVST is the OS10 default (" OS10_GUIDE
                    ", spanning-tree mode)");
    if (m->fwd.line != NULL)
        pr_fact_set(&stp->forward_delay_s, m->fwd.value, "%s (line %u)", m->fwd.line->text,
                    m->fwd.line->lineno);
    else
        pr_fact_set(&stp->forward_delay_s, 15, "forward delay 15 s (OS10 default, " OS10_GUIDE ")");
    if (m->age.line != NULL)
        pr_fact_set(&stp->max_age_s, m->age.value, "%s (line %u)", m->age.line->text,
                    m->age.line->lineno);
    else
        pr_fact_set(&stp->max_age_s, 20, "max age 20 s (OS10 default, " OS10_GUIDE ")");
}

static void fill_admin(const struct os10_iface *ifc, const struct os10_iface *pc,
                       struct pr_port_facts *f)
{
    if (ifc->shutdown.line != NULL && ifc->shutdown.value) {
        set_if(&f->admin_status, PR_IF_DOWN, ifc, ifc->shutdown.line);
    } else if (pc != NULL && pc->shutdown.line != NULL && pc->shutdown.value) {
        set_if(&f->admin_status, PR_IF_DOWN, pc, pc->shutdown.line);
        pr_strlcatf(f->admin_status.evidence, sizeof f->admin_status.evidence,
                    ": every member of the port-channel is down");
    } else if (ifc->shutdown.line != NULL) {
        set_if(&f->admin_status, PR_IF_UP, ifc, ifc->shutdown.line);
    } else {
        pr_fact_unknown(&f->admin_status,
                        "interface %s: neither shutdown nor no shutdown (OS10's running "
                        "configuration writes one of them)",
                        ifc->name);
    }
}

static void fill_lacp(const struct os10_iface *ifc, const struct os10_iface *pc,
                      struct pr_port_facts *f)
{
    if (ifc->channel.line == NULL) {
        pr_fact_set(&f->lacp_member, 0, "interface %s: no channel-group", ifc->name);
        return;
    }
    if (ifc->lacp_mode.value == OS10_CHANNEL_ON) {
        set_if(&f->lacp_member, 0, ifc, ifc->channel.line);
        pr_strlcatf(f->lacp_member.evidence, sizeof f->lacp_member.evidence,
                    ": a static port-channel, no LACP");
        return;
    }
    set_if(&f->lacp_member, 1, ifc, ifc->channel.line);
    if (pc == NULL) {
        pr_fact_unknown(&f->lacp_fallback,
                        "interface port-channel%d is not in the configuration: its lacp "
                        "fallback is not known",
                        ifc->channel.value);
        return;
    }
    if (pc->fallback.line == NULL || pc->fallback.value == 0) {
        if (pc->fallback.line != NULL)
            set_if(&f->lacp_fallback, 0, pc, pc->fallback.line);
        else
            pr_fact_set(&f->lacp_fallback, 0,
                        "interface %s: no lacp fallback enable (off by default, " OS10_GUIDE
                        ", lacp fallback enable)",
                        pc->name);
        return;
    }
    set_if(&f->lacp_fallback, 1, pc, pc->fallback.line);
    if (pc->fb_timeout.line != NULL)
        set_if(&f->lacp_fallback_timeout_s, pc->fb_timeout.value, pc, pc->fb_timeout.line);
    else
        pr_fact_set(&f->lacp_fallback_timeout_s, 15,
                    "interface %s: no lacp fallback timeout: 15 s (OS10 default, " OS10_GUIDE
                    ", lacp fallback timeout)",
                    pc->name);
}

/* VLANs, edge, BPDU guard and STP from the interface that holds them: the
 * port-channel of a member, else the port itself. */
static void fill_l2(const struct os10_model *m, const struct os10_iface *gov,
                    struct pr_port_facts *f)
{
    (void)m;
    if (gov->routed.line != NULL && gov->routed.value) {
        set_if(&f->stp_enabled, 0, gov, gov->routed.line);
        pr_strlcatf(f->stp_enabled.evidence, sizeof f->stp_enabled.evidence,
                    " (routed port: no spanning tree)");
        return;
    }
    bool trunk = gov->trunk.line != NULL && gov->trunk.value;
    if (gov->trunk.line != NULL)
        set_if(&f->trunk, trunk, gov, gov->trunk.line);
    else
        pr_fact_set(&f->trunk, 0, "interface %s: no switchport mode: access (default)", gov->name);
    if (gov->access.line != NULL)
        set_if(&f->access_vlan, gov->access.value, gov, gov->access.line);
    else
        pr_fact_set(&f->access_vlan, 1,
                    "interface %s: no switchport access vlan: VLAN 1 (the OS10 default VLAN)",
                    gov->name);
    if (gov->edge.line != NULL)
        set_if(&f->edge, PR_EDGE_YES, gov, gov->edge.line);
    else
        pr_fact_set(&f->edge, PR_EDGE_AUTO,
                    "interface %s: no spanning-tree port type edge: OS10 makes the port edge "
                    "only after hello time + 1 s without BPDUs (auto edge, " OS10_GUIDE ")",
                    gov->name);
    if (gov->bpduguard.line != NULL)
        set_if(&f->bpdu_guard, gov->bpduguard.value, gov, gov->bpduguard.line);
    else
        pr_fact_set(&f->bpdu_guard, 0, "interface %s: no spanning-tree bpduguard (off by default)",
                    gov->name);
    if (gov->stp_off.line != NULL)
        set_if(&f->stp_enabled, 0, gov, gov->stp_off.line);
}

static void fill_speed(const struct os10_iface *ifc, struct pr_port_facts *f)
{
    if (ifc->speed.line == NULL)
        return;
    if (ifc->speed.value > 0) {
        set_if(&f->speed_mbps, ifc->speed.value, ifc, ifc->speed.line);
        set_if(&f->autoneg, 0, ifc, ifc->speed.line);
    } else {
        set_if(&f->autoneg, 1, ifc, ifc->speed.line);
    }
}

static void fill(const void *model, const struct pr_switch *sw, const void *item,
                 struct pr_port *port)
{
    (void)sw;
    const struct os10_model *m = model;
    const struct os10_iface *ifc = item;
    const struct os10_iface *pc = os10_channel_of(m, ifc);
    struct pr_port_facts *f = &port->facts;
    fill_admin(ifc, pc, f);
    fill_lacp(ifc, pc, f);
    fill_speed(ifc, f);
    fill_l2(m, pc != NULL ? pc : ifc, f);
}

static bool describe(const void *model, const void *item, struct cli_port_ref *ref)
{
    const struct os10_iface *ifc = item;
    if (ifc->kind != OS10_ETHERNET)
        return false;
    ref->name = ifc->name;
    ref->alias = ifc->alias;
    if (ifc->channel.line != NULL) {
        snprintf(ref->lag_name, sizeof ref->lag_name, "port-channel%d", ifc->channel.value);
        ref->stp_from_lag = os10_channel_of(model, ifc) != NULL;
    }
    return true;
}

int os10_fill_switch(const struct os10_model *m, struct pr_switch *sw, struct pr_error *err)
{
    fill_stp(m, sw);
    const struct cli_port_table table = {m->ifaces, m->n_ifaces, sizeof *m->ifaces,
                                         m,         describe,    fill};
    return cli_fill_ports(sw, &table, err);
}
