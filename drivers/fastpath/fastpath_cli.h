/* SPDX-License-Identifier: BSD-3-Clause */
/* The EFOS (FASTPATH) CLI dialect (fastpath_cli.c). */
#ifndef PR_FASTPATH_CLI_H
#define PR_FASTPATH_CLI_H

#include "driver.h"

extern const struct pr_cli_dialect fastpath_cli_dialect;

#endif
