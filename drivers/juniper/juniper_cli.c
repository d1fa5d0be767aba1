/* SPDX-License-Identifier: BSD-3-Clause */
/* The Junos CLI over SSH. `show configuration | display set` gives the
 * configuration as set lines, which junos_set.c reads (inactive
 * statements come as `deactivate` lines); the exec channel runs it without
 * a pager, as `ssh user@switch "show configuration"` does. In the shell
 * the operational prompt is "user@host> " ("#" in configuration mode, "%"
 * in the FreeBSD shell), virtual chassis and dual-RE switches write
 * "{master:0}" above it, configuration mode "[edit]", and the pager is
 * "---(more)---" or "---(more 45%)---". */
#include "juniper/juniper_cli.h"

static const char *const junos_paging_off[] = {
    "set cli screen-length 0",
    "set cli screen-width 0",
    NULL,
};

static const char *const junos_prompts[] = {
    "^[A-Za-z0-9._-]+@[A-Za-z0-9._:-]+[>#%]$",
    NULL,
};

static const char *const junos_pagers[] = {
    "^---\\(more( [0-9]+%)?\\)---$",
    NULL,
};

static const char *const junos_above_prompt[] = {
    "^\\{(master|backup|linecard|primary|secondary|fpc)(:[0-9]+)?\\}$",
    "^\\[edit( .*)?\\]$",
    NULL,
};

/* "syntax error, expecting <command>.", "unknown command.", "error: ..."
 * (a caret line above them is skipped). */
static const char *const junos_errors[] = {
    "^(syntax error|unknown command|error:|invalid command)",
    NULL,
};

const struct pr_cli_dialect juniper_cli_dialect = {
    .name = "junos",
    .paging_off = junos_paging_off,
    .show_config = "show configuration | display set",
    .show_version = "show version",
    .prompts = junos_prompts,
    .pagers = junos_pagers,
    .above_prompt = junos_above_prompt,
    .errors = junos_errors,
    .exec = true,
};
