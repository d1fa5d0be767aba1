/* SPDX-License-Identifier: BSD-3-Clause */
#include "fastpath/fastpath_snmp.h"

#include <stdio.h>
#include <string.h>

#include "generic-snmp/generic_snmp.h"
#include "util/strutil.h"

/* EdgeSwitch-SWITCHING-MIB: fastPathSwitching = fastPath 1, fastPath =
 * 1.3.6.1.4.1.4413.1.1 (EdgeSwitch-REF-MIB: broadcom = enterprises 4413,
 * broadcomProducts 1, fastPath 1); agentConfigGroup = fastPathSwitching 2,
 * agentStpSwitchConfigGroup = agentConfigGroup 15. Both copies of the MIB
 * (LibreNMS mibs/edgeswitch/EdgeSwitch-SWITCHING-MIB, netdisco-mibs
 * edgeswitch/EDGESWITCH-SWITCHING-MIB.mib) put agentStpForceVersion at 5
 * and agentStpAdminMode at 6. */
MIB_OBJECT(MIB_ES_FORCE_VERSION, "EdgeSwitch-SWITCHING-MIB", "agentStpForceVersion", 1, 3, 6, 1, 4,
           1, 4413, 1, 1, 1, 2, 15, 5, 0);
MIB_OBJECT(MIB_ES_ADMIN_MODE, "EdgeSwitch-SWITCHING-MIB", "agentStpAdminMode", 1, 3, 6, 1, 4, 1,
           4413, 1, 1, 1, 2, 15, 6, 0);
/* agentStpCstPortEntry (INDEX { ifIndex }): agentStpCstPortOperEdge 1,
 * agentStpCstPortEdge 4, agentStpCstPortAutoEdge 16, each enable(1) /
 * disable(2). LibreNMS's copy makes agentStpCstPortTable
 * agentStpSwitchConfigGroup 11 (and 9 agentStpPortTable, whose columns 1
 * and 4 are agentStpPortState and the Counter32
 * agentStpPortStatsRstpBpduRx); netdisco-mibs' copy makes it 9 (and 11
 * agentStpMstPortTable, INDEX { agentStpMstId, ifIndex }). */
MIB_OBJECT(MIB_ES11_OPER_EDGE, "EdgeSwitch-SWITCHING-MIB", "agentStpCstPortOperEdge", 1, 3, 6, 1, 4,
           1, 4413, 1, 1, 1, 2, 15, 11, 1, 1);
MIB_OBJECT(MIB_ES11_EDGE, "EdgeSwitch-SWITCHING-MIB", "agentStpCstPortEdge", 1, 3, 6, 1, 4, 1, 4413,
           1, 1, 1, 2, 15, 11, 1, 4);
MIB_OBJECT(MIB_ES11_AUTO_EDGE, "EdgeSwitch-SWITCHING-MIB", "agentStpCstPortAutoEdge", 1, 3, 6, 1, 4,
           1, 4413, 1, 1, 1, 2, 15, 11, 1, 16);
MIB_OBJECT(MIB_ES9_OPER_EDGE, "EdgeSwitch-SWITCHING-MIB", "agentStpCstPortOperEdge", 1, 3, 6, 1, 4,
           1, 4413, 1, 1, 1, 2, 15, 9, 1, 1);
MIB_OBJECT(MIB_ES9_EDGE, "EdgeSwitch-SWITCHING-MIB", "agentStpCstPortEdge", 1, 3, 6, 1, 4, 1, 4413,
           1, 1, 1, 2, 15, 9, 1, 4);
MIB_OBJECT(MIB_ES9_AUTO_EDGE, "EdgeSwitch-SWITCHING-MIB", "agentStpCstPortAutoEdge", 1, 3, 6, 1, 4,
           1, 4413, 1, 1, 1, 2, 15, 9, 1, 16);

