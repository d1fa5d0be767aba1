/* SPDX-License-Identifier: BSD-3-Clause */
/* The configuration that fixes a finding, per platform:
 *   IOS/IOS-XE  interface X / spanning-tree portfast edge [trunk],
 *               spanning-tree mode rapid-pvst, interface Port-channelN /
 *               no port-channel standalone-disable
 *   NX-OS       spanning-tree port type edge [trunk], interface
 *               port-channelN / no lacp suspend-individual
 *   EOS         spanning-tree portfast, interface Port-ChannelN /
 *               port-channel lacp fallback individual + timeout
 * and, everywhere, no shutdown, bpduguard, access/native VLAN and a fixed
 * speed. Interface lines carry the platform's indentation. */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "cisco/ios.h"
#include "cisco/ios_model.h"
#include "util/strutil.h"

/* Seconds EOS waits for an LACP partner before falling back: long enough
 * for a partner sending slow-rate LACPDUs (every 30 s) to be seen, short
 * enough for a PXE ROM still retrying DHCP. */
#define EOS_FALLBACK_TIMEOUT_S 30

struct snip {
    enum ios_platform platform;
    int version_major;
    const struct ios_iface *ifc;     /* NULL without a configuration */
    const struct ios_iface *channel; /* the port-channel of a member ifc; NULL when none */
    const char *indent;
};

/* The interface's name as configuration spells it: read over SNMP, the
 * port's ifDescr ("GigabitEthernet1/0/2") rather than its ifName
 * ("Gi1/0/2"); from a configuration, its own name. */
static const char *config_name(const struct pr_port *port)
{
    if (port->descr[0] != '\0' && strchr(port->descr, ' ') == NULL)
        return port->descr;
    return port->name;
}

static enum ios_platform platform_from_descr(const char *descr)
{
    if (strstr(descr, "NX-OS") != NULL)
        return IOS_PLATFORM_NXOS;
    if (strstr(descr, "Arista") != NULL || strstr(descr, " EOS") != NULL)
        return IOS_PLATFORM_EOS;
    if (strstr(descr, "IOS-XE") != NULL || strstr(descr, "IOS XE") != NULL)
        return IOS_PLATFORM_IOS_XE;
    return IOS_PLATFORM_IOS;
}

static bool is_trunk(const struct pr_port *port)
{
    return port->facts.trunk.known && port->facts.trunk.value == 1;
}

/* A member's spanning tree runs on its port-channel: the edge is set
 * there (ios_facts.c edge_from_channel). */
static void edge_fix(const struct snip *s, const struct pr_port *port, char *buf, size_t len)
{
    bool trunk = is_trunk(port);
    pr_strlcatf(buf, len, "interface %s\n%s", s->channel ? s->channel->name : config_name(port),
                s->indent);
    switch (s->platform) {
    case IOS_PLATFORM_NXOS:
        pr_strlcatf(buf, len, "spanning-tree port type edge%s", trunk ? " trunk" : "");
        break;
    case IOS_PLATFORM_EOS:
        pr_strlcatf(buf, len, "spanning-tree portfast");
        break;
    default:
        /* `edge` arrived with IOS 15.2(2)E; older releases know only
         * `spanning-tree portfast [trunk]`. */
        pr_strlcatf(buf, len, "spanning-tree portfast%s%s",
                    s->version_major > 0 && s->version_major < 15 ? "" : " edge",
                    trunk ? " trunk" : "");
        break;
    }
}

static void fallback_fix(const struct snip *s, const struct pr_port *port, char *buf, size_t len)
{
    int id = s->ifc != NULL && s->ifc->channel.line != NULL ? s->ifc->channel.value : -1;
    if (id < 0) {
        pr_strlcatf(buf, len, "! on the port-channel of %s: %s", config_name(port),
                    s->platform == IOS_PLATFORM_NXOS  ? "no lacp suspend-individual"
                    : s->platform == IOS_PLATFORM_EOS ? "port-channel lacp fallback individual"
                                                      : "no port-channel standalone-disable");
        return;
    }
    switch (s->platform) {
    case IOS_PLATFORM_NXOS:
        pr_strlcatf(buf, len, "interface port-channel%d\n%sno lacp suspend-individual", id,
                    s->indent);
        break;
    case IOS_PLATFORM_EOS:
        pr_strlcatf(buf, len,
                    "interface Port-Channel%d\n%sport-channel lacp fallback individual\n"
                    "%sport-channel lacp fallback timeout %d",
                    id, s->indent, s->indent, EOS_FALLBACK_TIMEOUT_S);
        break;
    default:
        pr_strlcatf(buf, len, "interface Port-channel%d\n%sno port-channel standalone-disable", id,
                    s->indent);
        break;
    }
}

