/* SPDX-License-Identifier: BSD-3-Clause */
/* The RouterOS CLI dialect (mikrotik_cli.c). */
#ifndef PR_MIKROTIK_CLI_H
#define PR_MIKROTIK_CLI_H

#include "driver.h"

extern const struct pr_cli_dialect mikrotik_cli_dialect;

#endif
