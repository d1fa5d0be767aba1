/* SPDX-License-Identifier: BSD-3-Clause */
#include "core/roles.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/strutil.h"

/* Neighbours first: who is there says more than the spanning tree's view. */
static bool from_neighbour(const struct pr_role_signal *s)
{
    return s->neighbour;
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
        pr_strlcatf(r->evidence, sizeof r->evidence, "%s%s%s", r->evidence[0] ? "; " : "",
                    r->signals[i].evidence,
                    r->signals[i].reason[0] ? ": neither a bridge or router nor a station" : "");
    if (r->evidence[0] != '\0')
        return;
    bool snmp = false;
    for (size_t i = 0; i < sw->n_sources; i++)
        snmp |= strcmp(sw->sources[i], "snmp") == 0 || strcmp(sw->sources[i], "walk") == 0;
    pr_strlcpy(r->evidence,
               snmp
                   ? "no discovery-protocol neighbour with its capabilities, not the root port, no "
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

/* A LAG member: its bundle's ifIndex (from the agent) or, without it, the
 * bundle's name (from the configuration). */
struct member {
    size_t port;
    uint32_t lag_ifindex;
    const char *lag_name;
};

static int member_compare(const void *a, const void *b)
{
    const struct member *x = a, *y = b;
    if (x->lag_ifindex != y->lag_ifindex)
        return x->lag_ifindex < y->lag_ifindex ? -1 : 1;
    int c = x->lag_ifindex ? 0 : strcmp(x->lag_name, y->lag_name);
    if (c != 0)
        return c;
    return (x->port > y->port) - (x->port < y->port);
}

static bool same_bundle(const struct member *x, const struct member *y)
{
    return x->lag_ifindex == y->lag_ifindex &&
           (x->lag_ifindex != 0 || strcmp(x->lag_name, y->lag_name) == 0);
}

/* A port's ifIndex with its place in sw->ports, sorted for lookups (an
 * agent may list 100,000 interfaces). */
struct by_ifindex {
    uint32_t ifindex;
    size_t port;
};

static int by_ifindex_compare(const void *a, const void *b)
{
    uint32_t x = ((const struct by_ifindex *)a)->ifindex;
    uint32_t y = ((const struct by_ifindex *)b)->ifindex;
    return (x > y) - (x < y);
}

/* sw's ports sorted by ifIndex; NULL when out of memory. */
static struct by_ifindex *sort_by_ifindex(const struct pr_switch *sw)
{
    struct by_ifindex *idx = malloc((sw->n_ports ? sw->n_ports : 1) * sizeof *idx);
    if (idx == NULL)
        return NULL;
    for (size_t i = 0; i < sw->n_ports; i++)
        idx[i] = (struct by_ifindex){sw->ports[i].ifindex, i};
    qsort(idx, sw->n_ports, sizeof *idx, by_ifindex_compare);
    return idx;
}

/* The bundle's own port: by ifIndex (through sorted, when it could be
 * had), else by name or description. */
static struct pr_port *bundle_port(struct pr_switch *sw, const struct by_ifindex *sorted,
                                   const struct member *m)
{
    if (m->lag_ifindex != 0) {
        if (sorted == NULL)
            return pr_switch_find_ifindex(sw, m->lag_ifindex);
        struct by_ifindex key = {m->lag_ifindex, 0};
        const struct by_ifindex *hit =
            bsearch(&key, sorted, sw->n_ports, sizeof *sorted, by_ifindex_compare);
        return hit != NULL ? &sw->ports[hit->port] : NULL;
    }
    for (size_t i = 0; i < sw->n_ports; i++) {
        struct pr_port *p = &sw->ports[i];
        if (pr_str_ieq(p->name, m->lag_name) || (p->descr[0] && pr_str_ieq(p->descr, m->lag_name)))
            return p;
    }
    return NULL;
}

/* One bundle: the strongest role of the LAG and its members goes to all. */
static void bundle_roles(struct pr_switch *sw, struct pr_port *lag, const struct member *m,
                         size_t n)
{
    const struct pr_port *src = lag;
    for (size_t i = 0; i < n; i++) {
        const struct pr_port *p = &sw->ports[m[i].port];
        if (src == NULL || p->role.role > src->role.role)
            src = p;
    }
    if (src == NULL || src->role.role == PR_ROLE_UNKNOWN)
        return;
    enum pr_role role = src->role.role;
    if (lag != NULL && lag != src && lag->role.role < role)
        take_from(lag, role, "member", src);
    for (size_t i = 0; i < n; i++) {
        struct pr_port *p = &sw->ports[m[i].port];
        if (p == src || p->role.role >= role)
            continue;
        if (lag != NULL)
            take_from(p, role, "member of", lag);
        else
            take_from(p, role, "in one bundle with", src);
    }
}

void roles_assign(struct pr_switch *sw)
{
    size_t n = 0;
    for (size_t i = 0; i < sw->n_ports; i++) {
        decide_own(sw, &sw->ports[i]);
        n += sw->ports[i].lag_ifindex != 0 || sw->ports[i].lag_name[0] != '\0';
    }
    if (n == 0)
        return;
    struct member *m = calloc(n, sizeof *m);
    struct by_ifindex *sorted = sort_by_ifindex(sw);
    if (m == NULL) {
        free(sorted);
        return; /* out of memory: each port keeps its own role */
    }
    n = 0;
    for (size_t i = 0; i < sw->n_ports; i++) {
        const struct pr_port *p = &sw->ports[i];
        if (p->lag_ifindex != 0 || p->lag_name[0] != '\0')
            m[n++] = (struct member){i, p->lag_ifindex, p->lag_name};
    }
    qsort(m, n, sizeof *m, member_compare);
    for (size_t start = 0; start < n;) {
        size_t end = start + 1;
        while (end < n && same_bundle(&m[start], &m[end]))
            end++;
        struct pr_port *lag = bundle_port(sw, sorted, &m[start]);
        bool lag_is_member = false;
        for (size_t k = start; k < end && lag != NULL; k++)
            lag_is_member |= &sw->ports[m[k].port] == lag;
        bundle_roles(sw, lag_is_member ? NULL : lag, m + start, end - start);
        start = end;
    }
    free(m);
    free(sorted);
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
