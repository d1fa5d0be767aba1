/* SPDX-License-Identifier: BSD-3-Clause */
/* From what an ArubaOS-Switch configuration says (procurve_model.c) to
 * port facts, with the ArubaOS-Switch defaults where it says nothing, each
 * stated in the evidence with the guide that documents it (docs/aruba.md
 * lists them): ports enabled, speed-duplex auto (Management and
 * Configuration Guide 16.07); spanning tree off until `spanning-tree`,
 * then MSTP unless `spanning-tree mode rapid-pvst` or a force-version;
 * auto-edge-port on and admin-edge-port off (Advanced Traffic Management
 * Guide 16.07-16.09); LACP off, and a dynamically LACP-enabled port with
 * no partner works as a standard, untrunked port. ArubaOS-Switch has no
 * LACP fallback setting; what a static LACP trunk does without a partner
 * is not in those guides, so its fallback is unknown. */
#include <stdio.h>
#include <string.h>

#include "aruba/procurve.h"
#include "cli/cli_ports.h"
#include "util/strutil.h"

#define MCG  "ArubaOS-Switch 16.07 Management and Configuration Guide"
#define ATMG "ArubaOS-Switch 16.07 Advanced Traffic Management Guide"

static void set_line(struct pr_fact *f, int64_t value, const struct cli_line *line)
{
    pr_fact_set(f, value, "%s (line %u)", line->text, line->lineno);
}

/* "interface 5: disable (line 12)" for lines inside an interface
 * context, the line alone for a global one. */
static void set_port(struct pr_fact *f, int64_t value, const struct pc_if *pif,
                     const struct cli_line *line)
{
    if (line->indent > 0)
        pr_fact_set(f, value, "interface %s: %s (line %u)", pif->name, line->text, line->lineno);
    else
        set_line(f, value, line);
}

static void fill_stp(const struct procurve_model *m, struct pr_switch *sw)
{
    struct pr_switch_stp *stp = &sw->stp;
    const char *release = m->release[0] ? m->release : NULL;
    if (m->stp.line == NULL || m->stp.value == 0) {
        if (m->stp.line != NULL)
            set_line(&stp->mode, PR_MODE_OFF, m->stp.line);
        else
            pr_fact_set(&stp->mode, PR_MODE_OFF,
                        "no spanning-tree statement: spanning tree is off in the factory default "
                        "configuration (ArubaOS-Switch 16.09 Advanced Traffic Management Guide)");
    } else if (m->mode.line != NULL && m->mode.value == PR_MODE_RAPID_PVST) {
        set_line(&stp->mode, PR_MODE_RAPID_PVST, m->mode.line);
    } else if (m->legacy.line != NULL) {
        set_line(&stp->mode, PR_MODE_STP, m->legacy.line);
    } else if (m->force.line != NULL) {
        int mode = m->force.value == PC_FV_STP    ? PR_MODE_STP
                   : m->force.value == PC_FV_RSTP ? PR_MODE_RSTP
                                                  : PR_MODE_MSTP;
        set_line(&stp->mode, mode, m->force.line);
    } else {
        pr_fact_set(&stp->mode, PR_MODE_MSTP,
                    "%s (line %u), no spanning-tree mode or force-version: MSTP (default, " ATMG
                    ")%s%s",
                    m->stp.line->text, m->stp.line->lineno, release ? "; release " : "",
                    release ? release : "");
    }
    if (m->forward_delay.line != NULL)
        set_line(&stp->forward_delay_s, m->forward_delay.value, m->forward_delay.line);
    else
        pr_fact_unknown(&stp->forward_delay_s,
                        "no spanning-tree forward-delay statement; the guides consulted do not "
                        "state the ArubaOS-Switch default");
    if (m->max_age.line != NULL)
        set_line(&stp->max_age_s, m->max_age.value, m->max_age.line);
    else
        pr_fact_unknown(&stp->max_age_s,
                        "no spanning-tree maximum-age statement; the guides consulted do not state "
                        "the ArubaOS-Switch default");
}

