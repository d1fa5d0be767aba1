/* SPDX-License-Identifier: BSD-3-Clause */
/* The OS10 CLI dialect (dell_cli.c). */
#ifndef PR_DELL_CLI_H
#define PR_DELL_CLI_H

#include "driver.h"

extern const struct pr_cli_dialect dell_cli_dialect;

#endif