/* NETGEAR-SWITCHING-MIB (LibreNMS mibs/netgear; netdisco-mibs
 * netgear/fastpathswitching.my agrees): fastPathSwitching =
 * ng7000managedswitch 1, ng7000managedswitch = netgear 10 = 1.3.6.1.4.1.4526.10
 * (NETGEAR-REF-MIB); the same group, agentStpCstPortTable =
 * agentStpSwitchConfigGroup 9 (11 is agentStpMstPortTable). */
MIB_OBJECT(MIB_NG_FORCE_VERSION, "NETGEAR-SWITCHING-MIB", "agentStpForceVersion", 1, 3, 6, 1, 4, 1,
           4526, 10, 1, 2, 15, 5, 0);
MIB_OBJECT(MIB_NG_ADMIN_MODE, "NETGEAR-SWITCHING-MIB", "agentStpAdminMode", 1, 3, 6, 1, 4, 1, 4526,
           10, 1, 2, 15, 6, 0);
MIB_OBJECT(MIB_NG_OPER_EDGE, "NETGEAR-SWITCHING-MIB", "agentStpCstPortOperEdge", 1, 3, 6, 1, 4, 1,
           4526, 10, 1, 2, 15, 9, 1, 1);
MIB_OBJECT(MIB_NG_EDGE, "NETGEAR-SWITCHING-MIB", "agentStpCstPortEdge", 1, 3, 6, 1, 4, 1, 4526, 10,
           1, 2, 15, 9, 1, 4);
MIB_OBJECT(MIB_NG_AUTO_EDGE, "NETGEAR-SWITCHING-MIB", "agentStpCstPortAutoEdge", 1, 3, 6, 1, 4, 1,
           4526, 10, 1, 2, 15, 9, 1, 16);

/* NETGEAR-SMART-SWITCHING-MIB (LibreNMS mibs/netgear; netdisco-mibs
 * netgear/ng_switching.my agrees): agentSwitching = ng700smartswitch 1,
 * ng700smartswitch = netgear 11 = 1.3.6.1.4.1.4526.11 (NETGEAR-REF-MIB);
 * agentConfigGroup = agentSwitching 2, agentStpSwitchConfigGroup 15, the
 * same scalars at 5 and 6, agentStpCstPortTable at 11 (INDEX { ifIndex };
 * 9 is agentStpPortTable, whose column 4 is the Counter32
 * agentStpPortStatsRstpBpduRx) with the same columns 1, 4 and 16. */
MIB_OBJECT(MIB_NGS_FORCE_VERSION, "NETGEAR-SMART-SWITCHING-MIB", "agentStpForceVersion", 1, 3, 6, 1,
           4, 1, 4526, 11, 1, 2, 15, 5, 0);
MIB_OBJECT(MIB_NGS_ADMIN_MODE, "NETGEAR-SMART-SWITCHING-MIB", "agentStpAdminMode", 1, 3, 6, 1, 4, 1,
           4526, 11, 1, 2, 15, 6, 0);
MIB_OBJECT(MIB_NGS_OPER_EDGE, "NETGEAR-SMART-SWITCHING-MIB", "agentStpCstPortOperEdge", 1, 3, 6, 1,
           4, 1, 4526, 11, 1, 2, 15, 11, 1, 1);
MIB_OBJECT(MIB_NGS_EDGE, "NETGEAR-SMART-SWITCHING-MIB", "agentStpCstPortEdge", 1, 3, 6, 1, 4, 1,
           4526, 11, 1, 2, 15, 11, 1, 4);
MIB_OBJECT(MIB_NGS_AUTO_EDGE, "NETGEAR-SMART-SWITCHING-MIB", "agentStpCstPortAutoEdge", 1, 3, 6, 1,
           4, 1, 4526, 11, 1, 2, 15, 11, 1, 16);

