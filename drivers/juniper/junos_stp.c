/* SPDX-License-Identifier: BSD-3-Clause */
/* Spanning tree from a Junos configuration.
 *
 * Which protocol: `protocols stp` (802.1D; EX runs it as RSTP force
 * version 0), `protocols rstp|mstp|vstp`, each possibly with `force-version
 * stp` (legacy again) or `disable` (off). Junos allows one of stp, rstp and
 * mstp; vstp may run beside rstp or mstp, which then covers the port.
 *
 * No spanning-tree statement at all:
 *  - non-ELS EX switches (port-mode, ethernet-switching-options, vlan.N):
 *    RSTP is what EX switches run by default, so RSTP is assumed and the
 *    evidence says "(default)";
 *  - ELS EX and QFX (interface-mode, irb, switch-options): the
 *    factory-default configuration carries its `protocols rstp` statement,
 *    so a configuration without one may well run no spanning tree at all.
 *    Assuming RSTP could report ports blocked that are not, and assuming
 *    none could call a blocking port ready: the mode is left unknown and
 *    the evidence says why, so the verdict is "unknown" rather than a
 *    guess.
 *
 * Which ports: Junos runs the protocol on every Ethernet-switching
 * interface (`interface NAME` statements only tune one, `interface NAME
 * disable` takes it out). An aggregated-Ethernet member takes part through
 * its aeN. Ports without family ethernet-switching do not bridge and run no
 * spanning tree.
 *
 * Edge: `interface NAME edge` where NAME is the port, the port with .0, an
 * interface-range holding it, or `all` (most specific first). Under legacy
 * STP Junos ignores edge, so edge is "no" with that evidence. */
#include <stdio.h>
#include <string.h>

#include "junos_model.h"
#include "junos_range.h"
#include "util/strutil.h"

static const char *const rapid_or_legacy[] = {"stp", "rstp", "mstp"};

const struct junos_node *junos_stp_proto_node(const struct junos_node *tree,
                                              const struct junos_stp_info *stp)
{
    if (stp->proto == NULL || stp->assumed_default)
        return NULL;
    return junos_node_path(tree, "protocols", stp->proto, NULL);
}

static bool is_value(const struct junos_node *leaf, const char *value)
{
    const char *v = junos_node_value(leaf);
    return v != NULL && strcmp(v, value) == 0;
}

static void timer_fact(struct pr_fact *fact, const struct junos_node *proto, const char *proto_name,
                       const char *statement, int default_s)
{
    const char *value = junos_node_value(junos_node_child(proto, statement));
    long long v;
    if (value != NULL && pr_parse_int(value, 1, 255, &v))
        pr_fact_set(fact, v, "protocols %s %s %s", proto_name, statement, value);
    else
        pr_fact_set(fact, default_s, "(default) %d s: no protocols %s %s statement", default_s,
                    proto_name != NULL ? proto_name : "rstp", statement);
}

void junos_stp_switch(const struct junos_node *tree, bool els, struct pr_switch *sw,
                      struct junos_stp_info *stp)
{
    memset(stp, 0, sizeof *stp);
    const struct junos_node *protocols = junos_node_child(tree, "protocols");
    const struct junos_node *proto = NULL;
    for (size_t i = 0; i < 3 && proto == NULL; i++) {
        proto = junos_node_child(protocols, rapid_or_legacy[i]);
        if (proto != NULL)
            stp->proto = rapid_or_legacy[i];
    }
    if (proto == NULL && (proto = junos_node_child(protocols, "vstp")) != NULL)
        stp->proto = "vstp";

