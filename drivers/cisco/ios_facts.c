/* SPDX-License-Identifier: BSD-3-Clause */
/* From what the configuration says (ios_model.c) to port facts, with the
 * platform defaults that apply where it says nothing, each stated in the
 * evidence. */
#include "cisco/ios_model.h"

#include <stdio.h>
#include <string.h>

#include "util/strutil.h"

/* " (line N)" after a statement; "" for statements that have no line of
 * their own (read from the IOS-XE native model, iosxe_xml.c). */
struct line_ref {
    char text[24];
};

static const char *at(const struct ios_line *line, struct line_ref *ref)
{
    ref->text[0] = '\0';
    if (line->lineno > 0)
        snprintf(ref->text, sizeof ref->text, " (line %u)", line->lineno);
    return ref->text;
}

/* "interface X: statement (line N)" */
static void set_if(struct pr_fact *f, int64_t value, const struct ios_iface *ifc,
                   const struct ios_line *line)
{
    struct line_ref r;
    pr_fact_set(f, value, "interface %s: %s%s", ifc->name, line->text, at(line, &r));
}

static void set_global(struct pr_fact *f, int64_t value, const struct ios_line *line)
{
    struct line_ref r;
    pr_fact_set(f, value, "%s%s", line->text, at(line, &r));
}

static bool is_cisco(enum ios_platform p)
{
    return p == IOS_PLATFORM_IOS || p == IOS_PLATFORM_IOS_XE;
}

static void fill_stp(const struct ios_model *m, struct pr_switch *sw)
{
    struct pr_switch_stp *stp = &sw->stp;
    if (m->stp_mode.line != NULL) {
        set_global(&stp->mode, m->stp_mode.value, m->stp_mode.line);
    } else {
        switch (m->platform) {
        case IOS_PLATFORM_IOS:
            pr_fact_set(&stp->mode, PR_MODE_PVST,
                        "no spanning-tree mode statement: PVST+ is the Catalyst IOS default%s%s",
                        m->cfg->platform.version[0] ? " (version " : "",
                        m->cfg->platform.version[0] ? m->cfg->platform.version : "");
            if (m->cfg->platform.version[0])
                pr_strlcatf(stp->mode.evidence, sizeof stp->mode.evidence, ")");
            break;
        case IOS_PLATFORM_IOS_XE:
            pr_fact_set(&stp->mode, PR_MODE_RAPID_PVST,
                        "no spanning-tree mode statement: Rapid PVST+ is the IOS-XE%s%s default "
                        "(Catalyst 9000)",
                        m->cfg->platform.version[0] ? " " : "", m->cfg->platform.version);
            break;
        case IOS_PLATFORM_NXOS:
            pr_fact_set(&stp->mode, PR_MODE_RAPID_PVST,
                        "no spanning-tree mode statement: Rapid PVST+ is the NX-OS default");
            break;
        case IOS_PLATFORM_EOS:
            pr_fact_set(&stp->mode, PR_MODE_MSTP,
                        "no spanning-tree mode statement: MSTP is the EOS default");
            break;
        case IOS_PLATFORM_UNKNOWN:
            pr_fact_unknown(&stp->mode, "no spanning-tree mode statement, platform unknown");
            break;
        }
    }
    if (m->forward_time.line != NULL)
        set_global(&stp->forward_delay_s, m->forward_time.value, m->forward_time.line);
    else
        pr_fact_set(&stp->forward_delay_s, 15, "forward-time 15 s (default)");
    for (int v = 2; v < 4095; v++) {
        if (m->vlan_forward_time[v] != 0) {
            pr_strlcatf(stp->forward_delay_s.evidence, sizeof stp->forward_delay_s.evidence,
                        "; VLAN %d: %u s", v, m->vlan_forward_time[v]);
        }
    }
    if (m->max_age.line != NULL)
        set_global(&stp->max_age_s, m->max_age.value, m->max_age.line);
    else
        pr_fact_set(&stp->max_age_s, 20, "max-age 20 s (default)");
}

