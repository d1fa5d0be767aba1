/* SPDX-License-Identifier: BSD-3-Clause */
/* ArubaOS-Switch fixes, as commands for configuration mode (the saved
 * configuration is itself such a list, so appending them to it gives the
 * configuration the switch ends up with):
 *   spanning-tree PORT admin-edge-port          (a trunk member's is Trk N's)
 *   spanning-tree force-version mstp-operation  (from stp-compatible)
 *   spanning-tree PORT bpdu-protection
 *   interface PORT / enable / exit
 *   vlan N / untagged PORT / exit
 *   no trunk PORTS + interface PORTS lacp active (dynamic LACP: a standard
 *     port until a partner sends LACPDUs; ArubaOS-Switch has no fallback)
 * `;` lines are comments. */
#include <stdio.h>
#include <string.h>

#include "aruba/procurve.h"
#include "util/strutil.h"

#define IND "   "

/* The port or, for a trunk member, its trunk: where VLANs and spanning
 * tree are configured. */
static const char *governing(const struct procurve_model *m, const struct pr_port *port)
{
    const struct pc_if *pif = m ? procurve_find(m, port->name) : NULL;
    const struct pc_if *trk = m && pif ? procurve_trunk_of(m, pif) : NULL;
    return trk ? trk->name : port->name;
}

/* "5-6,9": the ports of trunk N, as a port list. */
static void trunk_ports(const struct procurve_model *m, int trk, char *buf, size_t len)
{
    buf[0] = '\0';
    for (size_t i = 0; i < m->n_ifs; i++) {
        const struct pc_if *p = &m->ifs[i];
        if (p->kind == PC_PORT && p->member.line != NULL && p->member.value == trk)
            pr_strlcatf(buf, len, "%s%s", buf[0] ? "," : "", p->name);
    }
}

static void fallback_fix(const struct procurve_model *m, const struct pr_port *port, char *buf,
                         size_t len)
{
    const struct pc_if *pif = m ? procurve_find(m, port->name) : NULL;
    if (pif == NULL || pif->member.line == NULL) {
        pr_strlcatf(buf, len,
                    "; ArubaOS-Switch has no LACP fallback: for PXE, take %s out of its static "
                    "LACP trunk (no trunk %s) or make it dynamic (interface %s lacp active)",
                    port->name, port->name, port->name);
        return;
    }
    char ports[160];
    trunk_ports(m, pif->member.value, ports, sizeof ports);
    pr_strlcatf(buf, len,
                "; ArubaOS-Switch has no LACP fallback; a dynamic LACP port works as a standard\n"
                "; port until its partner sends LACPDUs. Dynamic LACP trunks carry the default\n"
                "; VLAN only (unless GVRP is on): move Trk%d's VLANs to the ports as needed.\n"
                "no trunk %s\n"
                "interface %s lacp active",
                pif->member.value, ports, ports);
}

static void speed_fix(const struct procurve_model *m, const struct pr_port *port, char *buf,
                      size_t len)
{
    const struct pc_if *pif = m ? procurve_find(m, port->name) : NULL;
    int mbps = pif && pif->speed_auto.line ? pif->speed_auto.value : 0;
    if (mbps <= 0 && port->facts.speed_mbps.known)
        mbps = (int)port->facts.speed_mbps.value;
    if (mbps != 10 && mbps != 100 && mbps != 1000) {
        pr_strlcatf(buf, len,
                    "; interface %s: only if the link is slow to come up, fix its speed "
                    "(speed-duplex 1000-full on a 1 Gb/s port)",
                    port->name);
        return;
    }
    pr_strlcatf(buf, len, "interface %s\n" IND "speed-duplex %d-full\n" IND "exit", port->name,
                mbps);
}

static void legacy_fix(const struct procurve_model *m, char *buf, size_t len)
{
    if (m != NULL && m->legacy.line != NULL)
        pr_strlcatf(buf, len, "no spanning-tree legacy-mode\n");
    if (m == NULL || m->force.line != NULL)
        pr_strlcatf(buf, len, "spanning-tree force-version mstp-operation\n");
    size_t n = strlen(buf);
    if (n > 0)
        buf[n - 1] = '\0';
}

void procurve_snippet(const struct procurve_model *m, const struct pr_port *port,
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
    long long v = port->expect_vlan;
    switch (finding->id) {
    case PR_F_ADMIN_DOWN:
        pr_strlcatf(buf, buf_len, "interface %s\n" IND "enable\n" IND "exit", port->name);
        break;
    case PR_F_STP_NOT_EDGE:
    case PR_F_STP_EDGE_AUTO:
    case PR_F_PORTFAST_TRUNK_MISSING:
        pr_strlcatf(buf, buf_len, "spanning-tree %s admin-edge-port", gov);
        break;
    case PR_F_STP_LEGACY_MODE:
        legacy_fix(m, buf, buf_len);
        break;
    case PR_F_LACP_NO_FALLBACK:
    case PR_F_LACP_FALLBACK_UNKNOWN:
        fallback_fix(m, port, buf, buf_len);
        break;
    case PR_F_AUTONEG_ON:
        speed_fix(m, port, buf, buf_len);
        break;
    case PR_F_BPDU_GUARD_OFF:
        pr_strlcatf(buf, buf_len, "spanning-tree %s bpdu-protection", gov);
        break;
    case PR_F_VLAN_MISMATCH:
        if (v >= 1 && v <= 4094)
            pr_strlcatf(buf, buf_len, "vlan %lld\n" IND "untagged %s\n" IND "exit", v, gov);
        break;
    case PR_F_ERR_DISABLED:
        pr_strlcatf(buf, buf_len,
                    "; after removing the cause:\ninterface %s\n" IND "disable\n" IND "enable\n" IND
                    "exit",
                    port->name);
        break;
    default:
        break; /* link down, blocking now: nothing to configure */
    }
}
