/* SPDX-License-Identifier: BSD-3-Clause */
/* The FastIron (ICX) CLI over SSH: `skip-page-display` turns paging off
 * for the session, `show running-config` prints what fastiron_model.c
 * reads. Without a hostname the prompt names the model and the role
 * ("ICX7150-48P Router#", "ICX7250-24 Switch>"), with one it is IOS's
 * shape ("sw1#", "sw1(config-if-e1000-1/1/1)#"); the pager is "--More--,
 * next page: Space, next line: Return key, quit: Control-c", and an
 * unknown command gets "Invalid input -> ...". `show version` names
 * "Ruckus" or "ICX" where the prompt cannot tell. The shell is used. */
#include "ruckus/ruckus_cli.h"

static const char *const fastiron_paging_off[] = {
    "skip-page-display",
    NULL,
};

static const char *const fastiron_prompts[] = {
    "^(SSH@)?[A-Za-z0-9._/:-]+( (Router|Switch))?(\\([A-Za-z0-9._/:+-]+\\))?[>#]$",
    NULL,
};

static const char *const fastiron_pagers[] = {
    "^ *--More--(, next page: Space.*)?$",
    NULL,
};

static const char *const fastiron_errors[] = {
    "^Invalid input",
    "^Error",
    NULL,
};

const struct pr_cli_dialect ruckus_cli_dialect = {
    .name = "fastiron",
    .paging_off = fastiron_paging_off,
    .show_config = "show running-config",
    .show_version = "show version",
    .prompts = fastiron_prompts,
    .pagers = fastiron_pagers,
    .above_prompt = NULL,
    .errors = fastiron_errors,
    .exec = false,
};
