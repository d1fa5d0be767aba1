/* SPDX-License-Identifier: BSD-3-Clause */
/* A vendor MSTP group of the common shape: the bridge's status and force
 * version, each port's edge and spanning-tree status in the CIST. */
#include <stdio.h>

#include "generic-snmp/generic_snmp.h"

void generic_vendor_stp_mode(struct pr_snmp_store *store, struct pr_switch *sw,
                             const struct mib_object *status, int64_t status_off,
                             const char *off_name, const struct mib_object *version,
                             const struct generic_stp_version *versions, size_t n)
{
    int64_t x;
    const struct pr_snmp_varbind *vb;
    char ev[PR_EVIDENCE_MAX];
    if (generic_scalar_int(store, status, &x, &vb) && x == status_off) {
        generic_evidence(ev, sizeof ev, status, "0", vb, off_name);
        pr_fact_set(&sw->stp.mode, PR_MODE_OFF, "%s: spanning tree is off on the whole switch", ev);
        return;
    }
    if (sw->stp.mode.known || !generic_scalar_int(store, version, &x, &vb))
        return;
    for (size_t i = 0; i < n; i++) {
        if (versions[i].value == x) {
            generic_evidence(ev, sizeof ev, version, "0", vb, versions[i].name);
            pr_fact_set(&sw->stp.mode, versions[i].mode, "%s", ev);
            return;
        }
    }
}

/* The common shape's force version: stp(0), rstp(2), mstp(3). */
static const struct generic_stp_version common_versions[] = {
    {0, "stp", PR_MODE_STP},
    {2, "rstp", PR_MODE_RSTP},
    {3, "mstp", PR_MODE_MSTP},
};

void generic_vendor_stp_read(struct pr_snmp_store *store, struct pr_switch *sw,
                             const struct generic_vendor_stp *v)
{
    generic_vendor_stp_mode(store, sw, v->status, 2, "disabled", v->version, common_versions,
                            sizeof common_versions / sizeof common_versions[0]);
    for (size_t i = 0; i < sw->n_ports; i++) {
        struct pr_port *port = &sw->ports[i];
        if (port->bridge_port == 0)
            continue;
        char idx[24], ev[PR_EVIDENCE_MAX];
        snprintf(idx, sizeof idx, "0.%u", port->bridge_port);
        int64_t x;
        const struct pr_snmp_varbind *vb;
        if (v->port_status != NULL &&
            generic_column_int(store, v->port_status, port->bridge_port, &x, &vb) && x == 2) {
            generic_evidence(ev, sizeof ev, v->port_status, idx, vb, "disabled");
            pr_fact_set(&port->facts.stp_enabled, 0, "%s", ev);
        }
        if (port->facts.edge.known ||
            !generic_column_int(store, v->edge, port->bridge_port, &x, &vb) || x < 0 || x > 3 ||
            v->edge_names[x][0] == '\0')
            continue;
        generic_evidence(ev, sizeof ev, v->edge, idx, vb, v->edge_names[x]);
        pr_fact_set(&port->facts.edge,
                    x == v->edge_yes    ? PR_EDGE_YES
                    : x == v->edge_auto ? PR_EDGE_AUTO
                                        : PR_EDGE_NO,
                    "%s", ev);
    }
    if (v->read_more != NULL)
        v->read_more(store, sw);
}

int generic_vendor_stp_snmp_read(struct pr_snmp_source *src, struct pr_switch *sw,
                                 const struct pr_snmp_request *requests, size_t n,
                                 const struct generic_vendor_stp *v, struct pr_error *err)
{
    struct pr_snmp_store store;
    pr_snmp_store_init(&store);
    int rc = generic_snmp_fetch(src, requests, n, &store, err);
    if (rc == 0)
        rc = generic_snmp_interpret(&store, src, sw, err);
    if (rc == 0) {
        generic_vendor_stp_read(&store, sw, v);
        pr_switch_add_source(sw, pr_snmp_source_kind(src));
    }
    pr_snmp_store_free(&store);
    return rc;
}
