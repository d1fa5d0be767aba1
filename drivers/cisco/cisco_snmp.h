/* SPDX-License-Identifier: BSD-3-Clause */
/* Cisco over SNMP: the generic MIBs plus CISCO-STP-EXTENSIONS (mode,
 * PortFast, BPDU guard), the PVST+ per-VLAN BRIDGE-MIB (community@VLAN or
 * context vlan-VLAN), VLAN membership and trunking, CISCO-ERR-DISABLE and
 * the older CISCO-STACK-MIB fast-start column. */
#ifndef PR_CISCO_SNMP_H
#define PR_CISCO_SNMP_H

#include <stdbool.h>

#include "driver.h"
#include "snmp/store.h"

/* Fetches and interprets everything for sw from src (the driver's
 * read_snmp). */
int cisco_snmp_read(struct pr_snmp_source *src, struct pr_switch *sw, struct pr_error *err);

/* The Cisco-specific part alone, on a store the generic interpreter has
 * already read: mode, VLANs and trunks, err-disable, PortFast and BPDU
 * guard. src (may be NULL) is asked for the per-VLAN BRIDGE-MIB of PVST+;
 * without it the STP states stay those of the bare community. */
void cisco_snmp_interpret(struct pr_snmp_store *store, struct pr_snmp_source *src,
                          struct pr_switch *sw);

#endif
