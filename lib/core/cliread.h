/* SPDX-License-Identifier: BSD-3-Clause */
/* Reading a switch's running configuration through its CLI over SSH
 * (--ssh): the driver's dialect (drivers/driver.h) says which commands to
 * send and what the CLI looks like; lib/ssh sends them. When the family is
 * not known beforehand, it is told from the prompt, then the login banner,
 * then the `show version` answer (each driver's match() reads those as it
 * reads an agent's sysDescr).
 *
 * Thread safety: calls in separate threads may run at once. */
#ifndef PR_CLIREAD_H
#define PR_CLIREAD_H

#include <stddef.h>

#include "driver.h"
#include "ssh/transport.h"

/* Logs in to target and reads its running configuration. known is the
 * switch's driver when --driver or SNMP told it, else NULL (a driver
 * without a dialect is an error). On success *text (NUL-terminated, *len
 * bytes, the caller's to free()) is the configuration as the CLI printed
 * it, cleaned, and *used the driver whose dialect read it. The whole
 * exchange ends within target->timeout_s. */
int cliread_config(const struct pr_ssh_target *target, const struct pr_driver *known, char **text,
                   size_t *len, const struct pr_driver **used, struct pr_error *err);

#endif
