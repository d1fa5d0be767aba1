/* SPDX-License-Identifier: BSD-3-Clause */
/* TP-Link JetStream-style configurations (the DS-P7001-08 OLT and the
 * family sharing its CLI): unindented global statements, `interface
 * gigabitEthernet 1/0/3` / `interface ten-gigabitEthernet 1/0/1` /
 * `interface port-channel 1` blocks of two-blank-indented lines, `!`
 * comments (Oxidized's `show system-info` preamble). tplink_read.c reads it
 * into the model, tplink_snippet.c writes the fixes; docs/tplink.md says
 * what is read and what is not known.
 *
 * Ownership: tplink_config_read() leaves its model in sw->driver_priv
 * (freed by pr_switch_free through sw->driver_priv_free). */
#ifndef PR_TPLINK_H
#define PR_TPLINK_H

#include <stdbool.h>
#include <stddef.h>

#include "cli/cli_names.h"
#include "cli/cli_text.h"
#include "model/switch.h"

struct tp_setting {
    int value;
    const struct cli_line *line;
};

struct tp_if {
    char name[48]; /* "gigabitEthernet 1/0/3", "port-channel 1" */
    bool lag;
    struct tp_setting shutdown;
    struct tp_setting stp;      /* spanning-tree on the port: 1, no spanning-tree: 0 */
    struct tp_setting portfast; /* spanning-tree portfast */
    struct tp_setting channel;  /* channel-group N: N */
    struct tp_setting lacp;     /* mode active|passive: 1, mode on: 0 */
    struct tp_setting speed;    /* speed N: Mb/s */
    struct tp_setting pvid;     /* switchport pvid N */
    struct tp_setting untagged; /* switchport general allowed vlan N untagged */
    const struct cli_line *tagged;
    char alias[64];
};

struct tplink_model {
    struct cli_text *text;
    struct tp_setting stp;  /* spanning-tree / no spanning-tree */
    struct tp_setting mode; /* enum pr_stp_mode */
    struct tp_if *ifs;
    size_t n_ifs;
    struct cli_names names; /* over ifs, by name */
};

int tplink_detect(const char *text, size_t len, char *evidence, size_t evidence_len);

int tplink_config_read(const char *text, size_t len, const char *origin, struct pr_switch *sw,
                       struct pr_error *err);
int tplink_config_read_as(const char *text, size_t len, const char *origin, struct pr_switch *sw,
                          struct pr_error *err);

const struct tplink_model *tplink_switch_model(const struct pr_switch *sw);
const struct tp_if *tplink_find(const struct tplink_model *m, const char *name);

/* The port-channel a member is in; NULL when none. */
const struct tp_if *tplink_lag_of(const struct tplink_model *m, const struct tp_if *p);

void tplink_snippet(const struct pr_switch *sw, const struct pr_port *port,
                    const struct pr_finding *finding, char *buf, size_t buf_len);

#endif