/* NX-OS prints `switchport` and `no shutdown` only where they differ from
 * the system defaults, and those defaults differ between Nexus models
 * (routed and shut on the 7000 and most 9000s; switched and up on the
 * 5000). So the defaults come from `system default switchport [shutdown]`
 * when present, else from what the other ports show: a port that needs an
 * explicit `no shutdown` means the default is shut. */
struct nxos_defaults {
    int l2; /* -1 unknown, 0 routed, 1 switched */
    const struct ios_iface *l2_witness;
    int shut; /* -1 unknown, 0 up, 1 shut */
    const struct ios_iface *shut_witness;
};

static void nxos_defaults(const struct ios_model *m, struct nxos_defaults *d)
{
    d->l2 = d->shut = -1;
    d->l2_witness = d->shut_witness = NULL;
    if (m->sys_switchport.line != NULL)
        d->l2 = m->sys_switchport.value;
    if (m->sys_switchport_shutdown.line != NULL)
        d->shut = m->sys_switchport_shutdown.value;
    for (size_t i = 0; i < m->n_ifaces; i++) {
        const struct ios_iface *ifc = &m->ifaces[i];
        if (!ifc->physical)
            continue;
        if (d->l2 == -1 && ifc->switchport.line != NULL) {
            d->l2 = !ifc->switchport.value; /* printed only when not the default */
            d->l2_witness = ifc;
        }
        if (d->shut == -1 && ifc->shutdown.line != NULL) {
            d->shut = !ifc->shutdown.value;
            d->shut_witness = ifc;
        }
    }
}

static bool is_routed(const struct ios_model *m, const struct nxos_defaults *nx,
                      const struct ios_iface *ifc)
{
    if (ifc->switchport.line != NULL)
        return ifc->switchport.value == 0;
    if (m->platform == IOS_PLATFORM_NXOS)
        return nx->l2 == 0;
    return false; /* Catalyst and EOS Ethernet ports are switch ports by default */
}

static void fill_admin(const struct ios_model *m, const struct nxos_defaults *nx,
                       const struct ios_iface *ifc, struct pr_port_facts *f)
{
    if (ifc->shutdown.line != NULL) {
        set_if(&f->admin_status, ifc->shutdown.value ? PR_IF_DOWN : PR_IF_UP, ifc,
               ifc->shutdown.line);
    } else if (m->platform != IOS_PLATFORM_NXOS) {
        pr_fact_set(&f->admin_status, PR_IF_UP,
                    "interface %s: no shutdown statement (enabled by default)", ifc->name);
    } else if (nx->shut_witness != NULL) {
        pr_fact_set(&f->admin_status, nx->shut ? PR_IF_DOWN : PR_IF_UP,
                    "interface %s: no shutdown statement; NX-OS prints only non-default states "
                    "and interface %s has \"%s\", so the default is %s",
                    ifc->name, nx->shut_witness->name, nx->shut_witness->shutdown.line->text,
                    nx->shut ? "shut" : "enabled");
    } else if (nx->shut != -1) {
        struct line_ref r;
        pr_fact_set(&f->admin_status, nx->shut ? PR_IF_DOWN : PR_IF_UP,
                    "interface %s: no shutdown statement; %s%s", ifc->name,
                    m->sys_switchport_shutdown.line->text, at(m->sys_switchport_shutdown.line, &r));
    } else {
        pr_fact_unknown(&f->admin_status,
                        "interface %s: no shutdown statement; the NX-OS default depends on the "
                        "model",
                        ifc->name);
    }
}

