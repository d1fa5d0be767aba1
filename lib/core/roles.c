/* SPDX-License-Identifier: BSD-3-Clause */
#include "core/roles.h"

#include <stdio.h>
#include <string.h>

#include "util/strutil.h"

/* Neighbours first: who is there says more than the spanning tree's view. */
static bool from_neighbour(const struct pr_role_signal *s)
{
    return strncmp(s->reason, "LLDP ", 5) == 0 || strncmp(s->reason, "CDP ", 4) == 0;
}

/* The role the port's own signals give. */
static void decide_own(const struct pr_switch *sw, struct pr_port *port)
{
    struct pr_port_role *r = &port->role;
    r->role = PR_ROLE_UNKNOWN;
    r->reason[0] = '\0';
    r->evidence[0] = '\0';
    for (int pass = 0; pass < 4; pass++) {
        enum pr_role want = pass < 2 ? PR_ROLE_UPLINK : PR_ROLE_SERVER;
        if (want == PR_ROLE_SERVER && r->role == PR_ROLE_UPLINK)
            break;
        for (size_t i = 0; i < r->n_signals; i++) {
            const struct pr_role_signal *s = &r->signals[i];
            if (s->says != want || from_neighbour(s) != (pass % 2 == 0))
                continue;
            r->role = want;
            pr_strlcatf(r->reason, sizeof r->reason, "%s%s", r->reason[0] ? "; " : "", s->reason);
            pr_strlcatf(r->evidence, sizeof r->evidence, "%s%s", r->evidence[0] ? "; " : "",
                        s->evidence);
        }
    }
    if (r->role != PR_ROLE_UNKNOWN)
        return;
    /* Unknown: say what was seen, or why nothing could be. */
    for (size_t i = 0; i < r->n_signals; i++)
        pr_strlcatf(r->evidence, sizeof r->evidence,
                    "%s%s: neither a bridge or router nor a station", r->evidence[0] ? "; " : "",
                    r->signals[i].evidence);
    if (r->evidence[0] != '\0')
        return;
    bool snmp = false;
    for (size_t i = 0; i < sw->n_sources; i++)
        snmp |= strcmp(sw->sources[i], "snmp") == 0 || strcmp(sw->sources[i], "walk") == 0;
    pr_strlcpy(r->evidence,
               snmp ? "no LLDP or CDP neighbour with its capabilities, not the root port, no "
                      "BPDUs from another bridge: nothing says what the port faces"
                    : "a configuration cannot show neighbours or the spanning tree's view of "
                      "the port",
               sizeof r->evidence);
}

static void take_from(struct pr_port *port, enum pr_role role, const char *how,
                      const struct pr_port *from)
{
    struct pr_port_role *r = &port->role;
    r->role = role;
    snprintf(r->reason, sizeof r->reason, "%s %s: %s", how, from->name, from->role.reason);
    snprintf(r->evidence, sizeof r->evidence, "%s %s (%s): %s", how, from->name, pr_role_name(role),
             from->role.evidence);
}

void roles_assign(struct pr_switch *sw)
{
    for (size_t i = 0; i < sw->n_ports; i++)
        decide_own(sw, &sw->ports[i]);
    /* Members to their LAG: an uplink member makes an uplink LAG, a server
     * member a server LAG when no member says uplink. */
    for (size_t i = 0; i < sw->n_ports; i++) {
        const struct pr_port *member = &sw->ports[i];
        if (member->lag_ifindex == 0 || member->role.role == PR_ROLE_UNKNOWN)
            continue;
        struct pr_port *lag = pr_switch_find_ifindex(sw, member->lag_ifindex);
        if (lag == NULL || lag == member || lag->role.role >= member->role.role)
            continue;
        take_from(lag, member->role.role, "member", member);
    }
    /* The LAG to its members. */
    for (size_t i = 0; i < sw->n_ports; i++) {
        struct pr_port *member = &sw->ports[i];
        if (member->lag_ifindex == 0)
            continue;
        const struct pr_port *lag = pr_switch_find_ifindex(sw, member->lag_ifindex);
        if (lag == NULL || lag == member || lag->role.role <= member->role.role)
            continue;
        take_from(member, lag->role.role, "member of", lag);
    }
}

int roles_leave_out_uplinks(struct pr_switch *sw)
{
    size_t kept = 0;
    int rc = 0;
    for (size_t i = 0; i < sw->n_ports; i++) {
        struct pr_port *port = &sw->ports[i];
        if (port->role.role == PR_ROLE_UPLINK && pr_port_is_physical(port)) {
            if (pr_switch_add_uplink(sw, port) == 0) {
                pr_port_clear_findings(port);
                continue;
            }
            rc = -1;
        }
        if (kept != i)
            sw->ports[kept] = *port;
        kept++;
    }
    sw->n_ports = kept;
    return rc;
}

bool roles_fix_withheld(enum pr_finding_id id)
{
    switch (id) {
    case PR_F_STP_NOT_EDGE:
    case PR_F_STP_EDGE_AUTO:
    case PR_F_PORTFAST_TRUNK_MISSING:
    case PR_F_STP_NOT_FORWARDING:
    case PR_F_BPDU_GUARD_OFF:
    case PR_F_VLAN_MISMATCH:
    case PR_F_LACP_NO_FALLBACK:
    case PR_F_LACP_FALLBACK_UNKNOWN:
        return true;
    default:
        return false;
    }
}