static const struct pr_snmp_request fastpath_requests[] = {
    MIB_SCALAR(MIB_ES_FORCE_VERSION), MIB_SCALAR(MIB_ES_ADMIN_MODE),
    MIB_COLUMN(MIB_ES11_OPER_EDGE),   MIB_COLUMN(MIB_ES11_EDGE),
    MIB_COLUMN(MIB_ES11_AUTO_EDGE),   MIB_COLUMN(MIB_ES9_OPER_EDGE),
    MIB_COLUMN(MIB_ES9_EDGE),         MIB_COLUMN(MIB_ES9_AUTO_EDGE),
    MIB_SCALAR(MIB_NG_FORCE_VERSION), MIB_SCALAR(MIB_NG_ADMIN_MODE),
    MIB_COLUMN(MIB_NG_OPER_EDGE),     MIB_COLUMN(MIB_NG_EDGE),
    MIB_COLUMN(MIB_NG_AUTO_EDGE),     MIB_SCALAR(MIB_NGS_FORCE_VERSION),
    MIB_SCALAR(MIB_NGS_ADMIN_MODE),   MIB_COLUMN(MIB_NGS_OPER_EDGE),
    MIB_COLUMN(MIB_NGS_EDGE),         MIB_COLUMN(MIB_NGS_AUTO_EDGE),
};

/* One placement of agentStpCstPortTable; where (NULL when the MIB's copies
 * agree) is added to the edge's evidence: which table number answered. */
struct fp_cst_table {
    const char *where;
    const struct mib_object *oper, *edge, *autoe;
};

struct fp_mib {
    const char *name; /* the MIB file, as fastpath_snmp_interpret() returns it */
    const struct mib_object *admin_mode, *force_version;
    struct fp_cst_table tables[2];
    size_t n_tables;
};

static const struct fp_mib fp_mibs[] = {
    {"EdgeSwitch-SWITCHING-MIB",
     &MIB_ES_ADMIN_MODE,
     &MIB_ES_FORCE_VERSION,
     {{"agentStpSwitchConfigGroup 11: LibreNMS's MIB copy", &MIB_ES11_OPER_EDGE, &MIB_ES11_EDGE,
       &MIB_ES11_AUTO_EDGE},
      {"agentStpSwitchConfigGroup 9: netdisco-mibs' MIB copy", &MIB_ES9_OPER_EDGE, &MIB_ES9_EDGE,
       &MIB_ES9_AUTO_EDGE}},
     2},
    {"NETGEAR-SWITCHING-MIB",
     &MIB_NG_ADMIN_MODE,
     &MIB_NG_FORCE_VERSION,
     {{NULL, &MIB_NG_OPER_EDGE, &MIB_NG_EDGE, &MIB_NG_AUTO_EDGE}},
     1},
    {"NETGEAR-SMART-SWITCHING-MIB",
     &MIB_NGS_ADMIN_MODE,
     &MIB_NGS_FORCE_VERSION,
     {{NULL, &MIB_NGS_OPER_EDGE, &MIB_NGS_EDGE, &MIB_NGS_AUTO_EDGE}},
     1},
};

const struct pr_snmp_request *fastpath_snmp_requests(size_t *n)
{
    *n = sizeof fastpath_requests / sizeof fastpath_requests[0];
    return fastpath_requests;
}

/* Whether id is prefix or lies under it (prefix without a trailing dot). */
static bool under(const char *id, const char *prefix)
{
    size_t n = strlen(prefix);
    return strncmp(id, prefix, n) == 0 && (id[n] == '\0' || id[n] == '.');
}

/* NETGEAR-REF-MIB's switch branches: managedSwitch (netgear 1, the
 * dedicated-MIB models), the product trees ng7000managedswitch (10),
 * ng700smartswitch (11), ng9000chassisswitch (16), ng700stacksmartswitch
 * (17), and productID (100)'s stackswitch 1, l2switch 2, l3switch 3,
 * smartswitch 4, chassisswitch 9, stacksmartswitch 10, l2Rswitch 11. Its
 * routers, firewalls, access points and WLAN controllers (netgear 2-6,
 * 12-15; productID 5-8) are no FASTPATH switch. */
