/* SPDX-License-Identifier: BSD-3-Clause */
/* IEEE8023-LAG-MIB membership and MAU-MIB negotiation and capability. */
#include <stdio.h>
#include <string.h>

#include "generic-snmp/generic_snmp.h"

void generic_lag_read(struct pr_snmp_store *store, struct pr_switch *sw)
{
    for (size_t i = 0; i < sw->n_ports; i++) {
        struct pr_port *port = &sw->ports[i];
        int64_t attached = 0, selected = 0;
        const struct pr_snmp_varbind *vb_att = NULL, *vb_sel = NULL;
        bool has_att =
            generic_column_int(store, &MIB_LAG_ATTACHED_AGG, port->ifindex, &attached, &vb_att);
        bool has_sel =
            generic_column_int(store, &MIB_LAG_SELECTED_AGG, port->ifindex, &selected, &vb_sel);
        if (!has_att && !has_sel)
            continue;
        char idx[16], ev[PR_EVIDENCE_MAX];
        snprintf(idx, sizeof idx, "%u", port->ifindex);
        /* An individual link attaches to its own aggregator (or none). */
        int64_t agg = attached != 0 ? attached : selected;
        const struct pr_snmp_varbind *vb = attached != 0 || !has_sel ? vb_att : vb_sel;
        const struct mib_object *obj =
            attached != 0 || !has_sel ? &MIB_LAG_ATTACHED_AGG : &MIB_LAG_SELECTED_AGG;
        generic_evidence(ev, sizeof ev, obj, idx, vb, NULL);
        if (agg != 0 && agg != port->ifindex) {
            struct pr_port *bundle = pr_switch_find_ifindex(sw, (uint32_t)agg);
            pr_fact_set(&port->facts.lacp_member, 1, "%s (%s)", ev,
                        bundle ? bundle->name : "aggregator");
            if (agg <= UINT32_MAX)
                port->lag_ifindex = (uint32_t)agg;
            pr_fact_unknown(
                &port->facts.lacp_fallback,
                "no MIB exposes LACP fallback; read the configuration (--config or --netconf)");
        } else {
            pr_fact_set(&port->facts.lacp_member, 0, "%s", ev);
        }
    }
}

/* dot1dMauType arcs (MAU-MIB dot3MauType*) to Mb/s; 0 when not a speed. */
static int64_t mau_type_speed(uint32_t arc)
{
    if (arc >= 1 && arc <= 13)
        return 10;
    if (arc >= 14 && arc <= 20)
        return 100;
    if (arc >= 21 && arc <= 30)
        return 1000;
    if (arc >= 31 && arc <= 41)
        return 10000;
    return 0;
}

static const uint32_t dot3_mau_type_prefix[] = {1, 3, 6, 1, 2, 1, 26, 4};

static int64_t mau_oid_speed(const struct pr_snmp_value *value)
{
    size_t n = sizeof dot3_mau_type_prefix / sizeof dot3_mau_type_prefix[0];
    if (value->type != PR_SNMP_T_OID || value->oid_len != n + 1 ||
        !pr_snmp_oid_has_prefix(value->oid, value->oid_len, dot3_mau_type_prefix, n))
        return 0;
    return mau_type_speed(value->oid[n]);
}

/* Highest speed among the set bits of ifMauTypeListBits (bit N is
 * dot3MauType N; bit 0 the high bit of the first byte). */
static int64_t mau_bits_capability(const struct pr_snmp_value *value)
{
    if (value->type != PR_SNMP_T_OCTETS)
        return 0;
    int64_t best = 0;
    for (size_t byte = 0; byte < value->len; byte++) {
        for (int bit = 0; bit < 8; bit++) {
            if (value->bytes[byte] & (0x80 >> bit)) {
                int64_t speed = mau_type_speed((uint32_t)(byte * 8 + (size_t)bit));
                if (speed > best)
                    best = speed;
            }
        }
    }
    return best;
}

/* The port's capability from its name when MAU-MIB is silent. */
static int64_t name_capability(const char *name)
{
    static const struct {
        const char *prefix;
        int64_t mbps;
    } names[] = {
        {"FastEthernet", 100},
        {"Fa", 100},
        {"GigabitEthernet", 1000},
        {"Gi", 1000},
        {"TenGigabitEthernet", 10000},
        {"Te", 10000},
        {"TwentyFiveGigE", 25000},
        {"ge-", 1000},
        {"xe-", 10000},
        {"FortyGig", 40000},
        {"HundredGig", 100000},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (strncmp(name, names[i].prefix, strlen(names[i].prefix)) == 0)
            return names[i].mbps;
    }
    return 0;
}

