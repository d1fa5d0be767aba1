/* SPDX-License-Identifier: BSD-3-Clause */
/* H3C and HPE Comware agents: the generic MIBs plus HH3C-LswMSTP-MIB where
 * the standard STP MIBs leave the switch's protocol or a port's edge
 * unsaid: hh3cdot1sStpStatus (spanning tree off on the whole switch) and
 * hh3cdot1sStpForceVersion, and in the CIST (instance 0) of
 * hh3cdot1sPortTable, indexed by instance and bridge port,
 * hh3cdot1sMstiStpPortEdgeport and hh3cdot1sMstiStpStatus. Every OID is
 * taken from LibreNMS's copies of the MIB files
 * (mibs/comware/HH3C-LswMSTP-MIB: hh3cdot1sMstp = hh3clswCommon 14,
 * hh3cdot1sPortTable = hh3cdot1sMstp 20; mibs/comware/HH3C-OID-MIB:
 * hh3clswCommon = hh3cRhw 35, hh3cRhw = hh3c 8, hh3c = enterprises
 * 25506). */
#ifndef PR_COMWARE_SNMP_H
#define PR_COMWARE_SNMP_H

#include <stdbool.h>

#include "driver.h"
#include "snmp/store.h"

int comware_snmp_read(struct pr_snmp_source *src, struct pr_switch *sw, struct pr_error *err);

/* The HH3C-LswMSTP-MIB part alone, on a store the generic interpreter has
 * already read (exposed for tests). */
void comware_snmp_interpret(struct pr_snmp_store *store, struct pr_switch *sw);

/* How well sysObjectID and sysDescr name a Comware agent: 40 under H3C's
 * enterprise (25506); 45 under HP's (11) when sysDescr says Comware (HP's
 * H3C-derived A- and V-series, ahead of the aruba driver's 40); else 0. */
int comware_snmp_match(const char *sys_object_id, const char *sys_descr);

#endif
