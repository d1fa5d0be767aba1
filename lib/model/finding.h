/* SPDX-License-Identifier: BSD-3-Clause */
/* Findings: what is wrong (or worth knowing) about a port, with a stable id
 * from the catalogue, a severity, a message, the evidence, and the fix. */
#ifndef PR_FINDING_H
#define PR_FINDING_H

#include <stddef.h>

enum pr_severity {
    PR_SEV_INFO = 0,
    PR_SEV_WARNING,
    PR_SEV_CRITICAL,
};

/* The catalogue of DESIGN.md §1; ids are stable, never renumber. */
enum pr_finding_id {
    PR_F_LINK_DOWN = 0,
    PR_F_ADMIN_DOWN,
    PR_F_ERR_DISABLED,
    PR_F_STP_NOT_EDGE,
    PR_F_STP_LEGACY_MODE,
    PR_F_STP_EDGE_AUTO,
    PR_F_STP_NOT_FORWARDING,
    PR_F_PORTFAST_TRUNK_MISSING,
    PR_F_LACP_NO_FALLBACK,
    PR_F_LACP_FALLBACK_UNKNOWN,
    PR_F_AUTONEG_ON,
    PR_F_SPEED_DEGRADED,
    PR_F_BPDU_GUARD_OFF,
    PR_F_VLAN_MISMATCH,
    PR_F_BLACKOUT_THRESHOLD, /* the predicted blackout breaks --warning/--critical */
    PR_F_PORT_IS_UPLINK,
    PR_F_CLIENT_FAILS, /* a boot stage's DHCP client named by --client gives up first */
    PR_F_COUNT
};

#define PR_MESSAGE_MAX          256
#define PR_FINDING_EVIDENCE_MAX 512
#define PR_FIX_MAX              768

struct pr_finding {
    enum pr_finding_id id;
    enum pr_severity severity;
    char message[PR_MESSAGE_MAX];
    char evidence[PR_FINDING_EVIDENCE_MAX];
    char fix[PR_FIX_MAX]; /* configuration or advice; empty when none */
};

const char *pr_finding_id_name(enum pr_finding_id id); /* "stp-not-edge" */
int pr_finding_id_parse(const char *name);             /* -1 when unknown */
const char *pr_severity_name(enum pr_severity sev);    /* "critical" */

#endif
