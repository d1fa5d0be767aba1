/* SPDX-License-Identifier: BSD-3-Clause */
/* The CLI of IOS, IOS-XE, NX-OS and Arista EOS over SSH: the same
 * commands (`terminal length 0`, `show running-config`) and prompts
 * ("sw1#", "sw1>", "sw1(config-if)#"). IOS writes " --More-- " and erases
 * it with backspaces, NX-OS "--More--" in reverse video, EOS " --More-- ".
 * A login without the privilege to read the configuration gets a "% ..."
 * line ("% Invalid input detected at '^' marker.", "% Permission denied",
 * "% Authorization failed"). The shell is used rather than the exec
 * channel: IOS closes the channel after one exec command and some trains
 * answer exec requests badly. */
#include "cisco/cisco_cli.h"

static const char *const ios_paging_off[] = {
    "terminal length 0",
    NULL,
};

static const char *const ios_prompts[] = {
    "^[A-Za-z0-9._/:-]+(\\([A-Za-z0-9._/:+-]+\\))?[>#]$",
    NULL,
};

static const char *const ios_pagers[] = {
    "^ *--[Mm]ore-- *$",
    NULL,
};

static const char *const ios_errors[] = {
    "^% ",
    NULL,
};

const struct pr_cli_dialect cisco_cli_dialect = {
    .name = "ios",
    .paging_off = ios_paging_off,
    .show_config = "show running-config",
    .show_version = "show version",
    .prompts = ios_prompts,
    .pagers = ios_pagers,
    .above_prompt = NULL,
    .errors = ios_errors,
    .exec = false,
};