static void fill_admin(const struct pc_if *pif, struct pr_port_facts *f)
{
    if (pif->disable.line != NULL)
        set_port(&f->admin_status, pif->disable.value ? PR_IF_DOWN : PR_IF_UP, pif,
                 pif->disable.line);
    else
        pr_fact_set(&f->admin_status, PR_IF_UP,
                    "interface %s: no disable statement (enable is the default, " MCG ")",
                    pif->name);
}

static void fill_lacp(const struct pc_if *pif, struct pr_port_facts *f)
{
    if (pif->member.line != NULL) {
        int type = pif->trunk_type.value;
        bool lacp = type == PC_TRUNK_LACP || type == PC_TRUNK_DT_LACP;
        set_line(&f->lacp_member, lacp, pif->member.line);
        if (!lacp) {
            pr_strlcatf(f->lacp_member.evidence, sizeof f->lacp_member.evidence,
                        ": a static trunk without LACP");
            return;
        }
        pr_fact_unknown(&f->lacp_fallback,
                        "Trk%d: ArubaOS-Switch has no LACP fallback setting (trunk PORTS trkN "
                        "trunk|lacp|dt-lacp|dt-trunk), and the guides consulted do not say what a "
                        "static LACP trunk does without an LACP partner",
                        pif->member.value);
        return;
    }
    if (pif->lacp.line != NULL && pif->lacp.value != 0) {
        set_port(&f->lacp_member, 0, pif, pif->lacp.line);
        pr_strlcatf(f->lacp_member.evidence, sizeof f->lacp_member.evidence,
                    ": dynamic LACP; without an LACP partner the port works as a standard, "
                    "untrunked port (" MCG ")");
        return;
    }
    pr_fact_set(&f->lacp_member, 0, "port %s: in no trunk, LACP off (default, " MCG ")", pif->name);
}

static void fill_speed(const struct pc_if *pif, struct pr_port_facts *f)
{
    if (pif->speed.line == NULL) {
        pr_fact_set(&f->autoneg, 1,
                    "interface %s: no speed-duplex statement: auto (default, " MCG ")", pif->name);
        return;
    }
    set_port(&f->autoneg, pif->speed.value == 0, pif, pif->speed.line);
    if (pif->speed.value > 0)
        set_port(&f->speed_mbps, pif->speed.value, pif, pif->speed.line);
}

static int tagged_count(const struct pc_if *pif)
{
    int n = 0;
    for (size_t w = 0; w < sizeof pif->tagged / sizeof pif->tagged[0]; w++)
        n += __builtin_popcountll(pif->tagged[w]);
    return n;
}

/* VLANs from the port's own membership or, for a trunk member, its
 * trunk's. */
static void fill_vlan(const struct pc_if *gov, struct pr_port_facts *f)
{
    int tagged = tagged_count(gov);
    if (tagged > 0)
        pr_fact_set(&f->trunk, 1, "%s is tagged in %d VLAN%s (%s, line %u)", gov->name, tagged,
                    tagged > 1 ? "s" : "", gov->tagged_line->text, gov->tagged_line->lineno);
    else
        pr_fact_set(&f->trunk, 0, "%s is tagged in no VLAN", gov->name);
    pr_fact_set(&f->edge_applies_on_trunk, 1,
                "ArubaOS-Switch: admin-edge-port applies to tagged and untagged ports alike");
    if (gov->untagged.line != NULL) {
        const struct cli_line *l = gov->untagged.line;
        pr_fact_set(&f->access_vlan, gov->untagged.value, "vlan %d: %s (line %u)",
                    gov->untagged.value, l->text, l->lineno);
    } else if (tagged > 0) {
        pr_fact_unknown(&f->access_vlan,
                        "%s is untagged in no VLAN, only tagged: untagged frames (PXE) are dropped",
                        gov->name);
    } else {
        pr_fact_unknown(&f->access_vlan, "%s is in no VLAN of the configuration", gov->name);
    }
}

