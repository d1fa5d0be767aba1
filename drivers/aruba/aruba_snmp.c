/* SPDX-License-Identifier: BSD-3-Clause */
#include "aruba/aruba_snmp.h"

#include <stdio.h>
#include <string.h>

#include "generic-snmp/generic_snmp.h"

/* HP-ICF-BRIDGE hpicfBridgeRstp (hpicfBridge 1 4). */
MIB_OBJECT(MIB_HP_RSTP_FORCE_VERSION, "HP-ICF-BRIDGE", "hpicfBridgeRstpForceVersion", 1, 3, 6, 1, 4,
           1, 11, 2, 14, 11, 5, 1, 12, 1, 4, 1, 0);
MIB_OBJECT(MIB_HP_RSTP_PROTOCOL_VERSION, "HP-ICF-BRIDGE", "hpicfBridgeRstpProtocolVersion", 1, 3, 6,
           1, 4, 1, 11, 2, 14, 11, 5, 1, 12, 1, 4, 3, 0);
MIB_OBJECT(MIB_HP_RSTP_ADMIN_STATUS, "HP-ICF-BRIDGE", "hpicfBridgeRstpAdminStatus", 1, 3, 6, 1, 4,
           1, 11, 2, 14, 11, 5, 1, 12, 1, 4, 4, 0);
/* hpicfBridgeRstpPortEntry (hpicfBridgeRstp 5 1), indexed by port number. */
MIB_OBJECT(MIB_HP_RSTP_ADMIN_EDGE, "HP-ICF-BRIDGE", "hpicfBridgeRstpAdminEdgePort", 1, 3, 6, 1, 4,
           1, 11, 2, 14, 11, 5, 1, 12, 1, 4, 5, 1, 2);
MIB_OBJECT(MIB_HP_RSTP_OPER_EDGE, "HP-ICF-BRIDGE", "hpicfBridgeRstpOperEdgePort", 1, 3, 6, 1, 4, 1,
           11, 2, 14, 11, 5, 1, 12, 1, 4, 5, 1, 3);
MIB_OBJECT(MIB_HP_RSTP_AUTO_EDGE, "HP-ICF-BRIDGE", "hpicfBridgeRstpAutoEdgePort", 1, 3, 6, 1, 4, 1,
           11, 2, 14, 11, 5, 1, 12, 1, 4, 5, 1, 8);
MIB_OBJECT(MIB_HP_RSTP_BPDU_FILTER, "HP-ICF-BRIDGE", "hpicfBridgeRstpPortBpduFiltering", 1, 3, 6, 1,
           4, 1, 11, 2, 14, 11, 5, 1, 12, 1, 4, 5, 1, 9);

/* ARUBAWIRED-MSTP-MIB (LibreNMS mibs/arubaos-cx/ARUBAWIRED-MSTP-MIB):
 * arubaWiredMstpMIB = wndFeatures 13, wndFeatures = arubaOS-CX 3 =
 * 1.3.6.1.4.1.47196.4.1.1.3 (ARUBAWIRED-NETWORKING-OID: hpe = enterprises
 * 47196, hpeNetworking 4, wiredNetworkingDevices 1, arubaOS-CX 1);
 * arubaWiredMstpPortTable = arubaWiredMstpObjects 2 = arubaWiredMstpMIB 1 2,
 * its entry 1 INDEX { arubaWiredMstpPortIndex }, an InterfaceIndex. Each
 * column a TruthValue: AdminEdge 2 (DEFVAL false), AutoEdge 4 (DEFVAL
 * true), BpduFiltering 5 (DEFVAL false). No operational edge column. */
MIB_OBJECT(MIB_CX_ADMIN_EDGE, "ARUBAWIRED-MSTP-MIB", "arubaWiredMstpPortAdminEdge", 1, 3, 6, 1, 4,
           1, 47196, 4, 1, 1, 3, 13, 1, 2, 1, 2);
MIB_OBJECT(MIB_CX_AUTO_EDGE, "ARUBAWIRED-MSTP-MIB", "arubaWiredMstpPortAutoEdge", 1, 3, 6, 1, 4, 1,
           47196, 4, 1, 1, 3, 13, 1, 2, 1, 4);
