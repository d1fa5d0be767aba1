/* SPDX-License-Identifier: BSD-3-Clause */
/* Merging what a switch's configuration says into what its SNMP agent
 * says: state (link, STP state, LACP membership, speed) from SNMP,
 * configuration (edge, fallback, BPDU guard, negotiation, trunking) from the
 * configuration, evidence from both. */
#ifndef PR_MERGE_H
#define PR_MERGE_H

#include <stddef.h>

#include "driver.h"
#include "model/switch.h"

/* Copies configuration facts of config's ports into the matching ports of
 * live (those whose ifName or ifDescr drv->names_match() pairs with the
 * configuration's name; failing that, the one whose ifAlias is the
 * configuration port's description, when that description is that one
 * port's on both sides and no configuration name claims the agent port),
 * and the configured STP mode and timers where SNMP did not show them.
 * Ports only the configuration knows are not added. Returns the number of
 * ports matched. */
size_t merge_config_into_live(struct pr_switch *live, const struct pr_switch *config,
                              const struct pr_driver *drv);

#endif
