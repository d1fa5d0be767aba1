/* SPDX-License-Identifier: BSD-3-Clause */
/* From what an export says (routeros_model.c) to port facts, with
 * RouterOS's defaults where it says nothing (docs/mikrotik.md gives the
 * sources):
 *  - a bridge runs protocol-mode=rstp unless the export says none, stp or
 *    mstp; forward-delay 15 s;
 *  - a bridge port has edge=auto (like no-discover: non-edge, made edge
 *    when no BPDU arrives), bpdu-guard=no, pvid=1;
 *  - VLANs are told apart only with vlan-filtering=yes (off by default);
 *  - an interface in no bridge is routed: no spanning tree on it;
 *  - a bonding in mode=802.3ad has no fallback: without LACPDUs from the
 *    server its slaves do not forward. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mikrotik/routeros.h"
#include "util/strutil.h"

#define BRIDGE_DOC "RouterOS Bridging and Switching manual"
#define BOND_DOC   "RouterOS Bonding manual"

static void set_value(struct pr_fact *f, int64_t value, const char *what, const char *key,
                      const struct ro_value *v)
{
    pr_fact_set(f, value, "%s: %s=%s (line %u)", what, key, v->text, v->lineno);
}

static int64_t mode_of(const char *s)
{
    return strcmp(s, "none") == 0   ? PR_MODE_OFF
           : strcmp(s, "stp") == 0  ? PR_MODE_STP
           : strcmp(s, "rstp") == 0 ? PR_MODE_RSTP
           : strcmp(s, "mstp") == 0 ? PR_MODE_MSTP
                                    : -1;
}

static void bridge_mode(const struct ro_bridge *b, struct pr_fact *f)
{
    if (b->protocol_mode.lineno == 0) {
        pr_fact_set(f, PR_MODE_RSTP,
                    "bridge %s: no protocol-mode: rstp (the default, " BRIDGE_DOC ")", b->name);
        return;
    }
    int64_t mode = mode_of(b->protocol_mode.text);
    char what[96];
    snprintf(what, sizeof what, "bridge %s", b->name);
    if (mode < 0)
        pr_fact_unknown(f, "bridge %s: protocol-mode=%s (line %u) is none of none, stp, rstp, mstp",
                        b->name, b->protocol_mode.text, b->protocol_mode.lineno);
    else
        set_value(f, mode, what, "protocol-mode", &b->protocol_mode);
}

static void fill_stp(const struct routeros_model *m, struct pr_switch *sw)
{
    if (m->n_bridges == 0) {
        pr_fact_set(&sw->stp.mode, PR_MODE_OFF,
                    "no /interface bridge: every interface is routed, none runs spanning tree");
        return;
    }
    const struct ro_bridge *b = &m->bridges[0];
    bridge_mode(b, &sw->stp.mode);
    if (m->n_bridges > 1)
        pr_strlcatf(sw->stp.mode.evidence, sizeof sw->stp.mode.evidence,
                    "; %zu bridges, each port judged by its own", m->n_bridges);
    if (b->forward_delay.lineno != 0) {
        int s = atoi(b->forward_delay.text);
        if (s > 0)
            pr_fact_set(&sw->stp.forward_delay_s, s, "bridge %s: forward-delay=%s (line %u)",
                        b->name, b->forward_delay.text, b->forward_delay.lineno);
    } else {
        pr_fact_set(&sw->stp.forward_delay_s, 15,
                    "bridge %s: no forward-delay: 15 s (the default, " BRIDGE_DOC ")", b->name);
    }
}

/* "1G-baseT-full", "10G-baseSR-LR", "100M-full" -> Mb/s. */
static int speed_mbps(const char *s)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (v <= 0)
        return 0;
    if (*end == 'G')
        return (int)(v * 1000);
    if (*end == 'M')
        return (int)v;
    return 0;
}

static void fill_ether(const struct ro_ether *e, const char *name, struct pr_port_facts *f)
{
    if (e != NULL && e->disabled.lineno != 0)
        set_value(&f->admin_status, strcmp(e->disabled.text, "yes") == 0 ? PR_IF_DOWN : PR_IF_UP,
                  name, "disabled", &e->disabled);
    else
        pr_fact_set(&f->admin_status, PR_IF_UP, "%s: no disabled=yes (enabled by default)", name);
    if (e != NULL && e->auto_neg.lineno != 0) {
        bool on = strcmp(e->auto_neg.text, "no") != 0;
        set_value(&f->autoneg, on, name, "auto-negotiation", &e->auto_neg);
        int mbps = e->speed.lineno ? speed_mbps(e->speed.text) : 0;
        if (!on && mbps > 0)
            set_value(&f->speed_mbps, mbps, name, "speed", &e->speed);
    } else {
        pr_fact_set(&f->autoneg, 1, "%s: no auto-negotiation=no: auto-negotiation on (default)",
                    name);
    }
}

