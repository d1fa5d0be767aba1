/* SPDX-License-Identifier: BSD-3-Clause */
/* The MikroTik RouterOS family: `/export` configurations read into the
 * switch model, agents through the generic MIBs (MIKROTIK-MIB has no
 * bridge or spanning-tree object), fixes in RouterOS syntax, and the
 * application of a fix to the export.
 *
 * Ownership: mikrotik_config_read() leaves its model in sw->driver_priv
 * (freed by pr_switch_free through sw->driver_priv_free);
 * mikrotik_snippet() reads it when present. mikrotik_config_apply()
 * returns a new string the caller frees. */
#ifndef PR_MIKROTIK_H
#define PR_MIKROTIK_H

#include <stdbool.h>
#include <stddef.h>

#include "model/switch.h"
#include "util/error.h"

/* Fills sw from an export. Errors (PR_ERR_INPUT) name origin and line;
 * text of another dialect is PR_ERR_UNSUPPORTED. */
int mikrotik_config_read(const char *text, size_t len, const char *origin, struct pr_switch *sw,
                         struct pr_error *err);

/* mikrotik_config_read() without detection (the fuzz harness). */
int mikrotik_config_read_as(const char *text, size_t len, const char *origin, struct pr_switch *sw,
                            struct pr_error *err);

bool mikrotik_switch_has_config(const struct pr_switch *sw);

void mikrotik_snippet(const struct pr_switch *sw, const struct pr_port *port,
                      const struct pr_finding *finding, char *buf, size_t buf_len);

/* The export after the fix, appended at the end (trailing NUL bytes
 * dropped). *out is NUL-terminated, *out_len its length. */
int mikrotik_config_apply(const char *text, size_t len, const char *snippet, char **out,
                          size_t *out_len, struct pr_error *err);

#endif
