/* SPDX-License-Identifier: BSD-3-Clause */
/* FastIron fixes, as commands for configuration mode (the saved
 * configuration is itself such a list, so appending them to it gives the
 * configuration the switch ends up with):
 *   interface ethernet P / spanning-tree 802-1w admin-edge-port
 *     (under 802.1D the VLAN first moves to 802.1w: vlan N / spanning-tree
 *     802-1w; with a single tree, spanning-tree single 802-1w)
 *   lag NAME dynamic id N / force-up ethernet P   (PXE boot support)
 *   interface ethernet P / enable
 *   interface ethernet P / stp-bpdu-guard
 *   vlan N / untagged ethernet P
 * `!` lines are comments. */
#include <stdio.h>
#include <string.h>

#include "ruckus/fastiron.h"
#include "util/strutil.h"

/* The port's VLAN and whether it runs 802.1D there. */
static bool runs_8021d(const struct fastiron_model *m, const struct pr_port *port, int *vlan)
{
    const struct fi_port *p = m ? fastiron_find(m, port->name) : NULL;
    *vlan = p ? fastiron_pvid(m, p) : 0;
    if (m == NULL) {
        const struct pr_fact *mode = port->facts.stp_mode.known ? &port->facts.stp_mode : NULL;
        return mode != NULL && mode->value == PR_MODE_STP;
    }
    char why[PR_EVIDENCE_MAX];
    return fastiron_vlan_stp(m, *vlan, why, sizeof why) == FI_STP_8021D;
}

/* Moves the port's tree to 802.1w: the single tree, or the port's VLAN. */
static void rapid_fix(const struct fastiron_model *m, int vlan, char *buf, size_t len)
{
    if (m == NULL || m->single.line != NULL || vlan <= 0)
        pr_strlcatf(buf, len, "spanning-tree single 802-1w\n");
    else
        pr_strlcatf(buf, len, "vlan %d\n spanning-tree 802-1w\n", vlan);
}

static void edge_fix(const struct fastiron_model *m, const struct pr_port *port, char *buf,
                     size_t len)
{
    int vlan;
    if (runs_8021d(m, port, &vlan))
        rapid_fix(m, vlan, buf, len);
    pr_strlcatf(buf, len, "interface ethernet %s\n spanning-tree 802-1w admin-edge-port",
                port->name);
}

static void fallback_fix(const struct fastiron_model *m, const struct pr_port *port, char *buf,
                         size_t len)
{
    const struct fi_port *p = m ? fastiron_find(m, port->name) : NULL;
    const struct fi_lag *lag = p ? fastiron_lag_of(m, p) : NULL;
    if (lag == NULL) {
        pr_strlcatf(buf, len,
                    "! make %s the force-up port of its dynamic LAG (lag NAME dynamic id N, "
                    "force-up ethernet %s): one port per LAG",
                    port->name, port->name);
        return;
    }
    const struct fi_port *up = fastiron_force_up_port(m, lag);
    if (up != NULL && strcmp(up->name, port->name) != 0) {
        pr_strlcatf(buf, len,
                    "! lag %s: only one member can be the force-up port (PXE boot support), "
                    "and that is %s: boot the server from the NIC on %s",
                    lag->name, up->name, up->name);
        return;
    }
    pr_strlcatf(buf, len, "%s\n force-up ethernet %s", lag->line->text, port->name);
}

static void vlan_fix(const struct fastiron_model *m, const struct pr_port *port, long long v,
                     char *buf, size_t len)
{
    const struct fi_port *p = m ? fastiron_find(m, port->name) : NULL;
    if (p != NULL && p->untagged.line != NULL && p->untagged.value != v &&
        p->untagged.value != fastiron_default_vlan(m))
        pr_strlcatf(buf, len, "vlan %d\n no untagged ethernet %s\n", p->untagged.value, port->name);
    pr_strlcatf(buf, len, "vlan %lld\n", v);
    if (p != NULL && fastiron_tagged(p, (int)v))
        pr_strlcatf(buf, len, " no tagged ethernet %s\n", port->name);
    pr_strlcatf(buf, len, " untagged ethernet %s", port->name);
}

void fastiron_snippet(const struct fastiron_model *m, const struct pr_port *port,
                      const struct pr_finding *finding, char *buf, size_t buf_len)
{
    if (buf_len == 0)
        return;
    buf[0] = '\0';
    /* Read from an agent, a member whose spanning tree is its LAG's: the
     * LAG is configured through its ports, which the agent does not name,
     * so the generic advice (ruckus_snippet) names the LAG instead. */
    struct pr_port view;
    if (m == NULL && pr_port_stp_target(port, finding, &view) != port)
        return;
    int vlan;
    switch (finding->id) {
    case PR_F_ADMIN_DOWN:
        pr_strlcatf(buf, buf_len, "interface ethernet %s\n enable", port->name);
        break;
    case PR_F_STP_NOT_EDGE:
    case PR_F_STP_EDGE_AUTO:
    case PR_F_PORTFAST_TRUNK_MISSING:
        edge_fix(m, port, buf, buf_len);
        break;
    case PR_F_STP_LEGACY_MODE:
        (void)runs_8021d(m, port, &vlan);
        rapid_fix(m, vlan, buf, buf_len);
        buf[strlen(buf) - 1] = '\0';
        break;
    case PR_F_LACP_NO_FALLBACK:
    case PR_F_LACP_FALLBACK_UNKNOWN:
        fallback_fix(m, port, buf, buf_len);
        break;
    case PR_F_AUTONEG_ON:
        pr_strlcatf(buf, buf_len,
                    "! interface ethernet %s: only if the link is slow to come up, fix its "
                    "speed (speed-duplex 1000-full on a 1 Gb/s port)",
                    port->name);
        break;
    case PR_F_BPDU_GUARD_OFF:
        pr_strlcatf(buf, buf_len, "interface ethernet %s\n stp-bpdu-guard", port->name);
        break;
    case PR_F_VLAN_MISMATCH:
        if (port->expect_vlan >= 1 && port->expect_vlan <= 4094)
            vlan_fix(m, port, port->expect_vlan, buf, buf_len);
        break;
    case PR_F_ERR_DISABLED:
        pr_strlcatf(buf, buf_len,
                    "! after removing the cause:\ninterface ethernet %s\n disable\n enable",
                    port->name);
        break;
    default:
        break; /* link down, blocking now: nothing to configure */
    }
}
