/* SPDX-License-Identifier: BSD-3-Clause */
/* The boot stages of a PXE install and their DHCP clients' budgets
 * (docs/clients.md cites every number), and what each client makes of a
 * port's blackout. Pure functions of the model; no I/O.
 *
 * Each stage brings the link up again (the firmware, iPXE re-initialising
 * the NIC, the installer's kernel loading its driver) and a non-edge port
 * blocks again after every link-up, so every client is compared with the
 * whole blackout, not with what is left of an earlier stage's. */
#ifndef PR_RULES_CLIENTS_H
#define PR_RULES_CLIENTS_H

#include <stdbool.h>
#include <stdint.h>

#include "model/switch.h"
#include "util/error.h"

struct rules_client {
    const char *name;  /* "debian-installer" */
    const char *stage; /* "the installer's netcfg" */
    /* Seconds from link-up until the client gives up; -1: not sourced. */
    int64_t budget_s;
    /* Seconds from link-up of its last DISCOVER that still gets an answer
     * within the budget; -1: its retransmission schedule is not sourced. */
    int64_t last_try_s;
    /* Seconds more the client waits while rapid spanning tree's BPDUs say
     * the port is not forwarding (iPXE's deferral); 0: none. */
    int64_t rapid_wait_s;
    const char *workaround; /* the client-side workaround, or NULL when none */
    /* The client answers the switch's LACPDUs (iPXE's eth_slow.c), which
     * brings up an LACP member without fallback for it. */
    bool answers_lacp;
};

/* The table, in report order; n is at most PR_CLIENTS_MAX. */
size_t rules_client_count(void);
const struct rules_client *rules_client_at(size_t i);

/* The index of a client by name, or -1. */
int rules_client_index(const char *name);

/* Adds the client NAME to *mask (bit = its index). -1 with PR_ERR_USAGE
 * naming the known clients when NAME is none of them. */
int rules_clients_add(const char *name, uint32_t *mask, struct pr_error *err);

/* Whether spanning tree on the port is rapid: 1 (RSTP, MSTP, Rapid-PVST+,
 * VSTP), 0 (802.1D, PVST+), -1 unknown. */
enum rules_rapid { RULES_RAPID_UNKNOWN = -1, RULES_RAPID_NO = 0, RULES_RAPID_YES = 1 };

/* What client c makes of a port that blocks blackout_s after link-up
 * (known false: unknown), or never forwards. */
enum pr_client_outcome rules_client_outcome(const struct rules_client *c, bool blackout_known,
                                            int64_t blackout_s, bool never_forwards,
                                            enum rules_rapid rapid);

/* The seconds c waits on such a port before giving up; -1 when unknown. */
int64_t rules_client_budget(const struct rules_client *c, enum rules_rapid rapid);

/* Fills port->clients from its blackout and findings (rules_judge_port
 * calls it after the findings are made). */
void rules_judge_clients(const struct pr_switch *sw, struct pr_port *port);

/* Whether the port never forwards whatever the wait: down, shut,
 * err-disabled, an LACP member without fallback, the wrong VLAN. */
bool rules_port_never_forwards(const struct pr_port *port);

#endif
