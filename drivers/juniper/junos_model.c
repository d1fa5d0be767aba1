/* SPDX-License-Identifier: BSD-3-Clause */
/* Ports and their facts from an expanded Junos configuration tree; the
 * spanning-tree part lives in junos_stp.c. */
#include "junos_model.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "junos_range.h"
#include "util/strutil.h"

/* --- platform style ------------------------------------------------------ */

static bool tree_has_leaf(const struct junos_node *node, const char *name, unsigned depth)
{
    if (node == NULL || depth > JUNOS_MAX_DEPTH * 2)
        return false;
    for (size_t i = 0; i < node->n_kids; i++) {
        const struct junos_node *kid = node->kids[i];
        if (kid->inactive)
            continue;
        if (strcmp(kid->name, name) == 0 || tree_has_leaf(kid, name, depth + 1))
            return true;
    }
    return false;
}

/* ELS (Enhanced Layer 2 Software) configurations say interface-mode and
 * irb; the older style says port-mode, vlan.N and
 * ethernet-switching-options. */
static bool detect_els(const struct junos_node *tree)
{
    const struct junos_node *interfaces = junos_node_child(tree, "interfaces");
    if (tree_has_leaf(interfaces, "port-mode", 0) || junos_node_child(interfaces, "vlan") ||
        junos_node_child(tree, "ethernet-switching-options"))
        return false;
    return tree_has_leaf(interfaces, "interface-mode", 0) ||
           junos_node_child(interfaces, "irb") != NULL ||
           junos_node_child(tree, "switch-options") != NULL;
}

/* --- VLANs --------------------------------------------------------------- */

/* Resolves a VLAN name (or number) to its id through `vlans NAME vlan-id`. */
static bool vlan_resolve(const struct junos_node *tree, const char *name, long long *id, char *why,
                         size_t why_len)
{
    if (pr_parse_int(name, 1, 4094, id))
        return true;
    const struct junos_node *vlan = junos_node_path(tree, "vlans", name, NULL);
    const char *value = junos_node_value(junos_node_child(vlan, "vlan-id"));
    if (value != NULL && pr_parse_int(value, 1, 4094, id))
        return true;
    snprintf(why, why_len, vlan == NULL ? "no vlans %s statement" : "vlans %s has no vlan-id",
             name);
    return false;
}

static void vlan_fact(const struct junos_node *tree, struct pr_fact *fact, const char *name,
                      const char *fmt_statement)
{
    long long id;
    char why[PR_NAME_MAX + 32];
    if (vlan_resolve(tree, name, &id, why, sizeof why)) {
        if (pr_parse_int(name, 1, 4094, &id))
            pr_fact_set(fact, id, "%s", fmt_statement);
        else
            pr_fact_set(fact, id, "%s; vlans %s vlan-id %lld", fmt_statement, name, id);
    } else {
        pr_fact_unknown(fact, "%s; %s", fmt_statement, why);
    }
}

/* Non-ELS `vlans NAME interface IFNAME|RANGE`: the VLAN naming the port. */
static const struct junos_node *vlans_side_entry(const struct junos_node *tree, const char *ifname,
                                                 const char **vlan_name, bool *is_range)
{
    const struct junos_node *vlans = junos_node_child(tree, "vlans");
    const struct junos_node *ranges = junos_node_path(tree, "interfaces", "interface-range", NULL);
    char unit0[PR_NAME_MAX + 2];
    snprintf(unit0, sizeof unit0, "%s.0", ifname);
    for (size_t v = 0; vlans != NULL && v < vlans->n_kids; v++) {
        if (vlans->kids[v]->inactive)
            continue;
        const struct junos_node *list = junos_node_child(vlans->kids[v], "interface");
        for (size_t i = 0; list != NULL && i < list->n_kids; i++) {
            const struct junos_node *e = list->kids[i];
            if (e->inactive)
                continue;
            bool direct = strcmp(e->name, ifname) == 0 || strcmp(e->name, unit0) == 0;
            if (direct || junos_range_has_member(junos_node_child(ranges, e->name), ifname)) {
                *vlan_name = vlans->kids[v]->name;
                *is_range = !direct;
                return e;
            }
        }
    }
    return NULL;
}

