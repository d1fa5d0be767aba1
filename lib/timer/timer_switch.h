/* SPDX-License-Identifier: BSD-3-Clause */
/* The switch-side bounce: with SNMP write access, set ifAdminStatus of the
 * switch port facing the server to down(2), wait, set it to up(1), and time
 * until the server answers from here. The guardian sets the port up again if
 * portready is interrupted or killed while it is down. */
#ifndef PR_TIMER_SWITCH_H
#define PR_TIMER_SWITCH_H

#include "util/error.h"
#include "snmp/source.h"
#include "snmp/store.h"
#include "timer/timer_local.h"
#include "timer/timer_run.h"

struct timer_switch_config {
    const char *host; /* host[:port] */
    const char *port; /* ifName, ifDescr or ifIndex */
    const char *target;
    const struct pr_snmp_options *snmp;
    int interval_ms;
    double down_for_s;
    int timeout_s;
    int count;
};

/* Pure: the ifIndex of port in a store holding ifName and ifDescr columns,
 * by portsel_match_port() (core/portsel.h): a number that is an ifIndex,
 * else an exact ifName, else an exact ifDescr; the lowest ifIndex among
 * equals. -1 when nothing matches. */
long timer_switch_find_port(struct pr_snmp_store *store, const char *port);

/* Opens the switch, finds the port and checks it is admin up now. Fills
 * run->sw, run->port, run->port_ifindex. Returns the source (the caller
 * passes it to timer_switch_run, which closes it) or NULL. */
struct pr_snmp_source *timer_switch_open(const struct timer_switch_config *cfg,
                                         struct timer_run *run, struct pr_error *err);

int timer_switch_run(const struct timer_switch_config *cfg, struct pr_snmp_source *src,
                     const struct timer_hooks *hooks, struct timer_run *run, struct pr_error *err);

#endif
