/* SPDX-License-Identifier: BSD-3-Clause */
/* From what an AOS-CX configuration says (aoscx_model.c) to port facts,
 * with the AOS-CX defaults where it says nothing, each stated in the
 * evidence with the guide that documents it (docs/aruba.md lists them):
 *   interfaces are disabled until `no shutdown` (Command-Line Interface
 *   Guide 10.03, shutdown); spanning tree runs only with the global
 *   `spanning-tree` statement, MSTP unless `spanning-tree mode rpvst`,
 *   forward delay 15 s and max age 20 s, `admin-network` (edge after 3 s
 *   without BPDUs) unless `spanning-tree port-type admin-edge`; RPVST+
 *   runs in the VLANs given `spanning-tree vlan` (Layer 2 Bridging Guide
 *   10.07); a LAG without `lacp fallback` blocks when no LACP partner
 *   answers, and `lacp fallback` acts on multi-chassis LAGs only (Link
 *   Aggregation Guide 10.11). A LAG member takes its VLANs and spanning
 *   tree from its LAG, where AOS-CX configures them. */
#include <stdio.h>
#include <string.h>

#include "aruba/aoscx.h"
#include "cli/cli_ports.h"
#include "util/strutil.h"

#define L2_GUIDE  "AOS-CX 10.07 Layer 2 Bridging Guide"
#define LAG_GUIDE "AOS-CX 10.11 Link Aggregation Guide"

/* "interface X: statement (line N)" */
static void set_if(struct pr_fact *f, int64_t value, const struct cx_iface *ifc,
                   const struct cli_line *line)
{
    pr_fact_set(f, value, "interface %s: %s (line %u)", ifc->name, line->text, line->lineno);
}

static void set_global(struct pr_fact *f, int64_t value, const struct cli_line *line)
{
    pr_fact_set(f, value, "%s (line %u)", line->text, line->lineno);
}

static void fill_stp(const struct aoscx_model *m, struct pr_switch *sw)
{
    struct pr_switch_stp *stp = &sw->stp;
    if (m->stp.line == NULL || m->stp.value == 0) {
        if (m->stp.line != NULL)
            set_global(&stp->mode, PR_MODE_OFF, m->stp.line);
        else
            pr_fact_set(&stp->mode, PR_MODE_OFF,
                        "no spanning-tree statement: spanning tree is off (AOS-CX writes "
                        "`spanning-tree` when it is enabled)");
    } else if (m->mode.line != NULL) {
        pr_fact_set(&stp->mode, m->mode.value, "%s (line %u), %s (line %u)", m->stp.line->text,
                    m->stp.line->lineno, m->mode.line->text, m->mode.line->lineno);
    } else {
        pr_fact_set(&stp->mode, PR_MODE_MSTP,
                    "%s (line %u), no spanning-tree mode: MSTP is the default (" L2_GUIDE ")",
                    m->stp.line->text, m->stp.line->lineno);
    }
    if (m->forward_delay.line != NULL)
        set_global(&stp->forward_delay_s, m->forward_delay.value, m->forward_delay.line);
    else
        pr_fact_set(&stp->forward_delay_s, 15, "forward delay 15 s (default, " L2_GUIDE ")");
    if (m->max_age.line != NULL)
        set_global(&stp->max_age_s, m->max_age.value, m->max_age.line);
    else
        pr_fact_set(&stp->max_age_s, 20, "max age 20 s (default, " L2_GUIDE ")");
}

