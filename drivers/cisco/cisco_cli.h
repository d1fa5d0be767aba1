/* SPDX-License-Identifier: BSD-3-Clause */
/* The IOS-style CLI dialect of IOS, IOS-XE, NX-OS and EOS (cisco_cli.c). */
#ifndef PR_CISCO_CLI_H
#define PR_CISCO_CLI_H

#include "driver.h"

extern const struct pr_cli_dialect cisco_cli_dialect;

#endif
