/* SPDX-License-Identifier: BSD-3-Clause */
/* From the Cumulus model (cumulus_eni.c, cumulus_nvue.c) to port facts,
 * with the Cumulus defaults where the text says nothing, each named in
 * the evidence with the guide that documents it (docs/cumulus.md):
 * mstpd runs spanning tree on every bridge unless `bridge-stp off` / `stp
 * state down` (RSTP on a VLAN-aware bridge, PVRST with
 * `mstpctl-pvrst-mode yes` / `stp mode pvrst`, PVRST on a traditional
 * bridge), forward delay 15 s, max age 20 s; a port is not admin edge
 * without `mstpctl-portadminedge yes` / `stp admin-edge on`, but auto edge
 * is on (`mstpctl-portautoedge`, `stp auto-edge`); BPDU guard is off; a
 * bond runs 802.3ad unless `bond-mode` says otherwise, and LACP bypass is
 * off without `bond-lacp-bypass-allow yes` / `bond lacp-bypass on`; a
 * VLAN-aware bridge port without `bridge-access` carries the bridge's VLANs
 * tagged and its PVID (1 by default) untagged. A bond member takes its
 * bridge and spanning tree from the bond, where Cumulus configures them; a
 * port in no bridge is routed and runs no spanning tree. */
#include <stdio.h>
#include <string.h>

#include "cli/cli_ports.h"
#include "cumulus/cumulus.h"
#include "util/strutil.h"

#define CL_GUIDE "NVIDIA Cumulus Linux User Guide"

static void set_from(struct pr_fact *f, int64_t value, const struct cl_setting *s)
{
    pr_fact_set(f, value, "%s (line %u)", s->stmt, s->lineno);
}

static const struct cl_iface *bridge_of(const struct cl_model *m, const struct cl_iface *gov)
{
    if (gov == NULL || gov->bridge_name[0] == '\0')
        return NULL;
    return cl_find(m, gov->bridge_name);
}

static bool stp_runs(const struct cl_iface *br)
{
    return br != NULL && !(br->stp.set && br->stp.value == 0);
}

/* `mstpctl-forcevers stp` / `stp force-protocol-version stp` (RSTP, the
 * default, otherwise: the guide's Force Version Setting). */
static bool forced_stp(const struct cl_iface *br)
{
    return br->forcevers.set && br->forcevers.value == 1;
}

static bool vlan_aware(const struct cl_model *m, const struct cl_iface *br)
{
    return m->dialect == CL_NVUE || (br->vlan_aware.set && br->vlan_aware.value);
}

/* The bridge whose spanning tree the switch's facts describe: the first
 * with ports (or any). */
static const struct cl_iface *main_bridge(const struct cl_model *m)
{
    const struct cl_iface *any = NULL;
    for (size_t i = 0; i < m->n_ifs; i++) {
        const struct cl_iface *ifc = &m->ifs[i];
        if (ifc->bridge_name[0] != '\0') {
            const struct cl_iface *br = cl_find(m, ifc->bridge_name);
            if (br != NULL)
                return br;
        }
        if (ifc->is_bridge && any == NULL)
            any = ifc;
    }
    return any;
}

static void fill_stp(const struct cl_model *m, struct pr_switch *sw)
{
    struct pr_switch_stp *stp = &sw->stp;
    const struct cl_iface *br = main_bridge(m);
    if (br == NULL) {
        pr_fact_set(&stp->mode, PR_MODE_OFF,
                    "no bridge: every port is routed, nothing runs spanning tree");
        return;
    }
    if (!stp_runs(br)) {
        set_from(&stp->mode, PR_MODE_OFF, &br->stp);
        return;
    }
    if (forced_stp(br))
        /* mstpd sends 802.1D BPDUs and runs 802.1D's timers. */
        set_from(&stp->mode, br->pvrst.set && br->pvrst.value ? PR_MODE_PVST : PR_MODE_STP,
                 &br->forcevers);
    else if (br->pvrst.set && br->pvrst.value)
        set_from(&stp->mode, PR_MODE_RAPID_PVST, &br->pvrst);
    else if (br->forcevers.set && br->forcevers.value == 3)
        set_from(&stp->mode, PR_MODE_MSTP, &br->forcevers);
    else if (vlan_aware(m, br))
        pr_fact_set(&stp->mode, PR_MODE_RSTP,
                    "bridge %s is VLAN-aware: mstpd runs RSTP on it by default (" CL_GUIDE
                    ", Spanning Tree and Rapid Spanning Tree)",
                    br->name);
    else
        pr_fact_set(&stp->mode, PR_MODE_RAPID_PVST,
                    "bridge %s is a traditional bridge: PVRST by default (" CL_GUIDE
                    ", Spanning Tree and Rapid Spanning Tree)",
                    br->name);
    if (br->fwd.set)
        set_from(&stp->forward_delay_s, br->fwd.value, &br->fwd);
    else
        pr_fact_set(&stp->forward_delay_s, 15, "forward delay 15 s (mstpd default, " CL_GUIDE ")");
    if (br->age.set)
        set_from(&stp->max_age_s, br->age.value, &br->age);
    else
        pr_fact_set(&stp->max_age_s, 20, "max age 20 s (mstpd default, " CL_GUIDE ")");
}

