/* SPDX-License-Identifier: BSD-3-Clause */
/* The ExtremeXOS (Switch Engine) CLI over SSH: `disable clipaging` turns
 * the pager ("Press <SPACE> to continue or <Q> to quit:") off, `show
 * configuration` prints what exos_model.c reads. The prompt is the
 * system name, a command counter and "#" (">" for a user login), after
 * "* " while the configuration is unsaved and "Slot-1 " on a stack:
 * "* X440G2-48p.1 #", "Switch.2 #". An unknown command gets "%% Invalid
 * input detected at '^' marker." or "Error: ...". The shell is used. */
#include "extreme/extreme_cli.h"

static const char *const exos_paging_off[] = {
    "disable clipaging",
    NULL,
};

static const char *const exos_prompts[] = {
    "^(\\* )?(Slot-[0-9]+ )?[A-Za-z0-9._:-]+\\.[0-9]+ [>#]$",
    NULL,
};

static const char *const exos_pagers[] = {
    "^Press <SPACE> to continue or <Q> to quit:$",
    NULL,
};

static const char *const exos_errors[] = {
    "^%+ Invalid input",
    "^Error:",
    NULL,
};

const struct pr_cli_dialect extreme_cli_dialect = {
    .name = "exos",
    .paging_off = exos_paging_off,
    .show_config = "show configuration",
    .show_version = "show version",
    .prompts = exos_prompts,
    .pagers = exos_pagers,
    .above_prompt = NULL,
    .errors = exos_errors,
    .exec = false,
};
