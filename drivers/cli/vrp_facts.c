/* SPDX-License-Identifier: BSD-3-Clause */
/* From what a `#`-sectioned configuration says (vrp_model.c) to port facts,
 * with the dialect's defaults where it says nothing, each stated in the
 * evidence with the document that gives it (docs/huawei.md and
 * docs/comware.md list them):
 *   both: an interface forwards unless `shutdown`; spanning tree runs on
 *   every port unless disabled there; a port is not edge unless
 *   `stp edged-port` (HH3C-LswMSTP-MIB hh3cdot1sMstiStpPortEdgeport DEFVAL
 *   disabled), where VRP detects an edge port (no BPDU within 2 x hello + 1 s,
 *   Huawei's command reference of stp edged-port); forward delay 15 s, max
 *   age 20 s; untagged frames enter the port's PVID, VLAN 1 unless set, and a
 *   trunk or hybrid port carries VLAN 1 until told otherwise; a member of an
 *   aggregate takes its spanning tree and VLANs from the aggregate (the
 *   Comware command reference: a member's `stp enable` acts only once it
 *   leaves the group).
 *   VRP: spanning tree is on, MSTP (hwMstpForceVersion's default); an
 *   Eth-Trunk in `mode lacp` has no documented fallback: unknown.
 *   Comware 7: spanning tree runs only with `stp global enable` (off with
 *   the initial settings), MSTP unless `stp mode`; a dynamic aggregate
 *   forwards without a partner only with `lacp edge-port`. Comware 5:
 *   `stp enable`, whose default the documents searched do not settle. */
#include <stdio.h>
#include <string.h>

#include "cli/cli_ports.h"
#include "cli/vrp_family.h"
#include "util/strutil.h"

#define CW_L2_GUIDE "HPE 5700 Layer 2 LAN Switching Configuration Guide"
#define CW_L2_REF   "HPE 7500 Layer 2 LAN Switching Command Reference"
#define CW_LAG_DOC  "H3C S5830V2 Layer 2 LAN Switching Configuration Guide, edge aggregate interface"
#define HW_MIB      "HUAWEI-MSTP-MIB"
#define HW_CE_REF   "Huawei CloudEngine command reference"

static void set_if(struct pr_fact *f, int64_t value, const struct vrp_iface *ifc,
                   const struct cli_line *line)
{
    pr_fact_set(f, value, "interface %s: %s (line %u)", ifc->name, line->text, line->lineno);
}

static void set_global(struct pr_fact *f, int64_t value, const struct cli_line *line)
{
    pr_fact_set(f, value, "%s (line %u)", line->text, line->lineno);
}

static void fill_mode(const struct vrp_model *m, struct pr_switch_stp *stp)
{
    bool comware = m->dialect == VRP_COMWARE;
    if (m->stp.line != NULL && m->stp.value == 0) {
        set_global(&stp->mode, PR_MODE_OFF, m->stp.line);
        return;
    }
    if (m->stp.line == NULL && comware && m->major != 7) {
        pr_fact_unknown(&stp->mode,
                        "no stp enable: whether spanning tree runs is the model's default on "
                        "Comware %s",
                        m->major ? "5" : "of unknown version");
        return;
    }
    if (m->stp.line == NULL && comware) {
        pr_fact_set(&stp->mode, PR_MODE_OFF,
                    "no stp global enable: spanning tree is off (disabled globally with the "
                    "initial settings, " CW_L2_GUIDE ")");
        return;
    }
    char on[200];
    if (m->stp.line != NULL)
        snprintf(on, sizeof on, "%s (line %u)", m->stp.line->text, m->stp.line->lineno);
    else
        snprintf(on, sizeof on, "no stp disable: spanning tree runs (on by default)");
    if (m->mode.line != NULL)
        pr_fact_set(&stp->mode, m->mode.value, "%s, %s (line %u)", on, m->mode.line->text,
                    m->mode.line->lineno);
    else
        pr_fact_set(&stp->mode, PR_MODE_MSTP, "%s, no stp mode: MSTP is the default (%s)", on,
                    comware ? CW_L2_REF ", stp mode" : HW_MIB " hwMstpForceVersion");
}

