/* SPDX-License-Identifier: BSD-3-Clause */
/* The FASTPATH driver's configuration entry points (fastpath_driver.c).
 * fastpath_config_read() leaves its model in sw->driver_priv (freed by
 * pr_switch_free through sw->driver_priv_free); fastpath_config_apply()
 * returns a new string the caller frees. */
#ifndef PR_FASTPATH_READ_H
#define PR_FASTPATH_READ_H

#include <stddef.h>

#include "model/switch.h"
#include "util/error.h"

int fastpath_config_read(const char *text, size_t len, const char *origin, struct pr_switch *sw,
                         struct pr_error *err);
int fastpath_config_read_as(const char *text, size_t len, const char *origin, struct pr_switch *sw,
                            struct pr_error *err);
void fastpath_switch_snippet(const struct pr_switch *sw, const struct pr_port *port,
                             const struct pr_finding *finding, char *buf, size_t buf_len);
int fastpath_config_apply(const char *text, size_t len, const char *snippet, char **out,
                          size_t *out_len, struct pr_error *err);

#endif
