/* SPDX-License-Identifier: BSD-3-Clause */
/* One JSON schema for every command (docs/json.md): how a command that
 * fails still prints one JSON document when --format json was asked, so a
 * JSON reader never reads nothing. Every document ends with an "error"
 * key: null, or {"code": "usage"|"input"|"io"|..., "message": "..."}, with
 * the command's usual keys present and empty. */
#ifndef PR_CLI_JSON_H
#define PR_CLI_JSON_H

#include <stdbool.h>
#include <stddef.h>

#include "util/error.h"

/* Whether argv (argv[0] is the subcommand) asks for --format json, looked
 * up before the options are parsed, so a usage error in an earlier option
 * (or in the --format value itself, which then is not json) is answered in
 * JSON too. Stops at "--". */
bool cli_wants_json(int argc, char **argv);

/* A verdict's name as a JSON key, in snake_case ("slow-renew" ->
 * "slow_renew"), into buf. */
void cli_json_name_key(const char *name, char *buf, size_t len);

/* The document of check (round 0) or audit (round >= 1) that failed before
 * it read any switch: no switches, a zero summary, err as "error". */
void cli_report_error_doc(unsigned round, const struct pr_error *err);

/* Fills err with code and a printf-style message, for failures the command
 * layer finds itself (a refusal, a file it cannot write). Returns err. */
struct pr_error *cli_error(struct pr_error *err, enum pr_error_code code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
