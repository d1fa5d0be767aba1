/* SPDX-License-Identifier: BSD-3-Clause */
/* The TP-Link JetStream / DeltaStream CLI over SSH (docs/tplink.md gives
 * which fact comes from which source): `terminal length 0` turns the pager
 * off (Oxidized's tplink model sends it after login; netmiko's
 * tplink_jetstream driver inherits it), `show running-config` prints what
 * tplink_read.c reads, and only in privileged mode: a login that lands at
 * "name>" is sent `enable` first (TP-Link enables without a password by
 * default, Oxidized's model notes say; one asking a password is left with
 * an error). The pager prompt is "Press any key to continue (Q to quit)"
 * (sometimes without its blanks), answered with a space; prompts are
 * "name#" and "name>" (word characters, '.', '@', '(', ')', '-'); a
 * refused command gets "Error: Bad command". The prompt has IOS's shape,
 * so `show system-info` ("TP-LINK", "JetStream", "DeltaStream" in its
 * description or boot loader) tells the family. The shell is used. */
#include "tplink/tplink_cli.h"

static const char *const tplink_paging_off[] = {
    "terminal length 0",
    NULL,
};

static const char *const tplink_prompts[] = {
    "^[A-Za-z0-9_.@()-]+[>#]$",
    NULL,
};

static const char *const tplink_pagers[] = {
    "^ *Press ?any ?key ?to ?continue ?\\(Q ?to ?quit\\) *$",
    NULL,
};

static const char *const tplink_errors[] = {
    "^Error: ",
    NULL,
};

const struct pr_cli_dialect tplink_cli_dialect = {
    .name = "tplink",
    .paging_off = tplink_paging_off,
    .show_config = "show running-config",
    .show_version = "show system-info",
    .prompts = tplink_prompts,
    .pagers = tplink_pagers,
    .above_prompt = NULL,
    .errors = tplink_errors,
    .exec = false,
    .enable = "enable",
};
