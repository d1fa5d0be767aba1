/* SPDX-License-Identifier: BSD-3-Clause */
/* Cisco over SNMP: the generic MIBs plus CISCO-STP-EXTENSIONS (mode,
 * PortFast, BPDU guard), the PVST+ per-VLAN BRIDGE-MIB (cisco_pvst.h),
 * VLAN membership and trunking, CISCO-ERR-DISABLE and the older
 * CISCO-STACK-MIB fast-start column. */
#ifndef PR_CISCO_SNMP_H
#define PR_CISCO_SNMP_H

#include <stdint.h>

#include "cisco/cisco_pvst.h"
#include "driver.h"
#include "snmp/store.h"

/* The driver's read_snmp: fetches the default context (the generic and
 * the Cisco objects) and the per-VLAN contexts its ports need, then
 * interprets them. */
int cisco_snmp_read(struct pr_snmp_source *src, struct pr_switch *sw, struct pr_error *err);

/* What the driver asks the default context for besides the generic
 * driver's objects (generic_snmp_requests), in request order (static; *n
 * set to the count). */
const struct pr_snmp_request *cisco_snmp_requests(size_t *n);

/* The Cisco-specific part alone, on a store the generic interpreter has
 * already read into sw: mode, VLANs and trunks, err-disable, the per-VLAN
 * spanning trees of PVST+ (vlans: the contexts read, cisco_pvst_fetch();
 * NULL when none were), PortFast and BPDU guard. Fetches nothing. */
void cisco_snmp_interpret(struct pr_snmp_store *store, struct cisco_vlan_reads *vlans,
                          struct pr_switch *sw);

/* CDP neighbours (cisco_cdp.c) as role signals on sw's ports: a router,
 * bridge or switch makes the port an uplink, a host (and nothing else) a
 * server port. Reads only the store. */
void cisco_cdp_read(struct pr_snmp_store *store, struct pr_switch *sw);

/* Sets *mode from stpxSpanningTreeType when the agent answers it. */
void cisco_snmp_mode(struct pr_snmp_store *store, struct pr_fact *mode);

/* Sets *trunk from the interface's trunking status and *vlan from its
 * native VLAN (a trunk) or vmVlan, where the agent answers them; each
 * stays as given otherwise. */
void cisco_snmp_port_vlan(struct pr_snmp_store *store, uint32_t ifindex, struct pr_fact *trunk,
                          struct pr_fact *vlan);

/* The driver's read_fdb (cisco_fdb.c): the default context's forwarding
 * table, then, as PVST+ keeps one BRIDGE-MIB per VLAN, each operational
 * VLAN's (CISCO-VTP-MIB vtpVlanState) in its own context
 * (COMMUNITY@VLAN, or context vlan-N under SNMPv3), the way the per-VLAN
 * spanning trees are read (cisco_pvst_fetch.c). */
int cisco_read_fdb(struct pr_snmp_source *src, struct pr_fdb *fdb, struct pr_error *err);

#endif
