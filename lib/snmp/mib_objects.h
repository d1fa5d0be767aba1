/* SPDX-License-Identifier: BSD-3-Clause */
/* The standard MIB objects portready reads, by number (no MIB files are
 * loaded). Each carries its MIB and object name for evidence text. */
#ifndef PR_MIB_OBJECTS_H
#define PR_MIB_OBJECTS_H

#include <stddef.h>
#include <stdint.h>

struct mib_object {
    const uint32_t *oid;
    size_t len;
    const char *mib;
    const char *name;
};

#define MIB_OBJECT(ident, mib, name, ...)                                                          \
    static const uint32_t ident##_oid[] = {__VA_ARGS__};                                           \
    static const struct mib_object ident = {ident##_oid, sizeof ident##_oid / sizeof(uint32_t),    \
                                            mib, name}

/* A struct pr_snmp_request (snmp/source.h) for an object MIB_OBJECT
 * defined, as a constant initializer, so request tables can be static:
 * a scalar (one GET of exactly that OID) or a column (walked). */
#define MIB_SCALAR(ident)                                                                          \
    {                                                                                              \
        ident##_oid, sizeof ident##_oid / sizeof(uint32_t), true                                   \
    }
#define MIB_COLUMN(ident)                                                                          \
    {                                                                                              \
        ident##_oid, sizeof ident##_oid / sizeof(uint32_t), false                                  \
    }

/* SNMPv2-MIB system group (scalars, .0 included). */
MIB_OBJECT(MIB_SYS_DESCR, "SNMPv2-MIB", "sysDescr", 1, 3, 6, 1, 2, 1, 1, 1, 0);
MIB_OBJECT(MIB_SYS_OBJECT_ID, "SNMPv2-MIB", "sysObjectID", 1, 3, 6, 1, 2, 1, 1, 2, 0);
MIB_OBJECT(MIB_SYS_UPTIME, "SNMPv2-MIB", "sysUpTime", 1, 3, 6, 1, 2, 1, 1, 3, 0);
MIB_OBJECT(MIB_SYS_NAME, "SNMPv2-MIB", "sysName", 1, 3, 6, 1, 2, 1, 1, 5, 0);

/* IF-MIB ifTable / ifXTable / ifStackTable columns. */
MIB_OBJECT(MIB_IF_DESCR, "IF-MIB", "ifDescr", 1, 3, 6, 1, 2, 1, 2, 2, 1, 2);
MIB_OBJECT(MIB_IF_TYPE, "IF-MIB", "ifType", 1, 3, 6, 1, 2, 1, 2, 2, 1, 3);
MIB_OBJECT(MIB_IF_SPEED, "IF-MIB", "ifSpeed", 1, 3, 6, 1, 2, 1, 2, 2, 1, 5);
MIB_OBJECT(MIB_IF_ADMIN_STATUS, "IF-MIB", "ifAdminStatus", 1, 3, 6, 1, 2, 1, 2, 2, 1, 7);
MIB_OBJECT(MIB_IF_OPER_STATUS, "IF-MIB", "ifOperStatus", 1, 3, 6, 1, 2, 1, 2, 2, 1, 8);
MIB_OBJECT(MIB_IF_NAME, "IF-MIB", "ifName", 1, 3, 6, 1, 2, 1, 31, 1, 1, 1, 1);
MIB_OBJECT(MIB_IF_HIGH_SPEED, "IF-MIB", "ifHighSpeed", 1, 3, 6, 1, 2, 1, 31, 1, 1, 1, 15);
MIB_OBJECT(MIB_IF_CONNECTOR_PRESENT, "IF-MIB", "ifConnectorPresent", 1, 3, 6, 1, 2, 1, 31, 1, 1, 1,
           17);
MIB_OBJECT(MIB_IF_ALIAS, "IF-MIB", "ifAlias", 1, 3, 6, 1, 2, 1, 31, 1, 1, 1, 18);
MIB_OBJECT(MIB_IF_STACK_STATUS, "IF-MIB", "ifStackStatus", 1, 3, 6, 1, 2, 1, 31, 1, 2, 1, 3);

/* BRIDGE-MIB (RFC 4188) and RSTP-MIB (RFC 4318). */
MIB_OBJECT(MIB_BASE_PORT_IFINDEX, "BRIDGE-MIB", "dot1dBasePortIfIndex", 1, 3, 6, 1, 2, 1, 17, 1, 4,
           1, 2);
MIB_OBJECT(MIB_STP_PROTOCOL_SPEC, "BRIDGE-MIB", "dot1dStpProtocolSpecification", 1, 3, 6, 1, 2, 1,
           17, 2, 1, 0);
