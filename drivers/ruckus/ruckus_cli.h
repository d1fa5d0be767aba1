/* SPDX-License-Identifier: BSD-3-Clause */
/* The FastIron CLI dialect (ruckus_cli.c). */
#ifndef PR_RUCKUS_CLI_H
#define PR_RUCKUS_CLI_H

#include "driver.h"

extern const struct pr_cli_dialect ruckus_cli_dialect;

#endif
