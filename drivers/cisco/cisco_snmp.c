/* SPDX-License-Identifier: BSD-3-Clause */
#include "cisco/cisco_snmp.h"

#include <stdio.h>
#include <string.h>

#include "cisco/cisco_mib.h"
#include "cisco/cisco_pvst.h"
#include "generic-snmp/generic_snmp.h"
#include "util/strutil.h"

/* Asked for together with the generic driver's objects. */
static const struct pr_snmp_request cisco_requests[] = {
    MIB_SCALAR(MIB_STPX_TYPE),
    MIB_SCALAR(MIB_STPX_BPDU_GUARD_GLOBAL),
    MIB_SCALAR(MIB_STPX_FAST_START_DEFAULT),
    MIB_COLUMN(MIB_STPX_FAST_START_MODE),
    MIB_COLUMN(MIB_STPX_BPDU_GUARD_MODE),
    MIB_COLUMN(MIB_STACK_PORT_IFINDEX),
    MIB_COLUMN(MIB_STACK_FAST_START),
    MIB_COLUMN(MIB_VM_VLAN),
    MIB_COLUMN(MIB_TRUNK_NATIVE_VLAN),
    MIB_COLUMN(MIB_TRUNK_DYNAMIC_STATUS),
    MIB_COLUMN(MIB_TRUNK_ENCAP_OPER),
    MIB_COLUMN(MIB_ERR_DISABLE_CAUSE),
    MIB_COLUMN(MIB_ERR_DISABLE_GLOBALS),
    MIB_COLUMN(MIB_CDP_CACHE_DEVICE_ID),
    MIB_COLUMN(MIB_CDP_CACHE_DEVICE_PORT),
    MIB_COLUMN(MIB_CDP_CACHE_PLATFORM),
    MIB_COLUMN(MIB_CDP_CACHE_CAPABILITIES),
};

const struct pr_snmp_request *cisco_snmp_requests(size_t *n)
{
    *n = sizeof cisco_requests / sizeof cisco_requests[0];
    return cisco_requests;
}

static const char *stpx_type_name(int64_t v)
{
    static const char *const names[] = {"?",   "pvstPlus",     "mistp", "mistpPvstPlus",
                                        "mst", "rapidPvstPlus"};
    return v >= 1 && v <= 5 ? names[v] : "?";
}

void cisco_snmp_mode(struct pr_snmp_store *store, struct pr_fact *mode)
{
    const struct pr_snmp_varbind *vb =
        pr_snmp_store_get(store, MIB_STPX_TYPE.oid, MIB_STPX_TYPE.len);
    int64_t v;
    if (vb == NULL || !pr_snmp_value_integer(&vb->value, &v))
        return;
    char ev[PR_EVIDENCE_MAX];
    generic_evidence(ev, sizeof ev, &MIB_STPX_TYPE, "0", vb, stpx_type_name(v));
    switch (v) {
    case 1:
        pr_fact_set(mode, PR_MODE_PVST, "%s", ev);
        break;
    case 4:
        pr_fact_set(mode, PR_MODE_MSTP, "%s", ev);
        break;
    case 5:
        pr_fact_set(mode, PR_MODE_RAPID_PVST, "%s", ev);
        break;
    default: /* MISTP: Cisco-proprietary and legacy-timed */
        pr_fact_set(mode, PR_MODE_PVST, "%s (MISTP, legacy timers)", ev);
        break;
    }
}