static void fill_stp(const struct vrp_model *m, struct pr_switch *sw)
{
    struct pr_switch_stp *stp = &sw->stp;
    fill_mode(m, stp);
    if (m->fwd_delay.line != NULL)
        pr_fact_set(&stp->forward_delay_s, m->fwd_delay.value / 100, "%s (line %u): centiseconds",
                    m->fwd_delay.line->text, m->fwd_delay.line->lineno);
    else
        pr_fact_set(&stp->forward_delay_s, 15, "forward delay 15 s (default, 1500 cs)");
    if (m->max_age.line != NULL)
        pr_fact_set(&stp->max_age_s, m->max_age.value / 100, "%s (line %u): centiseconds",
                    m->max_age.line->text, m->max_age.line->lineno);
    else
        pr_fact_set(&stp->max_age_s, 20, "max age 20 s (default, 2000 cs)");
    if (m->dialect == VRP_HUAWEI && m->hello.line != NULL) {
        char src[160];
        snprintf(src, sizeof src, "%s (line %u)", m->hello.line->text, m->hello.line->lineno);
        vrp_auto_edge_wait(m->hello.value, src, stp);
    } else if (m->dialect == VRP_HUAWEI) {
        vrp_auto_edge_wait(-1, NULL, stp);
    }
}

void vrp_auto_edge_wait(int hello_cs, const char *src, struct pr_switch_stp *stp)
{
    if (hello_cs < 0) {
        hello_cs = 200;
        src = "no stp timer hello: 200 cs by default";
    }
    /* Whole seconds, rounded up: the port forwards once the wait is over. */
    int64_t wait = (2 * (int64_t)hello_cs + 100 + 99) / 100;
    pr_fact_set(&stp->auto_edge_wait_s, wait,
                "VRP edge detection: no BPDU in 2 x hello + 1 s = %lld s (%s; " HW_CE_REF
                ", stp edged-port)",
                (long long)wait, src);
}

static void fill_admin(const struct vrp_iface *ifc, const struct vrp_iface *agg,
                       struct pr_port_facts *f)
{
    if (ifc->shutdown.line != NULL && ifc->shutdown.value) {
        set_if(&f->admin_status, PR_IF_DOWN, ifc, ifc->shutdown.line);
    } else if (agg != NULL && agg->shutdown.line != NULL && agg->shutdown.value) {
        set_if(&f->admin_status, PR_IF_DOWN, agg, agg->shutdown.line);
        pr_strlcatf(f->admin_status.evidence, sizeof f->admin_status.evidence,
                    ": every member of the aggregate is down");
    } else if (ifc->shutdown.line != NULL) {
        set_if(&f->admin_status, PR_IF_UP, ifc, ifc->shutdown.line);
    } else {
        pr_fact_set(&f->admin_status, PR_IF_UP,
                    "interface %s: no shutdown statement: the interface is enabled (the "
                    "configuration writes shutdown when it is set)",
                    ifc->name);
    }
}

static void fill_lacp(enum vrp_dialect d, const struct vrp_iface *ifc, const struct vrp_iface *agg,
                      struct pr_port_facts *f)
{
    if (ifc->member.line == NULL) {
        pr_fact_set(&f->lacp_member, 0, "interface %s: in no aggregation group", ifc->name);
        return;
    }
    if (agg == NULL) {
        pr_fact_unknown(&f->lacp_member,
                        "interface %s: %s (line %u), and its aggregate is not in "
                        "the configuration",
                        ifc->name, ifc->member.line->text, ifc->member.line->lineno);
        return;
    }
    if (agg->lacp.line == NULL || agg->lacp.value == 0) {
        if (agg->lacp.line != NULL)
            set_if(&f->lacp_member, 0, agg, agg->lacp.line);
        else
            pr_fact_set(&f->lacp_member, 0,
                        "interface %s: no %s: a static aggregate, no LACP (the default)", agg->name,
                        d == VRP_COMWARE ? "link-aggregation mode dynamic" : "mode lacp");
        return;
    }
    pr_fact_set(&f->lacp_member, 1, "interface %s: %s (line %u); interface %s: %s (line %u)",
                ifc->name, ifc->member.line->text, ifc->member.line->lineno, agg->name,
                agg->lacp.line->text, agg->lacp.line->lineno);
    if (d == VRP_HUAWEI) {
        pr_fact_unknown(&f->lacp_fallback,
                        "interface %s: %s (line %u): no VRP release documents an LACP fallback "
                        "for an Eth-Trunk, so whether it forwards without a partner is not known",
                        agg->name, agg->lacp.line->text, agg->lacp.line->lineno);
    } else if (agg->lacp_edge.line != NULL && agg->lacp_edge.value) {
        set_if(&f->lacp_fallback, 1, agg, agg->lacp_edge.line);
        pr_strlcatf(f->lacp_fallback.evidence, sizeof f->lacp_fallback.evidence,
                    ": an edge aggregate interface, its members forward without LACPDUs");
    } else {
        pr_fact_set(&f->lacp_fallback, 0,
                    "interface %s: no lacp edge-port: without an LACP partner no member is "
                    "Selected (" CW_LAG_DOC ")",
                    agg->name);
    }
}

