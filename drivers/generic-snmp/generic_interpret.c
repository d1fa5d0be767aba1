/* SPDX-License-Identifier: BSD-3-Clause */
/* The generic interpretation of the standard MIBs, in order. */
#include <stdio.h>
#include <string.h>

#include "generic-snmp/generic_snmp.h"
#include "util/strutil.h"

static void read_system(struct pr_snmp_store *store, struct pr_switch *sw)
{
    const struct pr_snmp_varbind *vb =
        pr_snmp_store_get(store, MIB_SYS_DESCR.oid, MIB_SYS_DESCR.len);
    if (vb != NULL && vb->value.type == PR_SNMP_T_OCTETS) {
        size_t n =
            vb->value.len < sizeof sw->sys_descr - 1 ? vb->value.len : sizeof sw->sys_descr - 1;
        for (size_t i = 0; i < n; i++) {
            char c = (char)vb->value.bytes[i];
            sw->sys_descr[i] = (c == '\r' || c == '\n') ? ' ' : c;
        }
        sw->sys_descr[n] = '\0';
    }
    vb = pr_snmp_store_get(store, MIB_SYS_OBJECT_ID.oid, MIB_SYS_OBJECT_ID.len);
    if (vb != NULL && vb->value.type == PR_SNMP_T_OID)
        pr_snmp_oid_format(vb->value.oid, vb->value.oid_len, sw->sys_object_id,
                           sizeof sw->sys_object_id);
}

void generic_snmp_lacks(const struct pr_snmp_source *src, char *buf, size_t len)
{
    if (src != NULL && strcmp(pr_snmp_source_kind(src), "walk") == 0)
        snprintf(buf, len, "the recording %s holds no", pr_snmp_source_where(src));
    else
        snprintf(buf, len, "the agent answers no");
}

int generic_snmp_interpret(struct pr_snmp_store *store, const struct pr_snmp_source *src,
                           struct pr_switch *sw, struct pr_error *err)
{
    read_system(store, sw);
    if (generic_ifmib_read(store, sw, err) != 0)
        return -1;
    if (sw->n_ports == 0) {
        char lacks[PR_ERROR_MSG_MAX];
        generic_snmp_lacks(src, lacks, sizeof lacks);
        /* BRIDGE-MIB ports and no interface: what a Cisco agent answers in
         * a VLAN's context (community@VLAN), which names no interface. */
        size_t first, count;
        bool bridge = pr_snmp_store_subtree(store, MIB_BASE_PORT_IFINDEX.oid,
                                            MIB_BASE_PORT_IFINDEX.len, &first, &count) > 0;
        return pr_error_set(err, PR_ERR_INPUT, "%s IF-MIB interfaces (ifTable)%s", lacks,
                            bridge ? ", only BRIDGE-MIB ports: a VLAN's context (Cisco's "
                                     "community@VLAN)? Read the switch's own context; portready "
                                     "reads each VLAN's from it"
                                   : "");
    }
    generic_bridge_read(store, src, sw);
    generic_lag_read(store, sw);
    generic_mau_read(store, sw);
    generic_lldp_read(store, sw);
    generic_stp_roles_read(store, sw, NULL);
    return 0;
}