static void fill_trunk_vlan(const struct ios_model *m, const struct ios_iface *ifc,
                            struct pr_port_facts *f)
{
    const struct ios_setting *mode = &ifc->swmode;
    bool trunk =
        mode->line != NULL && (mode->value == IOS_SWMODE_TRUNK || mode->value == IOS_SWMODE_FABRIC);
    if (mode->line != NULL)
        set_if(&f->trunk, trunk, ifc, mode->line);
    else if (is_cisco(m->platform))
        pr_fact_set(&f->trunk, 0,
                    "interface %s: no switchport mode: dynamic auto, an access port towards a "
                    "server (no DTP)",
                    ifc->name);
    else
        pr_fact_set(&f->trunk, 0, "interface %s: no switchport mode: access (default)", ifc->name);

    const struct ios_setting *vlan = trunk ? &ifc->native_vlan : &ifc->access_vlan;
    if (vlan->line != NULL && vlan->value > 0)
        set_if(&f->access_vlan, vlan->value, ifc, vlan->line);
    else if (vlan->line != NULL)
        pr_fact_unknown(&f->access_vlan, "interface %s: %s (VLAN given by name)", ifc->name,
                        vlan->line->text);
    else
        pr_fact_set(&f->access_vlan, 1, "interface %s: no switchport %s vlan: VLAN 1 (default)",
                    ifc->name, trunk ? "trunk native" : "access");
}

static void fill_edge_cisco(const struct ios_model *m, const struct ios_iface *ifc,
                            struct pr_port_facts *f)
{
    const char *what =
        m->platform == IOS_PLATFORM_NXOS ? "spanning-tree port type" : "spanning-tree portfast";
    if (ifc->portfast.line != NULL) {
        int pf = ifc->portfast.value;
        set_if(&f->edge, pf == IOS_PF_DISABLE ? PR_EDGE_NO : PR_EDGE_YES, ifc, ifc->portfast.line);
        set_if(&f->edge_applies_on_trunk, pf == IOS_PF_TRUNK, ifc, ifc->portfast.line);
    } else if (m->portfast_default.line != NULL) {
        set_global(&f->edge, m->portfast_default.value ? PR_EDGE_YES : PR_EDGE_NO,
                   m->portfast_default.line);
        pr_strlcatf(f->edge.evidence, sizeof f->edge.evidence, ", no %s on interface %s", what,
                    ifc->name);
        pr_fact_set(&f->edge_applies_on_trunk, 0, "%s (acts on access ports only)",
                    m->portfast_default.line->text);
    } else {
        pr_fact_set(&f->edge, PR_EDGE_NO, "interface %s: no %s statement and no global %s default",
                    ifc->name, what, what);
    }
}

static void fill_edge_eos(const struct ios_iface *ifc, struct pr_port_facts *f)
{
    pr_fact_set(&f->edge_applies_on_trunk, 1, "EOS: spanning-tree portfast acts on trunks too");
    if (ifc->eos_edge.line != NULL && ifc->eos_edge.value) {
        set_if(&f->edge, PR_EDGE_YES, ifc, ifc->eos_edge.line);
    } else if (ifc->eos_auto.line != NULL) {
        set_if(&f->edge, ifc->eos_auto.value ? PR_EDGE_AUTO : PR_EDGE_NO, ifc, ifc->eos_auto.line);
    } else {
        pr_fact_set(&f->edge, PR_EDGE_AUTO,
                    "interface %s: %s: spanning-tree portfast auto (EOS default)", ifc->name,
                    ifc->eos_edge.line ? ifc->eos_edge.line->text : "no spanning-tree portfast");
    }
}

/* Spanning tree runs on the port-channel, not on its members (IOS, NX-OS
 * and EOS alike): a member of a configured channel takes the channel's
 * edge, the channel's own statement or its default, whatever the member
 * says; its edge fix goes on the channel's interface (ios_snippet.c). */
