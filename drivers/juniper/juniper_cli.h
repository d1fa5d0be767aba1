/* SPDX-License-Identifier: BSD-3-Clause */
/* The Junos CLI dialect (juniper_cli.c). */
#ifndef PR_JUNIPER_CLI_H
#define PR_JUNIPER_CLI_H

#include "driver.h"

extern const struct pr_cli_dialect juniper_cli_dialect;

#endif