void cisco_snmp_port_vlan(struct pr_snmp_store *store, uint32_t ifindex, struct pr_fact *trunk,
                          struct pr_fact *vlan)
{
    struct pr_fact status = {0}, native = {0}, access = {0};
    bool have_status =
        generic_fact_from_column(&status, store, &MIB_TRUNK_DYNAMIC_STATUS, ifindex, NULL);
    if (have_status && (status.value == 1 || status.value == 2))
        pr_fact_set(trunk, status.value == 1, "%s (%s)", status.evidence,
                    status.value == 1 ? "trunking" : "notTrunking");
    else if (generic_fact_from_column(&status, store, &MIB_TRUNK_ENCAP_OPER, ifindex, NULL) &&
             (status.value == 1 || status.value == 4 || status.value == 6))
        pr_fact_set(trunk, status.value != 6, "%s (%s)", status.evidence,
                    status.value == 1   ? "isl"
                    : status.value == 4 ? "dot1Q"
                                        : "notApplicable");
    if (trunk->known && trunk->value == 1 &&
        generic_fact_from_column(&native, store, &MIB_TRUNK_NATIVE_VLAN, ifindex, NULL))
        pr_fact_set(vlan, native.value, "%s (native VLAN of the trunk)", native.evidence);
    else if (generic_fact_from_column(&access, store, &MIB_VM_VLAN, ifindex, NULL))
        pr_fact_set(vlan, access.value, "%s", access.evidence);
}

/* Access VLAN (vmVlan), trunking and the native VLAN of trunks. */
static void read_vlans(struct pr_snmp_store *store, struct pr_switch *sw)
{
    for (size_t i = 0; i < sw->n_ports; i++) {
        struct pr_port *port = &sw->ports[i];
        cisco_snmp_port_vlan(store, port->ifindex, &port->facts.trunk, &port->facts.access_vlan);
    }
}

static const char *err_disable_cause_name(int64_t v)
{
    static const char *const names[] = {
        NULL,
        "udld",
        "bpduGuard",
        "channelMisconfig",
        "pagpFlap",
        "dtpFlap",
        "linkFlap",
        "l2ptGuard",
        "dot1xSecurityViolation",
        "portSecurityViolation",
        "gbicInvalid",
        "dhcpRateLimit",
        "unicastFlood",
        "vmps",
        "stormControl",
        "inlinePower",
        "arpInspection",
        "portLoopback",
        "packetBuffer",
        "macLimit",
        "linkMonitorFailure",
    };
    if (v >= 1 && v < (int64_t)(sizeof names / sizeof names[0]))
        return names[v];
    return NULL;
}

static void read_err_disable(struct pr_snmp_store *store, struct pr_switch *sw)
{
    size_t first, count;
    pr_snmp_store_subtree(store, MIB_ERR_DISABLE_GLOBALS.oid, MIB_ERR_DISABLE_GLOBALS.len, &first,
                          &count);
    bool supported = count > 0;
    const struct mib_object *obj = &MIB_ERR_DISABLE_CAUSE;
    for (size_t i = 0; i < sw->n_ports; i++) {
        struct pr_port *port = &sw->ports[i];
        uint32_t prefix[PR_SNMP_OID_MAX];
        memcpy(prefix, obj->oid, obj->len * sizeof(uint32_t));
        prefix[obj->len] = port->ifindex;
        pr_snmp_store_subtree(store, prefix, obj->len + 1, &first, &count);
        int64_t cause;
        if (count > 0 && pr_snmp_value_integer(&store->vb[first].value, &cause)) {
            const struct pr_snmp_varbind *vb = &store->vb[first];
            char idx[32], ev[PR_EVIDENCE_MAX];
            snprintf(idx, sizeof idx, "%u.%u", port->ifindex,
                     vb->name_len > obj->len + 1 ? vb->name[obj->len + 1] : 0);
            const char *name = err_disable_cause_name(cause);
            generic_evidence(ev, sizeof ev, obj, idx, vb, name);
            pr_fact_set(&port->facts.err_disabled, 1, "%s", ev);
            if (name != NULL)
                pr_strlcpy(port->facts.err_disabled_cause, name,
                           sizeof port->facts.err_disabled_cause);
            else
                snprintf(port->facts.err_disabled_cause, sizeof port->facts.err_disabled_cause,
                         "cause %lld", (long long)cause);
        } else if (supported) {
            pr_fact_set(&port->facts.err_disabled, 0,
                        "CISCO-ERR-DISABLE-MIB: no cErrDisableIfStatusTable row for "
                        "ifIndex %u",
                        port->ifindex);
        }
    }
}