/* 1 switched, 0 routed, with the line that says so in *why (NULL: the
 * default, switched). */
static int layer2(const struct vrp_iface *gov, const struct cli_line **why)
{
    *why = NULL;
    if (gov->routed.line != NULL) {
        *why = gov->routed.line;
        return !gov->routed.value;
    }
    if (gov->ip.line != NULL && gov->link_type.line == NULL && gov->access.line == NULL) {
        *why = gov->ip.line;
        return 0;
    }
    return 1;
}

/* The VLAN untagged frames (PXE) end in: the PVID, when the port sends it
 * untagged. */
static void fill_vlan(const struct vrp_iface *gov, struct pr_port_facts *f)
{
    int type = gov->link_type.line ? gov->link_type.value : VRP_LINK_ACCESS;
    pr_fact_set(&f->edge_applies_on_trunk, 1,
                "stp edged-port acts on access, trunk and hybrid ports alike");
    if (type == VRP_LINK_OTHER) {
        set_if(&f->trunk, 1, gov, gov->link_type.line);
        pr_fact_unknown(&f->access_vlan,
                        "interface %s: %s (line %u): not an access, trunk or "
                        "hybrid port",
                        gov->name, gov->link_type.line->text, gov->link_type.line->lineno);
        return;
    }
    if (type == VRP_LINK_ACCESS) {
        if (gov->link_type.line != NULL)
            set_if(&f->trunk, 0, gov, gov->link_type.line);
        else
            pr_fact_set(&f->trunk, 0, "interface %s: no port link-type: an access port", gov->name);
        if (gov->access.line != NULL)
            set_if(&f->access_vlan, gov->access.value, gov, gov->access.line);
        else
            pr_fact_set(&f->access_vlan, 1, "interface %s: no access VLAN: VLAN 1 (default)",
                        gov->name);
        return;
    }
    set_if(&f->trunk, 1, gov, gov->link_type.line);
    bool trunk = type == VRP_LINK_TRUNK;
    const struct vrp_setting *pvid = trunk ? &gov->trunk_pvid : &gov->hybrid_pvid;
    const struct vrp_setting *list = trunk ? &gov->trunk_vlans : &gov->hybrid_vlans;
    const bool *carried = trunk ? gov->trunk_allowed : gov->hybrid_untagged;
    int v = pvid->line ? pvid->value : 1;
    char why[160];
    if (pvid->line != NULL)
        snprintf(why, sizeof why, "%s (line %u)", pvid->line->text, pvid->line->lineno);
    else
        snprintf(why, sizeof why, "no %s pvid: PVID 1 (default)", trunk ? "trunk" : "hybrid");
    if (!carried[v]) {
        pr_fact_unknown(&f->access_vlan,
                        "interface %s: %s, but VLAN %d is not %s (%s, line %u): untagged frames "
                        "(PXE) are dropped",
                        gov->name, why, v, trunk ? "permitted" : "untagged on the port",
                        list->line ? list->line->text : "the default",
                        list->line ? list->line->lineno : 0);
        return;
    }
    pr_fact_set(&f->access_vlan, v, "interface %s: %s, sent untagged", gov->name, why);
}

static void fill_edge(const struct vrp_model *m, const struct vrp_iface *gov,
                      struct pr_port_facts *f)
{
    if (gov->edge.line != NULL)
        set_if(&f->edge, gov->edge.value ? PR_EDGE_YES : PR_EDGE_NO, gov, gov->edge.line);
    else if (m->dialect == VRP_HUAWEI && m->edge_default.line != NULL && m->edge_default.value)
        pr_fact_set(&f->edge, PR_EDGE_YES,
                    "interface %s: no stp edged-port; %s (line %u) makes every such port edge "
                    "(" HW_CE_REF ", stp edged-port default)",
                    gov->name, m->edge_default.line->text, m->edge_default.line->lineno);
    else if (m->dialect == VRP_HUAWEI && m->mode.line != NULL && m->mode.value == PR_MODE_STP)
        pr_fact_set(&f->edge, PR_EDGE_NO,
                    "interface %s: no stp edged-port, and under %s (line %u) VRP detects no edge "
                    "port: detection is RSTP's and MSTP's (it needs RSTP BPDUs, 802.1D-2004 "
                    "17.25)",
                    gov->name, m->mode.line->text, m->mode.line->lineno);
    else if (m->dialect == VRP_COMWARE)
        pr_fact_set(&f->edge, PR_EDGE_NO,
                    "interface %s: no stp edged-port: a non-edge port (default, HH3C-LswMSTP-MIB "
                    "hh3cdot1sMstiStpPortEdgeport)",
                    gov->name);
    else
        pr_fact_set(&f->edge, PR_EDGE_AUTO,
                    "interface %s: no stp edged-port: left to edge detection, edge only after "
                    "2 x hello + 1 s without BPDUs (" HW_CE_REF ", stp edged-port)",
                    gov->name);
    if (m->bpdu_protect.line != NULL)
        set_global(&f->bpdu_guard, m->bpdu_protect.value, m->bpdu_protect.line);
    else
        pr_fact_set(&f->bpdu_guard, 0, "no stp bpdu-protection (off by default)");
}

