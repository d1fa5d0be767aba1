/* SPDX-License-Identifier: BSD-3-Clause */
/* HPE/Aruba over SNMP: the generic MIBs plus HP-ICF-BRIDGE (ArubaOS-Switch,
 * ProCurve), where the standard STP MIBs leave a port's edge or the
 * switch's protocol unsaid: hpicfBridgeRstpAdminStatus and
 * hpicfBridgeRstpForceVersion for the switch, and per port
 * hpicfBridgeRstpAdminEdgePort, hpicfBridgeRstpOperEdgePort,
 * hpicfBridgeRstpAutoEdgePort and hpicfBridgeRstpPortBpduFiltering. Every
 * OID is taken from LibreNMS's copy of the MIB file (mibs/hp/HP-ICF-BRIDGE,
 * HP-ICF-OID: hpSwitch = 1.3.6.1.4.1.11.2.14.11.5.1, hpicfBridge =
 * hpSwitch 12). AOS-CX agents: ARUBAWIRED-MSTP-MIB's
 * arubaWiredMstpPortAdminEdge, arubaWiredMstpPortAutoEdge and
 * arubaWiredMstpPortBpduFiltering (by ifIndex), for the ports the
 * standard MIBs and HP-ICF-BRIDGE leave unsaid (LibreNMS's
 * mibs/arubaos-cx/ARUBAWIRED-MSTP-MIB; asked of every agent the driver
 * reads, answered only under Aruba's enterprise 47196). */
#ifndef PR_ARUBA_SNMP_H
#define PR_ARUBA_SNMP_H

#include <stdbool.h>

#include "driver.h"
#include "snmp/store.h"

/* Fetches and interprets everything for sw from src (the driver's
 * read_snmp). */
int aruba_snmp_read(struct pr_snmp_source *src, struct pr_switch *sw, struct pr_error *err);

/* What the driver asks for besides the generic driver's objects, in
 * request order (static; *n set to the count). */
const struct pr_snmp_request *aruba_snmp_requests(size_t *n);

/* The HP-ICF-BRIDGE part alone, on a store the generic interpreter has
 * already read (exposed for tests and the fuzz harness). */
void aruba_snmp_interpret(struct pr_snmp_store *store, struct pr_switch *sw);

/* Whether sysObjectID is under HP's enterprise (11) or Aruba's (47196). */
bool aruba_snmp_object_id(const char *sys_object_id);

#endif
