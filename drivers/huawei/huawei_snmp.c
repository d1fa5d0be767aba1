/* SPDX-License-Identifier: BSD-3-Clause */
#include "huawei/huawei_snmp.h"

#include <string.h>

#include "cli/vrp_family.h"
#include "generic-snmp/generic_snmp.h"

/* hwMstpObjects = 1.3.6.1.4.1.2011.5.25.42.4.1 */
MIB_OBJECT(MIB_HW_MSTP_STATUS, "HUAWEI-MSTP-MIB", "hwMstpStatus", 1, 3, 6, 1, 4, 1, 2011, 5, 25, 42,
           4, 1, 1, 0);
MIB_OBJECT(MIB_HW_MSTP_VERSION, "HUAWEI-MSTP-MIB", "hwMstpForceVersion", 1, 3, 6, 1, 4, 1, 2011, 5,
           25, 42, 4, 1, 2, 0);
/* hwMstpPortEntry (hwMstpPortTable 1) columns, at instance 0. */
MIB_OBJECT(MIB_HW_MSTP_EDGE, "HUAWEI-MSTP-MIB", "hwMstpiStpPortEdgeport", 1, 3, 6, 1, 4, 1, 2011, 5,
           25, 42, 4, 1, 20, 1, 9, 0);
MIB_OBJECT(MIB_HW_MSTP_PORT_STATUS, "HUAWEI-MSTP-MIB", "hwMstpiStpStatus", 1, 3, 6, 1, 4, 1, 2011,
           5, 25, 42, 4, 1, 20, 1, 23, 0);

/* The bridge's own hello time (centiseconds), which VRP's edge detection
 * counts in. */
MIB_OBJECT(MIB_HW_BRIDGE_HELLO, "BRIDGE-MIB", "dot1dStpBridgeHelloTime", 1, 3, 6, 1, 2, 1, 17, 2,
           13, 0);

static const struct pr_snmp_request huawei_requests[] = {
    MIB_SCALAR(MIB_HW_BRIDGE_HELLO),     MIB_SCALAR(MIB_HW_MSTP_STATUS),
    MIB_SCALAR(MIB_HW_MSTP_VERSION),     MIB_COLUMN(MIB_HW_MSTP_EDGE),
    MIB_COLUMN(MIB_HW_MSTP_PORT_STATUS),
};

/* hwMstpiStpPortEdgeport: disable(1), enable(2), undo(3). undo is the
 * unconfigured state, where VRP detects an edge port by the absence of
 * BPDUs (the command reference of stp edged-port): edge detection. */
static const char *const edge_names[] = {"", "disable", "enable", "undo (edge detection)"};

/* Under STP (hwMstpForceVersion stp) edge detection does not act: it
 * needs RSTP BPDUs (802.1D-2004 17.25), and VRP runs it for RSTP and MSTP:
 * an undo(3) port is not edge. */
static void huawei_legacy_edges(struct pr_switch *sw)
{
    if (!pr_fact_is(&sw->stp.mode, PR_MODE_STP))
        return;
    for (size_t i = 0; i < sw->n_ports; i++) {
        struct pr_fact *edge = &sw->ports[i].facts.edge;
        if (!pr_fact_is(edge, PR_EDGE_AUTO) ||
            strstr(edge->evidence, "hwMstpiStpPortEdgeport") == NULL)
            continue;
        char was[PR_EVIDENCE_MAX];
        memcpy(was, edge->evidence, sizeof was);
        pr_fact_set(edge, PR_EDGE_NO, "%.110s; under STP (%.70s) VRP detects no edge port", was,
                    sw->stp.mode.evidence);
    }
}

/* VRP's edge-detection wait from the hello time the agent gives (the
 * default where it gives none or one outside 1-10 s). */
static void huawei_read_more(struct pr_snmp_store *store, struct pr_switch *sw)
{
    huawei_legacy_edges(sw);
    const struct pr_snmp_varbind *vb =
        pr_snmp_store_get(store, MIB_HW_BRIDGE_HELLO.oid, MIB_HW_BRIDGE_HELLO.len);
    int64_t cs;
    if (vb == NULL || !pr_snmp_value_integer(&vb->value, &cs) || cs < 100 || cs > 1000) {
        vrp_auto_edge_wait(-1, NULL, &sw->stp);
        return;
    }
    char ev[PR_EVIDENCE_MAX];
    generic_evidence(ev, sizeof ev, &MIB_HW_BRIDGE_HELLO, "0", vb, NULL);
    vrp_auto_edge_wait((int)cs, ev, &sw->stp);
}

static const struct generic_vendor_stp huawei_mstp = {
    .status = &MIB_HW_MSTP_STATUS,
    .version = &MIB_HW_MSTP_VERSION,
    .edge = &MIB_HW_MSTP_EDGE,
    .edge_yes = 2,
    .edge_auto = 3,
    .edge_names = edge_names,
    .port_status = &MIB_HW_MSTP_PORT_STATUS,
    .read_more = huawei_read_more,
};

bool huawei_snmp_object_id(const char *sys_object_id)
{
    return sys_object_id != NULL && strncmp(sys_object_id, "1.3.6.1.4.1.2011.", 17) == 0;
}

void huawei_snmp_interpret(struct pr_snmp_store *store, struct pr_switch *sw)
{
    generic_vendor_stp_read(store, sw, &huawei_mstp);
}

int huawei_snmp_read(struct pr_snmp_source *src, struct pr_switch *sw, struct pr_error *err)
{
    return generic_vendor_stp_snmp_read(src, sw, huawei_requests,
                                        sizeof huawei_requests / sizeof huawei_requests[0],
                                        &huawei_mstp, err);
}
