/* SPDX-License-Identifier: BSD-3-Clause */
/* FASTPATH agents over SNMP (Ubiquiti EdgeSwitch and Broadcom's own
 * FASTPATH under enterprise 4413, Netgear managed switches under 4526):
 * the generic MIBs plus their vendor's copy of Broadcom's SWITCHING MIB
 * where the standard STP MIBs leave the switch's protocol or a port's edge
 * unsaid: agentStpAdminMode and agentStpForceVersion for the switch, and
 * agentStpCstPortOperEdge, agentStpCstPortEdge and agentStpCstPortAutoEdge
 * of the CIST port table (INDEX { ifIndex }). Every OID is taken from the
 * MIB files, named in fastpath_snmp.c and docs/fastpath.md; no real
 * agent's recording holding these objects was found, so the read follows
 * the MIB files alone. */
#ifndef PR_FASTPATH_SNMP_H
#define PR_FASTPATH_SNMP_H

#include <stdbool.h>

#include "driver.h"
#include "snmp/store.h"

/* Fetches and interprets everything for sw from src (the driver's
 * read_snmp). */
int fastpath_snmp_read(struct pr_snmp_source *src, struct pr_switch *sw, struct pr_error *err);

/* What the driver asks for besides the generic driver's objects (static;
 * *n set to the count). */
const struct pr_snmp_request *fastpath_snmp_requests(size_t *n);

/* The vendor part alone, on a store the generic interpreter has already
 * read (exposed for tests and the fuzz harness). */
void fastpath_snmp_interpret(struct pr_snmp_store *store, struct pr_switch *sw);

/* Whether sysObjectID is under Broadcom's (4413, Ubiquiti EdgeSwitch) or
 * Netgear's (4526) enterprise. */
bool fastpath_snmp_object_id(const char *sys_object_id);

#endif
