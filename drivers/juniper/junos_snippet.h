/* SPDX-License-Identifier: BSD-3-Clause */
/* Junos `set` commands that close one finding for the port's actual
 * situation (see junos_snippet.c for the choices). The text is a list of
 * set/delete lines that `load set terminal` accepts, with `#` comment
 * lines where a choice needs explaining. "" when the configuration cannot
 * fix the finding (link down, err-disabled, degraded speed). */
#ifndef JUNOS_SNIPPET_H
#define JUNOS_SNIPPET_H

#include <stddef.h>

#include "model/finding.h"
#include "model/switch.h"

void junos_snippet(const struct pr_switch *sw, const struct pr_port *port,
                   const struct pr_finding *finding, char *buf, size_t buf_len);

/* The driver's merge_fixes (driver.h; junos_fixes.c): the kept fixes of
 * every port but the uplinks as one list of `set` lines, each once, the
 * switch-wide ones first under a `#` line that marks them disruptive. A
 * switch read without a configuration gets pr_driver_merge_fixes(). */
int junos_merge_fixes(const struct pr_switch *sw, struct pr_fix_block *block);

#endif
