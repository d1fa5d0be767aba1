/* SPDX-License-Identifier: BSD-3-Clause */
/* Subtree filters: only the parts of a configuration the interpreters read,
 * so a <get-config> of a large switch stays small. */
#include "netconf/netconf.h"

/* Junos: interfaces (with interface-range), protocols (rstp, mstp, vstp,
 * stp, lacp), vlans (names to ids), groups and the top-level apply-groups
 * that put them into effect, chassis (aggregated-devices). */
const char *netconf_junos_filter(void)
{
    return "<configuration xmlns=\"http://xml.juniper.net/xnm/1.1/xnm\">"
           "<interfaces/><protocols/><vlans/><groups/><apply-groups/><chassis/>"
           "</configuration>";
}

/* IOS-XE native model: every interface (with its spanning-tree, ethernet
 * and channel-group augments) and the global spanning-tree container. On
 * the wire the global container is in the native namespace and only its
 * children (mode, portfast default...) in Cisco-IOS-XE-spanning-tree,
 * while an interface's <spanning-tree> is itself in that namespace. */
const char *netconf_iosxe_filter(void)
{
    return "<native xmlns=\"http://cisco.com/ns/yang/Cisco-IOS-XE-native\">"
           "<interface/><spanning-tree/>"
           "</native>";
}
