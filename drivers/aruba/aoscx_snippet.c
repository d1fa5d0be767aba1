/* SPDX-License-Identifier: BSD-3-Clause */
/* AOS-CX fixes, in running-config form (four-blank indentation), so that
 * pasting them in configuration mode or appending them to the saved text
 * gives the same configuration:
 *   interface lag N / spanning-tree port-type admin-edge   (a member's STP is its LAG's)
 *   interface 1/1/1 / spanning-tree port-type admin-edge
 *   interface lag N / lacp fallback          (multi-chassis LAGs)
 *   interface lag N / lacp fallback-static   (others; AOS-CX 10.11 and later)
 *   no shutdown, spanning-tree bpdu-guard, vlan access N / vlan trunk native N
 * `!` lines are comments. */
#include <stdio.h>
#include <string.h>

#include "aruba/aoscx.h"
#include "util/strutil.h"

#define IND "    "

/* The interface that holds the port's VLANs and spanning tree: its LAG
 * when it is a member of one the configuration has, else itself. */
static void governing(const struct aoscx_model *m, const struct pr_port *port, char *name,
                      size_t len, const struct cx_iface **gov)
{
    const struct cx_iface *ifc = m ? aoscx_find(m, port->name) : NULL;
    const struct cx_iface *lag = m && ifc ? aoscx_lag_of(m, ifc) : NULL;
    *gov = lag ? lag : ifc;
    snprintf(name, len, "%s", lag ? lag->name : port->name);
}

static void admin_fix(const struct aoscx_model *m, const struct pr_port *port, char *buf,
                      size_t len)
{
    const struct cx_iface *ifc = m ? aoscx_find(m, port->name) : NULL;
    const struct cx_iface *lag = m && ifc ? aoscx_lag_of(m, ifc) : NULL;
    bool port_shut = ifc == NULL || ifc->shutdown.line == NULL || ifc->shutdown.value;
    if (lag != NULL && lag->shutdown.line != NULL && lag->shutdown.value)
        pr_strlcatf(buf, len, "interface %s\n" IND "no shutdown\n", lag->name);
    if (port_shut)
        pr_strlcatf(buf, len, "interface %s\n" IND "no shutdown\n", port->name);
}

static void fallback_fix(const struct aoscx_model *m, const struct pr_port *port, char *buf,
                         size_t len)
{
    const struct cx_iface *ifc = m ? aoscx_find(m, port->name) : NULL;
    const struct cx_iface *lag = m && ifc ? aoscx_lag_of(m, ifc) : NULL;
    if (lag == NULL) {
        pr_strlcatf(buf, len, "! on the LAG of %s: lacp fallback-static (AOS-CX 10.11 and later)",
                    port->name);
        return;
    }
    if (lag->multichassis.line != NULL)
        pr_strlcatf(buf, len, "interface %s\n" IND "lacp fallback\n", lag->name);
    else
        pr_strlcatf(buf, len,
                    "! lacp fallback-static: AOS-CX 10.11 and later; one member forwards\n"
                    "interface %s\n" IND "lacp fallback-static\n",
                    lag->name);
}

static void speed_fix(const struct aoscx_model *m, const struct pr_port *port, char *buf,
                      size_t len)
{
    const struct cx_iface *ifc = m ? aoscx_find(m, port->name) : NULL;
    int mbps = ifc && ifc->speed_auto.line ? ifc->speed_auto.value : 0;
    if (mbps <= 0 && port->facts.speed_mbps.known)
        mbps = (int)port->facts.speed_mbps.value;
    if (mbps <= 0 || mbps > 1000) {
        pr_strlcatf(buf, len,
                    "! interface %s: only if the link is slow to come up, set a fixed speed "
                    "(speed 1000-full on a 1 Gb/s port)",
                    port->name);
        return;
    }
    pr_strlcatf(buf, len, "interface %s\n" IND "speed %d-full\n", port->name, mbps);
}

static void vlan_fix(const struct aoscx_model *m, const struct pr_port *port, char *buf, size_t len)
{
    long long v = port->expect_vlan;
    if (v < 1 || v > 4094)
        return;
    char name[40];
    const struct cx_iface *gov;
    governing(m, port, name, sizeof name, &gov);
    if (m != NULL && !m->vlan_defined[v])
        pr_strlcatf(buf, len, "vlan %lld\n", v);
    bool trunk = pr_fact_is(&port->facts.trunk, 1);
    pr_strlcatf(buf, len, "interface %s\n" IND "vlan %s %lld\n", name,
                trunk ? "trunk native" : "access", v);
}

void aoscx_snippet(const struct aoscx_model *m, const struct pr_port *port,
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
    char name[40];
    const struct cx_iface *gov;
    governing(m, port, name, sizeof name, &gov);
    switch (finding->id) {
    case PR_F_ADMIN_DOWN:
        admin_fix(m, port, buf, buf_len);
        break;
    case PR_F_STP_NOT_EDGE:
    case PR_F_STP_EDGE_AUTO:
    case PR_F_PORTFAST_TRUNK_MISSING:
        pr_strlcatf(buf, buf_len, "interface %s\n" IND "spanning-tree port-type admin-edge\n",
                    name);
        break;
    case PR_F_LACP_NO_FALLBACK:
    case PR_F_LACP_FALLBACK_UNKNOWN:
        fallback_fix(m, port, buf, buf_len);
        break;
    case PR_F_AUTONEG_ON:
        speed_fix(m, port, buf, buf_len);
        break;
    case PR_F_BPDU_GUARD_OFF:
        pr_strlcatf(buf, buf_len, "interface %s\n" IND "spanning-tree bpdu-guard\n", name);
        break;
    case PR_F_VLAN_MISMATCH:
        vlan_fix(m, port, buf, buf_len);
        break;
    case PR_F_ERR_DISABLED:
        pr_strlcatf(buf, buf_len,
                    "! after removing the cause:\ninterface %s\n" IND "shutdown\n" IND
                    "no shutdown\n",
                    port->name);
        break;
    default:
        break; /* STP is rapid on AOS-CX; link down and blocking now: nothing to configure */
    }
    size_t n = strlen(buf);
    if (n > 0 && buf[n - 1] == '\n')
        buf[n - 1] = '\0';
}
