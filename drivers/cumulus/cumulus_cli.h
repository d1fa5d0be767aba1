/* SPDX-License-Identifier: BSD-3-Clause */
/* The Cumulus Linux CLI dialect (cumulus_cli.c). */
#ifndef PR_CUMULUS_CLI_H
#define PR_CUMULUS_CLI_H

#include "driver.h"

extern const struct pr_cli_dialect cumulus_cli_dialect;

#endif