MIB_OBJECT(MIB_STP_MAX_AGE, "BRIDGE-MIB", "dot1dStpMaxAge", 1, 3, 6, 1, 2, 1, 17, 2, 8, 0);
MIB_OBJECT(MIB_STP_FORWARD_DELAY, "BRIDGE-MIB", "dot1dStpForwardDelay", 1, 3, 6, 1, 2, 1, 17, 2, 11,
           0);
MIB_OBJECT(MIB_STP_PORT_STATE, "BRIDGE-MIB", "dot1dStpPortState", 1, 3, 6, 1, 2, 1, 17, 2, 15, 1,
           3);
MIB_OBJECT(MIB_STP_PORT_ENABLE, "BRIDGE-MIB", "dot1dStpPortEnable", 1, 3, 6, 1, 2, 1, 17, 2, 15, 1,
           4);
/* Who this bridge is and where its root is (net-snmp's mibs/BRIDGE-MIB.txt,
 * RFC 4188): dot1dBaseBridgeAddress { dot1dBase 1 } (MacAddress; with
 * dot1dStpPriority { dot1dStp 2 } the BridgeId), dot1dStpRootPort
 * { dot1dStp 7 } (a bridge port; 0 on the root bridge),
 * dot1dStpPortDesignatedBridge { dot1dStpPortEntry 8 } (a BridgeId: two
 * octets of priority, then the MAC address). */
MIB_OBJECT(MIB_BASE_BRIDGE_ADDRESS, "BRIDGE-MIB", "dot1dBaseBridgeAddress", 1, 3, 6, 1, 2, 1, 17, 1,
           1, 0);
MIB_OBJECT(MIB_STP_PRIORITY, "BRIDGE-MIB", "dot1dStpPriority", 1, 3, 6, 1, 2, 1, 17, 2, 2, 0);
MIB_OBJECT(MIB_STP_ROOT_PORT, "BRIDGE-MIB", "dot1dStpRootPort", 1, 3, 6, 1, 2, 1, 17, 2, 7, 0);
MIB_OBJECT(MIB_STP_PORT_DESIGNATED_BRIDGE, "BRIDGE-MIB", "dot1dStpPortDesignatedBridge", 1, 3, 6, 1,
           2, 1, 17, 2, 15, 1, 8);
MIB_OBJECT(MIB_STP_VERSION, "RSTP-MIB", "dot1dStpVersion", 1, 3, 6, 1, 2, 1, 17, 2, 16, 0);
MIB_OBJECT(MIB_STP_ADMIN_EDGE, "RSTP-MIB", "dot1dStpPortAdminEdgePort", 1, 3, 6, 1, 2, 1, 17, 2, 19,
           1, 2);
MIB_OBJECT(MIB_STP_OPER_EDGE, "RSTP-MIB", "dot1dStpPortOperEdgePort", 1, 3, 6, 1, 2, 1, 17, 2, 19,
           1, 3);

/* IEEE8021-SPANNING-TREE-MIB and IEEE8021-MSTP-MIB (indexed by component,
 * port). */
MIB_OBJECT(MIB_IEEE_STP_VERSION, "IEEE8021-SPANNING-TREE-MIB", "ieee8021SpanningTreeVersion", 1, 3,
           111, 2, 802, 1, 1, 3, 1, 1, 1, 16);
MIB_OBJECT(MIB_IEEE_RSTP_ADMIN_EDGE, "IEEE8021-SPANNING-TREE-MIB",
           "ieee8021SpanningTreeRstpPortAdminEdgePort", 1, 3, 111, 2, 802, 1, 1, 3, 1, 2, 1, 13);
MIB_OBJECT(MIB_IEEE_RSTP_OPER_EDGE, "IEEE8021-SPANNING-TREE-MIB",
           "ieee8021SpanningTreeRstpPortOperEdgePort", 1, 3, 111, 2, 802, 1, 1, 3, 1, 2, 1, 14);
MIB_OBJECT(MIB_IEEE_AUTO_EDGE, "IEEE8021-SPANNING-TREE-MIB",
           "ieee8021SpanningTreeRstpPortAutoEdgePort", 1, 3, 111, 2, 802, 1, 1, 3, 1, 3, 1, 1);
MIB_OBJECT(MIB_MSTP_CIST_ADMIN_EDGE, "IEEE8021-MSTP-MIB", "ieee8021MstpCistPortAdminEdgePort", 1, 3,
           111, 2, 802, 1, 1, 6, 1, 3, 1, 8);
MIB_OBJECT(MIB_MSTP_CIST_OPER_EDGE, "IEEE8021-MSTP-MIB", "ieee8021MstpCistPortOperEdgePort", 1, 3,
           111, 2, 802, 1, 1, 6, 1, 3, 1, 9);