MIB_OBJECT(MIB_CX_BPDU_FILTER, "ARUBAWIRED-MSTP-MIB", "arubaWiredMstpPortBpduFiltering", 1, 3, 6, 1,
           4, 1, 47196, 4, 1, 1, 3, 13, 1, 2, 1, 5);

/* Asked for together with the generic driver's objects. */
static const struct pr_snmp_request aruba_requests[] = {
    MIB_SCALAR(MIB_HP_RSTP_FORCE_VERSION), MIB_SCALAR(MIB_HP_RSTP_PROTOCOL_VERSION),
    MIB_SCALAR(MIB_HP_RSTP_ADMIN_STATUS),  MIB_COLUMN(MIB_HP_RSTP_ADMIN_EDGE),
    MIB_COLUMN(MIB_HP_RSTP_OPER_EDGE),     MIB_COLUMN(MIB_HP_RSTP_AUTO_EDGE),
    MIB_COLUMN(MIB_HP_RSTP_BPDU_FILTER),   MIB_COLUMN(MIB_CX_ADMIN_EDGE),
    MIB_COLUMN(MIB_CX_AUTO_EDGE),          MIB_COLUMN(MIB_CX_BPDU_FILTER),
};

/* A per-port edge group: the admin edge column (its values 1 and 2 named
 * admin_true / admin_false), an operational one of the same values (may be
 * NULL), and TruthValue auto-edge and BPDU filtering columns. */
struct aruba_port_mib {
    const struct mib_object *admin, *oper, *autoe, *filter;
    const char *admin_true, *admin_false;
    bool port_number; /* indexed by the MIB's port number, else by ifIndex */
};

static const struct aruba_port_mib hp_ports = {
    &MIB_HP_RSTP_ADMIN_EDGE,
    &MIB_HP_RSTP_OPER_EDGE,
    &MIB_HP_RSTP_AUTO_EDGE,
    &MIB_HP_RSTP_BPDU_FILTER,
    "enable",
    "disable",
    true,
};
static const struct aruba_port_mib cx_ports = {
    &MIB_CX_ADMIN_EDGE, NULL, &MIB_CX_AUTO_EDGE, &MIB_CX_BPDU_FILTER, "true", "false", false,
};

const struct pr_snmp_request *aruba_snmp_requests(size_t *n)
{
    *n = sizeof aruba_requests / sizeof aruba_requests[0];
    return aruba_requests;
}

bool aruba_snmp_object_id(const char *sys_object_id)
{
    return sys_object_id != NULL && (strncmp(sys_object_id, "1.3.6.1.4.1.11.", 15) == 0 ||
                                     strncmp(sys_object_id, "1.3.6.1.4.1.47196.", 18) == 0);
}

static void read_mode(struct pr_snmp_store *store, struct pr_switch *sw)
{
    int64_t admin, force, proto;
    const struct pr_snmp_varbind *vb_admin, *vb_force, *vb_proto;
    char ev[PR_EVIDENCE_MAX];
    if (generic_scalar_int(store, &MIB_HP_RSTP_ADMIN_STATUS, &admin, &vb_admin) && admin == 2) {
        generic_evidence(ev, sizeof ev, &MIB_HP_RSTP_ADMIN_STATUS, "0", vb_admin, "disable");
        pr_fact_set(&sw->stp.mode, PR_MODE_OFF, "%s", ev);
        return;
    }
    if (sw->stp.mode.known)
        return;
    bool have_proto = generic_scalar_int(store, &MIB_HP_RSTP_PROTOCOL_VERSION, &proto, &vb_proto);
    if ((!have_proto || proto == 3) &&
        generic_scalar_int(store, &MIB_HP_RSTP_FORCE_VERSION, &force, &vb_force)) {
        static const char *const names[] = {"stpCompatibility", "?", "rstpOperation",
                                            "mstpOperation"};
        if (force != 0 && force != 2 && force != 3)
            return;
        int mode = force == 0 ? PR_MODE_STP : force == 2 ? PR_MODE_RSTP : PR_MODE_MSTP;
        generic_evidence(ev, sizeof ev, &MIB_HP_RSTP_FORCE_VERSION, "0", vb_force, names[force]);
        pr_fact_set(&sw->stp.mode, mode, "%s", ev);
    } else if (have_proto && (proto == 0 || proto == 2)) {
        generic_evidence(ev, sizeof ev, &MIB_HP_RSTP_PROTOCOL_VERSION, "0", vb_proto,
                         proto == 0 ? "ieee8021d" : "ieee8021w");
        pr_fact_set(&sw->stp.mode, proto == 0 ? PR_MODE_STP : PR_MODE_RSTP, "%s", ev);
    }
}

