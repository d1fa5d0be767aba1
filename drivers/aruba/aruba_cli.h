/* SPDX-License-Identifier: BSD-3-Clause */
/* The CLI dialect of AOS-CX and ArubaOS-Switch (ProCurve) (aruba_cli.c). */
#ifndef PR_ARUBA_CLI_H
#define PR_ARUBA_CLI_H

#include "driver.h"

extern const struct pr_cli_dialect aruba_cli_dialect;

#endif
