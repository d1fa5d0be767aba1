/* SPDX-License-Identifier: BSD-3-Clause */
/* Port roles (DESIGN.md §1): every port of a switch is `server`, `uplink` or
 * `unknown`, decided from the signals its driver read (model/role.h). Any
 * uplink signal makes an uplink (one is enough to cut a rack off if it were
 * made an edge port); else a server signal makes a server port; else the
 * role is unknown, saying why. A LAG takes the role of its members and a
 * member that of its LAG (uplink first). */
#ifndef PR_ROLES_H
#define PR_ROLES_H

#include "model/switch.h"

/* Decides port->role.role, .reason and .evidence for every port of sw from
 * the signals (before any port selection: a LAG's members must all be
 * there). Pure; safe to call again. */
void roles_assign(struct pr_switch *sw);

/* Takes the physical ports whose role is uplink out of sw->ports into
 * sw->uplinks (in port order), for a survey of every port: they are listed,
 * not judged. -1 when out of memory: an uplink that could not be listed
 * stays among the ports (judged, with port-is-uplink, rather than lost). */
int roles_leave_out_uplinks(struct pr_switch *sw);

/* Whether the fix of a finding of this id would change what makes a port
 * an uplink work: edge, PortFast, BPDU guard, the access or native VLAN,
 * LACP fallback, or an STP state the fix makes edge. Such fixes are never
 * written for a port whose role is uplink. */
bool roles_fix_withheld(enum pr_finding_id id);

#endif
