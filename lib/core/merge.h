/* SPDX-License-Identifier: BSD-3-Clause */
/* Merging what a switch's configuration says into what its SNMP agent
 * says: state (link, STP state, LACP membership, speed) from SNMP,
 * configuration (edge, fallback, BPDU guard, negotiation, trunking) from the
 * configuration, evidence from both. */
#ifndef PR_MERGE_H
#define PR_MERGE_H

#include <stdbool.h>

#include "model/switch.h"

/* Whether a configuration interface name and an SNMP port name (ifName or
 * ifDescr) name the same interface: "Gi1/0/1" and
 * "GigabitEthernet1/0/1", "Et1" and "Ethernet1", case aside. */
bool merge_names_match(const char *config_name, const char *snmp_name);

/* Copies configuration facts of config's ports into the matching ports of
 * live, and the configured STP mode and timers where SNMP did not show
 * them. Ports only the configuration knows are not added. Returns the
 * number of ports matched. */
size_t merge_config_into_live(struct pr_switch *live, const struct pr_switch *config);

#endif
