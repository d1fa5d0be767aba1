/* SPDX-License-Identifier: BSD-3-Clause */
/* Every string of a switch that was read, made fit for a terminal and a
 * JSON string (util/safe_text.h): names, descriptions, evidence and fixes
 * hold bytes from the switch, a file or a log. */
#include "model/switch.h"
#include "util/safe_text.h"

static void fact_safe(struct pr_fact *fact)
{
    pr_text_make_safe(fact->evidence);
}

static void port_safe(struct pr_port *port)
{
    pr_text_make_safe(port->name);
    pr_text_make_safe(port->descr);
    pr_text_make_safe(port->alias);
    pr_text_make_safe(port->lag_name);
    pr_text_make_safe(port->stp_agg.name);
    pr_text_make_safe(port->stp_agg.descr);
    pr_text_make_safe(port->server);
    pr_text_make_safe(port->role.reason);
    pr_text_make_safe(port->role.evidence);
    struct pr_port_facts *f = &port->facts;
    struct pr_fact *facts[] = {&f->admin_status,
                               &f->oper_status,
                               &f->stp_state,
                               &f->edge,
                               &f->lacp_member,
                               &f->lacp_fallback,
                               &f->autoneg,
                               &f->speed_mbps,
                               &f->access_vlan,
                               &f->err_disabled,
                               &f->bpdu_guard,
                               &f->stp_enabled,
                               &f->oper_edge,
                               &f->trunk,
                               &f->edge_applies_on_trunk,
                               &f->speed_capability_mbps,
                               &f->stp_mode,
                               &f->auto_edge_wait_s,
                               &port->expected_blackout_s};
    for (size_t i = 0; i < sizeof facts / sizeof facts[0]; i++)
        fact_safe(facts[i]);
    pr_text_make_safe(f->err_disabled_cause);
    for (size_t i = 0; i < port->n_findings; i++) {
        pr_text_make_safe(port->findings[i].message);
        pr_text_make_safe(port->findings[i].evidence);
        pr_text_make_safe_lines(port->findings[i].fix);
    }
}

void pr_switch_make_safe(struct pr_switch *sw)
{
    pr_text_make_safe(sw->name);
    pr_text_make_safe(sw->host);
    pr_text_make_safe(sw->error.msg);
    pr_text_make_safe(sw->sys_descr);
    pr_text_make_safe(sw->sys_object_id);
    fact_safe(&sw->stp.mode);
    fact_safe(&sw->stp.forward_delay_s);
    fact_safe(&sw->stp.max_age_s);
    fact_safe(&sw->stp.auto_edge_wait_s);
    for (size_t i = 0; i < sw->n_ports; i++)
        port_safe(&sw->ports[i]);
    for (size_t i = 0; i < sw->n_uplinks; i++) {
        pr_text_make_safe(sw->uplinks[i].name);
        pr_text_make_safe(sw->uplinks[i].reason);
        pr_text_make_safe(sw->uplinks[i].evidence);
    }
    for (size_t i = 0; i < sw->n_port_errors; i++)
        pr_text_make_safe(sw->port_errors[i]);
    if (sw->fix.text != NULL)
        pr_text_make_safe_lines(sw->fix.text);
    if (sw->fix.switch_wide != NULL)
        pr_text_make_safe_lines(sw->fix.switch_wide);
}