    struct pr_fact *mode = &sw->stp.mode;
    if (proto == NULL) {
        if (els) {
            pr_fact_unknown(mode, "no stp, rstp, mstp or vstp statement under protocols: an ELS "
                                  "switch (EX, QFX) runs spanning tree only where the "
                                  "configuration says so; cannot tell whether it runs");
            pr_fact_unknown(&sw->stp.forward_delay_s, "no spanning-tree statement");
            pr_fact_unknown(&sw->stp.max_age_s, "no spanning-tree statement");
            return;
        }
        stp->proto = "rstp";
        stp->assumed_default = true;
        pr_fact_set(mode, PR_MODE_RSTP,
                    "(default) EX switches run RSTP: no stp, rstp, mstp or vstp statement under "
                    "protocols");
    } else if (junos_node_child(proto, "disable") != NULL) {
        stp->disabled = true;
        pr_fact_set(mode, PR_MODE_OFF, "protocols %s disable", stp->proto);
    } else if (strcmp(stp->proto, "stp") == 0) {
        pr_fact_set(mode, PR_MODE_STP, "protocols stp (legacy 802.1D; Junos ignores edge)");
    } else if (is_value(junos_node_child(proto, "force-version"), "stp")) {
        stp->force_version_stp = true;
        pr_fact_set(mode, PR_MODE_STP,
                    "protocols %s force-version stp (legacy 802.1D; Junos ignores edge)",
                    stp->proto);
    } else {
        int64_t m = strcmp(stp->proto, "rstp") == 0   ? PR_MODE_RSTP
                    : strcmp(stp->proto, "mstp") == 0 ? PR_MODE_MSTP
                                                      : PR_MODE_VSTP;
        pr_fact_set(mode, m, "protocols %s", stp->proto);
    }
    timer_fact(&sw->stp.forward_delay_s, proto, stp->proto, "forward-delay", 15);
    timer_fact(&sw->stp.max_age_s, proto, stp->proto, "max-age", 20);
}

/* The interface statement of proto that covers ifname, most specific
 * first: NAME, NAME.0, an interface-range holding it, all. vstp also looks
 * under `vlan N interface`. */
static const struct junos_node *find_entry(const struct junos_node *tree,
                                           const struct junos_node *proto, const char *ifname,
                                           bool *is_range)
{
    const struct junos_node *lists[64];
    size_t n_lists = 0;
    lists[n_lists++] = junos_node_child(proto, "interface");
    const struct junos_node *vlans = junos_node_child(proto, "vlan");
    for (size_t i = 0; vlans != NULL && i < vlans->n_kids && n_lists < 64; i++) {
        if (!vlans->kids[i]->inactive)
            lists[n_lists++] = junos_node_child(vlans->kids[i], "interface");
    }
    char unit0[PR_NAME_MAX + 2];
    snprintf(unit0, sizeof unit0, "%s.0", ifname);
    const struct junos_node *ranges = junos_node_path(tree, "interfaces", "interface-range", NULL);
    *is_range = false;
    /* Names by lookup (the tree indexes a long list), ranges by a walk. */
    for (size_t l = 0; l < n_lists; l++) {
        const struct junos_node *e = junos_node_child(lists[l], ifname);
        if (e != NULL || (e = junos_node_child(lists[l], unit0)) != NULL)
            return e;
    }
    for (size_t l = 0; ranges != NULL && l < n_lists; l++) {
        const struct junos_node *list = lists[l];
        for (size_t i = 0; list != NULL && i < list->n_kids; i++) {
            const struct junos_node *e = list->kids[i];
            if (!e->inactive && junos_range_has_member(junos_node_child(ranges, e->name), ifname)) {
                *is_range = true;
                return e;
            }
        }
    }
    for (size_t l = 0; l < n_lists; l++) {
        const struct junos_node *e = junos_node_child(lists[l], "all");
        if (e != NULL)
            return e;
    }
    return NULL;
}

/* Whether a `bpdu-block { interface NAME; }` list covers ifname. */
static const struct junos_node *bpdu_block_entry(const struct junos_node *tree,
                                                 const struct junos_node *block, const char *ifname)
{
    const struct junos_node *list = junos_node_child(block, "interface");
    char unit0[PR_NAME_MAX + 2];
    snprintf(unit0, sizeof unit0, "%s.0", ifname);
    const struct junos_node *ranges = junos_node_path(tree, "interfaces", "interface-range", NULL);
    for (size_t i = 0; list != NULL && i < list->n_kids; i++) {
        const struct junos_node *e = list->kids[i];
        if (!e->inactive && (strcmp(e->name, ifname) == 0 || strcmp(e->name, unit0) == 0 ||
                             strcmp(e->name, "all") == 0 ||
                             junos_range_has_member(junos_node_child(ranges, e->name), ifname)))
            return e;
    }
    return NULL;
}

