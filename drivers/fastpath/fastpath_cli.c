/* SPDX-License-Identifier: BSD-3-Clause */
/* The EFOS (Broadcom FASTPATH) CLI over SSH: `terminal length 0` turns
 * the pager ("--More-- or (q)uit") off, `show running-config` prints what
 * fastpath_model.c reads. The prompt is the system name in parentheses
 * and the mode: "(Routing) >", "(Routing) #", "(Routing) (Config)#",
 * "(Routing) (Interface 0/1)#"; a refused command gets "% Invalid input
 * detected at '^' marker.". The shell is used. */
#include "fastpath/fastpath_cli.h"

static const char *const efos_paging_off[] = {
    "terminal length 0",
    NULL,
};

static const char *const efos_prompts[] = {
    "^\\([A-Za-z0-9._/: -]+\\) ?(\\([A-Za-z0-9._/: -]+\\))?[>#]$",
    NULL,
};

static const char *const efos_pagers[] = {
    "^ *--More-- or \\(q\\)uit$",
    "^ *--[Mm]ore-- *$",
    NULL,
};

static const char *const efos_errors[] = {
    "^% ",
    NULL,
};

const struct pr_cli_dialect fastpath_cli_dialect = {
    .name = "efos",
    .paging_off = efos_paging_off,
    .show_config = "show running-config",
    .show_version = "show version",
    .prompts = efos_prompts,
    .pagers = efos_pagers,
    .above_prompt = NULL,
    .errors = efos_errors,
    .exec = false,
};
