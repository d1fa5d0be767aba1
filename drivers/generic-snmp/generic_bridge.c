/* SPDX-License-Identifier: BSD-3-Clause */
/* BRIDGE-MIB, RSTP-MIB and the IEEE 802.1 spanning-tree MIBs: bridge port
 * to ifIndex, the switch's mode and timers, each port's state and edge. */
#include <stdio.h>
#include <string.h>

#include "generic-snmp/generic_snmp.h"
#include "rules/rules.h"
#include "util/strutil.h"

/* The physical port under a logical one (Junos maps bridge ports to the
 * ge-0/0/1.0 unit): through ifStackStatus.HIGHER.LOWER, else by name. An
 * aggregate (a LAG, an HP trunk, a Cisco port-channel) is a bridge port of
 * its own: its members are not, so nothing stacked over several interfaces,
 * nor a LAG interface, hands its bridge port down. */
static struct pr_port *physical_under(struct pr_snmp_store *store, struct pr_switch *sw,
                                      struct pr_port *port)
{
    if (pr_port_is_physical(port))
        return port;
    if (port->if_type == 161 /* ieee8023adLag */ || port->if_type == 54 /* propMultiplexor */)
        return port;
    const struct mib_object *stack = &MIB_IF_STACK_STATUS;
    uint32_t prefix[PR_SNMP_OID_MAX];
    memcpy(prefix, stack->oid, stack->len * sizeof(uint32_t));
    prefix[stack->len] = port->ifindex;
    size_t first, count;
    pr_snmp_store_subtree(store, prefix, stack->len + 1, &first, &count);
    struct pr_port *only = NULL;
    size_t n_lower = 0;
    for (size_t i = first; i < first + count; i++) {
        const struct pr_snmp_varbind *vb = &store->vb[i];
        if (vb->name_len != stack->len + 2 || vb->name[stack->len + 1] == 0)
            continue;
        n_lower++;
        only = pr_switch_find_ifindex(sw, vb->name[stack->len + 1]);
    }
    if (n_lower == 1 && only != NULL && pr_port_is_physical(only))
        return only;
    if (n_lower > 1)
        return port;
    const char *dot = strrchr(port->name, '.');
    if (dot != NULL) {
        char base[PR_NAME_MAX];
        size_t n = (size_t)(dot - port->name);
        if (n < sizeof base) {
            memcpy(base, port->name, n);
            base[n] = '\0';
            struct pr_port *phys = pr_switch_find_name(sw, base);
            if (phys != NULL)
                return phys;
        }
    }
    return port;
}

void generic_each_bridge_port(struct pr_snmp_store *store, struct pr_switch *sw,
                              void (*visit)(struct pr_port *port, uint32_t bridge_port, void *arg),
                              void *arg)
{
    const struct mib_object *obj = &MIB_BASE_PORT_IFINDEX;
    size_t first, count;
    pr_snmp_store_subtree(store, obj->oid, obj->len, &first, &count);
    for (size_t i = first; i < first + count; i++) {
        const struct pr_snmp_varbind *vb = &store->vb[i];
        int64_t ifindex;
        if (vb->name_len != obj->len + 1 || !pr_snmp_value_integer(&vb->value, &ifindex) ||
            ifindex <= 0)
            continue;
        struct pr_port *port = pr_switch_find_ifindex(sw, (uint32_t)ifindex);
        if (port != NULL)
            visit(port, vb->name[obj->len], arg);
    }
}

struct bridge_map {
    struct pr_snmp_store *store;
    struct pr_switch *sw;
};

/* A bridge port belongs to the physical port under the interface the map
 * names; the first row for a port wins. */
static void map_bridge_port(struct pr_port *port, uint32_t bridge_port, void *arg)
{
    struct bridge_map *map = arg;
    port = physical_under(map->store, map->sw, port);
    if (port->bridge_port == 0)
        port->bridge_port = bridge_port;
}

static const char *stp_version_name(int64_t v)
{
    switch (v) {
    case 0:
        return "stpCompatible";
    case 2:
        return "rstp";
    case 3:
        return "mstp";
    }
    return "?";
}

static const char *ieee_version_name(int64_t v)
{
    switch (v) {
    case 0:
        return "stp";
    case 2:
        return "rstp";
    case 3:
        return "mstp";
    }
    return "?";
}

static int64_t mode_from_version(int64_t v)
{
    switch (v) {
    case 0:
        return PR_MODE_STP;
    case 2:
        return PR_MODE_RSTP;
    case 3:
        return PR_MODE_MSTP;
    }
    return -1;
}