static void vlan_facts(const struct junos_node *tree, const struct junos_node *l2_node,
                       const struct junos_node *eth, const char *port_name,
                       struct junos_port_info *pinfo, struct pr_port_facts *facts)
{
    const char *l2 = pinfo->l2_if;
    const char *mode_kw = "interface-mode";
    const char *mode = junos_node_value(junos_node_child(eth, mode_kw));
    if (mode == NULL) {
        mode_kw = "port-mode";
        mode = junos_node_value(junos_node_child(eth, mode_kw));
    }
    char statement[PR_EVIDENCE_MAX];
    pr_fact_set(&facts->edge_applies_on_trunk, 1, "Junos edge acts on trunk ports too");
    if (mode != NULL && strcmp(mode, "trunk") == 0) {
        pinfo->trunk = true;
        pr_fact_set(&facts->trunk, 1, "interfaces %s unit 0 family ethernet-switching %s trunk", l2,
                    mode_kw);
        const char *native = junos_node_value(junos_node_child(l2_node, "native-vlan-id"));
        const char *where = "";
        if (native == NULL) {
            native = junos_node_value(junos_node_child(eth, "native-vlan-id"));
            where = " unit 0 family ethernet-switching";
        }
        if (native == NULL) {
            pr_fact_unknown(&facts->access_vlan,
                            "trunk %s without native-vlan-id: untagged (PXE) frames are not "
                            "accepted",
                            l2);
            return;
        }
        snprintf(statement, sizeof statement, "interfaces %s%s native-vlan-id %s", l2, where,
                 native);
        vlan_fact(tree, &facts->access_vlan, native, statement);
        return;
    }
    pr_fact_set(&facts->trunk, 0, "interfaces %s unit 0 family ethernet-switching %s%s", l2,
                mode != NULL ? mode_kw : "", mode != NULL ? " access" : "(access by default)");
    const char *member = junos_node_value(junos_node_path(eth, "vlan", "members", NULL));
    if (member != NULL) {
        const struct junos_node *members = junos_node_path(eth, "vlan", "members", NULL);
        /* An access port has one VLAN; the first listed is the one. */
        for (size_t i = 0; i < members->n_kids; i++) {
            if (!members->kids[i]->inactive) {
                member = members->kids[i]->name;
                break;
            }
        }
        snprintf(statement, sizeof statement,
                 "interfaces %s unit 0 family ethernet-switching vlan members %s", l2, member);
        vlan_fact(tree, &facts->access_vlan, member, statement);
        return;
    }
    const char *vlan_name = NULL;
    bool is_range = false;
    const struct junos_node *entry = vlans_side_entry(tree, l2, &vlan_name, &is_range);
    if (entry != NULL) {
        pinfo->vlan_from_vlans = true;
        pr_strlcpy(pinfo->vlan_name, vlan_name, sizeof pinfo->vlan_name);
        if (is_range)
            pr_strlcpy(pinfo->vlan_range, entry->name, sizeof pinfo->vlan_range);
        snprintf(statement, sizeof statement, "vlans %s interface %s%s", vlan_name, entry->name,
                 is_range ? " (interface-range)" : "");
        vlan_fact(tree, &facts->access_vlan, vlan_name, statement);
        return;
    }
    const char *dflt = junos_node_value(junos_node_path(tree, "vlans", "default", "vlan-id", NULL));
    long long id = 1;
    if (dflt == NULL || !pr_parse_int(dflt, 1, 4094, &id))
        id = 1;
    pr_fact_set(&facts->access_vlan, id,
                "(default) access port %s without vlan members is in VLAN default (%lld)",
                port_name, id);
}

/* --- physical settings --------------------------------------------------- */

static bool speed_mbps(const char *text, long long *mbps)
{
    static const struct {
        const char *name;
        long long mbps;
    } speeds[] = {
        {"10m", 10},    {"100m", 100},    {"1g", 1000},     {"2.5g", 2500},
        {"5g", 5000},   {"10g", 10000},   {"25g", 25000},   {"40g", 40000},
        {"50g", 50000}, {"100g", 100000}, {"200g", 200000}, {"400g", 400000},
    };
    if (strncmp(text, "ethernet-", 9) == 0)
        text += 9;
    for (size_t i = 0; i < sizeof speeds / sizeof speeds[0]; i++) {
        if (pr_str_ieq(text, speeds[i].name)) {
            *mbps = speeds[i].mbps;
            return true;
        }
    }
    return false;
}

