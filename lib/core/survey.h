/* SPDX-License-Identifier: BSD-3-Clause */
/* Surveying one switch: open its sources, choose its driver, collect its
 * facts, select the ports asked for, judge them and write their fixes. The
 * command layer (check, audit) describes a switch in a survey_spec and gets
 * a filled struct pr_switch back; the switch's error says what failed.
 *
 * Thread safety: separate switches may be surveyed in separate threads at
 * once. */
#ifndef PR_SURVEY_H
#define PR_SURVEY_H

#include <stdbool.h>
#include <stdint.h>

#include "driver.h"
#include "model/switch.h"
#include "netconf/netconf.h"
#include "snmp/source.h"
#include "ssh/transport.h"

struct survey_port {
    const char *name;    /* ifName, ifDescr, ifIndex or configuration name */
    const char *server;  /* NULL or the server behind it */
    int64_t expect_vlan; /* -1: the switch's default */
    uint32_t clients;    /* the named DHCP clients (rules/clients.h); 0: the switch's */
};

struct survey_spec {
    const char *name; /* display name */
    const char *host; /* host[:port] of a live SNMP agent; NULL: none */
    const struct pr_snmp_options *snmp;
    const char *walk_path;                 /* NULL: none */
    const char *config_path;               /* NULL: none */
    const struct netconf_options *netconf; /* NULL: none; else <get-config> over SSH */
    const struct pr_ssh_target *ssh;       /* NULL: none; else the CLI's running configuration */
    const char *save_config_dir;     /* NULL, or where a configuration read over SSH or NETCONF
                                      * is kept as NAME.cfg (core/saveconf.h) */
    const char *driver;              /* "auto" or a driver name */
    const struct survey_port *ports; /* n_ports 0: every physical port */
    size_t n_ports;
    bool all_ports;      /* with n_ports 0: uplinks too (else listed in sw->uplinks, not judged) */
    int64_t expect_vlan; /* -1: not checked */
    uint32_t clients;    /* the DHCP clients named for every port; 0: none */
};

/* Fills sw (initialised here; the caller frees it with pr_switch_free).
 * Returns 0 when the switch was read, -1 when it was not (sw->error and
 * err both say why; sw keeps name and host, no ports, and counts every
 * port spec names as unchecked). A PORT that does not exist is no error of
 * the switch: sw->port_errors names it with the closest matches, it counts
 * as unchecked, and the ports that do exist are judged. A source with no
 * switch port at all, with no PORT named, says so in sw->port_errors. */
int survey_switch(const struct survey_spec *spec, struct pr_switch *sw, struct pr_error *err);

/* Selects ports of sw in place: the named ones in the order given (with
 * server and expected VLAN applied), or every physical port when
 * n_ports is 0. A name that matches nothing adds a port error naming the
 * closest matches and one unchecked port. Returns 0, or -1 when out of
 * memory. */
int survey_select_ports(struct pr_switch *sw, const struct survey_port *ports, size_t n_ports,
                        int64_t default_vlan, struct pr_error *err);

/* Writes every finding's fix (drv->snippet), then the switch's block of
 * them all (drv->merge_fixes) into sw->fix. A port whose role is uplink
 * gets no fix that would make it edge, guard it against BPDUs, move its
 * VLAN or loosen its LACP (core/roles.h), and is never in the block. The
 * survey calls it after judging; tests call it to prove the fixes. */
void survey_write_fixes(const struct pr_driver *drv, struct pr_switch *sw);

#endif
