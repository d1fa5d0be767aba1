/* SPDX-License-Identifier: BSD-3-Clause */
/* The EXOS CLI dialect (extreme_cli.c). */
#ifndef PR_EXTREME_CLI_H
#define PR_EXTREME_CLI_H

#include "driver.h"

extern const struct pr_cli_dialect extreme_cli_dialect;

#endif
