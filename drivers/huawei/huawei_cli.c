/* SPDX-License-Identifier: BSD-3-Clause */
/* The Huawei VRP CLI over SSH: `screen-length 0 temporary` turns the
 * pager ("  ---- More ----") off for the session, `display
 * current-configuration` prints what the `#`-sectioned reader reads. The
 * user view prompts "<HUAWEI>", the system view "[HUAWEI]" and
 * "[HUAWEI-GigabitEthernet0/0/1]"; Comware prompts the same way, so
 * `display version` ("Huawei Versatile Routing Platform") tells them
 * apart. A refused command gets "Error: Unrecognized command found at '^'
 * position.". The shell is used. */
#include "huawei/huawei_cli.h"

static const char *const vrp_paging_off[] = {
    "screen-length 0 temporary",
    NULL,
};

static const char *const vrp_prompts[] = {
    "^<[A-Za-z0-9._/:@-]+>$",
    "^\\[~?\\*?[A-Za-z0-9._/:@-]+\\]$",
    NULL,
};

static const char *const vrp_pagers[] = {
    "^ *---- More ----$",
    NULL,
};

static const char *const vrp_errors[] = {
    "^Error: ?(Unrecognized|Wrong|Ambiguous|Incomplete|Too many)",
    NULL,
};

const struct pr_cli_dialect huawei_cli_dialect = {
    .name = "vrp",
    .paging_off = vrp_paging_off,
    .show_config = "display current-configuration",
    .show_version = "display version",
    .prompts = vrp_prompts,
    .pagers = vrp_pagers,
    .above_prompt = NULL,
    .errors = vrp_errors,
    .exec = false,
};
