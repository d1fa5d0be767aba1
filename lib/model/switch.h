/* SPDX-License-Identifier: BSD-3-Clause */
/* The switch and port model that drivers fill, rules judge and writers
 * print.
 *
 * Ownership: a struct pr_switch owns its ports array, each port its
 * findings array, and the switch its port_errors array, its uplinks array
 * and its fix block's strings; pr_switch_free() releases them all and
 * accepts NULL or a zeroed switch. */
#ifndef PR_SWITCH_H
#define PR_SWITCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/error.h"
#include "model/facts.h"
#include "model/finding.h"
#include "model/role.h"

enum pr_verdict {
    PR_VERDICT_READY = 0,
    PR_VERDICT_WARNING,
    PR_VERDICT_NOT_READY,
    PR_VERDICT_UNKNOWN,
};

#define PR_NAME_MAX 96

/* What one boot stage's DHCP client makes of a port (rules/clients.h). */
enum pr_client_outcome {
    PR_CLIENT_UNKNOWN = 0,
    PR_CLIENT_SURVIVES,
    PR_CLIENT_FAILS,
};

#define PR_CLIENTS_MAX 8

struct pr_client_result {
    const char *name; /* static: "ipxe"; NULL in an unused slot */
    int64_t budget_s; /* seconds from link-up until the client gives up; -1: not sourced */
    enum pr_client_outcome outcome;
};

struct pr_port {
    char name[PR_NAME_MAX];  /* ifName, or the configuration's interface name */
    char descr[PR_NAME_MAX]; /* ifDescr, when different */
    char alias[PR_NAME_MAX]; /* ifAlias / description */
    uint32_t ifindex;        /* 0 when unknown (configuration sources) */
    uint32_t bridge_port;    /* 0 when not a bridge port or unknown */
    int64_t if_type;         /* IANAifType, 0 when unknown */
    bool no_connector;       /* ifConnectorPresent false: a virtual interface */
    uint32_t lag_ifindex;    /* the aggregate (LAG) it is a member of; 0 when none or unknown */
    /* That aggregate as the configuration names it ("ae0", "Port-channel5");
     * "" when none or unknown. */
    char lag_name[PR_NAME_MAX];

    /* Whom the port faces: signals from the drivers, the role from the core. */
    struct pr_port_role role;

    /* From the inventory or the command line. */
    char server[PR_NAME_MAX]; /* the server behind the port; empty when unknown */
    int64_t expect_vlan;      /* the provisioning VLAN; -1 when not checked */
    uint32_t clients_named;   /* bit i: client i of rules/clients.h decides the verdict */

    struct pr_port_facts facts;

    /* Filled by the rules. */
    enum pr_verdict verdict;
    struct pr_fact expected_blackout_s;              /* seconds of blocking after link-up */
    struct pr_client_result clients[PR_CLIENTS_MAX]; /* one per client of rules/clients.h */
    size_t n_clients;
    struct pr_finding *findings;
    size_t n_findings;
};

#define PR_MAX_SOURCES 4

/* A port left out of the judgement because its role is uplink (no port was
 * named and not every port was asked for). */
struct pr_uplink {
    char name[PR_NAME_MAX];
    uint32_t ifindex; /* 0 when unknown */
    char reason[PR_ROLE_REASON_MAX];
    char evidence[PR_ROLE_EVIDENCE_MAX];
};

/* The one block of configuration that closes the findings of a switch's
 * judged ports (uplinks never in it), in the driver's syntax, ready to
 * paste. Both strings are the switch's; NULL when there is nothing. */
struct pr_fix_block {
    char *text;        /* the whole block, switch-wide changes first, marked */
    char *switch_wide; /* the switch-wide part alone: disruptive, the whole switch reconverges */
    bool paste;        /* text is configuration to paste; false: advice (no vendor syntax) */
};

struct pr_switch {
    char name[PR_NAME_MAX];
    char host[256];                      /* host[:port], or the file read */
    const char *driver_name;             /* static string of the driver used */
    const char *sources[PR_MAX_SOURCES]; /* static strings: "snmp", "walk", "netconf", "config" */
    size_t n_sources;
    struct pr_error error; /* code PR_OK unless the switch could not be read */

    char sys_descr[256];
    char sys_object_id[128]; /* dotted, no leading dot; empty when unknown */

    struct pr_switch_stp stp;

    unsigned long pr_snmp_requests; /* request PDUs sent to the agent */
    unsigned long pr_snmp_varbinds; /* varbinds in the agent's answers */
    /* What the SNMP source read around (malformed recording lines, an
     * agent's unusable varbinds), for a warning; "" when nothing. */
    char source_warning[PR_ERROR_MSG_MAX];

