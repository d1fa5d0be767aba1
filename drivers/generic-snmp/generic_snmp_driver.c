/* SPDX-License-Identifier: BSD-3-Clause */
/* generic-snmp: standard MIBs, any vendor. */
#include <stdio.h>
#include <string.h>

#include "driver.h"
#include "generic-snmp/generic_snmp.h"
#include "util/strutil.h"

static int generic_match(const char *sys_object_id, const char *sys_descr, const char *config_text,
                         size_t config_len)
{
    (void)sys_object_id;
    (void)sys_descr;
    (void)config_len;
    /* Fits any SNMP agent, weakly; never a configuration. */
    return config_text == NULL ? 1 : 0;
}

static int generic_read_snmp(struct pr_snmp_source *snmp, struct pr_switch *sw,
                             struct pr_error *err)
{
    struct pr_snmp_store store;
    pr_snmp_store_init(&store);
    int rc = generic_snmp_fetch(snmp, NULL, 0, &store, err);
    if (rc == 0)
        rc = generic_snmp_interpret(&store, snmp, sw, err);
    pr_snmp_store_free(&store);
    if (rc == 0)
        pr_switch_add_source(sw, pr_snmp_source_kind(snmp));
    return rc;
}

static int generic_read_config(const struct pr_config_text *config, struct pr_switch *sw,
                               struct pr_error *err)
{
    (void)config;
    (void)sw;
    return pr_error_set(err, PR_ERR_UNSUPPORTED,
                        "the generic-snmp driver reads SNMP only (a live agent or --walk FILE)");
}

/* Vendor-neutral advice naming the exact setting. */
static void generic_snippet(const struct pr_switch *sw, const struct pr_port *port,
                            const struct pr_finding *finding, char *buf, size_t buf_len)
{
    (void)sw;
    /* A member's spanning tree is its aggregate's: so is the fix. */
    struct pr_port view;
    port = pr_port_stp_target(port, finding, &view);
    const char *p = port->name;
    switch (finding->id) {
    case PR_F_ADMIN_DOWN:
        snprintf(buf, buf_len,
                 "enable port %s (set ifAdminStatus up; Cisco/EOS: no shutdown, Junos: delete "
                 "interfaces %s disable)",
                 p, p);
        break;
    case PR_F_LINK_DOWN:
        snprintf(buf, buf_len,
                 "no carrier on %s: check the cable and optic, that the server NIC is powered "
                 "and enabled, and that speed/duplex settings match on both ends",
                 p);
        break;
    case PR_F_ERR_DISABLED:
        snprintf(buf, buf_len,
                 "remove the cause (e.g. BPDU guard tripped by a bridge), then recover %s: "
                 "shutdown / no shutdown, or configure errdisable recovery",
                 p);
        break;
    case PR_F_STP_NOT_EDGE:
    case PR_F_PORTFAST_TRUNK_MISSING:
        snprintf(
            buf, buf_len,
            "make %s an STP edge port: RSTP-MIB dot1dStpPortAdminEdgePort.%u = true(1) "
            "(Cisco: spanning-tree portfast edge%s; Junos: set protocols rstp interface %s edge; "
            "EOS: spanning-tree portfast)",
            p, port->bridge_port, finding->id == PR_F_PORTFAST_TRUNK_MISSING ? " trunk" : "", p);
        break;
    case PR_F_STP_LEGACY_MODE:
        snprintf(buf, buf_len,
                 "run a rapid spanning tree on the switch: dot1dStpVersion = rstp(2) "
                 "(Cisco: spanning-tree mode rapid-pvst; Junos: set protocols rstp; EOS: "
                 "spanning-tree mode mstp)");
        break;
    case PR_F_STP_EDGE_AUTO:
        snprintf(buf, buf_len,
                 "set %s to edge explicitly instead of auto-detection: "
                 "dot1dStpPortAdminEdgePort.%u = true(1)",
                 p, port->bridge_port);
        break;
    case PR_F_STP_NOT_FORWARDING:
        snprintf(buf, buf_len,
                 "find why spanning tree blocks %s (a BPDU from the server side, a loop, or "
                 "listening/learning after link-up on a non-edge port); make it edge",
                 p);
        break;
    case PR_F_LACP_NO_FALLBACK:
    case PR_F_LACP_FALLBACK_UNKNOWN:
        snprintf(buf, buf_len,
                 "enable LACP fallback on the bundle of %s (Junos: ether-options 802.3ad lacp "
                 "force-up; NX-OS: no lacp suspend-individual; Catalyst: no port-channel "
                 "standalone-disable; "
                 "EOS: port-channel lacp fallback individual)",
                 p);
        break;
    case PR_F_AUTONEG_ON:
        snprintf(buf, buf_len,
                 "only if the link is slow to come up: fix speed and duplex on %s and on the "
                 "server NIC (MAU-MIB ifMauAutoNegAdminStatus = disabled(2))",
                 p);
        break;
    case PR_F_SPEED_DEGRADED:
        snprintf(
            buf, buf_len,
            "replace or reseat the cable/optic on %s; check the server NIC's advertised speeds", p);
        break;
    case PR_F_BPDU_GUARD_OFF:
        snprintf(buf, buf_len,
                 "enable BPDU guard on %s (Cisco/EOS: spanning-tree bpduguard enable; Junos: "
                 "set protocols layer2-control bpdu-block interface %s)",
                 p, p);
        break;
    case PR_F_VLAN_MISMATCH:
        snprintf(buf, buf_len, "set the %s VLAN of %s to %lld (Q-BRIDGE-MIB dot1qPvid.%u = %lld)",
                 port->facts.trunk.known && port->facts.trunk.value ? "native" : "access", p,
                 (long long)port->expect_vlan, port->bridge_port, (long long)port->expect_vlan);
        break;
    case PR_F_PORT_IS_UPLINK:     /* nothing to change: the port is left as it is */
    case PR_F_CLIENT_FAILS:       /* the switch fix is in the port's other findings */
    case PR_F_BLACKOUT_THRESHOLD: /* the operator's limit, nothing to configure */
    case PR_F_COUNT:
        buf[0] = '\0';
        break;
    }
}

const struct pr_driver pr_driver_generic_snmp = {
    .name = "generic-snmp",
    .netconf_filter = NULL,
    .match = generic_match,
    .read_snmp = generic_read_snmp,
    .read_config = generic_read_config,
    .names_match = pr_driver_names_equal,
    .snippet = generic_snippet,
};
