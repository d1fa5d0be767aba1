/* SPDX-License-Identifier: BSD-3-Clause */
#include "ruckus/ruckus_snmp.h"

#include <stdio.h>
#include <string.h>

#include "generic-snmp/generic_snmp.h"

/* snSwIfInfoEntry (1.3.6.1.4.1.1991.1.1.3.3.5.1), indexed by ifIndex. */
MIB_OBJECT(MIB_FDRY_STP_PORT_ENABLE, "FOUNDRY-SN-SWITCH-GROUP-MIB", "snSwIfStpPortEnable", 1, 3, 6,
           1, 4, 1, 1991, 1, 1, 3, 3, 5, 1, 15);
MIB_OBJECT(MIB_FDRY_FAST_SPAN, "FOUNDRY-SN-SWITCH-GROUP-MIB", "snSwIfFastSpanPortEnable", 1, 3, 6,
           1, 4, 1, 1991, 1, 1, 3, 3, 5, 1, 22);
MIB_OBJECT(MIB_FDRY_BPDU_GUARD, "FOUNDRY-SN-SWITCH-GROUP-MIB", "snSwIfStpBPDUGuardMode", 1, 3, 6, 1,
           4, 1, 1991, 1, 1, 3, 3, 5, 1, 65);
MIB_OBJECT(MIB_FDRY_ADMIN_EDGE, "FOUNDRY-SN-SWITCH-GROUP-MIB", "snSwIfRstpAdminEdgePortMode", 1, 3,
           6, 1, 4, 1, 1991, 1, 1, 3, 3, 5, 1, 67);

static const struct pr_snmp_request ruckus_requests[] = {
    MIB_COLUMN(MIB_FDRY_STP_PORT_ENABLE),
    MIB_COLUMN(MIB_FDRY_FAST_SPAN),
    MIB_COLUMN(MIB_FDRY_BPDU_GUARD),
    MIB_COLUMN(MIB_FDRY_ADMIN_EDGE),
};

const struct pr_snmp_request *ruckus_snmp_requests(size_t *n)
{
    *n = sizeof ruckus_requests / sizeof ruckus_requests[0];
    return ruckus_requests;
}

bool ruckus_snmp_object_id(const char *sys_object_id)
{
    return sys_object_id != NULL && strncmp(sys_object_id, "1.3.6.1.4.1.1991.", 17) == 0;
}

/* The column's value for the port's ifIndex, with its evidence. */
static bool column(struct pr_snmp_store *store, const struct mib_object *obj,
                   const struct pr_port *port, int64_t *v, char *ev, size_t ev_len,
                   const char *const names[2])
{
    const struct pr_snmp_varbind *vb;
    if (port->ifindex == 0 || !generic_column_int(store, obj, port->ifindex, v, &vb))
        return false;
    char idx[16];
    snprintf(idx, sizeof idx, "%u", port->ifindex);
    generic_evidence(ev, ev_len, obj, idx, vb, *v >= 0 && *v <= 1 ? names[*v] : NULL);
    return true;
}

void ruckus_snmp_interpret(struct pr_snmp_store *store, struct pr_switch *sw)
{
    static const char *const enabled[2] = {"disabled", "enabled"};
    static const char *const truth[2] = {"?", "true"};
    for (size_t i = 0; i < sw->n_ports; i++) {
        struct pr_port *port = &sw->ports[i];
        struct pr_port_facts *f = &port->facts;
        char ev[PR_EVIDENCE_MAX];
        int64_t v;
        if (!f->stp_enabled.known &&
            column(store, &MIB_FDRY_STP_PORT_ENABLE, port, &v, ev, sizeof ev, enabled) && v == 0)
            pr_fact_set(&f->stp_enabled, 0, "%s", ev);
        /* TruthValue: true(1), false(2). */
        if (column(store, &MIB_FDRY_BPDU_GUARD, port, &v, ev, sizeof ev, truth) &&
            (v == 1 || v == 2) && !f->bpdu_guard.known)
            pr_fact_set(&f->bpdu_guard, v == 1, "%s%s", ev, v == 2 ? " (false)" : "");
        if (column(store, &MIB_FDRY_ADMIN_EDGE, port, &v, ev, sizeof ev, truth) && v == 1) {
            pr_fact_set(&f->edge, PR_EDGE_YES, "%s: 802.1w admin edge port", ev);
            continue;
        }
        /* Under 802.1D (the standard MIBs name no edge for it) Fast Port
         * Span decides: forwarding in 4 s, or 2 x forward delay. */
        const struct pr_fact *mode = f->stp_mode.known ? &f->stp_mode : &sw->stp.mode;
        if (!pr_fact_is(mode, PR_MODE_STP) || pr_fact_is(&f->edge, PR_EDGE_YES) ||
            !column(store, &MIB_FDRY_FAST_SPAN, port, &v, ev, sizeof ev, enabled) ||
            (v != 0 && v != 1))
            continue;
        if (v == 1) {
            pr_fact_set(&f->edge, PR_EDGE_AUTO,
                        "%s: 802.1D with Fast Port Span: about 4 s of listening and learning "
                        "until a BPDU makes it a normal STP port",
                        ev);
            pr_fact_set(&f->auto_edge_wait_s, 4,
                        "Fast Port Span: forwarding in 4 s (Foundry FESX configuration guide, "
                        "Fast Port Span)");
        } else
            pr_fact_set(&f->edge, PR_EDGE_NO, "%s: 802.1D without Fast Port Span", ev);
    }
}

int ruckus_snmp_read(struct pr_snmp_source *src, struct pr_switch *sw, struct pr_error *err)
{
    struct pr_snmp_store store;
    pr_snmp_store_init(&store);
    int rc = generic_snmp_fetch(src, ruckus_requests,
                                sizeof ruckus_requests / sizeof ruckus_requests[0], &store, err);
    if (rc == 0)
        rc = generic_snmp_interpret(&store, src, sw, err);
    if (rc == 0) {
        ruckus_snmp_interpret(&store, sw);
        pr_switch_add_source(sw, pr_snmp_source_kind(src));
    }
    pr_snmp_store_free(&store);
    return rc;
}
