/* SPDX-License-Identifier: BSD-3-Clause */
/* A port's role (DESIGN.md §1): whether it faces a server, another switch
 * or router (an uplink), or cannot be told. Drivers record what the
 * switch's own state says about each port as signals (an LLDP or CDP
 * neighbour and its capabilities, the spanning-tree root port, BPDUs from
 * another bridge), each with its evidence; the core decides the role from
 * them (core/roles.h). Descriptions are never a signal.
 *
 * Ownership: everything here is fixed-size and lives in its struct
 * pr_port; copying a port copies its role. */
#ifndef PR_ROLE_H
#define PR_ROLE_H

#include <stdbool.h>
#include <stddef.h>

#include "model/facts.h"

enum pr_role {
    PR_ROLE_UNKNOWN = 0,
    PR_ROLE_SERVER, /* a neighbour that is a station (or host) only */
    PR_ROLE_UPLINK, /* a bridge or router neighbour, the root port, BPDUs from another bridge */
};

#define PR_ROLE_REASON_MAX   96
#define PR_ROLE_SIGNALS_MAX  4
#define PR_ROLE_EVIDENCE_MAX 512

/* One thing the switch's state says about the port. A signal that says
 * PR_ROLE_UNKNOWN is a note: a neighbour that is neither a bridge or
 * router nor a station (an access point, a phone, one advertising
 * nothing), said when the role stays unknown. */
struct pr_role_signal {
    enum pr_role says;               /* PR_ROLE_UPLINK, PR_ROLE_SERVER or PR_ROLE_UNKNOWN */
    bool neighbour;                  /* a discovery protocol's neighbour (else the spanning tree) */
    char reason[PR_ROLE_REASON_MAX]; /* short, for one line: "LLDP neighbour spine1, bridge" */
    char evidence[PR_EVIDENCE_MAX];  /* the objects and values */
};

struct pr_port_role {
    /* Decided by the core from the signals (and the port's LAG). */
    enum pr_role role;
    char reason[PR_ROLE_REASON_MAX];     /* the short reasons of the role; "" when unknown */
    char evidence[PR_ROLE_EVIDENCE_MAX]; /* their evidence, or why the role is unknown */
    /* What the drivers read, in the order read. */
    struct pr_role_signal signals[PR_ROLE_SIGNALS_MAX];
    size_t n_signals;
};

/* Adds a signal to role. When the signals are full a signal takes the
 * place of a weaker one (uplink over server over note: an uplink is the one
 * that must never be missed); otherwise it is dropped. */
void pr_role_add_signal(struct pr_port_role *role, enum pr_role says, const char *reason,
                        const char *evidence_fmt, ...) __attribute__((format(printf, 4, 5)));

/* The same for what a discovery protocol (LLDP, CDP) says of the
 * neighbour: such reasons come first in the role's. */
void pr_role_add_neighbour(struct pr_port_role *role, enum pr_role says, const char *reason,
                           const char *evidence_fmt, ...) __attribute__((format(printf, 4, 5)));

/* "server", "uplink", "unknown". */
const char *pr_role_name(enum pr_role role);

#endif
