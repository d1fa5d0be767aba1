/* SPDX-License-Identifier: BSD-3-Clause */
/* RouterOS fixes, as commands to paste in a terminal (the export is itself
 * such a script, so appending them to it gives the configuration the
 * router ends up with):
 *   /interface bridge port set [ find interface=ether2 ] edge=yes
 *   /interface bridge set [ find name=bridge ] protocol-mode=rstp
 *   /interface bridge port set [ find interface=ether2 ] bpdu-guard=yes
 *   /interface bridge port set [ find interface=ether2 ] pvid=N
 *   /interface ethernet set [ find name=ether2 ] disabled=no
 * A bond's slave is fixed on its bond's bridge port. RouterOS bonding has
 * no LACP fallback: that finding gets advice. `#` lines are comments. */
#include <stdio.h>
#include <string.h>

#include "mikrotik/routeros.h"
#include "util/strutil.h"

/* The bridge port entry that carries the port: its own, or its bond's. */
static const char *bport_name(const struct routeros_model *m, const struct pr_port *port)
{
    if (m == NULL)
        return port->name;
    const struct ro_bond *bond = routeros_bond_of(m, port->name);
    if (bond != NULL && routeros_bport(m, bond->name) != NULL)
        return bond->name;
    return port->name;
}

static void legacy_fix(const struct routeros_model *m, const struct pr_port *port, char *buf,
                       size_t len)
{
    const struct ro_bport *bp = m ? routeros_bport(m, bport_name(m, port)) : NULL;
    if (bp == NULL) {
        pr_strlcatf(buf, len, "# set the bridge of %s to protocol-mode=rstp", port->name);
        return;
    }
    pr_strlcatf(buf, len, "/interface bridge set [ find name=%s ] protocol-mode=rstp", bp->bridge);
}

static void admin_fix(const struct routeros_model *m, const struct pr_port *port, char *buf,
                      size_t len)
{
    const struct ro_bport *bp = m ? routeros_bport(m, bport_name(m, port)) : NULL;
    const struct ro_ether *e = m ? routeros_ether(m, port->name) : NULL;
    if (bp != NULL && bp->disabled.lineno != 0 && strcmp(bp->disabled.text, "yes") == 0)
        pr_strlcatf(buf, len, "/interface bridge port set [ find interface=%s ] disabled=no\n",
                    bp->interface);
    if (m == NULL || (e != NULL && strcmp(e->disabled.text, "yes") == 0))
        pr_strlcatf(buf, len, "/interface ethernet set [ find name=%s ] disabled=no\n", port->name);
    size_t n = strlen(buf);
    if (n > 0)
        buf[n - 1] = '\0';
}

void routeros_snippet(const struct routeros_model *m, const struct pr_port *port,
                      const struct pr_finding *finding, char *buf, size_t buf_len)
{
    if (buf_len == 0)
        return;
    buf[0] = '\0';
    /* A member's spanning tree is its aggregate's, so is its fix: the
     * configuration's aggregate when there is one, else the agent's. */
    struct pr_port view;
    if (m == NULL)
        port = pr_port_stp_target(port, finding, &view);
    const char *bp = bport_name(m, port);
    switch (finding->id) {
    case PR_F_ADMIN_DOWN:
        admin_fix(m, port, buf, buf_len);
        break;
    case PR_F_STP_NOT_EDGE:
    case PR_F_STP_EDGE_AUTO:
    case PR_F_PORTFAST_TRUNK_MISSING:
        pr_strlcatf(buf, buf_len, "/interface bridge port set [ find interface=%s ] edge=yes", bp);
        break;
    case PR_F_STP_LEGACY_MODE:
        legacy_fix(m, port, buf, buf_len);
        break;
    case PR_F_LACP_NO_FALLBACK:
    case PR_F_LACP_FALLBACK_UNKNOWN:
        pr_strlcatf(buf, buf_len,
                    "# RouterOS bonding has no LACP fallback: for PXE, take %s out of bonding "
                    "%s's slaves and make it a bridge port of its own while the server "
                    "installs, or boot the server with a static (non-LACP) bond",
                    port->name, port->lag_name[0] ? port->lag_name : "its bonding");
        break;
    case PR_F_AUTONEG_ON:
        pr_strlcatf(buf, buf_len,
                    "# %s: only if the link is slow to come up, fix its speed "
                    "(/interface ethernet set [ find name=%s ] auto-negotiation=no "
                    "speed=1G-baseT-full)",
                    port->name, port->name);
        break;
    case PR_F_BPDU_GUARD_OFF:
        pr_strlcatf(buf, buf_len, "/interface bridge port set [ find interface=%s ] bpdu-guard=yes",
                    bp);
        break;
    case PR_F_VLAN_MISMATCH:
        if (port->expect_vlan >= 1 && port->expect_vlan <= 4094)
            pr_strlcatf(buf, buf_len, "/interface bridge port set [ find interface=%s ] pvid=%lld",
                        bp, (long long)port->expect_vlan);
        break;
    case PR_F_ERR_DISABLED:
        pr_strlcatf(buf, buf_len,
                    "# after removing the cause:\n/interface ethernet disable [ find name=%s ]\n"
                    "/interface ethernet enable [ find name=%s ]",
                    port->name, port->name);
        break;
    default:
        break;
    }
}
