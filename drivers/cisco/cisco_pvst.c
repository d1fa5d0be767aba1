/* SPDX-License-Identifier: BSD-3-Clause */
/* PVST+ and Rapid-PVST+: the BRIDGE-MIB answers per VLAN (community@VLAN
 * or context vlan-VLAN); the bare community shows VLAN 1 only. Each VLAN
 * the ports use is read once: its bridge port -> ifIndex map (kept for the
 * PortFast columns, which are indexed by bridge port) and the STP state of
 * the ports whose VLAN it is. */
#include <stdio.h>
#include <string.h>

#include "cisco/cisco_snmp.h"
#include "generic-snmp/generic_snmp.h"

#define CISCO_MAX_VLAN_CONTEXTS 64

int cisco_pvst_read(struct pr_snmp_source *src, struct pr_switch *sw);

static size_t vlans_in_use(const struct pr_switch *sw, int64_t *vlans, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < sw->n_ports; i++) {
        const struct pr_fact *vlan = &sw->ports[i].facts.access_vlan;
        if (!vlan->known || vlan->value < 1 || vlan->value > 4094 ||
            !pr_port_is_physical(&sw->ports[i]))
            continue;
        bool seen = false;
        for (size_t k = 0; k < n && !seen; k++)
            seen = vlans[k] == vlan->value;
        if (!seen && n < max)
            vlans[n++] = vlan->value;
    }
    return n;
}

struct vlan_context {
    struct pr_snmp_store *store;
    int64_t vlan;
};

/* A port the VLAN's bridge-port map lists: its bridge port when the default
 * context gave none, and its state when the VLAN is the port's. */
static void apply_bridge_port(struct pr_port *port, uint32_t bridge_port, void *arg)
{
    const struct vlan_context *ctx = arg;
    if (port->bridge_port == 0)
        port->bridge_port = bridge_port;
    if (!port->facts.access_vlan.known || port->facts.access_vlan.value != ctx->vlan)
        return;
    struct pr_fact state = {0};
    if (generic_fact_from_column(&state, ctx->store, &MIB_STP_PORT_STATE, bridge_port,
                                 pr_stp_state_name))
        pr_fact_set(&port->facts.stp_state, state.value, "%s (VLAN %lld's spanning tree)",
                    state.evidence, (long long)ctx->vlan);
}

static void apply_context(struct pr_snmp_store *store, struct pr_switch *sw, int64_t vlan)
{
    struct vlan_context ctx = {store, vlan};
    generic_each_bridge_port(store, sw, apply_bridge_port, &ctx);
    /* Timers: the switch's own when VLAN 1 did not give them. */
    struct pr_fact fd = {0};
    const struct pr_snmp_varbind *t =
        pr_snmp_store_get(store, MIB_STP_FORWARD_DELAY.oid, MIB_STP_FORWARD_DELAY.len);
    int64_t cs;
    if (!sw->stp.forward_delay_s.known && t != NULL && pr_snmp_value_integer(&t->value, &cs) &&
        cs >= 200 && cs <= 3000) {
        char ev[PR_EVIDENCE_MAX];
        generic_evidence(ev, sizeof ev, &MIB_STP_FORWARD_DELAY, "0", t, NULL);
        pr_fact_set(&fd, (cs + 50) / 100, "%s centiseconds (VLAN %lld)", ev, (long long)vlan);
        sw->stp.forward_delay_s = fd;
    }
}

int cisco_pvst_read(struct pr_snmp_source *src, struct pr_switch *sw)
{
    if (!sw->stp.mode.known ||
        (sw->stp.mode.value != PR_MODE_PVST && sw->stp.mode.value != PR_MODE_RAPID_PVST))
        return 0;
    int64_t vlans[CISCO_MAX_VLAN_CONTEXTS];
    size_t n = vlans_in_use(sw, vlans, CISCO_MAX_VLAN_CONTEXTS);
    /* Under PVST+ the default context's port states are VLAN 1's: they say
     * nothing about a port in another VLAN. */
    for (size_t i = 0; i < sw->n_ports; i++) {
        struct pr_port *port = &sw->ports[i];
        if (port->facts.access_vlan.known && port->facts.access_vlan.value != 1)
            pr_fact_unknown(&port->facts.stp_state, "VLAN %lld's spanning tree not read",
                            (long long)port->facts.access_vlan.value);
    }
    const struct pr_snmp_request req[] = {
        {MIB_BASE_PORT_IFINDEX.oid, MIB_BASE_PORT_IFINDEX.len, false},
        {MIB_STP_PORT_STATE.oid, MIB_STP_PORT_STATE.len, false},
        {MIB_STP_FORWARD_DELAY.oid, MIB_STP_FORWARD_DELAY.len, true},
    };
    for (size_t k = 0; k < n; k++) {
        if (vlans[k] == 1)
            continue; /* the default context, read already */
        char context[16];
        snprintf(context, sizeof context, "%lld", (long long)vlans[k]);
        struct pr_snmp_store store;
        pr_snmp_store_init(&store);
        struct pr_error err = {0};
        int rc = pr_snmp_source_fetch(src, context, req, sizeof req / sizeof req[0], &store, &err);
        if (rc == 0)
            apply_context(&store, sw, vlans[k]);
        pr_snmp_store_free(&store);
        /* An agent that does not answer one VLAN context will not answer
         * the next: stop instead of waiting out every timeout. */
        if (rc != 0 && err.code == PR_ERR_TIMEOUT)
            break;
    }
    return 0;
}
