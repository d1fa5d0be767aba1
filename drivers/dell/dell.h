/* SPDX-License-Identifier: BSD-3-Clause */
/* The Dell family: OS10 configurations read into the switch model
 * (os10_*.c), Dell agents (PowerConnect, N-series, OS9, OS10: enterprises
 * 674 and 6027) through the standard MIBs (dell_snmp.c), fixes in OS10
 * syntax.
 *
 * Ownership: dell_config_read() leaves its model in sw->driver_priv (freed
 * by pr_switch_free through sw->driver_priv_free). */
#ifndef PR_DELL_H
#define PR_DELL_H

#include <stdbool.h>
#include <stddef.h>

#include "model/switch.h"
#include "snmp/source.h"
#include "util/error.h"

/* Fills sw from an OS10 configuration. Errors (PR_ERR_INPUT) name origin
 * and line; other text is PR_ERR_UNSUPPORTED. */
int dell_config_read(const char *text, size_t len, const char *origin, struct pr_switch *sw,
                     struct pr_error *err);

/* Whether sw holds an OS10 configuration dell_config_read() left. */
bool dell_switch_has_config(const struct pr_switch *sw);

void dell_snippet(const struct pr_switch *sw, const struct pr_port *port,
                  const struct pr_finding *finding, char *buf, size_t buf_len);

/* Whether a sysObjectID is under Dell's enterprises (674, 6027). */
bool dell_snmp_object_id(const char *sys_object_id);

/* The standard MIBs, then what Dell agents say differently: PowerConnect's
 * port-channels ch1-ch8 answer ifType ethernetCsmacd(6), and are
 * aggregates, not physical ports. */
int dell_snmp_read(struct pr_snmp_source *src, struct pr_switch *sw, struct pr_error *err);

/* The configuration text after the fix: OS10 replays its running
 * configuration in order (an interface written again adds to it), so the
 * fix goes at the end. *out is NUL-terminated, *out_len its length. */
int dell_config_apply(const char *text, size_t len, const char *snippet, char **out,
                      size_t *out_len, struct pr_error *err);

#endif
