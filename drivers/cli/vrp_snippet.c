/* SPDX-License-Identifier: BSD-3-Clause */
/* Fixes in the `#`-sectioned family's own syntax, as `display
 * current-configuration` writes them (statements one blank in under their
 * interface), so pasting them in system view or appending them to the
 * saved text gives the same configuration:
 *   interface Bridge-Aggregation1 / stp edged-port        (Comware 7)
 *   interface GigabitEthernet1/0/1 / stp edged-port enable (Comware 5, VRP)
 *   interface Bridge-Aggregation1 / lacp edge-port         (Comware 7)
 *   undo shutdown, port access vlan N / port default vlan N, port trunk pvid
 *   vlan N, stp mode rstp
 * A member's spanning tree and VLANs are its aggregate's, so those fixes
 * address the aggregate. Lines that begin with `#` are advice. */
#include <stdio.h>
#include <string.h>

#include "cli/vrp_family.h"
#include "util/strutil.h"

/* The interface that holds the port's VLANs and spanning tree. */
static const struct vrp_iface *governing(const struct vrp_model *m, const struct pr_port *port,
                                         const char **name)
{
    const struct vrp_iface *ifc = vrp_find(m, port->name);
    const struct vrp_iface *agg = vrp_agg_of(m, ifc);
    *name = agg ? agg->name : port->name;
    return agg ? agg : ifc;
}

static const char *edge_statement(enum vrp_dialect d, const struct vrp_model *m)
{
    if (d == VRP_COMWARE && (m == NULL || m->major != 5))
        return "stp edged-port";
    return "stp edged-port enable";
}

static void admin_fix(const struct vrp_model *m, const struct pr_port *port, char *buf, size_t len)
{
    const struct vrp_iface *ifc = vrp_find(m, port->name);
    const struct vrp_iface *agg = vrp_agg_of(m, ifc);
    if (agg != NULL && agg->shutdown.line != NULL && agg->shutdown.value)
        pr_strlcatf(buf, len, "interface %s\n undo shutdown\n", agg->name);
    if (ifc == NULL || (ifc->shutdown.line != NULL && ifc->shutdown.value))
        pr_strlcatf(buf, len, "interface %s\n undo shutdown\n", port->name);
}

static void fallback_fix(enum vrp_dialect d, const struct vrp_model *m, const struct pr_port *port,
                         char *buf, size_t len)
{
    const struct vrp_iface *agg = vrp_agg_of(m, vrp_find(m, port->name));
    if (d == VRP_HUAWEI) {
        pr_strlcatf(buf, len,
                    "# %s: VRP documents no LACP fallback; while the server boots over PXE, "
                    "make the Eth-Trunk static (mode manual load-balance) or take the port out "
                    "of it",
                    agg ? agg->name : port->name);
        return;
    }
    if (agg == NULL) {
        pr_strlcatf(buf, len, "# on the aggregate of %s: lacp edge-port", port->name);
        return;
    }
    pr_strlcatf(buf, len, "interface %s\n lacp edge-port\n", agg->name);
}

static void vlan_fix(enum vrp_dialect d, const struct vrp_model *m, const struct pr_port *port,
                     char *buf, size_t len)
{
    long long v = port->expect_vlan;
    if (v < 1 || v > 4094)
        return;
    const char *name;
    const struct vrp_iface *gov = governing(m, port, &name);
    bool comware = d == VRP_COMWARE;
    pr_strlcatf(buf, len, comware ? "vlan %lld\n" : "vlan batch %lld\n", v);
    int type = gov && gov->link_type.line ? gov->link_type.value : VRP_LINK_ACCESS;
    if (type == VRP_LINK_TRUNK)
        pr_strlcatf(buf, len,
                    "interface %s\n port trunk pvid vlan %lld\n port trunk %s vlan %lld\n", name, v,
                    comware ? "permit" : "allow-pass", v);
    else if (type == VRP_LINK_HYBRID)
        pr_strlcatf(buf, len,
                    comware ? "interface %s\n port hybrid pvid vlan %lld\n port hybrid vlan %lld "
                              "untagged\n"
                            : "interface %s\n port hybrid pvid vlan %lld\n port hybrid untagged "
                              "vlan %lld\n",
                    name, v, v);
    else
        pr_strlcatf(buf, len, "interface %s\n port link-type access\n port %s vlan %lld\n", name,
                    comware ? "access" : "default", v);
}

static void speed_fix(enum vrp_dialect d, const struct pr_port *port, char *buf, size_t len)
{
    int mbps = port->facts.speed_mbps.known ? (int)port->facts.speed_mbps.value : 0;
    if (mbps <= 0 || mbps > 1000) {
        pr_strlcatf(buf, len,
                    "# interface %s: only if the link is slow to come up, set a fixed speed "
                    "(speed 1000 on a 1 Gb/s port)",
                    port->name);
        return;
    }
    pr_strlcatf(buf, len,
                d == VRP_COMWARE ? "interface %s\n speed %d\n duplex full\n"
                                 : "interface %s\n undo negotiation auto\n speed %d\n",
                port->name, mbps);
}

void vrp_snippet(enum vrp_dialect d, const struct vrp_model *m, const struct pr_port *port,
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
    const char *name;
    (void)governing(m, port, &name);
    switch (finding->id) {
    case PR_F_ADMIN_DOWN:
        admin_fix(m, port, buf, buf_len);
        break;
    case PR_F_STP_NOT_EDGE:
    case PR_F_STP_EDGE_AUTO:
    case PR_F_PORTFAST_TRUNK_MISSING:
        pr_strlcatf(buf, buf_len, "interface %s\n %s\n", name, edge_statement(d, m));
        break;
    case PR_F_STP_LEGACY_MODE:
        pr_strlcatf(buf, buf_len, "stp mode rstp\n");
        break;
    case PR_F_LACP_NO_FALLBACK:
    case PR_F_LACP_FALLBACK_UNKNOWN:
        fallback_fix(d, m, port, buf, buf_len);
        break;
    case PR_F_AUTONEG_ON:
        speed_fix(d, port, buf, buf_len);
        break;
    case PR_F_BPDU_GUARD_OFF:
        pr_strlcatf(buf, buf_len, "stp bpdu-protection\n");
        break;
    case PR_F_VLAN_MISMATCH:
        vlan_fix(d, m, port, buf, buf_len);
        break;
    case PR_F_ERR_DISABLED:
        pr_strlcatf(buf, buf_len,
                    "# after removing the cause:\ninterface %s\n shutdown\n undo "
                    "shutdown\n",
                    port->name);
        break;
    default:
        break; /* link down, blocking now: nothing to configure */
    }
    size_t n = strlen(buf);
    if (n > 0 && buf[n - 1] == '\n')
        buf[n - 1] = '\0';
}
