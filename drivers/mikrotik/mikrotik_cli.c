/* SPDX-License-Identifier: BSD-3-Clause */
/* The RouterOS CLI over SSH: `/export` prints the configuration
 * routeros_model.c reads, after "# ... by RouterOS ..." comment lines
 * the reader skips. RouterOS has no paging command: a login name ending
 * in "+ct" (no colours, no terminal detection) or a dumb terminal gets
 * no pager, and its exec channel runs `/export` with none, as `ssh
 * admin@router /export` does. The prompt is "[admin@MikroTik] >" ("/interface>"
 * after a menu path, "<SAFE>" in safe mode); a refused command gets "bad
 * command name ..." or "syntax error ...". */
#include "mikrotik/mikrotik_cli.h"

/* Nothing to send first, no pager to answer: empty lists. */
static const char *const routeros_none[] = {NULL};

static const char *const routeros_prompts[] = {
    "^\\[[A-Za-z0-9._-]+@[^]]+\\] [^>]*(<SAFE>)?>$",
    NULL,
};

static const char *const routeros_errors[] = {
    "^(bad command name|syntax error|expected end of command|failure:)",
    NULL,
};

const struct pr_cli_dialect mikrotik_cli_dialect = {
    .name = "routeros",
    .paging_off = routeros_none,
    .show_config = "/export",
    .show_version = "/system resource print",
    .prompts = routeros_prompts,
    .pagers = routeros_none,
    .above_prompt = NULL,
    .errors = routeros_errors,
    .exec = true,
};