    struct pr_port *ports;
    size_t n_ports;
    size_t cap_ports;

    /* Ports left out as uplinks, in port order (owned). */
    struct pr_uplink *uplinks;
    size_t n_uplinks;

    /* Filled after the fixes are written (core/survey.h). */
    struct pr_fix_block fix;

    /* What port selection could not give, on a switch that was read: one
     * message per PORT that matches nothing ("no port 'X' on sw1; closest:
     * ..."), or that the source has no switch port at all. */
    char (*port_errors)[PR_ERROR_MSG_MAX];
    size_t n_port_errors;
    /* Ports asked for and not judged: names that matched nothing, and
     * every port listed for a switch that could not be read. */
    unsigned unchecked;

    /* A driver's own parsed state (e.g. a configuration tree its snippets
     * need), freed by pr_switch_free() through driver_priv_free. */
    void *driver_priv;
    void (*driver_priv_free)(void *priv);
};

void pr_switch_init(struct pr_switch *sw, const char *name, const char *host);
void pr_switch_free(struct pr_switch *sw);

/* Makes every string of sw fit for a terminal and a JSON string: control
 * characters and invalid UTF-8 become '?', newlines of fixes stay
 * (model/switch_safe.c, util/safe_text.h). */
void pr_switch_make_safe(struct pr_switch *sw);

/* Appends a zeroed port (facts unknown, expect_vlan -1) and returns it;
 * NULL on allocation failure. The pointer is valid until the next add. */
struct pr_port *pr_switch_add_port(struct pr_switch *sw, const char *name, struct pr_error *err);

struct pr_port *pr_switch_find_ifindex(struct pr_switch *sw, uint32_t ifindex);
struct pr_port *pr_switch_find_name(struct pr_switch *sw, const char *name);

void pr_switch_add_source(struct pr_switch *sw, const char *source);

/* A LAG member (lag_ifindex set) takes its aggregate's spanning-tree facts
 * (state, edge and how it acts, enabled, the instance's mode, BPDU guard)
 * and, when it has none of its own, its VLAN, where the aggregate is a
 * bridge port with a state or an edge: the switch runs spanning tree on the
 * aggregate, not on its members. A fact the aggregate lacks leaves the
 * member's own. Evidence "from its aggregate NAME: ..."
 * (pr_fact_from_aggregate); idempotent (model/lag_inherit.c). The core runs
 * it on every agent's read, after the driver's vendor objects. */
void pr_switch_lag_inherit_stp(struct pr_switch *sw);

/* Says in fact's evidence that a member's fact is its aggregate's: "from
 * its aggregate NAME: ..."; nothing when unknown or already said. A
 * configuration reader whose member takes its spanning tree from the
 * aggregate's interface marks the port's spanning-tree facts (state, edge
 * and how it acts, enabled, mode, BPDU guard) with
 * pr_port_facts_from_aggregate. */
void pr_fact_from_aggregate(struct pr_fact *fact, const char *agg_name);
void pr_port_facts_from_aggregate(struct pr_port_facts *facts, const char *agg_name);

/* Whether a finding of port comes from the switch, not the port: legacy
 * spanning tree when the port has no mode of its own (no per-VLAN or
 * per-port mode). Its fix changes the whole switch. */
bool pr_finding_is_switch_wide(const struct pr_port *port, const struct pr_finding *finding);

/* Appends an uplink left out; -1 when out of memory. */
int pr_switch_add_uplink(struct pr_switch *sw, const struct pr_port *port);

/* Frees the block's strings and zeroes it; accepts a zeroed block. */
void pr_fix_block_free(struct pr_fix_block *block);

/* Appends a port error (printf-style); -1 only when out of memory. */
int pr_switch_add_port_error(struct pr_switch *sw, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Appends a finding to the port; returns it (NULL on allocation failure). */
struct pr_finding *pr_port_add_finding(struct pr_port *port, enum pr_finding_id id,
                                       enum pr_severity severity);
void pr_port_clear_findings(struct pr_port *port);

/* Resets every fact of a port to unknown. */
void pr_port_facts_init(struct pr_port_facts *facts);

const char *pr_verdict_name(enum pr_verdict verdict);               /* "ready", "not-ready", ... */
const char *pr_client_outcome_name(enum pr_client_outcome outcome); /* "survives", ... */

/* Whether a port counts as a physical Ethernet port, the ones "every port"
 * means: an Ethernet ifType (or, with the type unknown, a front-port name),
 * never an out-of-band management port. */
bool pr_port_is_physical(const struct pr_port *port);

#endif