static void edge_from_channel(const struct ios_model *m, const struct ios_iface *ifc,
                              struct pr_port_facts *f)
{
    const struct ios_iface *channel = ios_model_channel_of(m, ifc);
    if (channel == NULL || channel == ifc)
        return;
    struct pr_port_facts cf;
    pr_port_facts_init(&cf);
    if (m->platform == IOS_PLATFORM_EOS)
        fill_edge_eos(channel, &cf);
    else
        fill_edge_cisco(m, channel, &cf);
    if (!cf.edge.known)
        return;
    f->edge = cf.edge;
    pr_fact_from_aggregate(&f->edge, channel->name);
    if (cf.edge_applies_on_trunk.known) {
        f->edge_applies_on_trunk = cf.edge_applies_on_trunk;
        pr_fact_from_aggregate(&f->edge_applies_on_trunk, channel->name);
    }
}

static void fill_bpduguard(const struct ios_model *m, const struct ios_iface *ifc,
                           struct pr_port_facts *f)
{
    bool edge_acts = f->edge.known && f->edge.value == PR_EDGE_YES &&
                     (f->trunk.value == 0 || f->edge_applies_on_trunk.value == 1);
    if (ifc->bpduguard.line != NULL)
        set_if(&f->bpdu_guard, ifc->bpduguard.value, ifc, ifc->bpduguard.line);
    else if (m->bpduguard_default.line != NULL && m->bpduguard_default.value && edge_acts)
        set_global(&f->bpdu_guard, 1, m->bpduguard_default.line);
    else
        pr_fact_set(&f->bpdu_guard, 0, "interface %s: no spanning-tree bpduguard%s", ifc->name,
                    m->bpduguard_default.line ? " (the global default acts on edge ports only)"
                                              : "");
}

static void fill_stp_enabled(const struct pr_switch *sw, const struct ios_model *m,
                             const struct ios_iface *ifc, struct pr_port_facts *f)
{
    int64_t mode = sw->stp.mode.known ? sw->stp.mode.value : -1;
    if (mode == PR_MODE_OFF) {
        pr_fact_set(&f->stp_enabled, 0, "%s", sw->stp.mode.evidence);
        return;
    }
    if (ifc->swmode.line != NULL && ifc->swmode.value == IOS_SWMODE_FABRIC) {
        set_if(&f->stp_enabled, 0, ifc, ifc->swmode.line);
        pr_strlcatf(f->stp_enabled.evidence, sizeof f->stp_enabled.evidence,
                    ": a fabric-extender uplink, no spanning tree");
        return;
    }
    int vlan = f->access_vlan.known ? (int)f->access_vlan.value : 0;
    if ((mode == PR_MODE_PVST || mode == PR_MODE_RAPID_PVST) && vlan > 0 && vlan < 4095 &&
        m->vlan_stp_off[vlan] != NULL) {
        struct line_ref r;
        pr_fact_set(&f->stp_enabled, 0, "%s%s: spanning tree is off in VLAN %d, the port's VLAN",
                    m->vlan_stp_off[vlan]->text, at(m->vlan_stp_off[vlan], &r), vlan);
        return;
    }
    pr_fact_set(&f->stp_enabled, 1, "interface %s: switch port in VLAN %d, spanning tree on",
                ifc->name, vlan);
}

