/* SPDX-License-Identifier: BSD-3-Clause */
#include "juniper/juniper_snmp.h"

#include <stdio.h>
#include <string.h>

#include "generic-snmp/generic_snmp.h"

/* JUNIPER-L2ALD-MIB jnxL2aldVlanTag: internal VLAN index -> 802.1Q tag. */
MIB_OBJECT(MIB_JNX_VLAN_TAG, "JUNIPER-L2ALD-MIB", "jnxL2aldVlanTag", 1, 3, 6, 1, 4, 1, 2636, 3, 48,
           1, 3, 1, 1, 3);
/* JUNIPER-MIMSTP-MIB: protocol version per context, CIST port edge. */
MIB_OBJECT(MIB_JNX_MST_FORCE_VERSION, "JUNIPER-MIMSTP-MIB", "jnxMIMstForceProtocolVersion", 1, 3, 6,
           1, 4, 1, 2636, 3, 46, 1, 1, 3, 1, 24);
MIB_OBJECT(MIB_JNX_CIST_ADMIN_EDGE, "JUNIPER-MIMSTP-MIB", "jnxMIMstCistPortAdminEdgeStatus", 1, 3,
           6, 1, 4, 1, 2636, 3, 46, 1, 1, 6, 1, 9);
MIB_OBJECT(MIB_JNX_CIST_OPER_EDGE, "JUNIPER-MIMSTP-MIB", "jnxMIMstCistPortOperEdgeStatus", 1, 3, 6,
           1, 4, 1, 2636, 3, 46, 1, 1, 6, 1, 10);

/* Asked for together with the generic driver's objects. */
static const struct pr_snmp_request juniper_requests[] = {
    MIB_COLUMN(MIB_JNX_VLAN_TAG),
    MIB_COLUMN(MIB_JNX_MST_FORCE_VERSION),
    MIB_COLUMN(MIB_JNX_CIST_ADMIN_EDGE),
    MIB_COLUMN(MIB_JNX_CIST_OPER_EDGE),
};

const struct pr_snmp_request *juniper_snmp_requests(size_t *n)
{
    *n = sizeof juniper_requests / sizeof juniper_requests[0];
    return juniper_requests;
}

bool juniper_snmp_object_id(const char *sys_object_id)
{
    return sys_object_id != NULL && strncmp(sys_object_id, "1.3.6.1.4.1.2636.", 17) == 0;
}

/* Older (non-ELS) Junos answers dot1qPvid with the VLAN's internal index;
 * newer releases answer the tag itself. A value that is a known index and
 * not a known tag is translated; the evidence says so. */
static void translate_pvids(struct pr_snmp_store *store, struct pr_switch *sw)
{
    size_t first, count;
    pr_snmp_store_subtree(store, MIB_JNX_VLAN_TAG.oid, MIB_JNX_VLAN_TAG.len, &first, &count);
    if (count == 0)
        return;
    for (size_t i = 0; i < sw->n_ports; i++) {
        struct pr_fact *vlan = &sw->ports[i].facts.access_vlan;
        if (!vlan->known)
            continue;
        bool is_tag = false;
        const struct pr_snmp_varbind *by_index = NULL;
        for (size_t k = first; k < first + count; k++) {
            const struct pr_snmp_varbind *vb = &store->vb[k];
            int64_t tag;
            if (!pr_snmp_value_integer(&vb->value, &tag))
                continue;
            if (tag == vlan->value)
                is_tag = true;
            if (vb->name_len == MIB_JNX_VLAN_TAG.len + 1 &&
                vb->name[MIB_JNX_VLAN_TAG.len] == vlan->value)
                by_index = vb;
        }
        int64_t tag;
        if (is_tag || by_index == NULL || !pr_snmp_value_integer(&by_index->value, &tag))
            continue;
        char idx[16], ev[PR_EVIDENCE_MAX];
        snprintf(idx, sizeof idx, "%lld", (long long)vlan->value);
        generic_evidence(ev, sizeof ev, &MIB_JNX_VLAN_TAG, idx, by_index, NULL);
        pr_fact_set(vlan, tag, "%s; %s (Junos internal VLAN index to tag)", vlan->evidence, ev);
    }
}

