/* SPDX-License-Identifier: BSD-3-Clause */
/* A LAG member takes the spanning-tree facts of its aggregate, where the
 * switch runs spanning tree. */
#include <string.h>

#include "model/switch.h"

#define FROM_AGGREGATE "from its aggregate "

void pr_fact_from_aggregate(struct pr_fact *fact, const char *agg_name)
{
    if (!fact->known || strncmp(fact->evidence, FROM_AGGREGATE, strlen(FROM_AGGREGATE)) == 0)
        return;
    char was[PR_EVIDENCE_MAX];
    memcpy(was, fact->evidence, sizeof was);
    pr_fact_set(fact, fact->value, FROM_AGGREGATE "%s: %s", agg_name, was);
}

void pr_port_facts_from_aggregate(struct pr_port_facts *f, const char *agg_name)
{
    struct pr_fact *stp[] = {&f->stp_state,
                             &f->edge,
                             &f->oper_edge,
                             &f->stp_enabled,
                             &f->stp_mode,
                             &f->bpdu_guard,
                             &f->edge_applies_on_trunk,
                             &f->auto_edge_wait_s};
    for (size_t i = 0; i < sizeof stp / sizeof stp[0]; i++)
        pr_fact_from_aggregate(stp[i], agg_name);
}

/* A fact of the aggregate handed to a member, its evidence saying so. The
 * aggregate's own evidence is copied each time, so taking it again writes
 * the same member fact: the step is idempotent. */
static void take_from(struct pr_fact *member, const struct pr_fact *agg, const char *agg_name)
{
    if (!agg->known)
        return;
    *member = *agg;
    pr_fact_from_aggregate(member, agg_name);
}

void pr_switch_lag_inherit_stp(struct pr_switch *sw)
{
    for (size_t i = 0; i < sw->n_ports; i++) {
        struct pr_port *port = &sw->ports[i];
        if (port->lag_ifindex == 0)
            continue;
        const struct pr_port *agg = pr_switch_find_ifindex(sw, port->lag_ifindex);
        if (agg == NULL || agg->bridge_port == 0 || agg == port || agg->lag_ifindex != 0 ||
            !(agg->facts.stp_state.known || agg->facts.edge.known))
            continue;
        const struct pr_port_facts *a = &agg->facts;
        struct pr_port_facts *m = &port->facts;
        take_from(&m->stp_state, &a->stp_state, agg->name);
        take_from(&m->edge, &a->edge, agg->name);
        take_from(&m->oper_edge, &a->oper_edge, agg->name);
        take_from(&m->stp_enabled, &a->stp_enabled, agg->name);
        take_from(&m->stp_mode, &a->stp_mode, agg->name);
        take_from(&m->bpdu_guard, &a->bpdu_guard, agg->name);
        /* How the edge acts goes with the edge: PortFast on trunks, the
         * vendor's own wait of an auto-edge port. */
        if (a->edge.known) {
            take_from(&m->edge_applies_on_trunk, &a->edge_applies_on_trunk, agg->name);
            take_from(&m->auto_edge_wait_s, &a->auto_edge_wait_s, agg->name);
        }
        if (!m->access_vlan.known)
            take_from(&m->access_vlan, &a->access_vlan, agg->name);
    }
}