static void read_mode(struct pr_snmp_store *store, const struct pr_snmp_source *src,
                      struct pr_switch *sw)
{
    struct pr_fact *mode = &sw->stp.mode;
    char ev[PR_EVIDENCE_MAX];
    const struct pr_snmp_varbind *vb =
        pr_snmp_store_get(store, MIB_STP_VERSION.oid, MIB_STP_VERSION.len);
    int64_t v;
    if (vb != NULL && pr_snmp_value_integer(&vb->value, &v)) {
        generic_evidence(ev, sizeof ev, &MIB_STP_VERSION, "0", vb, stp_version_name(v));
        if (mode_from_version(v) >= 0)
            pr_fact_set(mode, mode_from_version(v), "%s", ev);
        else
            pr_fact_unknown(mode, "%s: not a version portready knows", ev);
        return;
    }
    size_t first, count;
    pr_snmp_store_subtree(store, MIB_IEEE_STP_VERSION.oid, MIB_IEEE_STP_VERSION.len, &first,
                          &count);
    if (count > 0 && pr_snmp_value_integer(&store->vb[first].value, &v)) {
        char idx[16];
        snprintf(idx, sizeof idx, "%u", store->vb[first].name[MIB_IEEE_STP_VERSION.len]);
        generic_evidence(ev, sizeof ev, &MIB_IEEE_STP_VERSION, idx, &store->vb[first],
                         ieee_version_name(v));
        if (mode_from_version(v) >= 0)
            pr_fact_set(mode, mode_from_version(v), "%s", ev);
        else
            pr_fact_unknown(mode, "%s: not a version portready knows", ev);
        return;
    }
    vb = pr_snmp_store_get(store, MIB_STP_PROTOCOL_SPEC.oid, MIB_STP_PROTOCOL_SPEC.len);
    if (vb != NULL && pr_snmp_value_integer(&vb->value, &v)) {
        generic_evidence(ev, sizeof ev, &MIB_STP_PROTOCOL_SPEC, "0", vb,
                         v == 3 ? "ieee8021d" : NULL);
        pr_fact_unknown(mode, "%s, which cannot tell STP from RSTP, and no dot1dStpVersion", ev);
        return;
    }
    char lacks[PR_EVIDENCE_MAX];
    generic_snmp_lacks(src, lacks, sizeof lacks);
    pr_fact_unknown(mode, "%s spanning-tree objects (BRIDGE-MIB, IEEE8021-SPANNING-TREE-MIB)",
                    lacks);
}

/* A BRIDGE-MIB "Timeout" in centiseconds, checked against what bridges
 * allow: 802.1D's lo_s..hi_s seconds, down to any_lo_s for the bridges
 * that go below the standard (Linux: 2 s of forward delay). Any value in
 * centiseconds is at least any_lo_s * 100 (200 or more), so a small value
 * is a vendor reporting seconds. */
static void read_timer(struct pr_snmp_store *store, const struct mib_object *obj,
                       struct pr_fact *fact, int lo_s, int hi_s, int any_lo_s)
{
    const struct pr_snmp_varbind *vb = pr_snmp_store_get(store, obj->oid, obj->len);
    int64_t v;
    if (vb == NULL || !pr_snmp_value_integer(&vb->value, &v)) {
        pr_fact_unknown(fact, "%s %s not answered", obj->mib, obj->name);
        return;
    }
    char ev[PR_EVIDENCE_MAX];
    generic_evidence(ev, sizeof ev, obj, "0", vb, NULL);
    if (v >= lo_s * 100 && v <= hi_s * 100) {
        pr_fact_set(fact, (v + 50) / 100, "%s centiseconds", ev);
    } else if (v >= any_lo_s * 100 && v < lo_s * 100) {
        pr_fact_set(fact, (v + 50) / 100,
                    "%s centiseconds (below 802.1D's %d s minimum, as Linux bridges allow)", ev,
                    lo_s);
    } else if (v >= any_lo_s && v <= hi_s) {
        pr_fact_set(
            fact, v,
            "%s: the agent reports seconds, not the centiseconds the MIB defines (%lld cs would be "
            "below any bridge's %d s minimum)",
            ev, (long long)v, any_lo_s);
    } else {
        pr_fact_unknown(fact, "%s: impossible (bridges allow %d-%d s), ignored", ev, any_lo_s,
                        hi_s);
    }
}

/* Finds column.COMPONENT.PORT for any component (most agents have one). */
static const struct pr_snmp_varbind *ieee_port_column(struct pr_snmp_store *store,
                                                      const struct mib_object *obj,
                                                      uint32_t bridge_port, char *idx,
                                                      size_t idx_len)
{
    size_t first, count;
    pr_snmp_store_subtree(store, obj->oid, obj->len, &first, &count);
    for (size_t i = first; i < first + count; i++) {
        const struct pr_snmp_varbind *vb = &store->vb[i];
        if (vb->name_len == obj->len + 2 && vb->name[obj->len + 1] == bridge_port) {
            snprintf(idx, idx_len, "%u.%u", vb->name[obj->len], bridge_port);
            return vb;
        }
    }
    return NULL;
}