static void fill_admin(const struct cx_iface *ifc, const struct cx_iface *lag,
                       struct pr_port_facts *f)
{
    if (ifc->shutdown.line != NULL && ifc->shutdown.value) {
        set_if(&f->admin_status, PR_IF_DOWN, ifc, ifc->shutdown.line);
    } else if (lag != NULL && lag->shutdown.line != NULL && lag->shutdown.value) {
        set_if(&f->admin_status, PR_IF_DOWN, lag, lag->shutdown.line);
        pr_strlcatf(f->admin_status.evidence, sizeof f->admin_status.evidence,
                    ": every member of the LAG is down");
    } else if (ifc->shutdown.line != NULL) {
        set_if(&f->admin_status, PR_IF_UP, ifc, ifc->shutdown.line);
    } else {
        pr_fact_set(&f->admin_status, PR_IF_DOWN,
                    "interface %s: no \"no shutdown\": interfaces are disabled by default when "
                    "created (AOS-CX 10.03 command reference, shutdown)",
                    ifc->name);
    }
}

/* LACP membership and fallback from the member's LAG. */
static void fill_lacp(const struct cx_iface *ifc, const struct cx_iface *lag,
                      struct pr_port_facts *f)
{
    if (ifc->lag.line == NULL) {
        pr_fact_set(&f->lacp_member, 0, "interface %s: no lag statement", ifc->name);
        return;
    }
    if (lag == NULL) {
        pr_fact_unknown(&f->lacp_member,
                        "interface %s: %s (line %u), and interface lag %d is not in the "
                        "configuration",
                        ifc->name, ifc->lag.line->text, ifc->lag.line->lineno, ifc->lag.value);
        return;
    }
    if (lag->static_lag.line != NULL || lag->lacp.line == NULL || lag->lacp.value == CX_LACP_OFF) {
        if (lag->lacp.line != NULL && lag->static_lag.line == NULL)
            set_if(&f->lacp_member, 0, lag, lag->lacp.line);
        else if (lag->static_lag.line != NULL)
            set_if(&f->lacp_member, 0, lag, lag->static_lag.line);
        else
            pr_fact_set(&f->lacp_member, 0,
                        "interface %s: lag %d; interface lag %d has no lacp mode: a static LAG",
                        ifc->name, lag->lag_id, lag->lag_id);
        return;
    }
    pr_fact_set(&f->lacp_member, 1,
                "interface %s: lag %d (line %u); interface lag %d: %s (line %u)", ifc->name,
                lag->lag_id, ifc->lag.line->lineno, lag->lag_id, lag->lacp.line->text,
                lag->lacp.line->lineno);
    if (lag->fallback_static.line != NULL && lag->fallback_static.value) {
        set_if(&f->lacp_fallback, 1, lag, lag->fallback_static.line);
        pr_strlcatf(f->lacp_fallback.evidence, sizeof f->lacp_fallback.evidence,
                    ": one member forwards without an LACP partner");
    } else if (lag->fallback.line != NULL && lag->fallback.value && lag->multichassis.line) {
        set_if(&f->lacp_fallback, 1, lag, lag->fallback.line);
        pr_strlcatf(f->lacp_fallback.evidence, sizeof f->lacp_fallback.evidence,
                    " on a multi-chassis LAG: members forward as single ports without a partner");
    } else if (lag->fallback.line != NULL && lag->fallback.value) {
        pr_fact_set(&f->lacp_fallback, 0,
                    "interface lag %d: %s (line %u), but lacp fallback acts on multi-chassis LAGs "
                    "only (" LAG_GUIDE "); without an LACP partner the LAG blocks",
                    lag->lag_id, lag->fallback.line->text, lag->fallback.line->lineno);
    } else {
        pr_fact_set(&f->lacp_fallback, 0,
                    "interface lag %d: no lacp fallback: without an LACP partner the LAG blocks "
                    "(" LAG_GUIDE ")",
                    lag->lag_id);
    }
}

/* Whether the interface switches (1), routes (0) or neither can be told
 * (-1); why in *why. */
static int layer2(const struct cx_iface *gov, const struct cli_line **why)
{
    if (gov->routing.line != NULL) {
        *why = gov->routing.line;
        return !gov->routing.value;
    }
    if (gov->vlan_access.line != NULL || gov->native.line != NULL || gov->allowed.line != NULL) {
        *why = gov->vlan_access.line ? gov->vlan_access.line
               : gov->native.line    ? gov->native.line
                                     : gov->allowed.line;
        return 1;
    }
    if (gov->ip.line != NULL) {
        *why = gov->ip.line;
        return 0;
    }
    *why = NULL;
    return -1;
}

