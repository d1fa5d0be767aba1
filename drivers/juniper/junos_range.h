/* SPDX-License-Identifier: BSD-3-Clause */
/* Interface names and interface-range membership: `member ge-0/0/1`,
 * wildcard members (a `*` in any number position, `member "ge-0/0/[1-5]"`,
 * `member "xe-0/0/[1,3,5]"`, each number position on its own; the type
 * prefix is literal) and `member-range ge-0/0/0 to ge-0/0/23` (every name between
 * the two in FPC/PIC/port order). */
#ifndef JUNOS_RANGE_H
#define JUNOS_RANGE_H

#include <stdbool.h>
#include <stddef.h>

#include "junos_tree.h"

/* A physical Ethernet port name: ge-, xe-, et-, mge-, te-, fe-, xle-,
 * fte- followed by FPC/PIC/port and an optional :channel. */
bool junos_is_physical_port(const char *name);

/* Splits "ge-0/0/12" (or "ge-0/0/12:1") into its type and numbers; false
 * when name is not of that form. */
bool junos_port_split(const char *name, char *type, size_t type_len, unsigned nums[3],
                      int *channel);

/* Whether a `member` pattern names ifname. */
bool junos_member_matches(const char *pattern, const char *ifname);

/* Whether the range node (interfaces interface-range NAME) has ifname
 * among its active member and member-range statements. */
bool junos_range_has_member(const struct junos_node *range, const char *ifname);

/* Calls fn for every member name the range names outright (members
 * without wildcards, member-ranges within one FPC/PIC), at most limit
 * names. */
void junos_range_each_named(const struct junos_node *range, size_t limit,
                            void (*fn)(const char *ifname, void *arg), void *arg);

/* Orders port names naturally (ge-0/0/2 before ge-0/0/10). */
int junos_port_compare(const char *a, const char *b);

#endif
