/* SPDX-License-Identifier: BSD-3-Clause */
/* The source side of PVST+: which VLAN contexts a switch needs, and
 * reading them, each once, in the read step (cisco_pvst.h). */
#include "cisco/cisco_pvst.h"

#include <stdio.h>
#include <stdlib.h>

#include "cisco/cisco_snmp.h"
#include "snmp/mib_objects.h"

size_t cisco_pvst_vlans(struct pr_snmp_store *store, const struct pr_switch *sw, int64_t *vlans,
                        size_t max)
{
    /* The mode and VLANs as cisco_snmp_interpret() will set them. */
    struct pr_fact mode = sw->stp.mode;
    cisco_snmp_mode(store, &mode);
    if (!cisco_pvst_mode(&mode))
        return 0;
    size_t n = 0;
    bool seen_vlan1 = false;
    for (size_t i = 0; i < sw->n_ports; i++) {
        const struct pr_port *port = &sw->ports[i];
        struct pr_fact trunk = port->facts.trunk, vlan = port->facts.access_vlan;
        cisco_snmp_port_vlan(store, port->ifindex, &trunk, &vlan);
        if (!vlan.known || vlan.value < 1 || vlan.value > 4094 || !pr_port_is_physical(port))
            continue;
        bool seen = vlan.value == 1 && seen_vlan1;
        for (size_t k = 0; k < n && !seen; k++)
            seen = vlans[k] == vlan.value;
        /* VLAN 1 is the default context, read already, but takes its
         * place among the VLANs a switch may have read. */
        if (seen || n + seen_vlan1 >= max)
            continue;
        if (vlan.value == 1)
            seen_vlan1 = true;
        else
            vlans[n++] = vlan.value;
    }
    return n;
}

static const struct pr_snmp_request vlan_requests[] = {
    MIB_COLUMN(MIB_BASE_PORT_IFINDEX),
    MIB_COLUMN(MIB_STP_PORT_STATE),
    MIB_SCALAR(MIB_STP_FORWARD_DELAY),
    /* Each VLAN's tree has its own root port and designated bridges. */
    MIB_SCALAR(MIB_BASE_BRIDGE_ADDRESS),
    MIB_SCALAR(MIB_STP_PRIORITY),
    MIB_SCALAR(MIB_STP_ROOT_PORT),
    MIB_COLUMN(MIB_STP_PORT_DESIGNATED_BRIDGE),
};

const struct pr_snmp_request *cisco_pvst_requests(size_t *n)
{
    *n = sizeof vlan_requests / sizeof vlan_requests[0];
    return vlan_requests;
}

int cisco_pvst_fetch(struct pr_snmp_source *src, struct pr_snmp_store *store,
                     const struct pr_switch *sw, struct cisco_vlan_reads *out, struct pr_error *err)
{
    int64_t vlans[CISCO_PVST_MAX_VLANS];
    size_t n = cisco_pvst_vlans(store, sw, vlans, CISCO_PVST_MAX_VLANS);
    out->vlan = NULL;
    out->n = 0;
    if (n == 0)
        return 0;
    out->vlan = calloc(n, sizeof *out->vlan);
    if (out->vlan == NULL)
        return pr_error_set(err, PR_ERR_INTERNAL, "out of memory for %zu VLAN contexts", n);
    out->n = n;
    const struct cisco_vlan_read *timed_out = NULL;
    for (size_t k = 0; k < n; k++) {
        struct cisco_vlan_read *read = &out->vlan[k];
        read->vlan = vlans[k];
        pr_snmp_store_init(&read->store);
        if (timed_out != NULL) {
            pr_error_set(&read->error, PR_ERR_TIMEOUT,
                         "not asked after VLAN %lld's context timed out",
                         (long long)timed_out->vlan);
            continue;
        }
        char context[16];
        snprintf(context, sizeof context, "%lld", (long long)vlans[k]);
        if (pr_snmp_source_fetch(src, context, vlan_requests,
                                 sizeof vlan_requests / sizeof vlan_requests[0], &read->store,
                                 &read->error) != 0) {
            pr_snmp_store_free(&read->store);
            pr_snmp_store_init(&read->store);
            if (read->error.code == PR_OK)
                pr_error_set(&read->error, PR_ERR_INTERNAL, "failed without a reason");
            if (read->error.code == PR_ERR_TIMEOUT)
                timed_out = read;
        }
    }
    return 0;
}

void cisco_vlan_reads_free(struct cisco_vlan_reads *reads)
{
    if (reads == NULL)
        return;
    for (size_t k = 0; k < reads->n; k++)
        pr_snmp_store_free(&reads->vlan[k].store);
    free(reads->vlan);
    reads->vlan = NULL;
    reads->n = 0;
}
