/* SPDX-License-Identifier: BSD-3-Clause */
#include "core/merge.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "util/strutil.h"

/* The configuration's value wins; the evidence keeps both when SNMP said
 * something else. */
static void take(struct pr_fact *live, const struct pr_fact *config)
{
    if (!config->known)
        return;
    if (live->known && live->value != config->value) {
        char both[PR_EVIDENCE_MAX];
        snprintf(both, sizeof both, "%s (the agent says otherwise: %s)", config->evidence,
                 live->evidence);
        pr_fact_set(live, config->value, "%s", both);
    } else {
        *live = *config;
    }
}

/* State: SNMP's value stands; the configuration fills what SNMP lacks. */
static void fill(struct pr_fact *live, const struct pr_fact *config)
{
    if (!live->known && config->known)
        *live = *config;
}

static void merge_port(struct pr_port *live, const struct pr_port *config)
{
    if (live->lag_name[0] == '\0')
        memcpy(live->lag_name, config->lag_name, sizeof live->lag_name);
    /* A spanning-tree fix names the aggregate as the configuration spells
     * it; the agent's bridge port and ifIndex stay. */
    if (config->stp_agg.name[0] != '\0') {
        memcpy(live->stp_agg.name, config->stp_agg.name, sizeof live->stp_agg.name);
        live->stp_agg.descr[0] = '\0';
    }
    struct pr_port_facts *l = &live->facts;
    const struct pr_port_facts *c = &config->facts;
    take(&l->edge, &c->edge);
    take(&l->lacp_fallback, &c->lacp_fallback);
    take(&l->lacp_fallback_timeout_s, &c->lacp_fallback_timeout_s);
    take(&l->auto_edge_wait_s, &c->auto_edge_wait_s);
    take(&l->bpdu_guard, &c->bpdu_guard);
    take(&l->autoneg, &c->autoneg);
    take(&l->edge_applies_on_trunk, &c->edge_applies_on_trunk);
    fill(&l->trunk, &c->trunk);
    fill(&l->stp_enabled, &c->stp_enabled);
    fill(&l->stp_mode, &c->stp_mode);
    fill(&l->admin_status, &c->admin_status);
    fill(&l->lacp_member, &c->lacp_member);
    fill(&l->access_vlan, &c->access_vlan);
    fill(&l->speed_capability_mbps, &c->speed_capability_mbps);
    /* The agent's ifAlias first, the configuration's description when the
     * agent has none. */
    if (live->alias[0] == '\0')
        pr_strlcpy(live->alias, config->alias, sizeof live->alias);
}

static bool names_match(const struct pr_driver *drv, const struct pr_port *cp,
                        const struct pr_port *lp)
{
    return drv->names_match(cp->name, lp->name) ||
           (lp->descr[0] && drv->names_match(cp->name, lp->descr));
}

/* The one port of sw described as alias, or NULL (none, or several). */
static const struct pr_port *only_described(const struct pr_switch *sw, const char *alias)
{
    const struct pr_port *found = NULL;
    for (size_t i = 0; i < sw->n_ports; i++) {
        if (strcmp(sw->ports[i].alias, alias) != 0)
            continue;
        if (found != NULL)
            return NULL;
        found = &sw->ports[i];
    }
    return found;
}

/* A configuration port no agent port's name matches pairs with the agent
 * port whose ifAlias is its description, when that description belongs to
 * that one port on both sides and no configuration port's name claims the
 * agent port: the names of a switch whose configuration is a translation
 * (a software switch written in another switch's dialect) differ, its
 * descriptions need not. */
static struct pr_port *match_by_description(struct pr_switch *live, const struct pr_switch *config,
                                            const struct pr_port *cp, const struct pr_driver *drv)
{
    if (cp->alias[0] == '\0' || only_described(config, cp->alias) != cp)
        return NULL;
    struct pr_port *lp = (struct pr_port *)only_described(live, cp->alias);
    if (lp == NULL)
        return NULL;
    for (size_t i = 0; i < config->n_ports; i++) {
        if (names_match(drv, &config->ports[i], lp))
            return NULL;
    }
    return lp;
}

size_t merge_config_into_live(struct pr_switch *live, const struct pr_switch *config,
                              const struct pr_driver *drv)
{
    size_t matched = 0;
    for (size_t i = 0; i < config->n_ports; i++) {
        const struct pr_port *cp = &config->ports[i];
        struct pr_port *lp = NULL;
        for (size_t k = 0; k < live->n_ports && lp == NULL; k++) {
            if (names_match(drv, cp, &live->ports[k]))
                lp = &live->ports[k];
        }
        if (lp == NULL)
            lp = match_by_description(live, config, cp, drv);
        if (lp != NULL) {
            merge_port(lp, cp);
            matched++;
        }
    }
    fill(&live->stp.mode, &config->stp.mode);
    fill(&live->stp.forward_delay_s, &config->stp.forward_delay_s);
    fill(&live->stp.max_age_s, &config->stp.max_age_s);
    fill(&live->stp.auto_edge_wait_s, &config->stp.auto_edge_wait_s);
    return matched;
}
