/* SPDX-License-Identifier: BSD-3-Clause */
/* Huawei VRP agents: the generic MIBs plus HUAWEI-MSTP-MIB where the
 * standard STP MIBs leave the switch's protocol or a port's edge unsaid:
 * hwMstpStatus and hwMstpForceVersion for the bridge, and in the CIST
 * (instance 0) of hwMstpPortTable, indexed by instance and bridge port,
 * hwMstpiStpPortEdgeport and hwMstpiStpStatus. Every OID is taken from
 * LibreNMS's copy of the MIB file (mibs/huawei/HUAWEI-MSTP-MIB: hwMstp =
 * hwL2Mgmt 4, hwL2Mgmt = hwDatacomm 42, hwMstpObjects = hwMstp 1,
 * hwMstpPortTable = hwMstpObjects 20), hwDatacomm being
 * 1.3.6.1.4.1.2011.5.25 (HUAWEI-MIB). */
#ifndef PR_HUAWEI_SNMP_H
#define PR_HUAWEI_SNMP_H

#include <stdbool.h>

#include "driver.h"
#include "snmp/store.h"

int huawei_snmp_read(struct pr_snmp_source *src, struct pr_switch *sw, struct pr_error *err);

/* The HUAWEI-MSTP-MIB part alone, on a store the generic interpreter has
 * already read (exposed for tests). */
void huawei_snmp_interpret(struct pr_snmp_store *store, struct pr_switch *sw);

/* Whether sysObjectID is under Huawei's enterprise (2011). */
bool huawei_snmp_object_id(const char *sys_object_id);

#endif
