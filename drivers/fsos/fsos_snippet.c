/* SPDX-License-Identifier: BSD-3-Clause */
/* FSOS fixes, in its IOS-like interface blocks (appended to the saved
 * text they give the configuration the switch ends up with):
 *   interface GigaEthernet0/1 / spanning-tree portfast
 *   interface GigaEthernet0/1 / no shutdown
 *   interface GigaEthernet0/1 / spanning-tree bpduguard enable
 *   interface GigaEthernet0/1 / switchport pvid N
 *   spanning-tree mode rstp   (from stp)
 * `!` lines are comments. */
#include <stdio.h>
#include <string.h>

#include "driver.h"
#include "fsos/fsos.h"
#include "util/strutil.h"

void fsos_snippet(const struct pr_switch *sw, const struct pr_port *port,
                  const struct pr_finding *finding, char *buf, size_t buf_len)
{
    if (buf_len == 0)
        return;
    buf[0] = '\0';
    const struct fsos_model *m = fsos_switch_model(sw);
    /* A member's spanning tree is its aggregate's, so is its fix: the
     * configuration's aggregate when there is one, else the agent's. */
    struct pr_port view;
    if (m == NULL)
        port = pr_port_stp_target(port, finding, &view);
    switch (finding->id) {
    case PR_F_ADMIN_DOWN:
        pr_strlcatf(buf, buf_len, "interface %s\n no shutdown", port->name);
        break;
    case PR_F_STP_NOT_EDGE:
    case PR_F_STP_EDGE_AUTO:
    case PR_F_PORTFAST_TRUNK_MISSING:
        pr_strlcatf(buf, buf_len, "interface %s\n spanning-tree portfast", port->name);
        break;
    case PR_F_STP_LEGACY_MODE:
        pr_strlcatf(buf, buf_len, "spanning-tree mode rstp");
        break;
    case PR_F_BPDU_GUARD_OFF:
        pr_strlcatf(buf, buf_len, "interface %s\n spanning-tree bpduguard enable", port->name);
        break;
    case PR_F_VLAN_MISMATCH:
        if (port->expect_vlan >= 1 && port->expect_vlan <= 4094)
            pr_strlcatf(buf, buf_len, "interface %s\n switchport pvid %lld", port->name,
                        (long long)port->expect_vlan);
        break;
    case PR_F_AUTONEG_ON:
        pr_strlcatf(buf, buf_len,
                    "! interface %s: fix its speed only if the link is slow to come up",
                    port->name);
        break;
    case PR_F_ERR_DISABLED:
        pr_strlcatf(buf, buf_len,
                    "! after removing the cause:\ninterface %s\n shutdown\n no shutdown",
                    port->name);
        break;
    default:
        break;
    }
    if (m == NULL && buf[0] == '\0')
        pr_driver_generic_snmp.snippet(sw, port, finding, buf, buf_len);
}