/* PortFast of one port from stpxFastStartPortMode (by bridge port). */
static bool portfast_from_stpx(struct pr_snmp_store *store, struct pr_port *port,
                               const struct pr_snmp_varbind *global)
{
    int64_t mode;
    const struct pr_snmp_varbind *vb;
    if (port->bridge_port == 0 ||
        !generic_column_int(store, &MIB_STPX_FAST_START_MODE, port->bridge_port, &mode, &vb))
        return false;
    static const char *const names[] = {"?",       "enable", "disable", "enableForTrunk",
                                        "default", "network"};
    char idx[16], ev[PR_EVIDENCE_MAX];
    snprintf(idx, sizeof idx, "%u", port->bridge_port);
    generic_evidence(ev, sizeof ev, &MIB_STPX_FAST_START_MODE, idx, vb,
                     mode >= 1 && mode <= 5 ? names[mode] : NULL);
    struct pr_port_facts *f = &port->facts;
    switch (mode) {
    case 1: /* enable: acts on non-trunking ports only */
        pr_fact_set(&f->edge, PR_EDGE_YES, "%s", ev);
        pr_fact_set(&f->edge_applies_on_trunk, 0, "%s: PortFast acts on access ports only", ev);
        return true;
    case 3:
        pr_fact_set(&f->edge, PR_EDGE_YES, "%s", ev);
        pr_fact_set(&f->edge_applies_on_trunk, 1, "%s", ev);
        return true;
    case 2:
    case 5:
        pr_fact_set(&f->edge, PR_EDGE_NO, "%s", ev);
        return true;
    case 4: {
        int64_t g;
        char gev[PR_EVIDENCE_MAX];
        if (global == NULL || !pr_snmp_value_integer(&global->value, &g) || (g != 1 && g != 2)) {
            pr_fact_unknown(&f->edge, "%s, and the global default is not answered", ev);
            return true;
        }
        generic_evidence(gev, sizeof gev, &MIB_STPX_FAST_START_DEFAULT, "0", global,
                         g == 1 ? "enable" : "disable");
        pr_fact_set(&f->edge, g == 1 ? PR_EDGE_YES : PR_EDGE_NO, "%s; %s", ev, gev);
        if (g == 1)
            pr_fact_set(&f->edge_applies_on_trunk, 0, "%s: the default acts on access ports only",
                        gev);
        return true;
    }
    }
    generic_impossible(&f->edge, &MIB_STPX_FAST_START_MODE, idx, vb, NULL);
    return false;
}

/* Older Catalyst: CISCO-STACK-MIB portSpantreeFastStart.MODULE.PORT, with
 * portIfIndex.MODULE.PORT naming the interface. */
static void portfast_from_stack(struct pr_snmp_store *store, struct pr_switch *sw)
{
    size_t first, count;
    pr_snmp_store_subtree(store, MIB_STACK_PORT_IFINDEX.oid, MIB_STACK_PORT_IFINDEX.len, &first,
                          &count);
    for (size_t i = first; i < first + count; i++) {
        const struct pr_snmp_varbind *map = &store->vb[i];
        int64_t ifindex, fast;
        if (map->name_len != MIB_STACK_PORT_IFINDEX.len + 2 ||
            !pr_snmp_value_integer(&map->value, &ifindex))
            continue;
        struct pr_port *port = pr_switch_find_ifindex(sw, (uint32_t)ifindex);
        if (port == NULL || port->facts.edge.known)
            continue;
        uint32_t oid[PR_SNMP_OID_MAX];
        memcpy(oid, MIB_STACK_FAST_START.oid, MIB_STACK_FAST_START.len * sizeof(uint32_t));
        oid[MIB_STACK_FAST_START.len] = map->name[MIB_STACK_PORT_IFINDEX.len];
        oid[MIB_STACK_FAST_START.len + 1] = map->name[MIB_STACK_PORT_IFINDEX.len + 1];
        const struct pr_snmp_varbind *vb =
            pr_snmp_store_get(store, oid, MIB_STACK_FAST_START.len + 2);
        if (vb == NULL || !pr_snmp_value_integer(&vb->value, &fast) || (fast != 1 && fast != 2))
            continue;
        char idx[32], ev[PR_EVIDENCE_MAX];
        snprintf(idx, sizeof idx, "%u.%u", oid[MIB_STACK_FAST_START.len],
                 oid[MIB_STACK_FAST_START.len + 1]);
        generic_evidence(ev, sizeof ev, &MIB_STACK_FAST_START, idx, vb,
                         fast == 1 ? "enable" : "disable");
        pr_fact_set(&port->facts.edge, fast == 1 ? PR_EDGE_YES : PR_EDGE_NO, "%s", ev);
    }
}

