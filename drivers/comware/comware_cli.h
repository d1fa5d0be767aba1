/* SPDX-License-Identifier: BSD-3-Clause */
/* The Comware CLI dialect (comware_cli.c). */
#ifndef PR_COMWARE_CLI_H
#define PR_COMWARE_CLI_H

#include "driver.h"

extern const struct pr_cli_dialect comware_cli_dialect;

#endif