static const struct junos_node *ether_options(const struct junos_node *ifnode, const char **kw)
{
    static const char *const names[] = {"ether-options", "gigether-options"};
    for (size_t i = 0; i < 2; i++) {
        const struct junos_node *eo = junos_node_child(ifnode, names[i]);
        if (eo != NULL) {
            *kw = names[i];
            return eo;
        }
    }
    *kw = "ether-options";
    return NULL;
}

static void physical_facts(const struct junos_node *ifnode, const char *name,
                           struct pr_port_facts *facts)
{
    const char *kw;
    const struct junos_node *eo = ether_options(ifnode, &kw);
    const char *link_mode = junos_node_value(junos_node_child(ifnode, "link-mode"));
    if (link_mode == NULL)
        link_mode = junos_node_value(junos_node_child(eo, "link-mode"));
    char mode_note[64] = "";
    if (link_mode != NULL)
        snprintf(mode_note, sizeof mode_note, "; link-mode %s", link_mode);

    const char *speed = junos_node_value(junos_node_child(eo, "speed"));
    const char *speed_where = kw;
    if (speed == NULL) {
        speed = junos_node_value(junos_node_child(ifnode, "speed"));
        speed_where = NULL;
    }
    long long mbps;
    if (speed != NULL && speed_mbps(speed, &mbps))
        pr_fact_set(&facts->speed_mbps, mbps, "interfaces %s%s%s speed %s%s", name,
                    speed_where ? " " : "", speed_where ? speed_where : "", speed, mode_note);
    else
        pr_fact_unknown(&facts->speed_mbps, "no fixed speed configured for %s", name);

    /* The later of auto-negotiation / no-auto-negotiation wins. */
    const char *neg = NULL;
    for (size_t i = 0; eo != NULL && i < eo->n_kids; i++) {
        const struct junos_node *kid = eo->kids[i];
        if (!kid->inactive && (strcmp(kid->name, "auto-negotiation") == 0 ||
                               strcmp(kid->name, "no-auto-negotiation") == 0))
            neg = kid->name;
    }
    if (neg != NULL)
        pr_fact_set(&facts->autoneg, neg[0] == 'a', "interfaces %s %s %s%s", name, kw, neg,
                    mode_note);
    else
        pr_fact_unknown(&facts->autoneg, "no auto-negotiation statement for %s (port default)",
                        name);
}

/* The aggregated-Ethernet bundle the port belongs to, or NULL. */
static const char *bundle_of(const struct junos_node *ad)
{
    const char *bundle = junos_node_value(junos_node_child(ad, "bundle"));
    if (bundle != NULL)
        return bundle;
    for (size_t i = 0; ad != NULL && i < ad->n_kids; i++) {
        const char *n = ad->kids[i]->name;
        if (!ad->kids[i]->inactive && strncmp(n, "ae", 2) == 0 && n[2] >= '0' && n[2] <= '9')
            return n;
    }
    return NULL;
}

static void lacp_facts(const struct junos_node *tree, const struct junos_node *ifnode,
                       const char *name, struct junos_port_info *pinfo, struct pr_port_facts *facts)
{
    const char *kw;
    const struct junos_node *ad = junos_node_child(ether_options(ifnode, &kw), "802.3ad");
    const char *bundle = bundle_of(ad);
    if (bundle == NULL) {
        pr_fact_set(&facts->lacp_member, 0, "interfaces %s has no %s 802.3ad: in no bundle", name,
                    kw);
        return;
    }
    pr_strlcpy(pinfo->l2_if, bundle, sizeof pinfo->l2_if);
    const struct junos_node *ae = junos_node_path(tree, "interfaces", bundle, NULL);
    const struct junos_node *lacp = junos_node_path(ae, "aggregated-ether-options", "lacp", NULL);
    if (lacp == NULL) {
        pr_fact_set(&facts->lacp_member, 0,
                    "interfaces %s %s 802.3ad %s; %s has no aggregated-ether-options lacp: "
                    "static bundle",
                    name, kw, bundle, bundle);
        return;
    }
    const char *lacp_mode = junos_node_child(lacp, "active")    ? "active"
                            : junos_node_child(lacp, "passive") ? "passive"
                                                                : NULL;
    pr_fact_set(&facts->lacp_member, 1,
                "interfaces %s %s 802.3ad %s; interfaces %s aggregated-ether-options lacp %s", name,
                kw, bundle, bundle, lacp_mode ? lacp_mode : "(passive by default)");
    if (junos_node_path(ad, "lacp", "force-up", NULL) != NULL)
        pr_fact_set(&facts->lacp_fallback, 1, "interfaces %s %s 802.3ad lacp force-up", name, kw);
    else
        pr_fact_set(&facts->lacp_fallback, 0,
                    "no interfaces %s %s 802.3ad lacp force-up: without LACP partners the "
                    "member stays down",
                    name, kw);
}