static void read_mode(struct pr_snmp_store *store, struct pr_switch *sw)
{
    if (sw->stp.mode.known)
        return;
    size_t first, count;
    pr_snmp_store_subtree(store, MIB_JNX_MST_FORCE_VERSION.oid, MIB_JNX_MST_FORCE_VERSION.len,
                          &first, &count);
    int64_t v;
    if (count == 0 || !pr_snmp_value_integer(&store->vb[first].value, &v))
        return;
    static const char *const names[] = {"stpCompatible", "?", "rstpCompatible", "mstpCompatible"};
    char idx[16], ev[PR_EVIDENCE_MAX];
    snprintf(idx, sizeof idx, "%u", store->vb[first].name[MIB_JNX_MST_FORCE_VERSION.len]);
    generic_evidence(ev, sizeof ev, &MIB_JNX_MST_FORCE_VERSION, idx, &store->vb[first],
                     v >= 0 && v <= 3 ? names[v] : NULL);
    if (v == 0)
        pr_fact_set(&sw->stp.mode, PR_MODE_STP, "%s (Junos ignores edge under legacy STP)", ev);
    else if (v == 2)
        pr_fact_set(&sw->stp.mode, PR_MODE_RSTP, "%s", ev);
    else if (v == 3)
        pr_fact_set(&sw->stp.mode, PR_MODE_MSTP, "%s", ev);
}

/* The CIST edge columns are indexed by port; Junos uses the bridge port
 * number or the ifIndex depending on release, so both are tried. */
static bool cist_truth(struct pr_snmp_store *store, const struct mib_object *obj,
                       const struct pr_port *port, struct pr_fact *out)
{
    const uint32_t keys[] = {port->bridge_port, port->ifindex};
    for (size_t i = 0; i < 2; i++) {
        if (keys[i] == 0)
            continue;
        char idx[16];
        snprintf(idx, sizeof idx, "%u", keys[i]);
        if (generic_truth_fact(out, obj, idx,
                               pr_snmp_store_get_indexed(store, obj->oid, obj->len, keys[i]),
                               "true", "false"))
            return true;
    }
    return false;
}

void juniper_snmp_interpret(struct pr_snmp_store *store, struct pr_switch *sw)
{
    translate_pvids(store, sw);
    read_mode(store, sw);
    for (size_t i = 0; i < sw->n_ports; i++) {
        struct pr_port *port = &sw->ports[i];
        if (port->facts.edge.known)
            continue;
        struct pr_fact admin = {0}, oper = {0};
        bool have_admin = cist_truth(store, &MIB_JNX_CIST_ADMIN_EDGE, port, &admin);
        bool have_oper = cist_truth(store, &MIB_JNX_CIST_OPER_EDGE, port, &oper);
        if (have_admin || have_oper || admin.evidence[0] != '\0')
            pr_facts_edge_from_admin_oper(&port->facts, &admin, &oper, NULL);
    }
    /* Legacy STP: Junos ignores edge, so an edge port still blocks. */
    if (sw->stp.mode.known && sw->stp.mode.value == PR_MODE_STP) {
        for (size_t i = 0; i < sw->n_ports; i++) {
            struct pr_fact *edge = &sw->ports[i].facts.edge;
            if (edge->known && edge->value != PR_EDGE_NO)
                pr_fact_set(edge, PR_EDGE_NO, "%s, but Junos ignores edge under legacy STP (%s)",
                            edge->evidence, sw->stp.mode.evidence);
        }
    }
}

int juniper_snmp_read(struct pr_snmp_source *src, struct pr_switch *sw, struct pr_error *err)
{
    struct pr_snmp_store store;
    pr_snmp_store_init(&store);
    int rc = generic_snmp_fetch(src, juniper_requests,
                                sizeof juniper_requests / sizeof juniper_requests[0], &store, err);
    if (rc == 0)
        rc = generic_snmp_interpret(&store, src, sw, err);
    if (rc == 0) {
        juniper_snmp_interpret(&store, sw);
        pr_switch_add_source(sw, pr_snmp_source_kind(src));
    }
    pr_snmp_store_free(&store);
    return rc;
}