/* A port's row: for a MIB indexed by "port number" (HP-ICF-BRIDGE), which
 * ArubaOS-Switch makes the bridge port (and the ifIndex), both are tried;
 * else the ifIndex. true_name and false_name name the column's values 1
 * and 2 (enable/disable, or TruthValue true/false). */
static bool port_truth(struct pr_snmp_store *store, const struct aruba_port_mib *m,
                       const struct mib_object *obj, const struct pr_port *port,
                       const char *true_name, const char *false_name, struct pr_fact *out)
{
    const uint32_t keys[] = {m->port_number ? port->bridge_port : 0, port->ifindex};
    for (size_t i = 0; i < 2 && obj != NULL; i++) {
        if (keys[i] == 0)
            continue;
        char idx[16];
        snprintf(idx, sizeof idx, "%u", keys[i]);
        if (generic_truth_fact(out, obj, idx,
                               pr_snmp_store_get_indexed(store, obj->oid, obj->len, keys[i]),
                               true_name, false_name))
            return true;
    }
    return false;
}

/* BPDU filtering takes a port out of spanning tree; where the standard
 * MIBs left the edge unsaid, admin edge, operational edge and auto-edge
 * decide it as pr_facts_edge_from_admin_oper weighs them. */
static void read_port(struct pr_snmp_store *store, const struct aruba_port_mib *m,
                      struct pr_port *port)
{
    struct pr_fact filter = {0};
    if (port_truth(store, m, m->filter, port, "true", "false", &filter) && filter.value == 1)
        pr_fact_set(&port->facts.stp_enabled, 0,
                    "%s: BPDUs are neither sent nor received, the port stays forwarding",
                    filter.evidence);
    if (port->facts.edge.known)
        return;
    struct pr_fact admin = {0}, oper = {0}, autoe = {0};
    bool have_admin = port_truth(store, m, m->admin, port, m->admin_true, m->admin_false, &admin);
    bool have_oper = port_truth(store, m, m->oper, port, m->admin_true, m->admin_false, &oper);
    bool have_auto = port_truth(store, m, m->autoe, port, "true", "false", &autoe);
    bool bad_admin = !have_admin && admin.evidence[0] != '\0';
    if (have_admin || bad_admin || have_oper || have_auto)
        pr_facts_edge_from_admin_oper(&port->facts, have_admin || bad_admin ? &admin : NULL,
                                      have_oper ? &oper : NULL, have_auto ? &autoe : NULL);
}

void aruba_snmp_interpret(struct pr_snmp_store *store, struct pr_switch *sw)
{
    read_mode(store, sw);
    for (size_t i = 0; i < sw->n_ports; i++) {
        read_port(store, &hp_ports, &sw->ports[i]);
        read_port(store, &cx_ports, &sw->ports[i]);
    }
}

int aruba_snmp_read(struct pr_snmp_source *src, struct pr_switch *sw, struct pr_error *err)
{
    struct pr_snmp_store store;
    pr_snmp_store_init(&store);
    int rc = generic_snmp_fetch(src, aruba_requests,
                                sizeof aruba_requests / sizeof aruba_requests[0], &store, err);
    if (rc == 0)
        rc = generic_snmp_interpret(&store, src, sw, err);
    if (rc == 0) {
        aruba_snmp_interpret(&store, sw);
        pr_switch_add_source(sw, pr_snmp_source_kind(src));
    }
    pr_snmp_store_free(&store);
    return rc;
}