static bool netgear_switch(const char *id)
{
    static const char *const branches[] = {
        "1.3.6.1.4.1.4526.1",     "1.3.6.1.4.1.4526.10",     "1.3.6.1.4.1.4526.11",
        "1.3.6.1.4.1.4526.16",    "1.3.6.1.4.1.4526.17",     "1.3.6.1.4.1.4526.100.1",
        "1.3.6.1.4.1.4526.100.2", "1.3.6.1.4.1.4526.100.3",  "1.3.6.1.4.1.4526.100.4",
        "1.3.6.1.4.1.4526.100.9", "1.3.6.1.4.1.4526.100.10", "1.3.6.1.4.1.4526.100.11",
    };
    for (size_t i = 0; i < sizeof branches / sizeof branches[0]; i++)
        if (under(id, branches[i]) && strcmp(id, branches[i]) != 0)
            return true;
    return false;
}

bool fastpath_snmp_object_id(const char *sys_object_id)
{
    return sys_object_id != NULL &&
           (under(sys_object_id, "1.3.6.1.4.1.4413") || netgear_switch(sys_object_id));
}

/* agentStpAdminMode disable(2) turns spanning tree off on the whole switch
 * ("The default status is disabled"), whatever the standard MIBs say;
 * agentStpForceVersion dot1d(1) / dot1w(2) / dot1s(3) gives the protocol
 * where they leave it unsaid. */
static void read_mode(struct pr_snmp_store *store, struct pr_switch *sw, const struct fp_mib *m)
{
    static const struct generic_stp_version versions[] = {
        {1, "dot1d", PR_MODE_STP},
        {2, "dot1w", PR_MODE_RSTP},
        {3, "dot1s", PR_MODE_MSTP},
    };
    generic_vendor_stp_mode(store, sw, m->admin_mode, 2, "disable", m->force_version, versions,
                            sizeof versions / sizeof versions[0]);
}

/* Whether the placement answers: an INTEGER row of its admin edge or auto
 * edge column at some port's ifIndex. The other copy's table at the same
 * number has no such row (a two-arc index, or a Counter32 column), so an
 * agent answers at most one placement as this table. */
static bool table_answers(struct pr_snmp_store *store, const struct pr_switch *sw,
                          const struct fp_cst_table *t)
{
    for (size_t i = 0; i < sw->n_ports; i++) {
        uint32_t ifindex = sw->ports[i].ifindex;
        const struct mib_object *cols[] = {t->edge, t->autoe};
        for (size_t c = 0; c < 2 && ifindex != 0; c++) {
            const struct pr_snmp_varbind *vb =
                pr_snmp_store_get_indexed(store, cols[c]->oid, cols[c]->len, ifindex);
            if (vb != NULL && vb->value.type == PR_SNMP_T_INTEGER)
                return true;
        }
    }
    return false;
}

static bool column_truth(struct pr_snmp_store *store, const struct mib_object *obj,
                         uint32_t ifindex, struct pr_fact *out)
{
    char idx[16];
    snprintf(idx, sizeof idx, "%u", ifindex);
    return generic_truth_fact(out, obj, idx,
                              pr_snmp_store_get_indexed(store, obj->oid, obj->len, ifindex),
                              "enable", "disable");
}

/* Each port the standard MIBs left without an edge: admin edge, with the
 * operational value and auto-edge as pr_facts_edge_from_admin_oper weighs
 * them; an admin edge out of enable/disable leaves the edge unknown. */
