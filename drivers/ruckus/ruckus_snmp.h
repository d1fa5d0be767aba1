/* SPDX-License-Identifier: BSD-3-Clause */
/* Ruckus / Brocade FastIron over SNMP: the generic MIBs plus
 * FOUNDRY-SN-SWITCH-GROUP-MIB's snSwIfInfoTable (indexed by ifIndex),
 * where the standard STP MIBs leave a port's edge unsaid:
 * snSwIfRstpAdminEdgePortMode (802.1w admin edge), snSwIfFastSpanPortEnable
 * (Fast Port Span: an 802.1D port forwarding in 4 s), snSwIfStpBPDUGuardMode
 * and snSwIfStpPortEnable. Every OID is taken from LibreNMS's copy of the
 * MIB files (mibs/brocade/FOUNDRY-SN-SWITCH-GROUP-MIB, FOUNDRY-SN-ROOT-MIB:
 * foundry = enterprises 1991, switch = foundry 1 1, snSwitch = switch 3,
 * snSwPortInfo = snSwitch 3, snSwIfInfoTable = snSwPortInfo 5). */
#ifndef PR_RUCKUS_SNMP_H
#define PR_RUCKUS_SNMP_H

#include <stdbool.h>

#include "driver.h"
#include "snmp/store.h"

/* Fetches and interprets everything for sw from src (the driver's
 * read_snmp). */
int ruckus_snmp_read(struct pr_snmp_source *src, struct pr_switch *sw, struct pr_error *err);

/* What the driver asks for besides the generic driver's objects, in
 * request order (static; *n set to the count). */
const struct pr_snmp_request *ruckus_snmp_requests(size_t *n);

/* The FOUNDRY-SN-SWITCH-GROUP-MIB part alone, on a store the generic
 * interpreter has already read (exposed for tests). */
void ruckus_snmp_interpret(struct pr_snmp_store *store, struct pr_switch *sw);

/* Whether sysObjectID is under Foundry's enterprise (1991). */
bool ruckus_snmp_object_id(const char *sys_object_id);

#endif