/* A TruthValue edge column as a 0/1 fact; false when absent, and when the
 * value is no TruthValue: then fact is left unknown with evidence saying
 * so (a later column may still set it). */
static bool truth_fact(struct pr_fact *fact, struct pr_snmp_store *store,
                       const struct mib_object *obj, uint32_t bridge_port, bool two_arc_index)
{
    char idx[32];
    const struct pr_snmp_varbind *vb;
    if (two_arc_index) {
        vb = ieee_port_column(store, obj, bridge_port, idx, sizeof idx);
    } else {
        vb = pr_snmp_store_get_indexed(store, obj->oid, obj->len, bridge_port);
        snprintf(idx, sizeof idx, "%u", bridge_port);
    }
    return generic_truth_fact(fact, obj, idx, vb, "true", "false");
}

static void read_port_edge(struct pr_snmp_store *store, struct pr_port *port)
{
    struct pr_fact admin = {0}, oper = {0}, autoedge = {0};
    uint32_t bp = port->bridge_port;
    if (!truth_fact(&admin, store, &MIB_STP_ADMIN_EDGE, bp, false) &&
        !truth_fact(&admin, store, &MIB_IEEE_RSTP_ADMIN_EDGE, bp, true))
        truth_fact(&admin, store, &MIB_MSTP_CIST_ADMIN_EDGE, bp, true);
    if (!truth_fact(&oper, store, &MIB_STP_OPER_EDGE, bp, false) &&
        !truth_fact(&oper, store, &MIB_IEEE_RSTP_OPER_EDGE, bp, true))
        truth_fact(&oper, store, &MIB_MSTP_CIST_OPER_EDGE, bp, true);
    truth_fact(&autoedge, store, &MIB_IEEE_AUTO_EDGE, bp, true);
    pr_facts_edge_from_admin_oper(&port->facts, &admin, &oper, &autoedge);
    if (!port->facts.edge.known && port->facts.edge.evidence[0] == '\0')
        pr_fact_unknown(&port->facts.edge,
                        "no RSTP-MIB or IEEE 802.1 edge object for bridge port %u", bp);
}

static const char *stp_enable_name(int64_t v)
{
    return v == 1 ? "enabled" : v == 2 ? "disabled" : pr_enum_invalid;
}

/* Whether the dot1dStpPortTable rows are indexed by ifIndex, not by bridge
 * port, as some agents (IP Infusion OcNOS) do: more of its row indexes are
 * ifIndexes of ports than bridge ports of the dot1dBasePortIfIndex map.
 * Then each port's bridge port becomes its ifIndex (the evidence says so)
 * and *rows names the count. */
static bool stp_rows_by_ifindex(struct pr_snmp_store *store, struct pr_switch *sw, size_t *rows)
{
    const struct mib_object *obj = &MIB_STP_PORT_STATE;
    size_t first, count, by_bridge_port = 0, by_ifindex = 0;
    pr_snmp_store_subtree(store, obj->oid, obj->len, &first, &count);
    for (size_t i = first; i < first + count; i++) {
        const struct pr_snmp_varbind *vb = &store->vb[i];
        if (vb->name_len != obj->len + 1)
            continue;
        uint32_t index = vb->name[obj->len];
        by_bridge_port += generic_port_by_bridge_port(sw, index) != NULL;
        by_ifindex += pr_switch_find_ifindex(sw, index) != NULL;
    }
    *rows = by_ifindex;
    bool mapped = false;
    for (size_t i = 0; i < sw->n_ports && !mapped; i++)
        mapped = sw->ports[i].bridge_port != 0;
    return mapped && by_ifindex > by_bridge_port;
}

/* Spanning tree off for the whole switch, as agents without it report
 * (a Zyxel recording): every port's dot1dStpPortEnable disabled(2) and
 * the bridge timers 0. */
