/* SPDX-License-Identifier: BSD-3-Clause */
/* What the spanning tree says about whom a port faces (the objects and
 * their MIB files are in snmp/mib_objects.h):
 *  - the root port (dot1dStpRootPort): the way to the root bridge, so
 *    another bridge;
 *  - a blocked port whose designated bridge (dot1dStpPortDesignatedBridge)
 *    is not this bridge (dot1dBaseBridgeAddress): it hears better BPDUs
 *    from another bridge, an alternate or backup port. Only a blocked port
 *    counts: in a working spanning tree a forwarding port other than the
 *    root port is designated, its designated bridge this one, and real
 *    agents show forwarding ports whose designated bridge differs from
 *    dot1dBaseBridgeAddress (a vPC peer answering for the pair, an address
 *    rewritten in a recording), which says nothing about the far end;
 *  - IEEE8021-MSTP-MIB ieee8021MstpCistPortRole root, alternate or backup. */
#include <stdio.h>
#include <string.h>

#include "generic-snmp/generic_snmp.h"
#include "util/strutil.h"

/* The port a bridge port of this spanning tree is: the one the switch's
 * map gave it, else the store's own dot1dBasePortIfIndex row. */
static struct pr_port *bridge_port_owner(struct pr_snmp_store *store, struct pr_switch *sw,
                                         uint32_t bridge_port)
{
    struct pr_port *port = generic_port_by_bridge_port(sw, bridge_port);
    if (port != NULL)
        return port;
    int64_t ifindex;
    if (generic_column_int(store, &MIB_BASE_PORT_IFINDEX, bridge_port, &ifindex, NULL) &&
        ifindex > 0 && ifindex <= UINT32_MAX)
        return pr_switch_find_ifindex(sw, (uint32_t)ifindex);
    return NULL;
}

static void in_context(char *buf, size_t len, const char *context)
{
    buf[0] = '\0';
    if (context != NULL)
        snprintf(buf, len, " (%s)", context);
}

static void root_port(struct pr_snmp_store *store, struct pr_switch *sw, const char *context)
{
    const struct pr_snmp_varbind *vb =
        pr_snmp_store_get(store, MIB_STP_ROOT_PORT.oid, MIB_STP_ROOT_PORT.len);
    int64_t bp;
    if (vb == NULL || !pr_snmp_value_integer(&vb->value, &bp) || bp <= 0 || bp > UINT32_MAX)
        return; /* 0: this bridge is the root */
    struct pr_port *port = bridge_port_owner(store, sw, (uint32_t)bp);
    if (port == NULL)
        return;
    /* The root port of one tree says it; those of the others (PVST+: one
     * per VLAN) add nothing. */
    for (size_t i = 0; i < port->role.n_signals; i++) {
        if (strncmp(port->role.signals[i].reason, "root port", 9) == 0)
            return;
    }
    char ev[PR_EVIDENCE_MAX], ctx[48], reason[PR_ROLE_REASON_MAX];
    generic_evidence(ev, sizeof ev, &MIB_STP_ROOT_PORT, "0", vb, NULL);
    in_context(ctx, sizeof ctx, context);
    snprintf(reason, sizeof reason, "root port%s", ctx);
    pr_role_add_signal(&port->role, PR_ROLE_UPLINK, reason,
                       "%s (bridge port %lld: the way to the root bridge)%s", ev, (long long)bp,
                       ctx);
}

static bool mac_zero(const uint8_t *m)
{
    for (int i = 0; i < 6; i++) {
        if (m[i] != 0)
            return false;
    }
    return true;
}

static void format_mac(char *buf, size_t len, const uint8_t *m)
{
    snprintf(buf, len, "%02x:%02x:%02x:%02x:%02x:%02x", m[0], m[1], m[2], m[3], m[4], m[5]);
}

