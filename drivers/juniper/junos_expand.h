/* SPDX-License-Identifier: BSD-3-Clause */
/* Expansion of what a plain get-config (or a saved configuration) leaves
 * unexpanded: `groups` applied through `apply-groups` (wildcard names like
 * <ge-*> and <*>, `apply-groups-except`), and `interfaces interface-range`
 * configuration merged into each member interface. Explicit configuration
 * wins over groups and ranges, a deeper apply-groups over a shallower one,
 * and the first group listed over later ones. */
#ifndef JUNOS_EXPAND_H
#define JUNOS_EXPAND_H

#include "junos_tree.h"
#include "util/error.h"

/* A new tree (owned by the caller): raw with groups and ranges expanded.
 * raw is not changed. NULL with err set when out of memory. */
struct junos_node *junos_expand(const struct junos_node *raw, struct pr_error *err);

/* Merges the active content of src into target without overriding
 * target's own values (see above); the group name (NULL for a range) is
 * checked against apply-groups-except on the way down. */
int junos_merge(struct junos_node *target, const struct junos_node *src, const char *group,
                struct pr_error *err);

#endif