/* The bridge of gov when it is marked auto. */
static const struct cl_iface *upper_auto(const struct cl_model *m, const struct cl_iface *gov)
{
    const struct cl_iface *br = bridge_of(m, gov);
    return br != NULL && br->autoed.set ? br : NULL;
}

static void fill_admin(const struct cl_model *m, const struct cl_iface *ifc,
                       const struct cl_iface *bond, struct pr_port_facts *f)
{
    if (ifc->link_down.set && ifc->link_down.value) {
        set_from(&f->admin_status, PR_IF_DOWN, &ifc->link_down);
    } else if (bond != NULL && bond->link_down.set && bond->link_down.value) {
        set_from(&f->admin_status, PR_IF_DOWN, &bond->link_down);
        pr_strlcatf(f->admin_status.evidence, sizeof f->admin_status.evidence,
                    ": every member of %s is down", bond->name);
    } else if (ifc->link_down.set) {
        set_from(&f->admin_status, PR_IF_UP, &ifc->link_down);
    } else if (m->dialect == CL_NVUE) {
        pr_fact_set(&f->admin_status, PR_IF_UP,
                    "interface %s: no link state down (NVUE brings an interface it configures up)",
                    ifc->name);
    } else if (ifc->autoed.set) {
        set_from(&f->admin_status, PR_IF_UP, &ifc->autoed);
    } else if (bond != NULL && bond->autoed.set) {
        set_from(&f->admin_status, PR_IF_UP, &bond->autoed);
        pr_strlcatf(f->admin_status.evidence, sizeof f->admin_status.evidence,
                    ": ifup -a brings up the bond's members with it (ifupdown2 user guide, "
                    "interface dependencies)");
    } else if (upper_auto(m, bond != NULL ? bond : ifc) != NULL) {
        const struct cl_iface *br = upper_auto(m, bond != NULL ? bond : ifc);
        set_from(&f->admin_status, PR_IF_UP, &br->autoed);
        pr_strlcatf(f->admin_status.evidence, sizeof f->admin_status.evidence,
                    ": ifup -a brings up the bridge's ports with it (ifupdown2 user guide, "
                    "interface dependencies)");
    } else {
        pr_fact_set(&f->admin_status, PR_IF_DOWN,
                    "no `auto %s`, and in no bond or bridge marked auto: ifup -a brings up only "
                    "the interfaces marked auto and their dependents (ifupdown2 ifup(8))",
                    ifc->name);
    }
}

static void fill_lacp(const struct cl_iface *ifc, const struct cl_iface *bond,
                      struct pr_port_facts *f)
{
    if (ifc->master_name[0] == '\0') {
        pr_fact_set(&f->lacp_member, 0, "interface %s: in no bond", ifc->name);
        return;
    }
    if (bond == NULL) {
        pr_fact_unknown(&f->lacp_member, "%s: bond %s is not in the configuration",
                        ifc->master.stmt, ifc->master_name);
        return;
    }
    if (bond->lacp.set && bond->lacp.value == 0) {
        set_from(&f->lacp_member, 0, &bond->lacp);
        pr_strlcatf(f->lacp_member.evidence, sizeof f->lacp_member.evidence,
                    ": a static bond, no LACP");
        return;
    }
    if (bond->lacp.set)
        set_from(&f->lacp_member, 1, &bond->lacp);
    else
        pr_fact_set(&f->lacp_member, 1,
                    "%s (line %u); no bond-mode: 802.3ad (LACP) by default (" CL_GUIDE
                    ", Bonding - Link Aggregation)",
                    ifc->master.stmt, ifc->master.lineno);
    if (bond->bypass.set)
        set_from(&f->lacp_fallback, bond->bypass.value, &bond->bypass);
    else
        pr_fact_set(&f->lacp_fallback, 0,
                    "bond %s: no LACP bypass (off by default, " CL_GUIDE ", LACP Bypass)",
                    bond->name);
}