static void read_ports(struct pr_snmp_store *store, struct pr_switch *sw,
                       const struct fp_cst_table *t)
{
    for (size_t i = 0; i < sw->n_ports; i++) {
        struct pr_port *port = &sw->ports[i];
        if (port->ifindex == 0 || port->facts.edge.known)
            continue;
        struct pr_fact admin = {0}, oper = {0}, autoe = {0};
        bool have_admin = column_truth(store, t->edge, port->ifindex, &admin);
        bool bad_admin = !have_admin && admin.evidence[0] != '\0';
        bool have_oper = column_truth(store, t->oper, port->ifindex, &oper);
        bool have_auto = column_truth(store, t->autoe, port->ifindex, &autoe);
        if (!have_admin && !bad_admin && !have_oper && !have_auto)
            continue;
        char before[PR_EVIDENCE_MAX];
        snprintf(before, sizeof before, "%s", port->facts.edge.evidence);
        pr_facts_edge_from_admin_oper(&port->facts, have_admin || bad_admin ? &admin : NULL,
                                      have_oper ? &oper : NULL, have_auto ? &autoe : NULL);
        if (t->where != NULL && strcmp(before, port->facts.edge.evidence) != 0)
            pr_strlcatf(port->facts.edge.evidence, sizeof port->facts.edge.evidence, " [%s]",
                        t->where);
    }
}

static bool answered(const struct pr_snmp_varbind *vb)
{
    return vb != NULL && vb->value.type != PR_SNMP_T_NOSUCHOBJECT &&
           vb->value.type != PR_SNMP_T_NOSUCHINSTANCE && vb->value.type != PR_SNMP_T_ENDOFMIBVIEW;
}

static bool column_answers(struct pr_snmp_store *store, const struct mib_object *col)
{
    size_t first = 0, count = 0;
    pr_snmp_store_subtree(store, col->oid, col->len, &first, &count);
    for (size_t i = first; i < first + count; i++)
        if (answered(&store->vb[i]))
            return true;
    return false;
}

/* Whether the agent holds any of m's objects: a scalar, or a row of any
 * column of any placement, whatever its value. */
static bool mib_answers(struct pr_snmp_store *store, const struct fp_mib *m)
{
    if (answered(pr_snmp_store_get(store, m->admin_mode->oid, m->admin_mode->len)) ||
        answered(pr_snmp_store_get(store, m->force_version->oid, m->force_version->len)))
        return true;
    for (size_t t = 0; t < m->n_tables; t++) {
        const struct fp_cst_table *tb = &m->tables[t];
        if (column_answers(store, tb->oper) || column_answers(store, tb->edge) ||
            column_answers(store, tb->autoe))
            return true;
    }
    return false;
}

const char *fastpath_snmp_interpret(struct pr_snmp_store *store, struct pr_switch *sw)
{
    const char *mib = NULL;
    for (size_t m = 0; m < sizeof fp_mibs / sizeof fp_mibs[0]; m++) {
        if (!mib_answers(store, &fp_mibs[m]))
            continue;
        if (mib == NULL)
            mib = fp_mibs[m].name;
        read_mode(store, sw, &fp_mibs[m]);
        for (size_t t = 0; t < fp_mibs[m].n_tables; t++) {
            if (table_answers(store, sw, &fp_mibs[m].tables[t])) {
                read_ports(store, sw, &fp_mibs[m].tables[t]);
                break;
            }
        }
    }
    return mib;
}

int fastpath_snmp_read(struct pr_snmp_source *src, struct pr_switch *sw, struct pr_error *err)
{
    struct pr_snmp_store store;
    pr_snmp_store_init(&store);
    int rc =
        generic_snmp_fetch(src, fastpath_requests,
                           sizeof fastpath_requests / sizeof fastpath_requests[0], &store, err);
    if (rc == 0)
        rc = generic_snmp_interpret(&store, src, sw, err);
    if (rc == 0) {
        /* An agent that answers none of the FASTPATH MIBs' objects (a
         * Netgear smart switch whose agent keeps to the standard MIBs) was
         * read as the generic driver reads it, and is named so. */
        if (fastpath_snmp_interpret(&store, sw) == NULL)
            sw->driver_name = pr_driver_generic_snmp.name;
        pr_switch_add_source(sw, pr_snmp_source_kind(src));
    }
    pr_snmp_store_free(&store);
    return rc;
}
