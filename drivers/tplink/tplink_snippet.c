/* SPDX-License-Identifier: BSD-3-Clause */
/* TP-Link fixes, in its interface blocks (appended to the saved text they
 * give the configuration the switch ends up with):
 *   interface gigabitEthernet 1/0/3 / spanning-tree common-config portfast enable
 *     (a member: on its port-channel)
 *   interface gigabitEthernet 1/0/3 / no shutdown
 *   interface gigabitEthernet 1/0/3 / switchport pvid N
 *   spanning-tree mode rstp   (from stp)
 * `!` lines are comments. */
#include <stdio.h>
#include <string.h>

#include "driver.h"
#include "tplink/tplink.h"
#include "util/strutil.h"

void tplink_snippet(const struct pr_switch *sw, const struct pr_port *port,
                    const struct pr_finding *finding, char *buf, size_t buf_len)
{
    if (buf_len == 0)
        return;
    buf[0] = '\0';
    const struct tplink_model *m = tplink_switch_model(sw);
    /* A member's spanning tree is its aggregate's, so is its fix: the
     * configuration's aggregate when there is one, else the agent's. */
    struct pr_port view;
    if (m == NULL)
        port = pr_port_stp_target(port, finding, &view);
    const struct tp_if *p = tplink_find(m, port->name);
    const struct tp_if *lag = p ? tplink_lag_of(m, p) : NULL;
    const char *gov = lag ? lag->name : port->name;
    switch (finding->id) {
    case PR_F_ADMIN_DOWN:
        pr_strlcatf(buf, buf_len, "interface %s\n  no shutdown", port->name);
        break;
    case PR_F_STP_NOT_EDGE:
    case PR_F_STP_EDGE_AUTO:
    case PR_F_PORTFAST_TRUNK_MISSING:
        pr_strlcatf(buf, buf_len, "interface %s\n  spanning-tree common-config portfast enable",
                    gov);
        break;
    case PR_F_STP_LEGACY_MODE:
        pr_strlcatf(buf, buf_len, "spanning-tree mode rstp");
        break;
    case PR_F_LACP_NO_FALLBACK:
    case PR_F_LACP_FALLBACK_UNKNOWN:
        pr_strlcatf(buf, buf_len,
                    "! %s: no LACP fallback is known for this CLI; for PXE, take %s out of the "
                    "channel-group while the server installs",
                    port->lag_name[0] ? port->lag_name : "port-channel", port->name);
        break;
    case PR_F_VLAN_MISMATCH:
        if (port->expect_vlan >= 1 && port->expect_vlan <= 4094)
            pr_strlcatf(buf, buf_len, "interface %s\n  switchport pvid %lld", gov,
                        (long long)port->expect_vlan);
        break;
    case PR_F_AUTONEG_ON:
        pr_strlcatf(buf, buf_len,
                    "! interface %s: fix its speed only if the link is slow to come up",
                    port->name);
        break;
    case PR_F_ERR_DISABLED:
        pr_strlcatf(buf, buf_len,
                    "! after removing the cause:\ninterface %s\n  shutdown\n  no shutdown",
                    port->name);
        break;
    default:
        break;
    }
    if (m == NULL && buf[0] == '\0')
        pr_driver_generic_snmp.snippet(sw, port, finding, buf, buf_len);
}
