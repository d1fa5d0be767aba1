/* SPDX-License-Identifier: BSD-3-Clause */
/* FASTPATH agents over SNMP (Ubiquiti EdgeSwitch and Broadcom's own
 * FASTPATH under enterprise 4413, Netgear's managed and smart switches
 * under 4526): the generic MIBs plus their vendor's copy of Broadcom's
 * SWITCHING MIB where the standard STP MIBs leave the switch's protocol or
 * a port's edge unsaid: agentStpAdminMode and agentStpForceVersion for the
 * switch, and agentStpCstPortOperEdge, agentStpCstPortEdge and
 * agentStpCstPortAutoEdge of the CIST port table (INDEX { ifIndex }).
 * Netgear's sysObjectID does not tell which copy an agent runs (a smart
 * switch's may be the managed switches' NETGEAR-SWITCHING-MIB, its own
 * NETGEAR-SMART-SWITCHING-MIB, or none): each copy is read only when the
 * agent answers its objects, and an agent that answers none is read as
 * the generic driver reads it. Every OID is taken from the MIB files,
 * named in fastpath_snmp.c and docs/fastpath.md. */
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
 * read (exposed for tests and the fuzz harness). Returns the first MIB
 * file whose objects the store holds ("NETGEAR-SWITCHING-MIB"), NULL when
 * it holds none (nothing vendor was read). */
const char *fastpath_snmp_interpret(struct pr_snmp_store *store, struct pr_switch *sw);

/* Whether sysObjectID is under Broadcom's enterprise (4413, Ubiquiti
 * EdgeSwitch) or one of the switch branches of Netgear's (4526) in
 * NETGEAR-REF-MIB (not its routers, firewalls, access points). */
bool fastpath_snmp_object_id(const char *sys_object_id);

#endif