static void fill_lacp(const struct ro_bond *bond, struct pr_port *port)
{
    struct pr_port_facts *f = &port->facts;
    if (bond == NULL) {
        pr_fact_set(&f->lacp_member, 0, "%s is in no /interface bonding", port->name);
        return;
    }
    pr_strlcpy(port->lag_name, bond->name, sizeof port->lag_name);
    bool lacp = strcmp(bond->mode.text, "802.3ad") == 0;
    if (bond->mode.lineno != 0)
        pr_fact_set(&f->lacp_member, lacp, "bonding %s: mode=%s, slaves=%s (line %u)%s", bond->name,
                    bond->mode.text, bond->slaves.text, bond->mode.lineno, lacp ? "" : ": no LACP");
    else
        pr_fact_set(&f->lacp_member, 0, "bonding %s: no mode=802.3ad: no LACP", bond->name);
    if (lacp)
        pr_fact_set(&f->lacp_fallback, 0,
                    "bonding %s: RouterOS has no LACP fallback (no such bonding property, " BOND_DOC
                    "): without LACPDUs from the server the slaves do not forward",
                    bond->name);
}

static bool is_yes(const struct ro_value *v)
{
    return v->lineno != 0 && strcmp(v->text, "yes") == 0;
}

static void fill_vlan(const struct routeros_model *m, const struct ro_bridge *b,
                      const struct ro_bport *bp, const char *member, struct pr_port_facts *f)
{
    const struct ro_bvlan *tagged = NULL;
    for (size_t i = 0; i < m->n_bvlans; i++) {
        if (strcmp(m->bvlans[i].bridge, b->name) == 0 &&
            routeros_list_has(m->bvlans[i].tagged, member))
            tagged = &m->bvlans[i];
    }
    if (tagged != NULL)
        pr_fact_set(&f->trunk, 1, "/interface bridge vlan: tagged=%s vlan-ids=%s (line %u)",
                    tagged->tagged, tagged->vlan_ids, tagged->lineno);
    else
        pr_fact_set(&f->trunk, 0, "%s is tagged in no /interface bridge vlan entry", member);
    pr_fact_set(&f->edge_applies_on_trunk, 1,
                "RouterOS: a bridge port's edge setting applies whatever its VLANs");
    if (!is_yes(&b->vlan_filtering)) {
        pr_fact_unknown(&f->access_vlan,
                        "bridge %s: vlan-filtering %s: the bridge does not sort untagged frames "
                        "into a VLAN",
                        b->name, b->vlan_filtering.lineno ? "=no" : "off (the default)");
        return;
    }
    if (bp->pvid.lineno != 0)
        pr_fact_set(&f->access_vlan, atoi(bp->pvid.text), "bridge port %s: pvid=%s (line %u)",
                    bp->interface, bp->pvid.text, bp->pvid.lineno);
    else
        pr_fact_set(&f->access_vlan, 1, "bridge port %s: no pvid: 1 (the default, " BRIDGE_DOC ")",
                    bp->interface);
}

