/* SPDX-License-Identifier: BSD-3-Clause */
/* Cisco's forwarding tables: the default context's, then one per VLAN. */
#include <stdio.h>

#include "cisco/cisco_snmp.h"
#include "generic-snmp/generic_snmp.h"

/* CISCO-VTP-MIB vtpVlanTable { vlanInfo 1 } (LibreNMS's
 * mibs/cisco/CISCO-VTP-MIB), indexed by managementDomainIndex,
 * vtpVlanIndex: vtpVlanState 2, operational(1), suspended(2),
 * mtuTooBigForDevice(3), mtuTooBigForTrunk(4). VLANs 1002 to 1005 are the
 * FDDI and Token Ring defaults, which learn no Ethernet MAC. */
MIB_OBJECT(MIB_VTP_VLAN_STATE, "CISCO-VTP-MIB", "vtpVlanState", 1, 3, 6, 1, 4, 1, 9, 9, 46, 1, 3, 1,
           1, 2);

/* The operational VLANs, in order, but VLAN 1 (the default context) and
 * the FDDI and Token Ring ones; at most max. */
static size_t operational_vlans(struct pr_snmp_store *store, int64_t *vlans, size_t max)
{
    size_t first, count, n = 0;
    pr_snmp_store_subtree(store, MIB_VTP_VLAN_STATE.oid, MIB_VTP_VLAN_STATE.len, &first, &count);
    for (size_t k = first; k < first + count && n < max; k++) {
        const struct pr_snmp_varbind *vb = &store->vb[k];
        int64_t state;
        if (vb->name_len != MIB_VTP_VLAN_STATE.len + 2 ||
            !pr_snmp_value_integer(&vb->value, &state) || state != 1)
            continue;
        uint32_t vlan = vb->name[MIB_VTP_VLAN_STATE.len + 1];
        if (vlan <= 1 || vlan > 4094 || (vlan >= 1002 && vlan <= 1005))
            continue;
        vlans[n++] = vlan;
    }
    return n;
}

int cisco_read_fdb(struct pr_snmp_source *src, struct pr_fdb *fdb, struct pr_error *err)
{
    static const struct pr_snmp_request extra[] = {MIB_COLUMN(MIB_VTP_VLAN_STATE)};
    struct pr_snmp_store store;
    pr_snmp_store_init(&store);
    int rc = generic_fdb_read(src, NULL, -1, NULL, extra, 1, &store, fdb, err);
    int64_t vlans[CISCO_PVST_MAX_VLANS];
    size_t n = rc == 0 ? operational_vlans(&store, vlans, CISCO_PVST_MAX_VLANS) : 0;
    pr_snmp_store_free(&store);
    for (size_t k = 0; rc == 0 && k < n; k++) {
        char context[16], label[32];
        snprintf(context, sizeof context, "%lld", (long long)vlans[k]);
        snprintf(label, sizeof label, "VLAN %lld's context", (long long)vlans[k]);
        struct pr_error vlan_err = {0};
        pr_snmp_store_init(&store);
        if (generic_fdb_read(src, context, vlans[k], label, NULL, 0, &store, fdb, &vlan_err) != 0 &&
            vlan_err.code == PR_ERR_TIMEOUT) {
            /* One VLAN's context that times out: the others would too. */
            pr_snmp_store_free(&store);
            break;
        }
        /* A VLAN without a context of its own (a recording without its
         * sibling file) has no table to read. */
        pr_snmp_store_free(&store);
    }
    return rc;
}
