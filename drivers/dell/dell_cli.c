/* SPDX-License-Identifier: BSD-3-Clause */
/* The Dell EMC SmartFabric OS10 CLI over SSH: `terminal length 0` turns
 * the pager ("--more--") off, `show running-configuration` prints what
 * os10_model.c reads. Prompts are IOS's shape ("OS10#",
 * "OS10(config)#", "OS10(conf-if-eth1/1/1)#"), so `show version` ("Dell
 * EMC Networking OS10") tells OS10 from a Cisco-family CLI; an unknown
 * command gets "% Error: Unrecognized command.". The shell is used. */
#include "dell/dell_cli.h"

static const char *const os10_paging_off[] = {
    "terminal length 0",
    NULL,
};

static const char *const os10_prompts[] = {
    "^[A-Za-z0-9._/:-]+(\\([A-Za-z0-9._/:+-]+\\))?[>#]$",
    NULL,
};

static const char *const os10_pagers[] = {
    "^ *--[Mm]ore-- *$",
    NULL,
};

static const char *const os10_errors[] = {
    "^% ",
    NULL,
};

const struct pr_cli_dialect dell_cli_dialect = {
    .name = "os10",
    .paging_off = os10_paging_off,
    .show_config = "show running-configuration",
    .show_version = "show version",
    .prompts = os10_prompts,
    .pagers = os10_pagers,
    .above_prompt = NULL,
    .errors = os10_errors,
    .exec = false,
};
