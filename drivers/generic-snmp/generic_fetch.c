/* SPDX-License-Identifier: BSD-3-Clause */
/* What the generic driver asks an agent for: the columns of DESIGN.md §3,
 * fetched together (several columns per GETBULK) with the scalars. */
#include <stdlib.h>
#include <string.h>

#include "generic-snmp/generic_snmp.h"

/* Scalars first, then the columns. */
static const struct pr_snmp_request generic_requests[] = {
    MIB_SCALAR(MIB_SYS_DESCR),
    MIB_SCALAR(MIB_SYS_OBJECT_ID),
    MIB_SCALAR(MIB_SYS_UPTIME),
    MIB_SCALAR(MIB_SYS_NAME),
    MIB_SCALAR(MIB_STP_PROTOCOL_SPEC),
    MIB_SCALAR(MIB_STP_MAX_AGE),
    MIB_SCALAR(MIB_STP_FORWARD_DELAY),
    MIB_SCALAR(MIB_STP_VERSION),
    MIB_SCALAR(MIB_BASE_BRIDGE_ADDRESS),
    MIB_SCALAR(MIB_STP_PRIORITY),
    MIB_SCALAR(MIB_STP_ROOT_PORT),
    MIB_COLUMN(MIB_IF_DESCR),
    MIB_COLUMN(MIB_IF_TYPE),
    MIB_COLUMN(MIB_IF_SPEED),
    MIB_COLUMN(MIB_IF_ADMIN_STATUS),
    MIB_COLUMN(MIB_IF_OPER_STATUS),
    MIB_COLUMN(MIB_IF_NAME),
    MIB_COLUMN(MIB_IF_HIGH_SPEED),
    MIB_COLUMN(MIB_IF_CONNECTOR_PRESENT),
    MIB_COLUMN(MIB_IF_ALIAS),
    MIB_COLUMN(MIB_IF_STACK_STATUS),
    MIB_COLUMN(MIB_BASE_PORT_IFINDEX),
    MIB_COLUMN(MIB_STP_PORT_STATE),
    MIB_COLUMN(MIB_STP_PORT_ENABLE),
    MIB_COLUMN(MIB_STP_ADMIN_EDGE),
    MIB_COLUMN(MIB_STP_OPER_EDGE),
    MIB_COLUMN(MIB_IEEE_STP_VERSION),
    MIB_COLUMN(MIB_IEEE_RSTP_ADMIN_EDGE),
    MIB_COLUMN(MIB_IEEE_RSTP_OPER_EDGE),
    MIB_COLUMN(MIB_IEEE_AUTO_EDGE),
    MIB_COLUMN(MIB_MSTP_CIST_ADMIN_EDGE),
    MIB_COLUMN(MIB_MSTP_CIST_OPER_EDGE),
    MIB_COLUMN(MIB_LAG_SELECTED_AGG),
    MIB_COLUMN(MIB_LAG_ATTACHED_AGG),
    MIB_COLUMN(MIB_LAG_ACTOR_OPER_STATE),
    MIB_COLUMN(MIB_MAU_TYPE),
    MIB_COLUMN(MIB_MAU_DEFAULT_TYPE),
    MIB_COLUMN(MIB_MAU_TYPE_LIST_BITS),
    MIB_COLUMN(MIB_MAU_AUTONEG_ADMIN),
    MIB_COLUMN(MIB_DOT1Q_PVID),
    /* Roles: the spanning tree's view of each port, LLDP neighbours. */
    MIB_COLUMN(MIB_STP_PORT_DESIGNATED_BRIDGE),
    MIB_COLUMN(MIB_MSTP_CIST_PORT_ROLE),
    MIB_COLUMN(MIB_LLDP_LOC_PORT_ID),
    MIB_COLUMN(MIB_LLDP_LOC_PORT_DESC),
    MIB_COLUMN(MIB_LLDP_REM_CHASSIS_ID),
    MIB_COLUMN(MIB_LLDP_REM_PORT_ID),
    MIB_COLUMN(MIB_LLDP_REM_SYS_NAME),
    MIB_COLUMN(MIB_LLDP_REM_SYS_CAP_ENABLED),
    MIB_COLUMN(MIB_LLDP_V2_REM_CHASSIS_ID),
    MIB_COLUMN(MIB_LLDP_V2_REM_PORT_ID),
    MIB_COLUMN(MIB_LLDP_V2_REM_SYS_NAME),
    MIB_COLUMN(MIB_LLDP_V2_REM_SYS_CAP_ENABLED),
};

#define N_GENERIC (sizeof generic_requests / sizeof generic_requests[0])

const struct pr_snmp_request *generic_snmp_requests(size_t *n)
{
    *n = N_GENERIC;
    return generic_requests;
}

const struct pr_snmp_request *pr_driver_snmp_common(size_t *n)
{
    return generic_snmp_requests(n);
}

int generic_snmp_fetch(struct pr_snmp_source *src, const struct pr_snmp_request *extra,
                       size_t n_extra, struct pr_snmp_store *store, struct pr_error *err)
{
    size_t n = N_GENERIC + n_extra;
    struct pr_snmp_request *req = calloc(n, sizeof *req);
    if (req == NULL)
        return pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
    memcpy(req, generic_requests, sizeof generic_requests);
    if (n_extra > 0)
        memcpy(req + N_GENERIC, extra, n_extra * sizeof *extra);
    int rc = pr_snmp_source_fetch(src, NULL, req, n, store, err);
    free(req);
    return rc;
}
