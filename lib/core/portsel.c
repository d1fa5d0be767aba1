/* SPDX-License-Identifier: BSD-3-Clause */
/* Port selection: PORT operands against ifName, ifDescr, ifIndex and the
 * configuration's names; every physical port when none are given. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/portsel.h"
#include "core/survey.h"
#include "util/strutil.h"

enum portsel_match portsel_match_port(const char *operand, const char *name, const char *descr,
                                      int64_t ifindex)
{
    long long number;
    if (ifindex != 0 && pr_parse_int(operand, 1, 4294967295LL, &number) && number == ifindex)
        return PORTSEL_BY_IFINDEX;
    if (name != NULL && strcmp(name, operand) == 0)
        return PORTSEL_BY_NAME;
    if (descr != NULL && descr[0] != '\0' && strcmp(descr, operand) == 0)
        return PORTSEL_BY_DESCR;
    return PORTSEL_NO_MATCH;
}

static bool port_matches(const struct pr_port *port, const char *name)
{
    if (portsel_match_port(name, port->name, port->descr, port->ifindex) != PORTSEL_NO_MATCH)
        return true;
    /* Case differences only (ge-0/0/1 vs GE-0/0/1) still name one port. */
    return pr_str_ieq(port->name, name);
}

/* "closest: Gi1/0/1, Gi1/0/11, Gi1/0/10" by edit distance. */
static void closest_names(const struct pr_switch *sw, const char *name, char *buf, size_t len)
{
    const char *best[3] = {NULL, NULL, NULL};
    unsigned best_d[3] = {999, 999, 999};
    for (size_t i = 0; i < sw->n_ports; i++) {
        unsigned d = pr_str_distance(sw->ports[i].name, name);
        for (int k = 0; k < 3; k++) {
            if (d < best_d[k]) {
                for (int m = 2; m > k; m--) {
                    best[m] = best[m - 1];
                    best_d[m] = best_d[m - 1];
                }
                best[k] = sw->ports[i].name;
                best_d[k] = d;
                break;
            }
        }
    }
    buf[0] = '\0';
    for (int k = 0; k < 3 && best[k] != NULL; k++)
        pr_strlcatf(buf, len, "%s%s", k ? ", " : "", best[k]);
}

int survey_select_ports(struct pr_switch *sw, const struct survey_port *ports, size_t n_ports,
                        int64_t default_vlan, struct pr_error *err)
{
    /* Sized for what can be kept, not for every interface read: the
     * kept array is what a judged switch holds until it is printed. */
    size_t can_keep = n_ports;
    for (size_t i = 0; n_ports == 0 && i < sw->n_ports; i++)
        can_keep += pr_port_is_physical(&sw->ports[i]);
    if (can_keep > sw->n_ports)
        can_keep = sw->n_ports;
    struct pr_port *kept = calloc(can_keep ? can_keep : 1, sizeof *kept);
    bool *taken = calloc(sw->n_ports ? sw->n_ports : 1, sizeof *taken);
    if (kept == NULL || taken == NULL) {
        free(kept);
        free(taken);
        return pr_error_set(err, PR_ERR_INTERNAL, "out of memory selecting ports");
    }
    size_t n_kept = 0;
    int rc = 0;
    if (n_ports == 0) {
        for (size_t i = 0; i < sw->n_ports; i++) {
            if (pr_port_is_physical(&sw->ports[i])) {
                taken[i] = true;
                kept[n_kept] = sw->ports[i];
                kept[n_kept++].expect_vlan = default_vlan;
            }
        }
    }
    for (size_t k = 0; k < n_ports; k++) {
        size_t found = sw->n_ports;
        for (size_t i = 0; i < sw->n_ports && found == sw->n_ports; i++) {
            if (port_matches(&sw->ports[i], ports[k].name))
                found = i;
        }
        if (found == sw->n_ports) {
            /* The other ports are still judged; this one is unchecked. */
            char near[256];
            closest_names(sw, ports[k].name, near, sizeof near);
            sw->unchecked++;
            if (pr_switch_add_port_error(sw, "no port '%s' on %s%s%s", ports[k].name, sw->name,
                                         near[0] ? "; closest: " : "", near) != 0 &&
                rc == 0)
                rc = pr_error_set(err, PR_ERR_INTERNAL, "out of memory selecting ports");
            continue;
        }
        if (taken[found])
            continue; /* named twice */
        taken[found] = true;
        struct pr_port *port = &kept[n_kept++];
        *port = sw->ports[found];
        if (ports[k].server != NULL)
            pr_strlcpy(port->server, ports[k].server, sizeof port->server);
        port->expect_vlan = ports[k].expect_vlan >= 0 ? ports[k].expect_vlan : default_vlan;
        port->clients_named = ports[k].clients;
    }
    /* Ports not kept lose their findings (none yet) with the old array. */
    for (size_t i = 0; i < sw->n_ports; i++) {
        if (!taken[i])
            pr_port_clear_findings(&sw->ports[i]);
    }
    free(sw->ports);
    free(taken);
    sw->ports = kept;
    sw->n_ports = n_kept;
    sw->cap_ports = can_keep ? can_keep : 1;
    return rc;
}