static void fill_stp_port(const struct routeros_model *m, const struct pr_switch *sw,
                          const struct ro_bport *bp, const char *member, struct pr_port *port)
{
    struct pr_port_facts *f = &port->facts;
    if (bp == NULL || is_yes(&bp->disabled)) {
        const char *why = bp ? "its bridge port entry is disabled=yes" : "in no bridge";
        pr_fact_set(&f->stp_enabled, 0, "%s: %s: a routed interface, outside spanning tree",
                    port->name, why);
        pr_fact_set(&f->trunk, 0, "%s: %s", port->name, why);
        return;
    }
    const struct ro_bridge *b = routeros_bridge(m, bp->bridge);
    if (b == NULL) {
        pr_fact_unknown(&f->edge, "bridge port %s (line %u): bridge %s is not in the export",
                        bp->interface, bp->lineno, bp->bridge);
        return;
    }
    bridge_mode(b, &f->stp_mode);
    if (pr_fact_is(&f->stp_mode, sw->stp.mode.value) && sw->stp.mode.known)
        pr_fact_unknown(&f->stp_mode, NULL); /* the switch's own */
    struct pr_fact mode = {0};
    bridge_mode(b, &mode);
    if (port->alias[0] == '\0')
        pr_strlcpy(port->alias, bp->comment, sizeof port->alias);
    if (is_yes(&bp->bpdu_guard))
        set_value(&f->bpdu_guard, 1, bp->interface, "bpdu-guard", &bp->bpdu_guard);
    else
        pr_fact_set(&f->bpdu_guard, 0, "bridge port %s: bpdu-guard=no%s", bp->interface,
                    bp->bpdu_guard.lineno ? "" : " (the default)");
    fill_vlan(m, b, bp, member, f);
    if (pr_fact_is(&mode, PR_MODE_OFF)) {
        pr_fact_set(&f->stp_enabled, 0, "%s", mode.evidence);
        return;
    }
    pr_fact_set(&f->stp_enabled, 1, "bridge %s runs spanning tree (%s)", b->name, mode.evidence);
    const char *edge = bp->edge.lineno ? bp->edge.text : "auto";
    char where[96];
    snprintf(where, sizeof where, "bridge port %s", bp->interface);
    if (strcmp(edge, "yes") == 0 || strcmp(edge, "yes-discover") == 0) {
        set_value(&f->edge, PR_EDGE_YES, where, "edge", &bp->edge);
    } else if (strcmp(edge, "no") == 0) {
        set_value(&f->edge, PR_EDGE_NO, where, "edge", &bp->edge);
        pr_strlcatf(f->edge.evidence, sizeof f->edge.evidence, ": non-edge, no edge discovery");
    } else if (strcmp(edge, "auto") == 0 || strcmp(edge, "no-discover") == 0) {
        if (bp->edge.lineno)
            set_value(&f->edge, PR_EDGE_AUTO, where, "edge", &bp->edge);
        else
            pr_fact_set(&f->edge, PR_EDGE_AUTO, "%s: no edge: auto (the default, " BRIDGE_DOC ")",
                        where);
        pr_strlcatf(f->edge.evidence, sizeof f->edge.evidence,
                    ": non-edge until edge discovery finds no BPDU");
    } else {
        pr_fact_unknown(&f->edge, "%s: edge=%s (line %u) is none of RouterOS's values", where,
                        bp->edge.text, bp->edge.lineno);
    }
}

static int add_port(const struct routeros_model *m, struct pr_switch *sw, const char *name,
                    const struct ro_bport *bp, const struct ro_bond *bond, struct pr_error *err)
{
    if (pr_switch_find_name(sw, name) != NULL)
        return 0;
    struct pr_port *port = pr_switch_add_port(sw, name, err);
    if (port == NULL)
        return -1;
    port->if_type = 6; /* ethernetCsmacd: a bridge port or an ethernet menu entry */
    const struct ro_ether *e = routeros_ether(m, name);
    if (e != NULL && e->comment[0] != '\0')
        pr_strlcpy(port->alias, e->comment, sizeof port->alias);
    fill_ether(e, name, &port->facts);
    fill_lacp(bond, port);
    fill_stp_port(m, sw, bp, name, port);
    if (bond != NULL && bp != NULL) /* the bond is the bridge port */
        pr_port_facts_from_aggregate(&port->facts, bond->name);
    return 0;
}

int routeros_fill_switch(const struct routeros_model *m, struct pr_switch *sw, struct pr_error *err)
{
    fill_stp(m, sw);
    /* Bridge ports first, in export order; a bond's slaves stand for it. */
    for (size_t i = 0; i < m->n_bports; i++) {
        const struct ro_bport *bp = &m->bports[i];
        const struct ro_bond *bond = routeros_bond(m, bp->interface);
        if (bond == NULL) {
            if (add_port(m, sw, bp->interface, bp, NULL, err) != 0)
                return -1;
            continue;
        }
        for (const char *s = bond->slaves.text; *s != '\0';) {
            size_t n = strcspn(s, ",");
            char name[RO_NAME];
            snprintf(name, sizeof name, "%.*s", (int)n, s);
            if (n > 0 && add_port(m, sw, name, bp, bond, err) != 0)
                return -1;
            s += n;
            if (*s == ',')
                s++;
        }
    }
    /* Then the ethernet interfaces in no bridge (routed). */
    for (size_t i = 0; i < m->n_ethers; i++) {
        const char *name = m->ethers[i].name;
        const struct ro_bond *bond = routeros_bond_of(m, name);
        const struct ro_bport *bp = bond ? routeros_bport(m, bond->name) : NULL;
        if (add_port(m, sw, name, bp, bond, err) != 0)
            return -1;
    }
    return 0;
}