static void fill_vlan(const struct cx_iface *gov, struct pr_port_facts *f)
{
    bool trunk = gov->vlan_access.line == NULL && (gov->native.line || gov->allowed.line);
    const struct cli_line *tl = gov->native.line ? gov->native.line : gov->allowed.line;
    if (trunk)
        set_if(&f->trunk, 1, gov, tl);
    else if (gov->vlan_access.line != NULL)
        set_if(&f->trunk, 0, gov, gov->vlan_access.line);
    else
        pr_fact_set(&f->trunk, 0, "interface %s: no vlan trunk statement: an access interface",
                    gov->name);
    pr_fact_set(&f->edge_applies_on_trunk, 1,
                "AOS-CX: spanning-tree port-type applies to access and trunk interfaces alike");
    if (!trunk) {
        if (gov->vlan_access.line != NULL)
            set_if(&f->access_vlan, gov->vlan_access.value, gov, gov->vlan_access.line);
        else
            pr_fact_set(&f->access_vlan, 1, "interface %s: no vlan access: VLAN 1 (default)",
                        gov->name);
    } else if (gov->native_tag.line != NULL) {
        pr_fact_unknown(&f->access_vlan,
                        "interface %s: %s (line %u): untagged frames (PXE) are dropped", gov->name,
                        gov->native_tag.line->text, gov->native_tag.line->lineno);
    } else if (gov->native.line != NULL) {
        set_if(&f->access_vlan, gov->native.value, gov, gov->native.line);
    } else {
        pr_fact_set(
            &f->access_vlan, 1,
            "interface %s: no vlan trunk native: VLAN 1 is the native VLAN (default, " L2_GUIDE ")",
            gov->name);
    }
}

static void fill_edge(const struct cx_iface *gov, struct pr_port_facts *f)
{
    if (gov->port_type.line != NULL) {
        set_if(&f->edge, gov->port_type.value ? PR_EDGE_YES : PR_EDGE_AUTO, gov,
               gov->port_type.line);
        if (!gov->port_type.value)
            pr_strlcatf(f->edge.evidence, sizeof f->edge.evidence,
                        ": edge only after 3 s without BPDUs");
    } else {
        pr_fact_set(&f->edge, PR_EDGE_AUTO,
                    "interface %s: no spanning-tree port-type: admin-network (default), edge only "
                    "after 3 s without BPDUs (" L2_GUIDE ")",
                    gov->name);
    }
    if (gov->bpdu_guard.line != NULL)
        set_if(&f->bpdu_guard, 1, gov, gov->bpdu_guard.line);
    else
        pr_fact_set(&f->bpdu_guard, 0, "interface %s: no spanning-tree bpdu-guard", gov->name);
}

static void fill_stp_enabled(const struct aoscx_model *m, const struct pr_switch *sw,
                             const struct cx_iface *gov, struct pr_port_facts *f)
{
    if (pr_fact_is(&sw->stp.mode, PR_MODE_OFF)) {
        pr_fact_set(&f->stp_enabled, 0, "%s", sw->stp.mode.evidence);
        return;
    }
    if (gov->bpdu_filter.line != NULL) {
        set_if(&f->stp_enabled, 0, gov, gov->bpdu_filter.line);
        pr_strlcatf(f->stp_enabled.evidence, sizeof f->stp_enabled.evidence,
                    ": the port ignores BPDUs and stays forwarding (" L2_GUIDE ")");
        return;
    }
    int vlan = f->access_vlan.known ? (int)f->access_vlan.value : 0;
    if (pr_fact_is(&sw->stp.mode, PR_MODE_RAPID_PVST) && vlan > 1 && vlan < 4095 &&
        m->rpvst_vlan[vlan] == NULL) {
        pr_fact_set(&f->stp_enabled, 0,
                    "RPVST+: no spanning-tree vlan %d, and `spanning-tree vlan` is what creates a "
                    "VLAN's RPVST instance (" L2_GUIDE ")",
                    vlan);
        return;
    }
    pr_fact_set(&f->stp_enabled, 1, "interface %s: layer 2 in VLAN %d, spanning tree on", gov->name,
                vlan);
}