/* The speed of the MAU type in column obj of the interface's first MAU,
 * with evidence; 0 when absent or not a speed. */
static int64_t first_mau_speed(struct pr_snmp_store *store, const struct mib_object *obj,
                               uint32_t ifindex, char *ev, size_t ev_len)
{
    uint32_t prefix[PR_SNMP_OID_MAX];
    size_t first, count;
    memcpy(prefix, obj->oid, obj->len * sizeof(uint32_t));
    prefix[obj->len] = ifindex;
    pr_snmp_store_subtree(store, prefix, obj->len + 1, &first, &count);
    if (count == 0)
        return 0;
    int64_t speed = mau_oid_speed(&store->vb[first].value);
    if (speed > 0) {
        char idx[32];
        snprintf(idx, sizeof idx, "%u.%u", ifindex, store->vb[first].name[obj->len + 1]);
        generic_evidence(ev, ev_len, obj, idx, &store->vb[first], NULL);
    }
    return speed;
}

void generic_mau_read(struct pr_snmp_store *store, struct pr_switch *sw)
{
    for (size_t i = 0; i < sw->n_ports; i++) {
        struct pr_port *port = &sw->ports[i];
        uint32_t prefix[PR_SNMP_OID_MAX];
        size_t first, count;
        char ev[PR_EVIDENCE_MAX], idx[32];

        /* The first MAU of the interface: ifMauAutoNegAdminStatus.IF.MAU */
        memcpy(prefix, MIB_MAU_AUTONEG_ADMIN.oid, MIB_MAU_AUTONEG_ADMIN.len * sizeof(uint32_t));
        prefix[MIB_MAU_AUTONEG_ADMIN.len] = port->ifindex;
        pr_snmp_store_subtree(store, prefix, MIB_MAU_AUTONEG_ADMIN.len + 1, &first, &count);
        if (count > 0) {
            snprintf(idx, sizeof idx, "%u.%u", port->ifindex,
                     store->vb[first].name[MIB_MAU_AUTONEG_ADMIN.len + 1]);
            generic_truth_fact(&port->facts.autoneg, &MIB_MAU_AUTONEG_ADMIN, idx, &store->vb[first],
                               "enabled", "disabled");
        }

        memcpy(prefix, MIB_MAU_TYPE_LIST_BITS.oid, MIB_MAU_TYPE_LIST_BITS.len * sizeof(uint32_t));
        prefix[MIB_MAU_TYPE_LIST_BITS.len] = port->ifindex;
        pr_snmp_store_subtree(store, prefix, MIB_MAU_TYPE_LIST_BITS.len + 1, &first, &count);
        int64_t cap = count > 0 ? mau_bits_capability(&store->vb[first].value) : 0;
        if (cap > 0) {
            snprintf(idx, sizeof idx, "%u.%u", port->ifindex,
                     store->vb[first].name[MIB_MAU_TYPE_LIST_BITS.len + 1]);
            generic_evidence(ev, sizeof ev, &MIB_MAU_TYPE_LIST_BITS, idx, &store->vb[first], NULL);
            pr_fact_set(&port->facts.speed_capability_mbps, cap, "%s (fastest type %lld Mb/s)", ev,
                        (long long)cap);
        } else if ((cap = first_mau_speed(store, &MIB_MAU_DEFAULT_TYPE, port->ifindex, ev,
                                          sizeof ev)) > 0) {
            pr_fact_set(&port->facts.speed_capability_mbps, cap, "%s (%lld Mb/s)", ev,
                        (long long)cap);
        } else if ((cap = name_capability(port->name)) > 0) {
            pr_fact_set(&port->facts.speed_capability_mbps, cap,
                        "interface name %s implies %lld Mb/s", port->name, (long long)cap);
        }

        /* Without IF-MIB speed, the MAU type in use gives it. */
        if (!port->facts.speed_mbps.known && port->facts.oper_status.known &&
            port->facts.oper_status.value == PR_IF_UP) {
            int64_t speed = first_mau_speed(store, &MIB_MAU_TYPE, port->ifindex, ev, sizeof ev);
            if (speed > 0)
                pr_fact_set(&port->facts.speed_mbps, speed, "%s", ev);
        }
    }
}
