/* SPDX-License-Identifier: BSD-3-Clause */
/* The Huawei VRP CLI dialect (huawei_cli.c). */
#ifndef PR_HUAWEI_CLI_H
#define PR_HUAWEI_CLI_H

#include "driver.h"

extern const struct pr_cli_dialect huawei_cli_dialect;

#endif
