/* SPDX-License-Identifier: BSD-3-Clause */
/* The CLI of AOS-CX and ArubaOS-Switch (ProCurve, ProVision) over SSH:
 * `no page` turns paging off on both, `show running-config` prints what
 * the aruba readers read. Prompts look like IOS's ("sw1#", "sw1>",
 * "sw1(config)#"), so the login banner ("Hewlett-Packard", "Aruba") or
 * `show version` ("ArubaOS-CX") tells them from a Cisco-family CLI. An
 * ArubaOS-Switch login stops at "Press any key to continue" before its
 * first prompt, draws its pager "-- MORE --, next page: Space, next line:
 * Enter, quit: Control-C" with cursor addressing on the bottom line, and
 * answers an unknown command with "Invalid input: ...". The shell is used:
 * ArubaOS-Switch has no exec channel. */
#include "aruba/aruba_cli.h"

static const char *const aruba_paging_off[] = {
    "no page",
    NULL,
};

static const char *const aruba_prompts[] = {
    "^[A-Za-z0-9._/:-]+(\\([A-Za-z0-9._/:+-]+\\))?[>#]$",
    NULL,
};

static const char *const aruba_pagers[] = {
    "^-- ?MORE ?--(, next page: Space.*)?$",
    "^ *--[Mm]ore-- *$",
    "^Press any key to continue$",
    NULL,
};

static const char *const aruba_errors[] = {
    "^Invalid input:",
    "^% ",
    NULL,
};

const struct pr_cli_dialect aruba_cli_dialect = {
    .name = "aruba",
    .paging_off = aruba_paging_off,
    .show_config = "show running-config",
    .show_version = "show version",
    .prompts = aruba_prompts,
    .pagers = aruba_pagers,
    .above_prompt = NULL,
    .errors = aruba_errors,
    .exec = false,
};
