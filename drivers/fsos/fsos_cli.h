/* SPDX-License-Identifier: BSD-3-Clause */
/* The FSOS CLI dialect (fsos_cli.c). */
#ifndef PR_FSOS_CLI_H
#define PR_FSOS_CLI_H

#include "driver.h"

extern const struct pr_cli_dialect fsos_cli_dialect;

#endif