/* ieee8021MstpCistPortRole { ieee8021MstpCistPortEntry 14 }: root(1),
 * alternate(2), designated(3), backup(4) (IEEE8021-MSTP-MIB as
 * mibs.snmplabs.com keeps it, asn1/IEEE8021-MSTP-MIB). The
 * IEEE8021-SPANNING-TREE-MIB port table has no role column. */
MIB_OBJECT(MIB_MSTP_CIST_PORT_ROLE, "IEEE8021-MSTP-MIB", "ieee8021MstpCistPortRole", 1, 3, 111, 2,
           802, 1, 1, 6, 1, 3, 1, 14);

/* LLDP-MIB (IEEE 802.1AB-2005; LibreNMS's mibs/LLDP-MIB), under lldpMIB
 * 1.0.8802.1.1.2. lldpLocPortTable { lldpLocalSystemData 7 }, indexed by
 * lldpLocPortNum: lldpLocPortId 3, lldpLocPortDesc 4. lldpRemTable { lldpRemoteSystemsData 1 },
 * indexed by lldpRemTimeMark, lldpRemLocalPortNum, lldpRemIndex: lldpRemChassisId 5, lldpRemPortId
 * 7, lldpRemSysName 9, lldpRemSysCapEnabled 12 (LldpSystemCapabilitiesMap, BITS: other(0),
 * repeater(1), bridge(2), wlanAccessPoint(3), router(4), telephone(5), docsisCableDevice(6),
 * stationOnly(7)). The MIB's LldpPortNumber is the dot1dBasePort on a bridge and the ifIndex
 * elsewhere; agents differ. */
MIB_OBJECT(MIB_LLDP_LOC_PORT_ID, "LLDP-MIB", "lldpLocPortId", 1, 0, 8802, 1, 1, 2, 1, 3, 7, 1, 3);
MIB_OBJECT(MIB_LLDP_LOC_PORT_DESC, "LLDP-MIB", "lldpLocPortDesc", 1, 0, 8802, 1, 1, 2, 1, 3, 7, 1,
           4);
MIB_OBJECT(MIB_LLDP_REM_CHASSIS_ID, "LLDP-MIB", "lldpRemChassisId", 1, 0, 8802, 1, 1, 2, 1, 4, 1, 1,
           5);
MIB_OBJECT(MIB_LLDP_REM_PORT_ID, "LLDP-MIB", "lldpRemPortId", 1, 0, 8802, 1, 1, 2, 1, 4, 1, 1, 7);
MIB_OBJECT(MIB_LLDP_REM_SYS_NAME, "LLDP-MIB", "lldpRemSysName", 1, 0, 8802, 1, 1, 2, 1, 4, 1, 1, 9);
MIB_OBJECT(MIB_LLDP_REM_SYS_CAP_ENABLED, "LLDP-MIB", "lldpRemSysCapEnabled", 1, 0, 8802, 1, 1, 2, 1,
           4, 1, 1, 12);

/* LLDP-V2-MIB (IEEE 802.1AB-2016; LibreNMS's mibs/LLDP-V2-MIB), lldpV2MIB
 * { ieee802dot1mibs 13 } = 1.3.111.2.802.1.1.13. lldpV2RemTable
 * { lldpV2RemoteSystemsData 1 } = .1.4.1, indexed by lldpV2RemTimeMark,
 * lldpV2RemLocalIfIndex (an ifIndex), lldpV2RemLocalDestMACAddress,
 * lldpV2RemIndex: lldpV2RemChassisId 6, lldpV2RemPortId 8,
 * lldpV2RemSysName 10, lldpV2RemSysCapEnabled 13 (the bits of LLDP-V2-TC-MIB
 * LldpV2SystemCapabilitiesMap: those of LLDP-MIB, then cVLANComponent(8),
 * sVLANComponent(9), twoPortMACRelay(10)). */
MIB_OBJECT(MIB_LLDP_V2_REM_CHASSIS_ID, "LLDP-V2-MIB", "lldpV2RemChassisId", 1, 3, 111, 2, 802, 1, 1,
           13, 1, 4, 1, 1, 6);
MIB_OBJECT(MIB_LLDP_V2_REM_PORT_ID, "LLDP-V2-MIB", "lldpV2RemPortId", 1, 3, 111, 2, 802, 1, 1, 13,
           1, 4, 1, 1, 8);
MIB_OBJECT(MIB_LLDP_V2_REM_SYS_NAME, "LLDP-V2-MIB", "lldpV2RemSysName", 1, 3, 111, 2, 802, 1, 1, 13,
           1, 4, 1, 1, 10);
