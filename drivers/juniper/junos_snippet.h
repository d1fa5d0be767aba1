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

#endif
