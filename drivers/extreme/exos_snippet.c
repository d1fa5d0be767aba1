/* SPDX-License-Identifier: BSD-3-Clause */
/* EXOS fixes, as commands (the configuration is the commands replayed):
 *   configure stpd s0 ports link-type edge P      (P the LAG's master port)
 *   configure stpd s0 mode dot1w                  (under 802.1D edge does not act)
 *   configure sharing M lacp fallback enable
 *   enable port P
 *   configure vlan OLD delete ports P / configure vlan NEW add ports P untagged
 * `#` lines are comments. */
#include <stdio.h>
#include <string.h>

#include "extreme/exos.h"
#include "util/strutil.h"

static const char *governing(const struct exos_model *m, const struct pr_port *port)
{
    const struct exos_port *master = exos_master_of(m, exos_find(m, port->name));
    return master != NULL ? master->name : port->name;
}

static void vlan_fix(const struct exos_model *m, const struct pr_port *port, const char *gov,
                     char *buf, size_t len)
{
    long long want = port->expect_vlan;
    if (want < 1 || want > 4094)
        return;
    const char *name = NULL;
    for (size_t i = 0; m != NULL && i < m->n_vlans; i++)
        if (m->vlans[i].tag.value == want)
            name = m->vlans[i].name;
    const struct exos_port *p = exos_find(m, gov);
    if (p != NULL && p->untagged.line != NULL && p->untagged.value >= 1)
        pr_strlcatf(buf, len, "configure vlan %s delete ports %s\n",
                    m->vlans[p->untagged.value - 1].name, gov);
    else if (m == NULL || (p != NULL && !p->default_deleted && m->default_delete_all == NULL))
        pr_strlcatf(buf, len, "configure vlan Default delete ports %s\n", gov);
    if (name == NULL) {
        pr_strlcatf(buf, len, "create vlan pxe%lld\nconfigure vlan pxe%lld tag %lld\n", want, want,
                    want);
        pr_strlcatf(buf, len, "configure vlan pxe%lld add ports %s untagged\n", want, gov);
    } else {
        pr_strlcatf(buf, len, "configure vlan %s add ports %s untagged\n", name, gov);
    }
}

void exos_snippet(const struct exos_model *m, const struct pr_switch *sw,
                  const struct pr_port *port, const struct pr_finding *finding, char *buf,
                  size_t buf_len)
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
    bool dot1d = pr_fact_is(&sw->stp.mode, PR_MODE_STP);
    switch (finding->id) {
    case PR_F_ADMIN_DOWN:
        pr_strlcatf(buf, buf_len, "enable port %s\n", port->name);
        break;
    case PR_F_STP_NOT_EDGE:
    case PR_F_STP_EDGE_AUTO:
    case PR_F_PORTFAST_TRUNK_MISSING:
        if (dot1d)
            pr_strlcatf(buf, buf_len, "configure stpd s0 mode dot1w\n");
        pr_strlcatf(buf, buf_len, "configure stpd s0 ports link-type edge %s\n", gov);
        break;
    case PR_F_STP_LEGACY_MODE:
        pr_strlcatf(buf, buf_len, "configure stpd s0 mode dot1w\n");
        break;
    case PR_F_LACP_NO_FALLBACK:
    case PR_F_LACP_FALLBACK_UNKNOWN:
        pr_strlcatf(buf, buf_len, "configure sharing %s lacp fallback enable\n", gov);
        break;
    case PR_F_VLAN_MISMATCH:
        vlan_fix(m, port, gov, buf, buf_len);
        break;
    case PR_F_ERR_DISABLED:
        pr_strlcatf(buf, buf_len, "# after removing the cause:\ndisable port %s\nenable port %s\n",
                    port->name, port->name);
        break;
    default:
        break; /* link down, blocking now: nothing to configure */
    }
    size_t n = strlen(buf);
    if (n > 0 && buf[n - 1] == '\n')
        buf[n - 1] = '\0';
}
