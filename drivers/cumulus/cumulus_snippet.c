/* SPDX-License-Identifier: BSD-3-Clause */
/* Cumulus fixes, in the dialect the configuration was read in:
 *   ifupdown2: the interface's stanza with the attribute to add
 *     (`iface bond1` / `    mstpctl-portadminedge yes`); appended to
 *     /etc/network/interfaces it joins the interface's other stanza, as
 *     ifupdown2 squashes them, and `ifreload -a` applies it;
 *   NVUE: `nv set interface bond1 bridge domain br_default stp admin-edge
 *     on`, `nv set interface bond1 bond lacp-bypass on`, `nv set interface
 *     swp1 link state up`, then `nv config apply`.
 * A member's bridge and spanning tree settings are its bond's. `#` lines
 * are comments in both. */
#include <stdio.h>
#include <string.h>

#include "cumulus/cumulus.h"
#include "util/strutil.h"

/* The interface whose settings the fix changes, and its bridge. */
static const char *gov_name(const struct cl_model *m, const struct pr_port *port)
{
    const struct cl_iface *gov = cl_governing(m, cl_find(m, port->name));
    return gov != NULL ? gov->name : port->name;
}

static const char *bridge_name(const struct cl_model *m, const struct pr_port *port)
{
    const struct cl_iface *gov = cl_governing(m, cl_find(m, port->name));
    return gov != NULL && gov->bridge_name[0] != '\0' ? gov->bridge_name : "br_default";
}

/* One attribute: ifupdown2 stanza, or NVUE command under the bridge. */
static void port_setting(const struct cl_model *m, const struct pr_port *port, const char *eni,
                         const char *nvue, char *buf, size_t len)
{
    const char *gov = gov_name(m, port);
    if (m->dialect == CL_NVUE)
        pr_strlcatf(buf, len, "nv set interface %s bridge domain %s %s\n", gov,
                    bridge_name(m, port), nvue);
    else
        pr_strlcatf(buf, len, "iface %s\n    %s\n", gov, eni);
}

static void admin_fix(const struct cl_model *m, const struct pr_port *port, char *buf, size_t len)
{
    const struct cl_iface *ifc = cl_find(m, port->name);
    const struct cl_iface *gov = cl_governing(m, ifc);
    const struct cl_iface *ups[2] = {gov != ifc ? gov : NULL, ifc};
    for (size_t i = 0; i < 2; i++) {
        const struct cl_iface *x = ups[i];
        if (x == NULL)
            continue;
        bool down = x->link_down.set && x->link_down.value;
        if (m->dialect == CL_NVUE) {
            if (down || x == ifc)
                pr_strlcatf(buf, len, "nv set interface %s link state up\n", x->name);
        } else if (down) {
            pr_strlcatf(buf, len, "auto %s\niface %s\n    link-down no\n", x->name, x->name);
        } else if (!x->autoed.set) {
            pr_strlcatf(buf, len, "auto %s\niface %s\n", x->name, x->name);
        }
    }
    if (ifc == NULL)
        pr_strlcatf(buf, len,
                    m->dialect == CL_NVUE ? "nv set interface %s link state up\n"
                                          : "auto %s\niface %s\n",
                    port->name, port->name);
}

static void fallback_fix(const struct cl_model *m, const struct pr_port *port, char *buf,
                         size_t len)
{
    const struct cl_iface *ifc = cl_find(m, port->name);
    if (ifc == NULL || ifc->master_name[0] == '\0') {
        pr_strlcatf(buf, len, "# on the bond of %s: LACP bypass", port->name);
        return;
    }
    if (m->dialect == CL_NVUE)
        pr_strlcatf(buf, len, "nv set interface %s bond lacp-bypass on\n", ifc->master_name);
    else
        pr_strlcatf(buf, len, "iface %s\n    bond-lacp-bypass-allow yes\n", ifc->master_name);
}

void cl_snippet(const struct cl_model *m, const struct pr_port *port,
                const struct pr_finding *finding, char *buf, size_t buf_len)
{
    if (buf_len == 0)
        return;
    buf[0] = '\0';
    char vlan[64];
    switch (finding->id) {
    case PR_F_ADMIN_DOWN:
        admin_fix(m, port, buf, buf_len);
        break;
    case PR_F_STP_NOT_EDGE:
    case PR_F_STP_EDGE_AUTO:
    case PR_F_PORTFAST_TRUNK_MISSING:
        port_setting(m, port, "mstpctl-portadminedge yes", "stp admin-edge on", buf, buf_len);
        break;
    case PR_F_LACP_NO_FALLBACK:
    case PR_F_LACP_FALLBACK_UNKNOWN:
        fallback_fix(m, port, buf, buf_len);
        break;
    case PR_F_BPDU_GUARD_OFF:
        port_setting(m, port, "mstpctl-bpduguard yes", "stp bpdu-guard on", buf, buf_len);
        break;
    case PR_F_VLAN_MISMATCH:
        if (port->expect_vlan >= 1 && port->expect_vlan <= 4094) {
            snprintf(vlan, sizeof vlan, "bridge-access %lld", (long long)port->expect_vlan);
            char nv[64];
            snprintf(nv, sizeof nv, "access %lld", (long long)port->expect_vlan);
            port_setting(m, port, vlan, nv, buf, buf_len);
        }
        break;
    case PR_F_ERR_DISABLED:
        pr_strlcatf(buf, buf_len,
                    "# after removing the cause, bring %s down and up again (mstpd's BPDU guard "
                    "leaves it protodown)",
                    port->name);
        break;
    case PR_F_STP_LEGACY_MODE:
        /* Legacy only under a forced version: back to RSTP, the default. */
        if (m->dialect == CL_NVUE)
            pr_strlcatf(buf, buf_len, "nv set bridge domain %s stp force-protocol-version rstp\n",
                        bridge_name(m, port));
        else
            pr_strlcatf(buf, buf_len, "iface %s\n    mstpctl-forcevers rstp\n",
                        bridge_name(m, port));
        break;
    default:
        break; /* link down and blocking now: nothing to configure */
    }
    size_t n = strlen(buf);
    if (n > 0 && buf[n - 1] == '\n')
        buf[n - 1] = '\0';
}
