/* SPDX-License-Identifier: BSD-3-Clause */
/* FASTPATH fixes, as the statements of its running-config (appended to
 * the text they give the configuration the switch ends up with):
 *   interface 0/9 / spanning-tree edgeport / exit   (a member: its LAG)
 *   spanning-tree mode rapid-pvst (from pvst), rstp (from stp)
 *   interface 0/9 / no shutdown / exit
 *   spanning-tree bpduguard
 *   interface 0/9 / vlan pvid N / vlan participation include N / exit
 *     (switchport access vlan N, switchport trunk native vlan N where the
 *     port is configured with switchport)
 * `!` lines are comments. */
#include <stdio.h>
#include <string.h>

#include "fastpath/fastpath.h"
#include "util/strutil.h"

static const struct fp_if *governing(const struct fastpath_model *m, const struct pr_port *port)
{
    const struct fp_if *p = m ? fastpath_find(m, port->name) : NULL;
    const struct fp_if *lag = m && p ? fastpath_lag_of(m, p) : NULL;
    return lag ? lag : p;
}

static void vlan_fix(const struct fp_if *gov, const char *name, long long v, char *buf, size_t len)
{
    if (gov != NULL && gov->mode.line != NULL && gov->mode.value == 2)
        pr_strlcatf(buf, len, "interface %s\nswitchport trunk native vlan %lld\nexit", name, v);
    else if (gov != NULL && gov->mode.line != NULL && gov->mode.value == 1)
        pr_strlcatf(buf, len, "interface %s\nswitchport access vlan %lld\nexit", name, v);
    else
        pr_strlcatf(buf, len, "interface %s\nvlan participation include %lld\nvlan pvid %lld\nexit",
                    name, v, v);
}

void fastpath_snippet(const struct fastpath_model *m, const struct pr_port *port,
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
    const struct fp_if *gov = governing(m, port);
    const char *name = gov ? gov->name : port->name;
    switch (finding->id) {
    case PR_F_ADMIN_DOWN:
        pr_strlcatf(buf, buf_len, "interface %s\nno shutdown\nexit", port->name);
        break;
    case PR_F_STP_NOT_EDGE:
    case PR_F_STP_EDGE_AUTO:
    case PR_F_PORTFAST_TRUNK_MISSING:
        pr_strlcatf(buf, buf_len, "interface %s\nspanning-tree edgeport\nexit", name);
        break;
    case PR_F_STP_LEGACY_MODE:
        pr_strlcatf(buf, buf_len, "spanning-tree mode %s",
                    m != NULL && m->mode.line != NULL && m->mode.value == PR_MODE_PVST
                        ? "rapid-pvst"
                        : "rstp");
        break;
    case PR_F_LACP_NO_FALLBACK:
    case PR_F_LACP_FALLBACK_UNKNOWN:
        pr_strlcatf(buf, buf_len,
                    "! LAG %s: no LACP fallback is known for FASTPATH; for PXE, take %s out of "
                    "the LAG (interface %s / deleteport %s) while the server installs",
                    port->lag_name[0] ? port->lag_name : "?", port->name, port->name,
                    port->lag_name[0] ? port->lag_name : "LAG");
        break;
    case PR_F_AUTONEG_ON:
        pr_strlcatf(buf, buf_len,
                    "! interface %s: only if the link is slow to come up, fix its speed "
                    "(speed 1000 full-duplex)",
                    port->name);
        break;
    case PR_F_BPDU_GUARD_OFF:
        pr_strlcatf(buf, buf_len, "spanning-tree bpduguard");
        break;
    case PR_F_VLAN_MISMATCH:
        if (port->expect_vlan >= 1 && port->expect_vlan <= 4094)
            vlan_fix(gov, name, (long long)port->expect_vlan, buf, buf_len);
        break;
    case PR_F_ERR_DISABLED:
        pr_strlcatf(buf, buf_len,
                    "! after removing the cause:\ninterface %s\nshutdown\nno shutdown\nexit",
                    port->name);
        break;
    default:
        break;
    }
}