static void read_portfast_and_guard(struct pr_snmp_store *store, struct pr_switch *sw)
{
    const struct pr_snmp_varbind *global =
        pr_snmp_store_get(store, MIB_STPX_FAST_START_DEFAULT.oid, MIB_STPX_FAST_START_DEFAULT.len);
    const struct pr_snmp_varbind *guard_global =
        pr_snmp_store_get(store, MIB_STPX_BPDU_GUARD_GLOBAL.oid, MIB_STPX_BPDU_GUARD_GLOBAL.len);
    for (size_t i = 0; i < sw->n_ports; i++) {
        struct pr_port *port = &sw->ports[i];
        portfast_from_stpx(store, port, global);
        int64_t g, mode;
        const struct pr_snmp_varbind *vb;
        if (port->bridge_port == 0 ||
            !generic_column_int(store, &MIB_STPX_BPDU_GUARD_MODE, port->bridge_port, &mode, &vb))
            continue;
        char idx[16], ev[PR_EVIDENCE_MAX], gev[PR_EVIDENCE_MAX];
        snprintf(idx, sizeof idx, "%u", port->bridge_port);
        static const char *const names[] = {"?", "enable", "disable", "default"};
        generic_evidence(ev, sizeof ev, &MIB_STPX_BPDU_GUARD_MODE, idx, vb,
                         mode >= 1 && mode <= 3 ? names[mode] : NULL);
        if (mode < 1 || mode > 3) {
            generic_impossible(&port->facts.bpdu_guard, &MIB_STPX_BPDU_GUARD_MODE, idx, vb, NULL);
        } else if (mode == 1 || mode == 2) {
            pr_fact_set(&port->facts.bpdu_guard, mode == 1, "%s", ev);
        } else if (mode == 3 && guard_global != NULL &&
                   pr_snmp_value_integer(&guard_global->value, &g) && (g == 1 || g == 2)) {
            generic_evidence(gev, sizeof gev, &MIB_STPX_BPDU_GUARD_GLOBAL, "0", guard_global,
                             g == 1 ? "true" : "false");
            pr_fact_set(&port->facts.bpdu_guard, g == 1, "%s; %s", ev, gev);
        }
    }
    portfast_from_stack(store, sw);
}

void cisco_snmp_interpret(struct pr_snmp_store *store, struct cisco_vlan_reads *vlans,
                          struct pr_switch *sw)
{
    cisco_snmp_mode(store, &sw->stp.mode);
    read_vlans(store, sw);
    read_err_disable(store, sw);
    cisco_pvst_apply(vlans, sw);
    read_portfast_and_guard(store, sw);
    cisco_cdp_read(store, sw);
}

int cisco_snmp_read(struct pr_snmp_source *src, struct pr_switch *sw, struct pr_error *err)
{
    struct pr_snmp_store store;
    pr_snmp_store_init(&store);
    struct cisco_vlan_reads vlans = {0};
    int rc = generic_snmp_fetch(src, cisco_requests,
                                sizeof cisco_requests / sizeof cisco_requests[0], &store, err);
    /* The default context's ports say which VLAN contexts to ask for: all
     * are read before the Cisco objects are interpreted. */
    if (rc == 0)
        rc = generic_snmp_interpret(&store, src, sw, err);
    if (rc == 0)
        rc = cisco_pvst_fetch(src, &store, sw, &vlans, err);
    if (rc == 0) {
        cisco_snmp_interpret(&store, &vlans, sw);
        pr_switch_add_source(sw, pr_snmp_source_kind(src));
    }
    cisco_vlan_reads_free(&vlans);
    pr_snmp_store_free(&store);
    return rc;
}
