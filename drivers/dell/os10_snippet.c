/* SPDX-License-Identifier: BSD-3-Clause */
/* OS10 fixes, in running-configuration form (one-blank indentation), so
 * that pasting them in configuration mode or appending them to the saved
 * text gives the same configuration:
 *   interface port-channelN / spanning-tree port type edge  (a member's STP is its channel's)
 *   interface ethernet1/1/1 / spanning-tree port type edge
 *   interface port-channelN / lacp fallback enable
 *   no shutdown, spanning-tree bpduguard enable, switchport access vlan N
 * `!` lines are comments. */
#include <stdio.h>
#include <string.h>

#include "dell/os10.h"
#include "util/strutil.h"

/* The interface that holds the port's VLANs and spanning tree: its
 * port-channel when the configuration has it, else itself. */
static const char *governing(const struct os10_model *m, const struct pr_port *port)
{
    const struct os10_iface *pc = os10_channel_of(m, os10_find(m, port->name));
    return pc != NULL ? pc->name : port->name;
}

static void admin_fix(const struct os10_model *m, const struct pr_port *port, char *buf, size_t len)
{
    const struct os10_iface *ifc = os10_find(m, port->name);
    const struct os10_iface *pc = os10_channel_of(m, ifc);
    if (pc != NULL && pc->shutdown.line != NULL && pc->shutdown.value)
        pr_strlcatf(buf, len, "interface %s\n no shutdown\n", pc->name);
    if (ifc == NULL || ifc->shutdown.line == NULL || ifc->shutdown.value)
        pr_strlcatf(buf, len, "interface %s\n no shutdown\n", port->name);
}

static void fallback_fix(const struct os10_model *m, const struct pr_port *port, char *buf,
                         size_t len)
{
    const struct os10_iface *pc = os10_channel_of(m, os10_find(m, port->name));
    if (pc == NULL) {
        pr_strlcatf(buf, len, "! on the port-channel of %s: lacp fallback enable", port->name);
        return;
    }
    pr_strlcatf(buf, len, "interface %s\n lacp fallback enable\n", pc->name);
}

void os10_snippet(const struct os10_model *m, const struct pr_port *port,
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
    const char *gov = governing(m, port);
    switch (finding->id) {
    case PR_F_ADMIN_DOWN:
        admin_fix(m, port, buf, buf_len);
        break;
    case PR_F_STP_NOT_EDGE:
    case PR_F_STP_EDGE_AUTO:
    case PR_F_PORTFAST_TRUNK_MISSING:
        pr_strlcatf(buf, buf_len, "interface %s\n spanning-tree port type edge\n", gov);
        break;
    case PR_F_LACP_NO_FALLBACK:
    case PR_F_LACP_FALLBACK_UNKNOWN:
        fallback_fix(m, port, buf, buf_len);
        break;
    case PR_F_BPDU_GUARD_OFF:
        pr_strlcatf(buf, buf_len, "interface %s\n spanning-tree bpduguard enable\n", gov);
        break;
    case PR_F_VLAN_MISMATCH:
        if (port->expect_vlan >= 1 && port->expect_vlan <= 4093)
            pr_strlcatf(buf, buf_len, "interface %s\n switchport access vlan %lld\n", gov,
                        (long long)port->expect_vlan);
        break;
    case PR_F_ERR_DISABLED:
        pr_strlcatf(buf, buf_len,
                    "! after removing the cause:\ninterface %s\n shutdown\n no shutdown\n",
                    port->name);
        break;
    default:
        break; /* OS10 runs no legacy STP; link down and blocking now: nothing to configure */
    }
    size_t n = strlen(buf);
    if (n > 0 && buf[n - 1] == '\n')
        buf[n - 1] = '\0';
}