MIB_OBJECT(MIB_LLDP_V2_REM_SYS_CAP_ENABLED, "LLDP-V2-MIB", "lldpV2RemSysCapEnabled", 1, 3, 111, 2,
           802, 1, 1, 13, 1, 4, 1, 1, 13);

/* IEEE8023-LAG-MIB dot3adAggPortTable (indexed by ifIndex). */
MIB_OBJECT(MIB_LAG_SELECTED_AGG, "IEEE8023-LAG-MIB", "dot3adAggPortSelectedAggID", 1, 2, 840, 10006,
           300, 43, 1, 2, 1, 1, 12);
MIB_OBJECT(MIB_LAG_ATTACHED_AGG, "IEEE8023-LAG-MIB", "dot3adAggPortAttachedAggID", 1, 2, 840, 10006,
           300, 43, 1, 2, 1, 1, 13);
MIB_OBJECT(MIB_LAG_ACTOR_OPER_STATE, "IEEE8023-LAG-MIB", "dot3adAggPortActorOperState", 1, 2, 840,
           10006, 300, 43, 1, 2, 1, 1, 21);

/* MAU-MIB (indexed by ifIndex, mau index). */
MIB_OBJECT(MIB_MAU_TYPE, "MAU-MIB", "ifMauType", 1, 3, 6, 1, 2, 1, 26, 2, 1, 1, 3);
MIB_OBJECT(MIB_MAU_DEFAULT_TYPE, "MAU-MIB", "ifMauDefaultType", 1, 3, 6, 1, 2, 1, 26, 2, 1, 1, 11);
MIB_OBJECT(MIB_MAU_TYPE_LIST_BITS, "MAU-MIB", "ifMauTypeListBits", 1, 3, 6, 1, 2, 1, 26, 2, 1, 1,
           13);
MIB_OBJECT(MIB_MAU_AUTONEG_ADMIN, "MAU-MIB", "ifMauAutoNegAdminStatus", 1, 3, 6, 1, 2, 1, 26, 5, 1,
           1, 1);

/* Q-BRIDGE-MIB (indexed by bridge port). */
MIB_OBJECT(MIB_DOT1Q_PVID, "Q-BRIDGE-MIB", "dot1qPvid", 1, 3, 6, 1, 2, 1, 17, 7, 1, 4, 5, 1, 1);

/* Forwarding tables. BRIDGE-MIB (RFC 4188; net-snmp's mibs/BRIDGE-MIB.txt):
 * dot1dTp { dot1dBridge 4 }, dot1dTpFdbTable { dot1dTp 3 }, indexed by
 * dot1dTpFdbAddress (the MAC, six arcs): dot1dTpFdbPort 2 (a bridge port;
 * 0 unknown), dot1dTpFdbStatus 3 (other 1, invalid 2, learned 3, self 4,
 * mgmt 5). Q-BRIDGE-MIB (RFC 4363): dot1qTp { qBridgeMIBObjects 2 },
 * dot1qTpFdbTable { dot1qTp 2 }, indexed by dot1qFdbId, dot1qTpFdbAddress:
 * dot1qTpFdbPort 2, dot1qTpFdbStatus 3 (the same values);
 * dot1qVlanCurrentTable { dot1qVlan 2 }, indexed by dot1qVlanTimeMark,
 * dot1qVlanIndex (the VLAN id): dot1qVlanFdbId 3, the FDB a VLAN learns
 * into. */
MIB_OBJECT(MIB_DOT1D_TP_FDB_PORT, "BRIDGE-MIB", "dot1dTpFdbPort", 1, 3, 6, 1, 2, 1, 17, 4, 3, 1, 2);
MIB_OBJECT(MIB_DOT1D_TP_FDB_STATUS, "BRIDGE-MIB", "dot1dTpFdbStatus", 1, 3, 6, 1, 2, 1, 17, 4, 3, 1,
           3);
MIB_OBJECT(MIB_DOT1Q_TP_FDB_PORT, "Q-BRIDGE-MIB", "dot1qTpFdbPort", 1, 3, 6, 1, 2, 1, 17, 7, 1, 2,
           2, 1, 2);
MIB_OBJECT(MIB_DOT1Q_TP_FDB_STATUS, "Q-BRIDGE-MIB", "dot1qTpFdbStatus", 1, 3, 6, 1, 2, 1, 17, 7, 1,
           2, 2, 1, 3);
MIB_OBJECT(MIB_DOT1Q_VLAN_FDB_ID, "Q-BRIDGE-MIB", "dot1qVlanFdbId", 1, 3, 6, 1, 2, 1, 17, 7, 1, 4,
           2, 1, 3);

#endif
