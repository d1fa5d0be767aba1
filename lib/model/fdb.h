/* SPDX-License-Identifier: BSD-3-Clause */
/* What a switch's forwarding table says of the MACs someone looks for
 * (portready locate): on which bridge port, interface and VLAN each one was
 * seen, and with what status. Drivers fill it from the standard tables
 * (BRIDGE-MIB dot1dTpFdbTable, Q-BRIDGE-MIB dot1qTpFdbTable), per VLAN
 * where the switch keeps one table a VLAN; the core joins the switches.
 *
 * Ownership: a struct pr_fdb owns its entries; pr_fdb_free() releases them
 * and accepts a zeroed table. The MACs looked for (want) are the
 * caller's. */
#ifndef PR_FDB_H
#define PR_FDB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/facts.h"

/* dot1dTpFdbStatus / dot1qTpFdbStatus; PR_FDB_NO_STATUS when the agent
 * gives no status column (most do not): taken as learned. */
enum pr_fdb_status {
    PR_FDB_NO_STATUS = 0,
    PR_FDB_OTHER = 1,
    PR_FDB_INVALID = 2,
    PR_FDB_LEARNED = 3,
    PR_FDB_SELF = 4,
    PR_FDB_MGMT = 5,
};

/* At most this many rows of one switch's tables are looked at: a table
 * larger than any switch holds (a misbehaving agent) is cut there, and the
 * table says so (truncated). */
#define PR_FDB_MAX_ROWS 500000

struct pr_fdb_entry {
    uint64_t mac;         /* util/mac.h */
    uint32_t bridge_port; /* 0: not learned on a port */
    uint32_t ifindex;     /* dot1dBasePortIfIndex of bridge_port; 0 unknown */
    int64_t vlan;         /* 802.1Q VLAN; -1 unknown */
    uint32_t fdb_id;      /* Q-BRIDGE-MIB dot1qFdbId; 0 for BRIDGE-MIB rows */
    bool vlan_is_fdb_id;  /* vlan is the FDB id: no dot1qVlanFdbId maps it */
    bool q_bridge;        /* a Q-BRIDGE-MIB row (else BRIDGE-MIB) */
    enum pr_fdb_status status;
    size_t macs_on_port; /* rows of the table on the same bridge port */
    char evidence[PR_EVIDENCE_MAX];
};

struct pr_fdb {
    /* In: the MACs looked for. */
    const uint64_t *want;
    size_t n_want;
    /* Out. */
    struct pr_fdb_entry *entries; /* the rows of wanted MACs, in the order read */
    size_t n;
    size_t cap;
    bool has_table;  /* the agent answered some forwarding-table row */
    size_t rows;     /* rows read in all */
    bool truncated;  /* more than PR_FDB_MAX_ROWS rows */
    char tables[96]; /* which tables answered: "Q-BRIDGE-MIB dot1qTpFdbPort" */
};

/* Whether mac is one of fdb->want. */
bool pr_fdb_wanted(const struct pr_fdb *fdb, uint64_t mac);

/* Appends a zeroed entry (vlan -1) and returns it; NULL when out of
 * memory. */
struct pr_fdb_entry *pr_fdb_add(struct pr_fdb *fdb, uint64_t mac);

void pr_fdb_free(struct pr_fdb *fdb);

/* "learned", "self", ..., "no status". */
const char *pr_fdb_status_name(enum pr_fdb_status status);

#endif
