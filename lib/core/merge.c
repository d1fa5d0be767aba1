/* SPDX-License-Identifier: BSD-3-Clause */
#include "core/merge.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "util/strutil.h"

/* Cisco-style abbreviations and their full interface type names. */
static const struct {
    const char *abbrev;
    const char *full;
} if_types[] = {
    {"Gi", "GigabitEthernet"},    {"Te", "TenGigabitEthernet"},   {"Fa", "FastEthernet"},
    {"Twe", "TwentyFiveGigE"},    {"Fo", "FortyGigabitEthernet"}, {"Hu", "HundredGigE"},
    {"Tw", "TwoGigabitEthernet"}, {"Fi", "FiveGigabitEthernet"},  {"Et", "Ethernet"},
    {"Eth", "Ethernet"},          {"Po", "Port-channel"},
};

/* Splits "GigabitEthernet1/0/1" into its letters and the rest. */
static void split(const char *name, char *type, size_t type_len, const char **rest)
{
    size_t n = 0;
    while (name[n] != '\0' && (isalpha((unsigned char)name[n]) || name[n] == '-') &&
           n + 1 < type_len) {
        type[n] = name[n];
        n++;
    }
    type[n] = '\0';
    *rest = name + n;
}

static const char *full_type(const char *type)
{
    for (size_t i = 0; i < sizeof if_types / sizeof if_types[0]; i++) {
        if (pr_str_ieq(type, if_types[i].abbrev) || pr_str_ieq(type, if_types[i].full))
            return if_types[i].full;
    }
    return type;
}

bool merge_names_match(const char *config_name, const char *snmp_name)
{
    if (pr_str_ieq(config_name, snmp_name))
        return true;
    char type_a[48], type_b[48];
    const char *rest_a, *rest_b;
    split(config_name, type_a, sizeof type_a, &rest_a);
    split(snmp_name, type_b, sizeof type_b, &rest_b);
    if (rest_a[0] == '\0' || strcmp(rest_a, rest_b) != 0)
        return false;
    return pr_str_ieq(full_type(type_a), full_type(type_b));
}

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
    struct pr_port_facts *l = &live->facts;
    const struct pr_port_facts *c = &config->facts;
    take(&l->edge, &c->edge);
    take(&l->lacp_fallback, &c->lacp_fallback);
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
}

size_t merge_config_into_live(struct pr_switch *live, const struct pr_switch *config)
{
    size_t matched = 0;
    for (size_t i = 0; i < config->n_ports; i++) {
        const struct pr_port *cp = &config->ports[i];
        for (size_t k = 0; k < live->n_ports; k++) {
            struct pr_port *lp = &live->ports[k];
            if (merge_names_match(cp->name, lp->name) ||
                (lp->descr[0] && merge_names_match(cp->name, lp->descr))) {
                merge_port(lp, cp);
                matched++;
                break;
            }
        }
    }
    fill(&live->stp.mode, &config->stp.mode);
    fill(&live->stp.forward_delay_s, &config->stp.forward_delay_s);
    fill(&live->stp.max_age_s, &config->stp.max_age_s);
    return matched;
}
