/* SPDX-License-Identifier: BSD-3-Clause */
/* The Cisco MIB objects the cisco driver reads, by number. */
#ifndef PR_CISCO_MIB_H
#define PR_CISCO_MIB_H

#include "snmp/mib_objects.h"

MIB_OBJECT(MIB_STPX_TYPE, "CISCO-STP-EXTENSIONS-MIB", "stpxSpanningTreeType", 1, 3, 6, 1, 4, 1, 9,
           9, 82, 1, 6, 1, 0);
MIB_OBJECT(MIB_STPX_BPDU_GUARD_GLOBAL, "CISCO-STP-EXTENSIONS-MIB", "stpxFastStartBpduGuardEnable",
           1, 3, 6, 1, 4, 1, 9, 9, 82, 1, 9, 1, 0);
MIB_OBJECT(MIB_STPX_FAST_START_DEFAULT, "CISCO-STP-EXTENSIONS-MIB",
           "stpxFastStartGlobalDefaultMode", 1, 3, 6, 1, 4, 1, 9, 9, 82, 1, 9, 4, 0);
MIB_OBJECT(MIB_STPX_FAST_START_MODE, "CISCO-STP-EXTENSIONS-MIB", "stpxFastStartPortMode", 1, 3, 6,
           1, 4, 1, 9, 9, 82, 1, 9, 3, 1, 3);
MIB_OBJECT(MIB_STPX_BPDU_GUARD_MODE, "CISCO-STP-EXTENSIONS-MIB", "stpxFastStartPortBpduGuardMode",
           1, 3, 6, 1, 4, 1, 9, 9, 82, 1, 9, 3, 1, 4);
MIB_OBJECT(MIB_STACK_PORT_IFINDEX, "CISCO-STACK-MIB", "portIfIndex", 1, 3, 6, 1, 4, 1, 9, 5, 1, 4,
           1, 1, 11);
MIB_OBJECT(MIB_STACK_FAST_START, "CISCO-STACK-MIB", "portSpantreeFastStart", 1, 3, 6, 1, 4, 1, 9, 5,
           1, 4, 1, 1, 12);
MIB_OBJECT(MIB_VM_VLAN, "CISCO-VLAN-MEMBERSHIP-MIB", "vmVlan", 1, 3, 6, 1, 4, 1, 9, 9, 68, 1, 2, 2,
           1, 2);
MIB_OBJECT(MIB_TRUNK_NATIVE_VLAN, "CISCO-VTP-MIB", "vlanTrunkPortNativeVlan", 1, 3, 6, 1, 4, 1, 9,
           9, 46, 1, 6, 1, 1, 5);
MIB_OBJECT(MIB_TRUNK_DYNAMIC_STATUS, "CISCO-VTP-MIB", "vlanTrunkPortDynamicStatus", 1, 3, 6, 1, 4,
           1, 9, 9, 46, 1, 6, 1, 1, 14);
/* What a port runs now (isl 1, dot10 2, lane 3, dot1Q 4, negotiating 5,
 * notApplicable 6); IOS answers it where it leaves
 * vlanTrunkPortDynamicStatus out. */
MIB_OBJECT(MIB_TRUNK_ENCAP_OPER, "CISCO-VTP-MIB", "vlanTrunkPortEncapsulationOperType", 1, 3, 6, 1,
           4, 1, 9, 9, 46, 1, 6, 1, 1, 16);
MIB_OBJECT(MIB_ERR_DISABLE_CAUSE, "CISCO-ERR-DISABLE-MIB", "cErrDisableIfStatusCause", 1, 3, 6, 1,
           4, 1, 9, 9, 548, 1, 3, 1, 1, 2);
/* The MIB's global objects: present when the agent implements it. */
MIB_OBJECT(MIB_ERR_DISABLE_GLOBALS, "CISCO-ERR-DISABLE-MIB", "cErrDisableGlobalObjects", 1, 3, 6, 1,
           4, 1, 9, 9, 548, 1, 1);

/* CISCO-CDP-MIB cdpCacheTable { cdpCache 1 } (LibreNMS's
 * mibs/cisco/CISCO-CDP-MIB), indexed by cdpCacheIfIndex (the local
 * interface's ifIndex) and cdpCacheDeviceIndex: cdpCacheDeviceId 6,
 * cdpCacheDevicePort 7, cdpCachePlatform 8, cdpCacheCapabilities 9 (OCTET
 * STRING of up to 4 bytes, the Capabilities TLV as received). The MIB leaves
 * the bits to the CDP specification; lldpd's src/daemon/protocols/cdp.h has
 * them: router 0x01, transparent bridge 0x02, source-route bridge 0x04,
 * switch 0x08, host 0x10, IGMP 0x20, repeater 0x40. */
MIB_OBJECT(MIB_CDP_CACHE_DEVICE_ID, "CISCO-CDP-MIB", "cdpCacheDeviceId", 1, 3, 6, 1, 4, 1, 9, 9, 23,
           1, 2, 1, 1, 6);
MIB_OBJECT(MIB_CDP_CACHE_DEVICE_PORT, "CISCO-CDP-MIB", "cdpCacheDevicePort", 1, 3, 6, 1, 4, 1, 9, 9,
           23, 1, 2, 1, 1, 7);
MIB_OBJECT(MIB_CDP_CACHE_PLATFORM, "CISCO-CDP-MIB", "cdpCachePlatform", 1, 3, 6, 1, 4, 1, 9, 9, 23,
           1, 2, 1, 1, 8);
MIB_OBJECT(MIB_CDP_CACHE_CAPABILITIES, "CISCO-CDP-MIB", "cdpCacheCapabilities", 1, 3, 6, 1, 4, 1, 9,
           9, 23, 1, 2, 1, 1, 9);

#endif
