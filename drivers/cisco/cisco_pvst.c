/* SPDX-License-Identifier: BSD-3-Clause */
/* The interpreter side of PVST+: the VLAN contexts read, applied to the
 * switch. Each gives its bridge port -> ifIndex map (kept for the PortFast
 * columns, which are indexed by bridge port) and the STP state of the
 * ports whose VLAN it is (cisco_pvst.h). */
#include "cisco/cisco_pvst.h"

#include <stdio.h>

#include "generic-snmp/generic_snmp.h"

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
    char name[24];
    snprintf(name, sizeof name, "VLAN %lld", (long long)vlan);
    generic_stp_roles_read(store, sw, name);
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

static const struct cisco_vlan_read *find_read(const struct cisco_vlan_reads *vlans, int64_t vlan)
{
    for (size_t k = 0; vlans != NULL && k < vlans->n; k++) {
        if (vlans->vlan[k].vlan == vlan)
            return &vlans->vlan[k];
    }
    return NULL;
}

void cisco_pvst_apply(struct cisco_vlan_reads *vlans, struct pr_switch *sw)
{
    if (!cisco_pvst_mode(&sw->stp.mode))
        return;
    /* Under PVST+ the default context's port states are VLAN 1's: they say
     * nothing about a port in another VLAN. */
    for (size_t i = 0; i < sw->n_ports; i++) {
        struct pr_port *port = &sw->ports[i];
        const struct pr_fact *vlan = &port->facts.access_vlan;
        if (!vlan->known || vlan->value == 1)
            continue;
        const struct cisco_vlan_read *read = find_read(vlans, vlan->value);
        if (read != NULL && read->error.code != PR_OK)
            pr_fact_unknown(&port->facts.stp_state,
                            "VLAN %lld's spanning tree could not be read: %s",
                            (long long)vlan->value, read->error.msg);
        else
            pr_fact_unknown(&port->facts.stp_state, "VLAN %lld's spanning tree not read",
                            (long long)vlan->value);
    }
    for (size_t k = 0; vlans != NULL && k < vlans->n; k++) {
        if (vlans->vlan[k].error.code == PR_OK)
            apply_context(&vlans->vlan[k].store, sw, vlans->vlan[k].vlan);
    }
}
