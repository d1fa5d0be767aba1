/* SPDX-License-Identifier: BSD-3-Clause */
/* The FS.com FSOS CLI over SSH: `terminal length 0` and `terminal width
 * 0` turn paging and wrapping off, `show running-config` prints
 * ("Building configuration...", "Current configuration:") what
 * fsos_read.c reads. Prompts are IOS's shape ("FS-LAB-OXI#"), so `show
 * version` ("Fiberstore Co., Limited Internetwork Operating System
 * Software") tells FSOS from a Cisco-family CLI. The shell is used. */
#include "fsos/fsos_cli.h"

static const char *const fsos_paging_off[] = {
    "terminal length 0",
    "terminal width 0",
    NULL,
};

static const char *const fsos_prompts[] = {
    "^[A-Za-z0-9._/:-]+(\\([A-Za-z0-9._/:+-]+\\))?[>#]$",
    NULL,
};

static const char *const fsos_pagers[] = {
    "^ *--[Mm]ore-- *$",
    NULL,
};

static const char *const fsos_errors[] = {
    "^% ",
    NULL,
};

const struct pr_cli_dialect fsos_cli_dialect = {
    .name = "fsos",
    .paging_off = fsos_paging_off,
    .show_config = "show running-config",
    .show_version = "show version",
    .prompts = fsos_prompts,
    .pagers = fsos_pagers,
    .above_prompt = NULL,
    .errors = fsos_errors,
    .exec = false,
};
