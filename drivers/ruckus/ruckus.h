/* SPDX-License-Identifier: BSD-3-Clause */
/* The Ruckus / Brocade FastIron (ICX) family: configurations read into the
 * switch model, agents through the generic MIBs and
 * FOUNDRY-SN-SWITCH-GROUP-MIB, fixes in FastIron syntax, and the
 * application of a fix to configuration text.
 *
 * Ownership: ruckus_config_read() leaves its parsed configuration in
 * sw->driver_priv (freed by pr_switch_free through sw->driver_priv_free);
 * ruckus_snippet() reads it when present. ruckus_config_apply() returns a
 * new string the caller frees. */
#ifndef PR_RUCKUS_H
#define PR_RUCKUS_H

#include <stddef.h>

#include "model/switch.h"
#include "util/error.h"

/* Fills sw from a FastIron configuration. Errors (PR_ERR_INPUT) name
 * origin and line; text of another dialect is PR_ERR_UNSUPPORTED. */
int ruckus_config_read(const char *text, size_t len, const char *origin, struct pr_switch *sw,
                       struct pr_error *err);

/* ruckus_config_read() without detection (the fuzz harness). */
int ruckus_config_read_as(const char *text, size_t len, const char *origin, struct pr_switch *sw,
                          struct pr_error *err);

/* Whether sw holds a configuration ruckus_config_read() read. */
bool ruckus_switch_has_config(const struct pr_switch *sw);

/* The configuration that closes the finding; "" when configuration cannot
 * fix it (read from an agent: the generic driver's advice then). */
void ruckus_snippet(const struct pr_switch *sw, const struct pr_port *port,
                    const struct pr_finding *finding, char *buf, size_t buf_len);

/* The configuration text after the fix: FastIron's saved text is the
 * commands the switch replays in order, so the fix goes at the end, as
 * pasting it in configuration mode would change the running-config.
 * Trailing NUL bytes of the text are dropped. *out is NUL-terminated,
 * *out_len its length. */
int ruckus_config_apply(const char *text, size_t len, const char *snippet, char **out,
                        size_t *out_len, struct pr_error *err);

#endif
