/* SPDX-License-Identifier: BSD-3-Clause */
/* The H3C/HPE Comware CLI over SSH: `screen-length disable` turns the
 * pager ("---- More ----") off for the session, `display
 * current-configuration` prints what the `#`-sectioned reader reads. The
 * user view prompts "<H3C>", the system view "[H3C]" and
 * "[H3C-GigabitEthernet1/0/1]"; VRP prompts the same way, so `display
 * version` ("Comware Software") tells them apart. A refused command gets
 * "% Unrecognized command found at '^' position.". The shell is used. */
#include "comware/comware_cli.h"

static const char *const comware_paging_off[] = {
    "screen-length disable",
    NULL,
};

static const char *const comware_prompts[] = {
    "^<[A-Za-z0-9._/:@-]+>$",
    "^\\[[A-Za-z0-9._/:@-]+\\]$",
    NULL,
};

static const char *const comware_pagers[] = {
    "^ *---- More ----$",
    NULL,
};

static const char *const comware_errors[] = {
    "^% (Unrecognized|Wrong|Ambiguous|Incomplete|Too many)",
    NULL,
};

const struct pr_cli_dialect comware_cli_dialect = {
    .name = "comware",
    .paging_off = comware_paging_off,
    .show_config = "display current-configuration",
    .show_version = "display version",
    .prompts = comware_prompts,
    .pagers = comware_pagers,
    .above_prompt = NULL,
    .errors = comware_errors,
    .exec = false,
};
