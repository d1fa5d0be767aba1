/* SPDX-License-Identifier: BSD-3-Clause */
#include "model/switch.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/strutil.h"

void pr_port_facts_init(struct pr_port_facts *facts)
{
    memset(facts, 0, sizeof *facts);
}

void pr_switch_init(struct pr_switch *sw, const char *name, const char *host)
{
    memset(sw, 0, sizeof *sw);
    pr_strlcpy(sw->name, name ? name : "", sizeof sw->name);
    pr_strlcpy(sw->host, host ? host : "", sizeof sw->host);
}

void pr_switch_free(struct pr_switch *sw)
{
    if (sw == NULL)
        return;
    for (size_t i = 0; i < sw->n_ports; i++)
        pr_port_clear_findings(&sw->ports[i]);
    free(sw->ports);
    sw->ports = NULL;
    sw->n_ports = sw->cap_ports = 0;
    free(sw->uplinks);
    sw->uplinks = NULL;
    sw->n_uplinks = 0;
    pr_fix_block_free(&sw->fix);
    free(sw->port_errors);
    sw->port_errors = NULL;
    sw->n_port_errors = 0;
    if (sw->driver_priv_free != NULL)
        sw->driver_priv_free(sw->driver_priv);
    sw->driver_priv = NULL;
    sw->driver_priv_free = NULL;
}

struct pr_port *pr_switch_add_port(struct pr_switch *sw, const char *name, struct pr_error *err)
{
    if (sw->n_ports == sw->cap_ports) {
        size_t cap = sw->cap_ports ? sw->cap_ports * 2 : 16;
        struct pr_port *ports = realloc(sw->ports, cap * sizeof *ports);
        if (ports == NULL) {
            pr_error_set(err, PR_ERR_INTERNAL, "out of memory adding port %s", name);
            return NULL;
        }
        sw->ports = ports;
        sw->cap_ports = cap;
    }
    struct pr_port *port = &sw->ports[sw->n_ports++];
    memset(port, 0, sizeof *port);
    pr_strlcpy(port->name, name, sizeof port->name);
    port->expect_vlan = -1;
    port->verdict = PR_VERDICT_UNKNOWN;
    return port;
}

struct pr_port *pr_switch_find_ifindex(struct pr_switch *sw, uint32_t ifindex)
{
    for (size_t i = 0; i < sw->n_ports; i++) {
        if (sw->ports[i].ifindex == ifindex)
            return &sw->ports[i];
    }
    return NULL;
}

struct pr_port *pr_switch_find_name(struct pr_switch *sw, const char *name)
{
    for (size_t i = 0; i < sw->n_ports; i++) {
        if (strcmp(sw->ports[i].name, name) == 0)
            return &sw->ports[i];
    }
    return NULL;
}

void pr_switch_add_source(struct pr_switch *sw, const char *source)
{
    for (size_t i = 0; i < sw->n_sources; i++) {
        if (strcmp(sw->sources[i], source) == 0)
            return;
    }
    if (sw->n_sources < PR_MAX_SOURCES)
        sw->sources[sw->n_sources++] = source;
}

bool pr_finding_is_switch_wide(const struct pr_port *port, const struct pr_finding *finding)
{
    return finding->id == PR_F_STP_LEGACY_MODE && !port->facts.stp_mode.known;
}

int pr_switch_add_uplink(struct pr_switch *sw, const struct pr_port *port)
{
    struct pr_uplink *uplinks = realloc(sw->uplinks, (sw->n_uplinks + 1) * sizeof *uplinks);
    if (uplinks == NULL)
        return -1;
    sw->uplinks = uplinks;
    struct pr_uplink *u = &uplinks[sw->n_uplinks++];
    memset(u, 0, sizeof *u);
    pr_strlcpy(u->name, port->name, sizeof u->name);
    u->ifindex = port->ifindex;
    pr_strlcpy(u->reason, port->role.reason, sizeof u->reason);
    pr_strlcpy(u->evidence, port->role.evidence, sizeof u->evidence);
    return 0;
}

void pr_fix_block_free(struct pr_fix_block *block)
{
    if (block == NULL)
        return;
    free(block->text);
    free(block->switch_wide);
    block->text = NULL;
    block->switch_wide = NULL;
    block->paste = false;
}

int pr_switch_add_port_error(struct pr_switch *sw, const char *fmt, ...)
{
    char(*errors)[PR_ERROR_MSG_MAX] =
        realloc(sw->port_errors, (sw->n_port_errors + 1) * sizeof *errors);
    if (errors == NULL)
        return -1;
    sw->port_errors = errors;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(errors[sw->n_port_errors++], sizeof *errors, fmt, ap);
    va_end(ap);
    return 0;
}

struct pr_finding *pr_port_add_finding(struct pr_port *port, enum pr_finding_id id,
                                       enum pr_severity severity)
{
    struct pr_finding *findings =
        realloc(port->findings, (port->n_findings + 1) * sizeof *findings);
    if (findings == NULL)
        return NULL;
    port->findings = findings;
    struct pr_finding *finding = &findings[port->n_findings++];
    memset(finding, 0, sizeof *finding);
    finding->id = id;
    finding->severity = severity;
    return finding;
}

void pr_port_clear_findings(struct pr_port *port)
{
    free(port->findings);
    port->findings = NULL;
    port->n_findings = 0;
}

const char *pr_verdict_name(enum pr_verdict verdict)
{
    switch (verdict) {
    case PR_VERDICT_READY:
        return "ready";
    case PR_VERDICT_WARNING:
        return "warning";
    case PR_VERDICT_NOT_READY:
        return "not-ready";
    case PR_VERDICT_UNKNOWN:
        return "unknown";
    }
    return "invalid";
}

const char *pr_client_outcome_name(enum pr_client_outcome outcome)
{
    switch (outcome) {
    case PR_CLIENT_SURVIVES:
        return "survives";
    case PR_CLIENT_FAILS:
        return "fails";
    case PR_CLIENT_UNKNOWN:
        return "unknown";
    }
    return "invalid";
}
