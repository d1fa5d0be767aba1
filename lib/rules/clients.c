/* SPDX-License-Identifier: BSD-3-Clause */
#include "rules/clients.h"

#include <stdio.h>
#include <string.h>

#include "util/strutil.h"

/* Every number here is cited in docs/clients.md. */
static const struct rules_client clients[] = {
    {
        /* PXE 2.1: four DISCOVERs, waiting 4, 8, 16 and 32 s. */
        .name = "pxe-rom",
        .stage = "the NIC's PXE firmware",
        .budget_s = 60,
        .last_try_s = 28,
        .workaround = NULL,
    },
    {
        /* EDK2's PXE base code: the same four timeouts, counted on a 1 s
         * tick whose first comes within a second: the fourth DISCOVER
         * leaves 27 to 28 s after the first (measured: 26.1-27.8 s). */
        .name = "uefi-pxe",
        .stage = "the UEFI network stack",
        .budget_s = 60,
        .last_try_s = 27,
        .workaround = NULL,
    },
    {
        /* iPXE's dhcp: DISCOVERs at 0, 1, 3 and 7 s, failure at 15 s; up
         * to 180 one-second deferrals while RSTP BPDUs say discarding. */
        .name = "ipxe",
        .stage = "iPXE after the chainload",
        .budget_s = 15,
        .last_try_s = 7,
        .rapid_wait_s = 180,
        .workaround = "an embedded iPXE script that retries dhcp in a loop",
        .answers_lacp = true,
    },
    {
        /* netcfg/dhcp_timeout 25 s; udhcpc -T 1 -t 24: DISCOVERs every second. */
        .name = "debian-installer",
        .stage = "the Debian installer's netcfg",
        .budget_s = 25,
        .last_try_s = 23,
        .workaround = "the boot parameter netcfg/dhcp_timeout=60",
    },
    {
        .name = "ubuntu-installer",
        .stage = "Ubuntu's live-server installer",
        .budget_s = -1,
        .last_try_s = -1,
        .workaround = NULL,
    },
    {
        /* NetworkManager in the initramfs: ipv4.dhcp-timeout 0, the device
         * default of 45 s; its retransmissions are not sourced. */
        .name = "anaconda",
        .stage = "Anaconda's initramfs (dracut, NetworkManager)",
        .budget_s = 45,
        .last_try_s = -1,
        .workaround = "the boot parameter rd.net.timeout.dhcp=60",
    },
};

#define N_CLIENTS (sizeof clients / sizeof clients[0])
_Static_assert(N_CLIENTS <= PR_CLIENTS_MAX, "PR_CLIENTS_MAX too small");

size_t rules_client_count(void)
{
    return N_CLIENTS;
}

const struct rules_client *rules_client_at(size_t i)
{
    return i < N_CLIENTS ? &clients[i] : NULL;
}

int rules_client_index(const char *name)
{
    for (size_t i = 0; i < N_CLIENTS; i++) {
        if (strcmp(clients[i].name, name) == 0)
            return (int)i;
    }
    return -1;
}

int rules_clients_add(const char *name, uint32_t *mask, struct pr_error *err)
{
    int i = rules_client_index(name);
    if (i >= 0) {
        *mask |= 1u << i;
        return 0;
    }
    char known[160] = "";
    for (size_t k = 0; k < N_CLIENTS; k++)
        pr_strlcatf(known, sizeof known, "%s%s", k ? ", " : "", clients[k].name);
    return pr_error_set(err, PR_ERR_USAGE, "unknown client '%s' (known: %s)", name, known);
}

int64_t rules_client_budget(const struct rules_client *c, enum rules_rapid rapid)
{
    if (c->budget_s < 0)
        return -1;
    if (c->rapid_wait_s > 0 && rapid == RULES_RAPID_YES)
        return c->budget_s + c->rapid_wait_s;
    return c->budget_s;
}

enum pr_client_outcome rules_client_outcome(const struct rules_client *c, bool blackout_known,
                                            int64_t blackout_s, bool never_forwards,
                                            enum rules_rapid rapid)
{
    if (never_forwards)
        return PR_CLIENT_FAILS;
    if (!blackout_known || c->budget_s < 0)
        return PR_CLIENT_UNKNOWN;
    if (c->last_try_s < 0) {
        /* Only the budget is sourced: the first DISCOVER passes a port
         * that forwards at once, none passes one that blocks as long as
         * the budget; in between depends on the unsourced schedule. */
        if (blackout_s == 0)
            return PR_CLIENT_SURVIVES;
        return blackout_s >= c->budget_s ? PR_CLIENT_FAILS : PR_CLIENT_UNKNOWN;
    }
    if (blackout_s <= c->last_try_s)
        return PR_CLIENT_SURVIVES;
    if (c->rapid_wait_s > 0) {
        /* The client keeps deferring while BPDUs say the port discards,
         * then starts its schedule again once it forwards. */
        if (rapid == RULES_RAPID_UNKNOWN)
            return PR_CLIENT_UNKNOWN;
        if (rapid == RULES_RAPID_YES && blackout_s <= c->rapid_wait_s)
            return PR_CLIENT_SURVIVES;
    }
    return PR_CLIENT_FAILS;
}

/* A finding that keeps the port from ever forwarding; an LACP member
 * without fallback only when lacp is true. */
static bool never_forwards(const struct pr_port *port, bool lacp)
{
    for (size_t i = 0; i < port->n_findings; i++) {
        switch (port->findings[i].id) {
        case PR_F_LINK_DOWN:
        case PR_F_ADMIN_DOWN:
        case PR_F_ERR_DISABLED:
        case PR_F_VLAN_MISMATCH:
            return true;
        case PR_F_LACP_NO_FALLBACK:
            if (lacp)
                return true;
            break;
        default:
            break;
        }
    }
    return false;
}

bool rules_port_never_forwards(const struct pr_port *port)
{
    return never_forwards(port, true);
}

static enum rules_rapid rapid_of(const struct pr_switch *sw, const struct pr_port *port)
{
    const struct pr_fact *mode = port->facts.stp_mode.known ? &port->facts.stp_mode : &sw->stp.mode;
    if (!mode->known)
        return RULES_RAPID_UNKNOWN;
    switch (mode->value) {
    case PR_MODE_RSTP:
    case PR_MODE_MSTP:
    case PR_MODE_RAPID_PVST:
    case PR_MODE_VSTP:
        return RULES_RAPID_YES;
    default:
        return RULES_RAPID_NO;
    }
}

void rules_judge_clients(const struct pr_switch *sw, struct pr_port *port)
{
    bool never = rules_port_never_forwards(port);
    /* Only LACP keeps it from forwarding: a client that answers LACPDUs
     * brings the member up and meets the port's blackout as any other. */
    bool never_but_lacp = never && !never_forwards(port, false);
    enum rules_rapid rapid = rapid_of(sw, port);
    port->n_clients = N_CLIENTS;
    for (size_t i = 0; i < N_CLIENTS; i++) {
        struct pr_client_result *r = &port->clients[i];
        r->name = clients[i].name;
        r->budget_s = rules_client_budget(&clients[i], rapid);
        r->outcome = rules_client_outcome(
            &clients[i], port->expected_blackout_s.known, port->expected_blackout_s.value,
            never && !(never_but_lacp && clients[i].answers_lacp), rapid);
    }
}