/* The port's own rate: a fixed or advertised speed in its configuration,
 * else what its name says; 0 when unknown. */
static int port_speed(const struct snip *s, const struct pr_port *port)
{
    if (s->ifc != NULL && s->ifc->speed.line != NULL && s->ifc->speed.value > 0)
        return s->ifc->speed.value;
    if (s->ifc != NULL && s->ifc->speed_auto.line != NULL && s->ifc->speed_auto.value > 0)
        return s->ifc->speed_auto.value;
    if (port->facts.speed_mbps.known && port->facts.speed_mbps.value > 0)
        return (int)port->facts.speed_mbps.value;
    return ios_speed_from_name(config_name(port));
}

static void speed_fix(const struct snip *s, const struct pr_port *port, char *buf, size_t len)
{
    int mbps = port_speed(s, port);
    if (mbps <= 0) {
        pr_strlcatf(buf, len, "! interface %s: set a fixed speed (the port's rate)",
                    config_name(port));
        return;
    }
    pr_strlcatf(buf, len, "interface %s\n%s", config_name(port), s->indent);
    switch (s->platform) {
    case IOS_PLATFORM_EOS:
        if (mbps >= 25000 && mbps % 1000 == 0)
            pr_strlcatf(buf, len, "speed forced %dgfull", mbps / 1000);
        else
            pr_strlcatf(buf, len, "speed forced %dfull", mbps);
        break;
    case IOS_PLATFORM_NXOS:
        pr_strlcatf(buf, len, "speed %d", mbps);
        break;
    default:
        pr_strlcatf(buf, len, "speed %d", mbps);
        if (mbps < 10000)
            pr_strlcatf(buf, len, "\n%sduplex full", s->indent);
        break;
    }
}

static void vlan_fix(const struct snip *s, const struct pr_port *port, char *buf, size_t len)
{
    if (port->expect_vlan < 1 || port->expect_vlan > 4094)
        return;
    pr_strlcatf(buf, len, "interface %s\n%sswitchport %s vlan %lld", config_name(port), s->indent,
                is_trunk(port) ? "trunk native" : "access", (long long)port->expect_vlan);
}

void ios_snippet(const struct pr_switch *sw, const struct pr_port *port,
                 const struct pr_finding *finding, char *buf, size_t buf_len)
{
    if (buf_len == 0)
        return;
    buf[0] = '\0';
    const struct ios_model *m = ios_switch_model(sw);
    struct snip s = {
        .platform = m ? m->platform : platform_from_descr(sw->sys_descr),
        .version_major = m ? m->cfg->platform.version_major : -1,
        .ifc = m ? ios_model_find(m, port->name) : NULL,
    };
    if (s.ifc != NULL && ios_model_channel_of(m, s.ifc) != s.ifc)
        s.channel = ios_model_channel_of(m, s.ifc);
    s.indent = s.platform == IOS_PLATFORM_EOS    ? "   "
               : s.platform == IOS_PLATFORM_NXOS ? "  "
                                                 : " ";

    switch (finding->id) {
    case PR_F_ADMIN_DOWN:
        pr_strlcatf(buf, buf_len, "interface %s\n%sno shutdown", config_name(port), s.indent);
        break;
    case PR_F_ERR_DISABLED:
        pr_strlcatf(buf, buf_len,
                    "! after removing the cause:\ninterface %s\n%sshutdown\n%sno shutdown",
                    config_name(port), s.indent, s.indent);
        break;
    case PR_F_STP_NOT_EDGE:
    case PR_F_STP_EDGE_AUTO:
    case PR_F_PORTFAST_TRUNK_MISSING:
        edge_fix(&s, port, buf, buf_len);
        break;
    case PR_F_STP_LEGACY_MODE:
        pr_strlcatf(buf, buf_len, "spanning-tree mode rapid-pvst");
        break;
    case PR_F_LACP_NO_FALLBACK:
    case PR_F_LACP_FALLBACK_UNKNOWN:
        fallback_fix(&s, port, buf, buf_len);
        break;
    case PR_F_AUTONEG_ON:
        speed_fix(&s, port, buf, buf_len);
        break;
    case PR_F_BPDU_GUARD_OFF:
        pr_strlcatf(buf, buf_len, "interface %s\n%sspanning-tree bpduguard enable",
                    config_name(port), s.indent);
        break;
    case PR_F_VLAN_MISMATCH:
        vlan_fix(&s, port, buf, buf_len);
        break;
    default:
        break; /* link down, not forwarding now: nothing to configure */
    }
}
