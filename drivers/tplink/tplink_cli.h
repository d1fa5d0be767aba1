/* SPDX-License-Identifier: BSD-3-Clause */
/* The TP-Link JetStream / DeltaStream CLI dialect (tplink_cli.c). */
#ifndef PR_TPLINK_CLI_H
#define PR_TPLINK_CLI_H

#include "driver.h"

extern const struct pr_cli_dialect tplink_cli_dialect;

#endif
