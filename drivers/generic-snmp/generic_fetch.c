/* SPDX-License-Identifier: BSD-3-Clause */
/* What the generic driver asks an agent for: the columns of DESIGN.md §3,
 * fetched together (several columns per GETBULK) with the scalars. */
#include <stdlib.h>

#include "generic-snmp/generic_snmp.h"

static const struct mib_object *const scalars[] = {
    &MIB_SYS_DESCR,         &MIB_SYS_OBJECT_ID, &MIB_SYS_UPTIME,        &MIB_SYS_NAME,
    &MIB_STP_PROTOCOL_SPEC, &MIB_STP_MAX_AGE,   &MIB_STP_FORWARD_DELAY, &MIB_STP_VERSION,
};

static const struct mib_object *const columns[] = {
    &MIB_IF_DESCR,
    &MIB_IF_TYPE,
    &MIB_IF_SPEED,
    &MIB_IF_ADMIN_STATUS,
    &MIB_IF_OPER_STATUS,
    &MIB_IF_NAME,
    &MIB_IF_HIGH_SPEED,
    &MIB_IF_CONNECTOR_PRESENT,
    &MIB_IF_ALIAS,
    &MIB_IF_STACK_STATUS,
    &MIB_BASE_PORT_IFINDEX,
    &MIB_STP_PORT_STATE,
    &MIB_STP_PORT_ENABLE,
    &MIB_STP_ADMIN_EDGE,
    &MIB_STP_OPER_EDGE,
    &MIB_IEEE_STP_VERSION,
    &MIB_IEEE_RSTP_ADMIN_EDGE,
    &MIB_IEEE_RSTP_OPER_EDGE,
    &MIB_IEEE_AUTO_EDGE,
    &MIB_MSTP_CIST_ADMIN_EDGE,
    &MIB_MSTP_CIST_OPER_EDGE,
    &MIB_LAG_SELECTED_AGG,
    &MIB_LAG_ATTACHED_AGG,
    &MIB_LAG_ACTOR_OPER_STATE,
    &MIB_MAU_TYPE,
    &MIB_MAU_DEFAULT_TYPE,
    &MIB_MAU_TYPE_LIST_BITS,
    &MIB_MAU_AUTONEG_ADMIN,
    &MIB_DOT1Q_PVID,
};

#define N_SCALARS (sizeof scalars / sizeof scalars[0])
#define N_COLUMNS (sizeof columns / sizeof columns[0])

int generic_snmp_fetch(struct pr_snmp_source *src, const struct pr_snmp_request *extra,
                       size_t n_extra, struct pr_snmp_store *store, struct pr_error *err)
{
    size_t n = N_SCALARS + N_COLUMNS + n_extra;
    struct pr_snmp_request *req = calloc(n, sizeof *req);
    if (req == NULL)
        return pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
    size_t k = 0;
    for (size_t i = 0; i < N_SCALARS; i++)
        req[k++] = (struct pr_snmp_request){scalars[i]->oid, scalars[i]->len, true};
    for (size_t i = 0; i < N_COLUMNS; i++)
        req[k++] = (struct pr_snmp_request){columns[i]->oid, columns[i]->len, false};
    for (size_t i = 0; i < n_extra; i++)
        req[k++] = extra[i];
    int rc = pr_snmp_source_fetch(src, NULL, req, k, store, err);
    free(req);
    return rc;
}
