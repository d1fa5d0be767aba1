/* SPDX-License-Identifier: BSD-3-Clause */
/* A Junos configuration read into the portready model: the format (XML,
 * curly-brace, `display set`) is detected, the text parsed, groups and
 * interface ranges expanded, and every physical port added to the switch
 * with its facts.
 *
 * Ownership: junos_config_read() leaves a struct junos_config in
 * sw->driver_priv (freed by pr_switch_free() through driver_priv_free);
 * the fix snippets read it. */
#ifndef JUNOS_CONFIG_H
#define JUNOS_CONFIG_H

#include <stddef.h>

#include "junos_model.h"
#include "junos_read.h"
#include "junos_tree.h"
#include "util/error.h"
#include "model/switch.h"

struct junos_config {
    enum junos_format format;
    struct junos_node *raw;  /* as read */
    struct junos_node *tree; /* groups and ranges expanded */
    struct junos_model_info info;
};

/* Reads text (origin names it in errors) into sw: ports, their facts and
 * the switch's STP. -1 with err naming the line on bad input. */
int junos_config_read(const char *text, size_t len, const char *origin, struct pr_switch *sw,
                      struct pr_error *err);

/* Applies `set`/`delete` lines on top of the configuration sw was read
 * from and reads sw again (ports keep their expect_vlan and server; a port
 * whose configuration the lines removed stays, unconfigured). */
int junos_config_apply_set(struct pr_switch *sw, const char *lines, size_t len,
                           struct pr_error *err);

/* The configuration behind sw, or NULL when sw was not read by
 * junos_config_read(). */
const struct junos_config *junos_config_of(const struct pr_switch *sw);

/* The port's snippet information, or NULL. */
const struct junos_port_info *junos_config_port(const struct junos_config *cfg,
                                                const char *port_name);

void junos_config_free(void *cfg);

#endif
