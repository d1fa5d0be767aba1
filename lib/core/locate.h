/* SPDX-License-Identifier: BSD-3-Clause */
/* portready locate: the switch port of a MAC address (DESIGN.md, locate).
 * First every switch's forwarding table alone (driver read_fdb), so a rack
 * is asked for a few columns until it is known which switches hold the
 * MAC; then those switches in full, for the roles of their ports and the
 * verdict. Of the ports a MAC is learned on, the one that is not an uplink
 * is its port; the others (the uplinks on its way) are listed as seen_on.
 *
 * Ownership: a struct locate_result owns its answers and the switches it
 * read in full; answers point into those switches. locate_result_free()
 * releases all and accepts a zeroed result. */
#ifndef PR_LOCATE_H
#define PR_LOCATE_H

#include <stddef.h>
#include <stdint.h>

#include "core/survey.h"
#include "model/fdb.h"

#define LOCATE_SEEN_MAX 16

struct locate_seen {
    char sw[PR_NAME_MAX];
    char port[PR_NAME_MAX];
    enum pr_role role;
};

struct locate_answer {
    uint64_t mac;
    /* The port, judged as check judges it, and its switch; NULL when the
     * MAC was not located (message says why). */
    const struct pr_switch *sw;
    const struct pr_port *port;
    int64_t vlan;                        /* -1 unknown */
    char evidence[PR_ROLE_EVIDENCE_MAX]; /* the forwarding-table rows, or the inventory's mac */
    struct locate_seen seen[LOCATE_SEEN_MAX];
    size_t n_seen;
    char message[PR_ERROR_MSG_MAX]; /* "" when located */
};

struct locate_result {
    struct locate_answer *answers; /* one per MAC asked, in order */
    size_t n;
    struct pr_switch *switches; /* the switches read in full */
    size_t n_switches;
    size_t n_asked;             /* switches whose forwarding table was asked */
    size_t n_no_table;          /* of them, without one */
    size_t n_failed;            /* of them, unreadable */
    unsigned long fdb_requests; /* request PDUs of the forwarding-table reads */
};

/* A port a MAC was learned on, for the choice. */
struct locate_candidate {
    enum pr_role role;
    enum pr_fdb_status status;
    size_t macs_on_port; /* 0: unknown */
};

/* Which candidate is the MAC's own port: not an uplink, learned (or
 * without status), a server port before one of unknown role, then the
 * port with the fewest MACs learned (an edge port holds a few, a transit
 * port many), then the first. -1 when none qualifies. Pure. */
long locate_choose(const struct locate_candidate *candidates, size_t n);

/* A MAC the inventory already places (a port's mac: key): the spec index
 * and the port's name. */
struct locate_known {
    uint64_t mac;
    size_t spec;
    const char *port;
};

/* Locates each of macs[0..n_macs) on the switches of specs (every one
 * with an SNMP source: a configuration holds no forwarding table), with
 * at most jobs forwarding-table reads at once. known (n_known) places MACs
 * without a lookup. Returns 0 (every outcome, found or not, is in out), or
 * -1 when out of memory. */
int locate_run(const struct survey_spec *specs, size_t n_specs, const uint64_t *macs, size_t n_macs,
               const struct locate_known *known, size_t n_known, unsigned jobs,
               struct locate_result *out, struct pr_error *err);

void locate_result_free(struct locate_result *result);

#endif