static void fill_stp_port(const struct procurve_model *m, const struct pr_switch *sw,
                          const struct pc_if *gov, struct pr_port_facts *f)
{
    if (gov->admin_edge.line != NULL) {
        set_line(&f->edge, PR_EDGE_YES, gov->admin_edge.line);
    } else if (gov->auto_edge.line != NULL && gov->auto_edge.value == 0) {
        set_line(&f->edge, PR_EDGE_NO, gov->auto_edge.line);
        pr_strlcatf(f->edge.evidence, sizeof f->edge.evidence, ": no admin-edge-port either");
    } else {
        pr_fact_set(&f->edge, PR_EDGE_AUTO,
                    "%s: no admin-edge-port: auto-edge-port (default): edge only after 3 s "
                    "without BPDUs (" ATMG ")",
                    gov->name);
    }
    if (gov->bpdu_prot.line != NULL)
        set_line(&f->bpdu_guard, 1, gov->bpdu_prot.line);
    else
        pr_fact_set(&f->bpdu_guard, 0, "%s: no bpdu-protection", gov->name);

    if (pr_fact_is(&sw->stp.mode, PR_MODE_OFF)) {
        pr_fact_set(&f->stp_enabled, 0, "%s", sw->stp.mode.evidence);
        return;
    }
    if (gov->bpdu_filter.line != NULL) {
        set_line(&f->stp_enabled, 0, gov->bpdu_filter.line);
        pr_strlcatf(f->stp_enabled.evidence, sizeof f->stp_enabled.evidence,
                    ": the port stays forwarding, outside spanning tree (" ATMG ")");
        return;
    }
    int vlan = f->access_vlan.known ? (int)f->access_vlan.value : 0;
    if (pr_fact_is(&sw->stp.mode, PR_MODE_RAPID_PVST) && vlan > 0 && vlan < 4095 &&
        m->vlan_stp_off[vlan] != NULL) {
        set_line(&f->stp_enabled, 0, m->vlan_stp_off[vlan]);
        pr_strlcatf(f->stp_enabled.evidence, sizeof f->stp_enabled.evidence,
                    ": RPVST+ is off in VLAN %d, the port's VLAN", vlan);
        return;
    }
    pr_fact_set(&f->stp_enabled, 1, "%s: spanning tree on", gov->name);
}

static void fill_port(const struct procurve_model *m, const struct pr_switch *sw,
                      const struct pc_if *pif, struct pr_port_facts *f)
{
    fill_admin(pif, f);
    fill_lacp(pif, f);
    fill_speed(pif, f);
    const struct pc_if *gov = pif;
    if (pif->member.line != NULL) {
        gov = procurve_trunk_of(m, pif);
        if (gov == NULL) {
            pr_fact_unknown(&f->edge, "port %s: Trk%d has no entry", pif->name, pif->member.value);
            return;
        }
    }
    fill_vlan(gov, f);
    fill_stp_port(m, sw, gov, f);
}

static bool describe(const void *model, const void *item, struct cli_port_ref *ref)
{
    const struct pc_if *ifc = item;
    if (ifc->kind != PC_PORT)
        return false;
    ref->name = ifc->name;
    ref->alias = ifc->alias;
    if (ifc->member.line != NULL) { /* "trunk 23-24 trk1": the trunk is Trk1 */
        snprintf(ref->lag_name, sizeof ref->lag_name, "Trk%d", ifc->member.value);
        ref->stp_from_lag = procurve_trunk_of(model, ifc) != NULL;
    }
    return true;
}

static void fill(const void *model, const struct pr_switch *sw, const void *item,
                 struct pr_port *port)
{
    fill_port(model, sw, item, &port->facts);
}

int procurve_fill_switch(const struct procurve_model *m, struct pr_switch *sw, struct pr_error *err)
{
    fill_stp(m, sw);
    const struct cli_port_table table = {m->ifs, m->n_ifs, sizeof *m->ifs, m, describe, fill};
    return cli_fill_ports(sw, &table, err);
}
