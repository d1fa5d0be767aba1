/* SPDX-License-Identifier: BSD-3-Clause */
#include "comware/comware_snmp.h"

#include <string.h>

#include "generic-snmp/generic_snmp.h"

/* hh3cdot1sMstp = 1.3.6.1.4.1.25506.8.35.14 */
MIB_OBJECT(MIB_H3C_STP_STATUS, "HH3C-LswMSTP-MIB", "hh3cdot1sStpStatus", 1, 3, 6, 1, 4, 1, 25506, 8,
           35, 14, 1, 0);
MIB_OBJECT(MIB_H3C_STP_VERSION, "HH3C-LswMSTP-MIB", "hh3cdot1sStpForceVersion", 1, 3, 6, 1, 4, 1,
           25506, 8, 35, 14, 2, 0);
/* hh3cdot1sPortEntry (hh3cdot1sPortTable 1) columns, at instance 0. */
MIB_OBJECT(MIB_H3C_STP_EDGE, "HH3C-LswMSTP-MIB", "hh3cdot1sMstiStpPortEdgeport", 1, 3, 6, 1, 4, 1,
           25506, 8, 35, 14, 20, 1, 11, 0);
MIB_OBJECT(MIB_H3C_STP_PORT_STATUS, "HH3C-LswMSTP-MIB", "hh3cdot1sMstiStpStatus", 1, 3, 6, 1, 4, 1,
           25506, 8, 35, 14, 20, 1, 25, 0);

static const struct pr_snmp_request comware_requests[] = {
    MIB_SCALAR(MIB_H3C_STP_STATUS),
    MIB_SCALAR(MIB_H3C_STP_VERSION),
    MIB_COLUMN(MIB_H3C_STP_EDGE),
    MIB_COLUMN(MIB_H3C_STP_PORT_STATUS),
};

/* hh3cdot1sMstiStpPortEdgeport: EnabledStatus enabled(1), disabled(2). */
static const char *const edge_names[] = {"", "enabled", "disabled", ""};

static const struct generic_vendor_stp comware_mstp = {
    .status = &MIB_H3C_STP_STATUS,
    .version = &MIB_H3C_STP_VERSION,
    .edge = &MIB_H3C_STP_EDGE,
    .edge_yes = 1,
    .edge_auto = -1,
    .edge_names = edge_names,
    .port_status = &MIB_H3C_STP_PORT_STATUS,
};

int comware_snmp_match(const char *sys_object_id, const char *sys_descr)
{
    if (sys_object_id == NULL)
        return 0;
    if (strncmp(sys_object_id, "1.3.6.1.4.1.25506.", 18) == 0)
        return 40;
    if (strncmp(sys_object_id, "1.3.6.1.4.1.11.", 15) == 0 && sys_descr != NULL &&
        strstr(sys_descr, "Comware") != NULL)
        return 45;
    return 0;
}

void comware_snmp_interpret(struct pr_snmp_store *store, struct pr_switch *sw)
{
    generic_vendor_stp_read(store, sw, &comware_mstp);
}

int comware_snmp_read(struct pr_snmp_source *src, struct pr_switch *sw, struct pr_error *err)
{
    return generic_vendor_stp_snmp_read(src, sw, comware_requests,
                                        sizeof comware_requests / sizeof comware_requests[0],
                                        &comware_mstp, err);
}