static void fill_fallback(const struct ios_model *m, const struct ios_iface *ifc,
                          struct pr_port_facts *f)
{
    const struct ios_iface *pc = ios_model_channel_of(m, ifc);
    int id = ifc->channel.value;
    const struct ios_platform_info *pl = &m->cfg->platform;
    if (m->platform == IOS_PLATFORM_NXOS) {
        if (pc != NULL && pc->suspend_individual.line != NULL)
            set_if(&f->lacp_fallback, !pc->suspend_individual.value, pc,
                   pc->suspend_individual.line);
        else
            pr_fact_set(&f->lacp_fallback, 0,
                        "interface port-channel%d: no \"no lacp suspend-individual\": NX-OS "
                        "suspends members without an LACP partner by default",
                        id);
    } else if (m->platform == IOS_PLATFORM_EOS) {
        if (pc != NULL && pc->eos_fallback.line != NULL) {
            set_if(&f->lacp_fallback, pc->eos_fallback.value != IOS_EOS_FALLBACK_NONE, pc,
                   pc->eos_fallback.line);
            if (pc->eos_fallback.value != IOS_EOS_FALLBACK_NONE)
                pr_strlcatf(f->lacp_fallback.evidence, sizeof f->lacp_fallback.evidence,
                            ", after %d s%s",
                            pc->eos_fallback_timeout.line ? pc->eos_fallback_timeout.value : 90,
                            pc->eos_fallback_timeout.line ? "" : " (default timeout)");
            if (pc->eos_fallback.value != IOS_EOS_FALLBACK_NONE)
                pr_fact_set(&f->lacp_fallback_timeout_s,
                            pc->eos_fallback_timeout.line ? pc->eos_fallback_timeout.value : 90,
                            "interface Port-Channel%d: %s", id,
                            pc->eos_fallback_timeout.line
                                ? pc->eos_fallback_timeout.line->text
                                : "no port-channel lacp fallback timeout: 90 s (EOS default)");
        } else {
            pr_fact_set(&f->lacp_fallback, 0,
                        "interface Port-Channel%d: no port-channel lacp fallback (EOS default: "
                        "no fallback)",
                        id);
        }
    } else if (pc != NULL && pc->standalone_disable.line != NULL) {
        set_if(&f->lacp_fallback, !pc->standalone_disable.value, pc, pc->standalone_disable.line);
    } else if (m->platform == IOS_PLATFORM_IOS_XE) {
        pr_fact_set(&f->lacp_fallback, 0,
                    "interface Port-channel%d: port-channel standalone-disable is the IOS-XE%s%s "
                    "default (Catalyst 9000): members without an LACP partner are suspended",
                    id, pl->version[0] ? " " : "", pl->version);
    } else if (pl->version_major > 0) {
        pr_fact_set(&f->lacp_fallback, 1,
                    "interface Port-channel%d: IOS %s default: members without an LACP partner "
                    "stay stand-alone (I)",
                    id, pl->version);
    } else {
        pr_fact_unknown(&f->lacp_fallback,
                        "interface Port-channel%d: no version line; the standalone default "
                        "depends on the release (off from IOS-XE 16)",
                        id);
    }
}

static void fill_lacp(const struct ios_model *m, const struct ios_iface *ifc,
                      struct pr_port_facts *f)
{
    if (ifc->channel.line == NULL) {
        pr_fact_set(&f->lacp_member, 0, "interface %s: no channel-group", ifc->name);
        return;
    }
    int mode = ifc->chmode.value;
    bool lacp = mode == IOS_CG_ACTIVE || mode == IOS_CG_PASSIVE;
    set_if(&f->lacp_member, lacp, ifc, ifc->chmode.line);
    if (lacp)
        fill_fallback(m, ifc, f);
}

static void fill_speed(const struct ios_model *m, const struct ios_iface *ifc,
                       struct pr_port_facts *f)
{
    int by_name = ios_speed_from_name(ifc->name);
    if (by_name > 0)
        pr_fact_set(&f->speed_capability_mbps, by_name, "interface name %s", ifc->name);
    const struct ios_setting *sp = &ifc->speed;
    if (sp->line != NULL && sp->value > 0)
        set_if(&f->speed_mbps, sp->value, ifc, sp->line);

