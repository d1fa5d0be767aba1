/* SPDX-License-Identifier: BSD-3-Clause */
/* IF-MIB: one port per interface, names, link state and speed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "generic-snmp/generic_snmp.h"
#include "util/strutil.h"

static int compare_ifindex(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

/* Adds a port for every ifIndex under the column not seen yet. The ports
 * already known are looked up in a sorted copy of their ifIndex values: an
 * agent may list 100,000 interfaces, and a linear search per row would take
 * minutes. */
static int ports_from_column(struct pr_snmp_store *store, struct pr_switch *sw,
                             const struct mib_object *obj, struct pr_error *err)
{
    size_t first, count;
    if (pr_snmp_store_subtree(store, obj->oid, obj->len, &first, &count) == 0)
        return 0;
    size_t n_known = sw->n_ports;
    uint32_t *known = malloc((n_known ? n_known : 1) * sizeof *known);
    if (known == NULL)
        return pr_error_set(err, PR_ERR_INTERNAL, "out of memory for %zu interfaces", n_known);
    for (size_t i = 0; i < n_known; i++)
        known[i] = sw->ports[i].ifindex;
    qsort(known, n_known, sizeof *known, compare_ifindex);
    int rc = 0;
    for (size_t i = first; i < first + count; i++) {
        const struct pr_snmp_varbind *vb = &store->vb[i];
        if (vb->name_len != obj->len + 1)
            continue;
        /* One row per index in a column: the store holds each OID once. */
        uint32_t ifindex = vb->name[obj->len];
        if (ifindex == 0 || bsearch(&ifindex, known, n_known, sizeof *known, compare_ifindex))
            continue;
        char name[PR_NAME_MAX];
        snprintf(name, sizeof name, "if%u", ifindex);
        struct pr_port *port = pr_switch_add_port(sw, name, err);
        if (port == NULL) {
            rc = -1;
            break;
        }
        port->ifindex = ifindex;
    }
    free(known);
    return rc;
}

static void port_names(struct pr_snmp_store *store, struct pr_port *port)
{
    char ifname[PR_NAME_MAX], ifdescr[PR_NAME_MAX];
    generic_copy_octets(
        ifname, sizeof ifname,
        pr_snmp_store_get_indexed(store, MIB_IF_NAME.oid, MIB_IF_NAME.len, port->ifindex));
    generic_copy_octets(
        ifdescr, sizeof ifdescr,
        pr_snmp_store_get_indexed(store, MIB_IF_DESCR.oid, MIB_IF_DESCR.len, port->ifindex));
    generic_copy_octets(
        port->alias, sizeof port->alias,
        pr_snmp_store_get_indexed(store, MIB_IF_ALIAS.oid, MIB_IF_ALIAS.len, port->ifindex));
    if (ifname[0] != '\0') {
        pr_strlcpy(port->name, ifname, sizeof port->name);
        if (strcmp(ifname, ifdescr) != 0)
            pr_strlcpy(port->descr, ifdescr, sizeof port->descr);
    } else if (ifdescr[0] != '\0') {
        pr_strlcpy(port->name, ifdescr, sizeof port->name);
    }
}

static void port_speed(struct pr_snmp_store *store, struct pr_port *port)
{
    struct pr_port_facts *facts = &port->facts;
    /* A down port's speed column says what it could do, not what it runs. */
    if (!facts->oper_status.known || facts->oper_status.value != PR_IF_UP) {
        pr_fact_unknown(&facts->speed_mbps, "no link: no negotiated speed");
        return;
    }
    int64_t value;
    const struct pr_snmp_varbind *vb;
    char idx[16], ev[PR_EVIDENCE_MAX];
    snprintf(idx, sizeof idx, "%u", port->ifindex);
    if (generic_column_int(store, &MIB_IF_HIGH_SPEED, port->ifindex, &value, &vb) && value > 0) {
        generic_evidence(ev, sizeof ev, &MIB_IF_HIGH_SPEED, idx, vb, NULL);
        pr_fact_set(&facts->speed_mbps, value, "%s (Mb/s)", ev);
    } else if (generic_column_int(store, &MIB_IF_SPEED, port->ifindex, &value, &vb) && value > 0 &&
               value < 4294967295LL) {
        generic_evidence(ev, sizeof ev, &MIB_IF_SPEED, idx, vb, NULL);
        pr_fact_set(&facts->speed_mbps, value / 1000000, "%s (b/s)", ev);
    }
}

int generic_ifmib_read(struct pr_snmp_store *store, struct pr_switch *sw, struct pr_error *err)
{
    static const struct mib_object *const index_columns[] = {&MIB_IF_DESCR, &MIB_IF_TYPE,
                                                             &MIB_IF_NAME, &MIB_IF_OPER_STATUS};
    for (size_t i = 0; i < sizeof index_columns / sizeof index_columns[0]; i++) {
        if (ports_from_column(store, sw, index_columns[i], err) != 0)
            return -1;
    }
    for (size_t i = 0; i < sw->n_ports; i++) {
        struct pr_port *port = &sw->ports[i];
        int64_t type;
        if (generic_column_int(store, &MIB_IF_TYPE, port->ifindex, &type, NULL))
            port->if_type = type;
        port_names(store, port);
        generic_fact_from_column(&port->facts.admin_status, store, &MIB_IF_ADMIN_STATUS,
                                 port->ifindex, pr_if_status_name);
        generic_fact_from_column(&port->facts.oper_status, store, &MIB_IF_OPER_STATUS,
                                 port->ifindex, pr_if_status_name);
        int64_t connector;
        if (generic_column_int(store, &MIB_IF_CONNECTOR_PRESENT, port->ifindex, &connector, NULL) &&
            connector == 2)
            port->no_connector = true;
        port_speed(store, port);
    }
    return 0;
}