static bool stp_off_switch_wide(struct pr_snmp_store *store, char *ev, size_t ev_len)
{
    const struct mib_object *obj = &MIB_STP_PORT_ENABLE;
    size_t first, count, disabled = 0;
    pr_snmp_store_subtree(store, obj->oid, obj->len, &first, &count);
    for (size_t i = first; i < first + count; i++) {
        int64_t v;
        if (!pr_snmp_value_integer(&store->vb[i].value, &v) || v != 2)
            return false;
        disabled++;
    }
    int64_t fd, age;
    const struct pr_snmp_varbind *vb_fd =
        pr_snmp_store_get(store, MIB_STP_FORWARD_DELAY.oid, MIB_STP_FORWARD_DELAY.len);
    const struct pr_snmp_varbind *vb_age =
        pr_snmp_store_get(store, MIB_STP_MAX_AGE.oid, MIB_STP_MAX_AGE.len);
    if (disabled == 0 || vb_fd == NULL || vb_age == NULL ||
        !pr_snmp_value_integer(&vb_fd->value, &fd) ||
        !pr_snmp_value_integer(&vb_age->value, &age) || fd != 0 || age != 0)
        return false;
    snprintf(ev, ev_len,
             "BRIDGE-MIB dot1dStpPortEnable disabled(2) on all %zu ports, dot1dStpForwardDelay.0 "
             "= 0 and dot1dStpMaxAge.0 = 0: spanning tree off on the switch",
             disabled);
    return true;
}

void generic_bridge_read(struct pr_snmp_store *store, const struct pr_snmp_source *src,
                         struct pr_switch *sw)
{
    struct bridge_map map = {store, sw};
    generic_each_bridge_port(store, sw, map_bridge_port, &map);
    size_t stp_rows = 0;
    bool by_ifindex = stp_rows_by_ifindex(store, sw, &stp_rows);
    if (by_ifindex) {
        for (size_t i = 0; i < sw->n_ports; i++) {
            struct pr_port *port = &sw->ports[i];
            port->bridge_port =
                pr_snmp_store_get_indexed(store, MIB_STP_PORT_STATE.oid, MIB_STP_PORT_STATE.len,
                                          port->ifindex) != NULL
                    ? port->ifindex
                    : 0;
        }
    }
    read_mode(store, src, sw);
    read_timer(store, &MIB_STP_FORWARD_DELAY, &sw->stp.forward_delay_s, 4, 30, 2);
    read_timer(store, &MIB_STP_MAX_AGE, &sw->stp.max_age_s, 6, 40, 6);
    char off[PR_EVIDENCE_MAX];
    if (stp_off_switch_wide(store, off, sizeof off))
        pr_fact_set(&sw->stp.mode, PR_MODE_OFF, "%s", off);

    for (size_t i = 0; i < sw->n_ports; i++) {
        struct pr_port *port = &sw->ports[i];
        if (port->bridge_port == 0) {
            pr_fact_unknown(&port->facts.stp_state, "not a bridge port (no dot1dBasePortIfIndex)");
            pr_fact_unknown(&port->facts.edge, "not a bridge port (no dot1dBasePortIfIndex)");
            continue;
        }
        if (!generic_fact_from_column(&port->facts.stp_state, store, &MIB_STP_PORT_STATE,
                                      port->bridge_port, pr_stp_state_name) &&
            port->facts.stp_state.evidence[0] == '\0')
            pr_fact_unknown(&port->facts.stp_state, "no dot1dStpPortTable row for bridge port %u",
                            port->bridge_port);
        else if (by_ifindex)
            pr_strlcatf(port->facts.stp_state.evidence, sizeof port->facts.stp_state.evidence,
                        " (the agent indexes dot1dStpPortTable by ifIndex: %zu of its rows are "
                        "ifIndexes, not dot1dBasePort numbers)",
                        stp_rows);
        /* Agents report dot1dStpPortEnable disabled(2) for every port
         * without link: it says something about configuration only on a
         * port that is up. */
        struct pr_fact enable = {0};
        if (generic_fact_from_column(&enable, store, &MIB_STP_PORT_ENABLE, port->bridge_port,
                                     stp_enable_name) &&
            (enable.value == 1 || enable.value == 2)) {
            if (enable.value == 1 ||
                (port->facts.oper_status.known && port->facts.oper_status.value == PR_IF_UP))
                pr_fact_set(&port->facts.stp_enabled, enable.value == 1, "%s", enable.evidence);
            else
                pr_fact_unknown(&port->facts.stp_enabled, "%s, ignored on a port without link",
                                enable.evidence);
        } else if (enable.evidence[0] != '\0') {
            pr_fact_unknown(&port->facts.stp_enabled, "%s", enable.evidence);
        }
        read_port_edge(store, port);
        struct pr_fact *vlan = &port->facts.access_vlan;
        if (generic_fact_from_column(vlan, store, &MIB_DOT1Q_PVID, port->bridge_port, NULL) &&
            (vlan->value < 1 || vlan->value > 4094))
            pr_fact_unknown(vlan, "%s: not a VLAN (1-4094), ignored", vlan->evidence);
    }
}