    if (sp->line != NULL && sp->value < 0) {
        set_if(&f->autoneg, 0, ifc, sp->line);
    } else if (ifc->negotiate.line != NULL && ifc->negotiate.value == 0) {
        set_if(&f->autoneg, 0, ifc, ifc->negotiate.line);
    } else if (sp->line != NULL && sp->value > 0) {
        if (!is_cisco(m->platform)) {
            set_if(&f->autoneg, 0, ifc, sp->line);
        } else if (sp->value >= 10000) {
            set_if(&f->autoneg, 0, ifc, sp->line);
        } else if (ifc->duplex.line != NULL && ifc->duplex.value) {
            struct line_ref r1, r2;
            pr_fact_set(&f->autoneg, 0, "interface %s: %s%s, %s%s", ifc->name, sp->line->text,
                        at(sp->line, &r1), ifc->duplex.line->text, at(ifc->duplex.line, &r2));
        } else {
            struct line_ref r;
            pr_fact_set(&f->autoneg, 1,
                        "interface %s: %s%s without a fixed duplex: still negotiated", ifc->name,
                        sp->line->text, at(sp->line, &r));
        }
    } else if (sp->line != NULL) {
        set_if(&f->autoneg, 1, ifc, sp->line);
    } else if (ifc->negotiate.line != NULL) {
        set_if(&f->autoneg, 1, ifc, ifc->negotiate.line);
    } else if (is_cisco(m->platform) && by_name > 0 && by_name <= 5000) {
        pr_fact_set(&f->autoneg, 1, "interface %s: no speed statement: speed auto (default)",
                    ifc->name);
    } else {
        pr_fact_unknown(&f->autoneg,
                        "interface %s: no speed statement; the default depends on the "
                        "transceiver",
                        ifc->name);
    }
}

static void fill_port(const struct ios_model *m, const struct nxos_defaults *nx,
                      const struct pr_switch *sw, const struct ios_iface *ifc,
                      struct pr_port_facts *f)
{
    fill_admin(m, nx, ifc, f);
    fill_lacp(m, ifc, f);
    fill_speed(m, ifc, f);
    if (is_routed(m, nx, ifc)) {
        if (ifc->switchport.line != NULL)
            set_if(&f->stp_enabled, 0, ifc, ifc->switchport.line);
        else
            pr_fact_set(&f->stp_enabled, 0,
                        "interface %s: no switchport statement; interface %s has \"%s\", so "
                        "ports are routed by default",
                        ifc->name, nx->l2_witness ? nx->l2_witness->name : "?",
                        nx->l2_witness ? nx->l2_witness->switchport.line->text : "?");
        pr_strlcatf(f->stp_enabled.evidence, sizeof f->stp_enabled.evidence,
                    " (routed port: no spanning tree)");
        return;
    }
    fill_trunk_vlan(m, ifc, f);
    if (m->platform == IOS_PLATFORM_EOS)
        fill_edge_eos(ifc, f);
    else
        fill_edge_cisco(m, ifc, f);
    edge_from_channel(m, ifc, f);
    fill_bpduguard(m, ifc, f);
    fill_stp_enabled(sw, m, ifc, f);
}

/* The text of a `description TEXT` line: what the switch shows as the
 * port's ifAlias. */
static void fill_description(const char *line, struct pr_port *port)
{
    const char *text = line + strlen("description");
    text += strspn(text, " \t");
    pr_strlcpy(port->alias, text, sizeof port->alias);
}

int ios_model_fill_switch(const struct ios_model *m, struct pr_switch *sw, struct pr_error *err)
{
    fill_stp(m, sw);
    struct nxos_defaults nx;
    nxos_defaults(m, &nx);
    for (size_t i = 0; i < m->n_ifaces; i++) {
        const struct ios_iface *ifc = &m->ifaces[i];
        if (!ifc->physical)
            continue;
        struct pr_port *port = pr_switch_add_port(sw, ifc->name, err);
        if (port == NULL)
            return -1;
        if (ifc->description != NULL)
            fill_description(ifc->description->text, port);
        fill_port(m, &nx, sw, ifc, &port->facts);
        if (ifc->channel.line != NULL)
            snprintf(port->lag_name, sizeof port->lag_name, "%s%d",
                     m->platform == IOS_PLATFORM_NXOS  ? "port-channel"
                     : m->platform == IOS_PLATFORM_EOS ? "Port-Channel"
                                                       : "Port-channel",
                     ifc->channel.value);
    }
    return 0;
}
