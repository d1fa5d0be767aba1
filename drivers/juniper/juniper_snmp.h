/* SPDX-License-Identifier: BSD-3-Clause */
/* Juniper over SNMP: the generic MIBs plus what Junos does its own way
 * (bridge ports on the .0 logical unit, dot1qPvid as an internal VLAN index
 * on older releases, the MSTP edge objects of JUNIPER-MIMSTP-MIB). */
#ifndef PR_JUNIPER_SNMP_H
#define PR_JUNIPER_SNMP_H

#include "driver.h"
#include "rules/rules.h"
#include "snmp/store.h"

/* Fetches and interprets everything for sw from src (the driver's
 * read_snmp). */
int juniper_snmp_read(struct pr_snmp_source *src, struct pr_switch *sw, struct pr_error *err);

/* What the driver asks for besides the generic driver's objects
 * (generic_snmp_requests), in request order (static; *n set to the
 * count). */
const struct pr_snmp_request *juniper_snmp_requests(size_t *n);

/* The Juniper-specific part alone, on a store the generic interpreter has
 * already read (exposed for tests). */
void juniper_snmp_interpret(struct pr_snmp_store *store, struct pr_switch *sw);

/* Whether sysObjectID is under Juniper's enterprise (2636). */
bool juniper_snmp_object_id(const char *sys_object_id);

/* The driver's read_fdb: the standard forwarding tables, their Junos FDB
 * ids (internal VLAN indexes) translated to tags by jnxL2aldVlanTag. */
int juniper_read_fdb(struct pr_snmp_source *src, struct pr_fdb *fdb, struct pr_error *err);

#endif