static void fill_speed(const struct cx_iface *ifc, struct pr_port_facts *f)
{
    const struct cx_setting *sp = &ifc->speed;
    if (sp->line == NULL) {
        pr_fact_unknown(&f->autoneg,
                        "interface %s: no speed statement; the default depends on the port and "
                        "transceiver",
                        ifc->name);
        return;
    }
    set_if(&f->autoneg, sp->value == 0, ifc, sp->line);
    if (sp->value > 0)
        set_if(&f->speed_mbps, sp->value, ifc, sp->line);
}

static void fill_port(const struct aoscx_model *m, const struct pr_switch *sw,
                      const struct cx_iface *ifc, struct pr_port_facts *f)
{
    const struct cx_iface *lag = aoscx_lag_of(m, ifc);
    fill_admin(ifc, lag, f);
    fill_lacp(ifc, lag, f);
    fill_speed(ifc, f);
    if (ifc->lag.line != NULL && lag == NULL) {
        pr_fact_unknown(&f->edge,
                        "interface %s: %s (line %u): its LAG is not in the "
                        "configuration, which holds the port's VLANs and spanning tree",
                        ifc->name, ifc->lag.line->text, ifc->lag.line->lineno);
        pr_fact_unknown(&f->stp_enabled, "%s", f->edge.evidence);
        return;
    }
    const struct cx_iface *gov = lag != NULL ? lag : ifc;
    const struct cli_line *why;
    int l2 = layer2(gov, &why);
    if (l2 == 0) {
        set_if(&f->stp_enabled, 0, gov, why);
        pr_strlcatf(f->stp_enabled.evidence, sizeof f->stp_enabled.evidence,
                    " (routed interface: no spanning tree)");
        return;
    }
    if (l2 < 0) {
        pr_fact_unknown(&f->stp_enabled,
                        "interface %s: no routing, VLAN or address statement: whether it switches "
                        "depends on the model (routed by default on the 6300/6400, " L2_GUIDE ")",
                        gov->name);
        pr_fact_unknown(&f->edge, "%s", f->stp_enabled.evidence);
        pr_fact_unknown(&f->access_vlan, "%s", f->stp_enabled.evidence);
        return;
    }
    fill_vlan(gov, f);
    fill_edge(gov, f);
    fill_stp_enabled(m, sw, gov, f);
}

static bool describe(const void *model, const void *item, struct cli_port_ref *ref)
{
    const struct cx_iface *ifc = item;
    if (ifc->kind != CX_PORT)
        return false;
    ref->name = ifc->name;
    ref->alias = ifc->alias;
    if (ifc->lag.line != NULL) { /* "lag 247" on a member: the LAG is lag247 */
        snprintf(ref->lag_name, sizeof ref->lag_name, "lag%d", ifc->lag.value);
        ref->stp_from_lag = aoscx_lag_of(model, ifc) != NULL;
    }
    return true;
}

static void fill(const void *model, const struct pr_switch *sw, const void *item,
                 struct pr_port *port)
{
    fill_port(model, sw, item, &port->facts);
}

int aoscx_fill_switch(const struct aoscx_model *m, struct pr_switch *sw, struct pr_error *err)
{
    fill_stp(m, sw);
    const struct cli_port_table table = {m->ifaces, m->n_ifaces, sizeof *m->ifaces,
                                         m,         describe,    fill};
    return cli_fill_ports(sw, &table, err);
}