/* --- ports --------------------------------------------------------------- */

static int name_compare(const void *a, const void *b)
{
    const struct junos_node *const *na = a, *const *nb = b;
    return junos_port_compare((*na)->name, (*nb)->name);
}

static void port_facts(const struct junos_node *tree, const struct pr_switch *sw,
                       const struct junos_stp_info *stp, const struct junos_node *ifnode,
                       struct junos_port_info *pinfo, struct pr_port_facts *facts)
{
    const char *name = ifnode->name;
    pr_strlcpy(pinfo->name, name, sizeof pinfo->name);
    pr_strlcpy(pinfo->l2_if, name, sizeof pinfo->l2_if);
    if (junos_node_child(ifnode, "disable") != NULL && junos_node_child(ifnode, "enable") == NULL)
        pr_fact_set(&facts->admin_status, PR_IF_DOWN, "interfaces %s disable", name);
    else
        pr_fact_set(&facts->admin_status, PR_IF_UP, "interfaces %s: no disable statement", name);
    pr_fact_unknown(&facts->oper_status, "a configuration does not show link state");
    physical_facts(ifnode, name, facts);
    lacp_facts(tree, ifnode, name, pinfo, facts);

    const struct junos_node *l2_node = junos_node_path(tree, "interfaces", pinfo->l2_if, NULL);
    const struct junos_node *eth =
        junos_node_path(l2_node, "unit", "0", "family", "ethernet-switching", NULL);
    pinfo->layer2 = eth != NULL;
    if (eth != NULL)
        vlan_facts(tree, l2_node, eth, name, pinfo, facts);
    else
        pr_fact_unknown(&facts->access_vlan, "interfaces %s has no family ethernet-switching",
                        pinfo->l2_if);
    junos_stp_port(tree, sw, stp, pinfo, facts);
}

int junos_model_build(const struct junos_node *tree, struct pr_switch *sw,
                      struct junos_model_info *info, struct pr_error *err)
{
    memset(info, 0, sizeof *info);
    info->els = detect_els(tree);
    junos_stp_switch(tree, info->els, sw, &info->stp);

    const struct junos_node *interfaces = junos_node_child(tree, "interfaces");
    size_t n = 0;
    for (size_t i = 0; interfaces != NULL && i < interfaces->n_kids; i++)
        n += junos_is_physical_port(interfaces->kids[i]->name);
    if (n == 0)
        return 0;
    const struct junos_node **ports = calloc(n, sizeof *ports);
    info->ports = calloc(n, sizeof *info->ports);
    if (ports == NULL || info->ports == NULL) {
        free(ports);
        junos_model_info_free(info);
        return pr_error_set(err, PR_ERR_INTERNAL, "out of memory building the port model");
    }
    n = 0;
    for (size_t i = 0; i < interfaces->n_kids; i++) {
        if (junos_is_physical_port(interfaces->kids[i]->name))
            ports[n++] = interfaces->kids[i];
    }
    qsort(ports, n, sizeof *ports, name_compare);
    for (size_t i = 0; i < n; i++) {
        struct pr_port *port = pr_switch_add_port(sw, ports[i]->name, err);
        if (port == NULL) {
            free(ports);
            junos_model_info_free(info);
            return -1;
        }
        const char *descr = junos_node_value(junos_node_child(ports[i], "description"));
        if (descr != NULL)
            pr_strlcpy(port->alias, descr, sizeof port->alias);
        port_facts(tree, sw, &info->stp, ports[i], &info->ports[i], &port->facts);
        if (strcmp(info->ports[i].l2_if, ports[i]->name) != 0) {
            pr_strlcpy(port->lag_name, info->ports[i].l2_if, sizeof port->lag_name);
            pr_port_facts_from_aggregate(&port->facts, port->lag_name);
        }
        info->n_ports++;
    }
    free(ports);
    return 0;
}

void junos_model_info_free(struct junos_model_info *info)
{
    if (info == NULL)
        return;
    free(info->ports);
    info->ports = NULL;
    info->n_ports = 0;
}