static void fill_stp_enabled(const struct pr_switch *sw, const struct vrp_iface *gov,
                             struct pr_port_facts *f)
{
    if (pr_fact_is(&sw->stp.mode, PR_MODE_OFF)) {
        pr_fact_set(&f->stp_enabled, 0, "%s", sw->stp.mode.evidence);
    } else if (gov->bpdu_filter.line != NULL && gov->bpdu_filter.value) {
        set_if(&f->stp_enabled, 0, gov, gov->bpdu_filter.line);
        pr_strlcatf(f->stp_enabled.evidence, sizeof f->stp_enabled.evidence,
                    ": the port neither sends nor processes BPDUs");
    } else if (gov->stp_port.line != NULL) {
        set_if(&f->stp_enabled, gov->stp_port.value, gov, gov->stp_port.line);
    } else {
        pr_fact_set(&f->stp_enabled, 1,
                    "interface %s: spanning tree on (enabled on every port by default)", gov->name);
    }
}

static void fill_speed(const struct vrp_iface *ifc, struct pr_port_facts *f)
{
    if (ifc->speed.line == NULL) {
        pr_fact_unknown(&f->autoneg,
                        "interface %s: no speed statement; the default depends on "
                        "the port and transceiver",
                        ifc->name);
        return;
    }
    set_if(&f->autoneg, ifc->speed.value == 0, ifc, ifc->speed.line);
    if (ifc->speed.value > 0)
        set_if(&f->speed_mbps, ifc->speed.value, ifc, ifc->speed.line);
}

static void fill_port(const struct vrp_model *m, const struct pr_switch *sw,
                      const struct vrp_iface *ifc, struct pr_port_facts *f)
{
    const struct vrp_iface *agg = vrp_agg_of(m, ifc);
    fill_admin(ifc, agg, f);
    fill_lacp(m->dialect, ifc, agg, f);
    fill_speed(ifc, f);
    if (ifc->member.line != NULL && agg == NULL) {
        pr_fact_unknown(&f->edge,
                        "interface %s: %s (line %u): its aggregate, which holds the port's VLANs "
                        "and spanning tree, is not in the configuration",
                        ifc->name, ifc->member.line->text, ifc->member.line->lineno);
        pr_fact_unknown(&f->stp_enabled, "%s", f->edge.evidence);
        return;
    }
    const struct vrp_iface *gov = agg != NULL ? agg : ifc;
    const struct cli_line *why;
    if (!layer2(ifc, &why) || !layer2(gov, &why)) {
        set_if(&f->stp_enabled, 0, gov, why);
        pr_strlcatf(f->stp_enabled.evidence, sizeof f->stp_enabled.evidence,
                    " (a routed port: no spanning tree)");
        return;
    }
    fill_vlan(gov, f);
    fill_edge(m, gov, f);
    fill_stp_enabled(sw, gov, f);
}

static bool describe(const void *model, const void *item, struct cli_port_ref *ref)
{
    const struct vrp_iface *ifc = item;
    if (ifc->kind != VRP_PORT)
        return false;
    ref->name = ifc->name;
    ref->alias = ifc->alias;
    const struct vrp_iface *agg = vrp_agg_of(model, ifc);
    if (agg != NULL)
        pr_strlcpy(ref->lag_name, agg->name, sizeof ref->lag_name);
    ref->stp_from_lag = agg != NULL;
    return true;
}

static void fill(const void *model, const struct pr_switch *sw, const void *item,
                 struct pr_port *port)
{
    fill_port(model, sw, item, &port->facts);
}

int vrp_fill_switch(const struct vrp_model *m, struct pr_switch *sw, struct pr_error *err)
{
    fill_stp(m, sw);
    const struct cli_port_table table = {m->ifaces, m->n_ifaces, sizeof *m->ifaces,
                                         m,         describe,    fill};
    return cli_fill_ports(sw, &table, err);
}
