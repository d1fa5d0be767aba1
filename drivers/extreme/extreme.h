/* SPDX-License-Identifier: BSD-3-Clause */
/* The Extreme Networks family: EXOS configurations read into the switch
 * model (exos_*.c), agents under Extreme's enterprise (1916) through the
 * standard MIBs, fixes as EXOS commands.
 *
 * Ownership: extreme_config_read() leaves its model in sw->driver_priv
 * (freed by pr_switch_free through sw->driver_priv_free). */
#ifndef PR_EXTREME_H
#define PR_EXTREME_H

#include <stdbool.h>
#include <stddef.h>

#include "model/switch.h"
#include "util/error.h"

int extreme_config_read(const char *text, size_t len, const char *origin, struct pr_switch *sw,
                        struct pr_error *err);

bool extreme_switch_has_config(const struct pr_switch *sw);

void extreme_snippet(const struct pr_switch *sw, const struct pr_port *port,
                     const struct pr_finding *finding, char *buf, size_t buf_len);

/* The text after the fix: the commands appended (EXOS replays its
 * configuration in order). *out is NUL-terminated. */
int extreme_config_apply(const char *text, size_t len, const char *snippet, char **out,
                         size_t *out_len, struct pr_error *err);

#endif