static void designated_bridges(struct pr_snmp_store *store, struct pr_switch *sw,
                               const char *context)
{
    const struct pr_snmp_varbind *own =
        pr_snmp_store_get(store, MIB_BASE_BRIDGE_ADDRESS.oid, MIB_BASE_BRIDGE_ADDRESS.len);
    if (own == NULL || own->value.type != PR_SNMP_T_OCTETS || own->value.len != 6 ||
        mac_zero(own->value.bytes))
        return; /* who this bridge is is not known */
    char own_mac[24], own_prio[48] = "";
    format_mac(own_mac, sizeof own_mac, own->value.bytes);
    const struct pr_snmp_varbind *prio =
        pr_snmp_store_get(store, MIB_STP_PRIORITY.oid, MIB_STP_PRIORITY.len);
    int64_t p;
    if (prio != NULL && pr_snmp_value_integer(&prio->value, &p))
        snprintf(own_prio, sizeof own_prio, ", dot1dStpPriority.0 = %lld", (long long)p);

    const struct mib_object *col = &MIB_STP_PORT_DESIGNATED_BRIDGE;
    size_t first, count;
    pr_snmp_store_subtree(store, col->oid, col->len, &first, &count);
    for (size_t i = first; i < first + count; i++) {
        const struct pr_snmp_varbind *vb = &store->vb[i];
        if (vb->name_len != col->len + 1 || vb->value.type != PR_SNMP_T_OCTETS ||
            vb->value.len != 8)
            continue;
        const uint8_t *id = vb->value.bytes;
        if (mac_zero(id + 2) || memcmp(id + 2, own->value.bytes, 6) == 0)
            continue;
        uint32_t bp = vb->name[col->len];
        int64_t state;
        if (!generic_column_int(store, &MIB_STP_PORT_STATE, bp, &state, NULL) ||
            state != PR_STP_BLOCKING)
            continue;
        struct pr_port *port = bridge_port_owner(store, sw, bp);
        if (port == NULL || !pr_fact_is(&port->facts.oper_status, PR_IF_UP))
            continue;
        char mac[24], ev[PR_EVIDENCE_MAX], ctx[48], reason[PR_ROLE_REASON_MAX], idx[16];
        format_mac(mac, sizeof mac, id + 2);
        snprintf(idx, sizeof idx, "%u", bp);
        generic_evidence(ev, sizeof ev, col, idx, vb, NULL);
        in_context(ctx, sizeof ctx, context);
        snprintf(reason, sizeof reason, "blocked by BPDUs from bridge %s%s", mac, ctx);
        pr_role_add_signal(&port->role, PR_ROLE_UPLINK, reason,
                           "%s (priority %u, %s): not this bridge (dot1dBaseBridgeAddress.0 = "
                           "%s%s); dot1dStpPortState.%u = blocking(2)%s",
                           ev, (unsigned)id[0] << 8 | id[1], mac, own_mac, own_prio, bp, ctx);
    }
}

static const char *cist_role_name(int64_t v)
{
    static const char *const names[] = {"?", "root", "alternate", "designated", "backup"};
    return v >= 1 && v <= 4 ? names[v] : "?";
}

static void cist_roles(struct pr_snmp_store *store, struct pr_switch *sw)
{
    const struct mib_object *col = &MIB_MSTP_CIST_PORT_ROLE;
    size_t first, count;
    pr_snmp_store_subtree(store, col->oid, col->len, &first, &count);
    for (size_t i = first; i < first + count; i++) {
        const struct pr_snmp_varbind *vb = &store->vb[i];
        int64_t v;
        if (vb->name_len != col->len + 2 || !pr_snmp_value_integer(&vb->value, &v) ||
            (v != 1 && v != 2 && v != 4))
            continue;
        uint32_t bp = vb->name[col->len + 1];
        struct pr_port *port = bridge_port_owner(store, sw, bp);
        /* Alternate and backup ports hear another bridge only while up. */
        if (port == NULL || !pr_fact_is(&port->facts.oper_status, PR_IF_UP))
            continue;
        char idx[32], ev[PR_EVIDENCE_MAX], reason[PR_ROLE_REASON_MAX];
        snprintf(idx, sizeof idx, "%u.%u", vb->name[col->len], bp);
        generic_evidence(ev, sizeof ev, col, idx, vb, cist_role_name(v));
        snprintf(reason, sizeof reason, "MSTP CIST %s port", cist_role_name(v));
        pr_role_add_signal(&port->role, PR_ROLE_UPLINK, reason, "%s", ev);
    }
}

void generic_stp_roles_read(struct pr_snmp_store *store, struct pr_switch *sw, const char *context)
{
    root_port(store, sw, context);
    designated_bridges(store, sw, context);
    if (context == NULL)
        cist_roles(store, sw);
}