/* VLANs, edge, BPDU guard and STP from the interface that holds them. */
static void fill_l2(const struct cl_model *m, const struct cl_iface *gov, struct pr_port_facts *f)
{
    const struct cl_iface *br = bridge_of(m, gov);
    if (br == NULL) {
        pr_fact_set(&f->stp_enabled, 0,
                    "interface %s: in no bridge (routed): no spanning tree runs on it", gov->name);
        return;
    }
    if (!stp_runs(br)) {
        set_from(&f->stp_enabled, 0, &br->stp);
        return;
    }
    set_from(&f->stp_enabled, 1, &gov->bridged);
    if (!vlan_aware(m, br)) {
        pr_fact_set(&f->trunk, 0, "%s: a traditional bridge's port (one VLAN per bridge)",
                    gov->bridged.stmt);
    } else if (gov->access.set) {
        set_from(&f->trunk, 0, &gov->access);
        set_from(&f->access_vlan, gov->access.value, &gov->access);
    } else {
        pr_fact_set(&f->trunk, 1,
                    "interface %s: no access VLAN: it carries bridge %s's VLANs tagged", gov->name,
                    br->name);
        if (gov->pvid.set)
            set_from(&f->access_vlan, gov->pvid.value, &gov->pvid);
        else if (br->pvid.set)
            set_from(&f->access_vlan, br->pvid.value, &br->pvid);
        else
            pr_fact_set(&f->access_vlan, 1,
                        "bridge %s: no PVID: VLAN 1 untagged (the default PVID, " CL_GUIDE
                        ", VLAN-aware Bridge Mode)",
                        br->name);
    }
    pr_fact_set(&f->edge_applies_on_trunk, 1,
                "mstpd's edge setting is the port's, whatever VLANs it carries");
    if (gov->admin_edge.set && gov->admin_edge.value)
        set_from(&f->edge, PR_EDGE_YES, &gov->admin_edge);
    else if (gov->auto_edge.set && gov->auto_edge.value == 0)
        set_from(&f->edge, PR_EDGE_NO, &gov->auto_edge);
    else if (forced_stp(br))
        pr_fact_set(&f->edge, PR_EDGE_NO,
                    "interface %s: not admin edge, and auto edge cannot act under %s: it needs "
                    "RSTP BPDUs (sendRSTP, 802.1D-2004 17.25 Bridge Detection)",
                    gov->name, br->forcevers.stmt);
    else
        pr_fact_set(&f->edge, PR_EDGE_AUTO,
                    "interface %s: not admin edge; auto edge is on by default, so mstpd makes it "
                    "edge only once no BPDU arrives (" CL_GUIDE ", Spanning Tree)",
                    gov->name);
    if (gov->bpdu_guard.set)
        set_from(&f->bpdu_guard, gov->bpdu_guard.value, &gov->bpdu_guard);
    else
        pr_fact_set(&f->bpdu_guard, 0, "interface %s: no BPDU guard (off by default)", gov->name);
}

static void fill_speed(const struct cl_iface *ifc, struct pr_port_facts *f)
{
    if (ifc->speed.set) {
        set_from(&f->speed_mbps, ifc->speed.value, &ifc->speed);
        if (!ifc->autoneg.set)
            set_from(&f->autoneg, 0, &ifc->speed);
    }
    if (ifc->autoneg.set)
        set_from(&f->autoneg, ifc->autoneg.value, &ifc->autoneg);
}

static void fill(const void *model, const struct pr_switch *sw, const void *item,
                 struct pr_port *port)
{
    (void)sw;
    const struct cl_model *m = model;
    const struct cl_iface *ifc = item;
    const struct cl_iface *gov = cl_governing(m, ifc);
    const struct cl_iface *bond = gov != ifc ? gov : NULL;
    struct pr_port_facts *f = &port->facts;
    fill_admin(m, ifc, bond, f);
    fill_lacp(ifc, bond, f);
    fill_speed(ifc, f);
    fill_l2(m, gov, f);
}

/* A front-panel interface, named with its bond. */
static bool describe(const void *model, const void *item, struct cli_port_ref *ref)
{
    const struct cl_iface *ifc = item;
    if (!cl_front_port(ifc->name) || ifc->is_bond || ifc->is_bridge)
        return false;
    ref->name = ifc->name;
    ref->alias = ifc->alias;
    pr_strlcpy(ref->lag_name, ifc->master_name, sizeof ref->lag_name);
    ref->stp_from_lag = cl_governing(model, ifc) != ifc;
    return true;
}

int cl_fill_switch(const struct cl_model *m, struct pr_switch *sw, struct pr_error *err)
{
    fill_stp(m, sw);
    const struct cli_port_table table = {m->ifs, m->n_ifs, sizeof *m->ifs, m, describe, fill};
    return cli_fill_ports(sw, &table, err);
}
