/* SPDX-License-Identifier: BSD-3-Clause */
/* Cumulus Linux over SSH: a login gets bash, so the exec channel runs one
 * shell command with no terminal and no pager: `nv config show` (NVUE's
 * YAML, releases 4.4 on) or, where there is no NVUE, `cat
 * /etc/network/interfaces` (ifupdown2's file). In the shell (exec
 * refused) the prompt is bash's "user@host:~$" or "root@host:~#" (with a
 * VRF, "user@host:mgmt:~$"), `cat /etc/os-release` names "Cumulus Linux";
 * an unknown command gets "-bash: X: command not found". */
#include "cumulus/cumulus_cli.h"

/* No paging command and no pager: bash on exec has no terminal. */
static const char *const cumulus_none[] = {
    NULL,
};

static const char *const cumulus_prompts[] = {
    "^[A-Za-z0-9._-]+@[A-Za-z0-9._-]+(:[A-Za-z0-9._-]+)?:[~/][^ ]*[$#]$",
    NULL,
};

static const char *const cumulus_errors[] = {
    "^-?bash: .*: command not found$",
    NULL,
};

const struct pr_cli_dialect cumulus_cli_dialect = {
    .name = "cumulus",
    .paging_off = cumulus_none,
    .show_config = "nv config show --color off 2>/dev/null || cat /etc/network/interfaces",
    .show_version = "cat /etc/os-release",
    .prompts = cumulus_prompts,
    .pagers = cumulus_none,
    .above_prompt = NULL,
    .errors = cumulus_errors,
    .exec = true,
};