static void bpdu_fact(const struct junos_node *tree, const struct junos_node *proto,
                      const struct junos_stp_info *stp, const char *ifname, bool edge,
                      struct pr_fact *fact)
{
    const struct junos_node *e;
    if (edge && junos_node_child(proto, "bpdu-block-on-edge") != NULL) {
        pr_fact_set(fact, 1, "protocols %s bpdu-block-on-edge", stp->proto);
    } else if ((e = bpdu_block_entry(
                    tree, junos_node_path(tree, "protocols", "layer2-control", "bpdu-block", NULL),
                    ifname)) != NULL) {
        pr_fact_set(fact, 1, "protocols layer2-control bpdu-block interface %s", e->name);
    } else if ((e = bpdu_block_entry(
                    tree, junos_node_path(tree, "ethernet-switching-options", "bpdu-block", NULL),
                    ifname)) != NULL) {
        pr_fact_set(fact, 1, "ethernet-switching-options bpdu-block interface %s", e->name);
    } else {
        pr_fact_set(fact, 0,
                    "no bpdu-block-on-edge under protocols %s and no bpdu-block "
                    "interface statement for %s",
                    stp->proto != NULL ? stp->proto : "rstp", ifname);
    }
}

void junos_stp_port(const struct junos_node *tree, const struct pr_switch *sw,
                    const struct junos_stp_info *stp, struct junos_port_info *pinfo,
                    struct pr_port_facts *facts)
{
    const char *ifname = pinfo->l2_if;
    char via[2 * PR_NAME_MAX + 24] = "";
    if (strcmp(pinfo->l2_if, pinfo->name) != 0)
        snprintf(via, sizeof via, " (%s is a member of %s)", pinfo->name, pinfo->l2_if);
    if (stp->disabled) {
        pr_fact_set(&facts->stp_enabled, 0, "protocols %s disable", stp->proto);
        return;
    }
    if (!pinfo->layer2) {
        pr_fact_set(&facts->stp_enabled, 0,
                    "interfaces %s has no unit 0 family ethernet-switching: not a Layer 2 port, "
                    "no spanning tree runs on it",
                    ifname);
        return;
    }
    if (!sw->stp.mode.known) {
        pr_fact_unknown(&facts->edge, "%s", sw->stp.mode.evidence);
        return;
    }
    const struct junos_node *proto = junos_stp_proto_node(tree, stp);
    bool is_range = false;
    const struct junos_node *entry = proto ? find_entry(tree, proto, ifname, &is_range) : NULL;
    if (entry != NULL) {
        pr_strlcpy(pinfo->stp_entry, entry->name, sizeof pinfo->stp_entry);
        pinfo->stp_entry_is_range = is_range;
    }
    char where[3 * PR_NAME_MAX + 64];
    snprintf(where, sizeof where, "%s%s%s", entry ? entry->name : ifname,
             is_range ? " (interface-range)" : "", via);
    if (entry != NULL && junos_node_child(entry, "disable") != NULL) {
        pr_fact_set(&facts->stp_enabled, 0, "protocols %s interface %s disable", stp->proto, where);
        return;
    }
    pr_fact_set(&facts->stp_enabled, 1,
                "%s runs on every Ethernet-switching interface, %s included%s",
                stp->assumed_default ? "(default) RSTP" : stp->proto, ifname, via);
    bool has_edge = entry != NULL && junos_node_child(entry, "edge") != NULL;
    if (sw->stp.mode.value == PR_MODE_STP) {
        pr_fact_set(&facts->edge, PR_EDGE_NO, "%s: Junos ignores edge under legacy STP%s%s",
                    stp->force_version_stp ? "force-version stp" : "protocols stp",
                    has_edge ? " (interface edge statement present for " : "",
                    has_edge ? where : "");
        if (has_edge)
            pr_strlcatf(facts->edge.evidence, sizeof facts->edge.evidence, ")");
    } else if (has_edge) {
        pr_fact_set(&facts->edge, PR_EDGE_YES, "protocols %s interface %s edge", stp->proto, where);
    } else if (stp->assumed_default) {
        pr_fact_set(&facts->edge, PR_EDGE_NO,
                    "(default) EX switches run RSTP; no protocols rstp interface %s edge", where);
    } else {
        pr_fact_set(&facts->edge, PR_EDGE_NO, "protocols %s: no edge statement for %s", stp->proto,
                    where);
    }
    bpdu_fact(tree, proto, stp, ifname, facts->edge.value == PR_EDGE_YES, &facts->bpdu_guard);
}
