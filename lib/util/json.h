/* SPDX-License-Identifier: BSD-3-Clause */
/* A small streaming JSON writer: commas, escaping and nesting handled here,
 * so writers only say what they mean. Output goes to a FILE.
 *
 *   struct json_out j; json_init(&j, stdout, true);
 *   json_begin_object(&j); json_key(&j, "portready"); json_int(&j, 1); ...
 */
#ifndef PR_JSON_H
#define PR_JSON_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "util/error.h"

#define JSON_MAX_DEPTH 32

struct json_out {
    FILE *out;
    bool pretty;
    int depth;
    bool need_comma[JSON_MAX_DEPTH];
    bool after_key;
};

void json_init(struct json_out *j, FILE *out, bool pretty);
void json_begin_object(struct json_out *j);
void json_end_object(struct json_out *j);
void json_begin_array(struct json_out *j);
void json_end_array(struct json_out *j);
void json_key(struct json_out *j, const char *key);
void json_string(struct json_out *j, const char *value); /* NULL writes null */
void json_int(struct json_out *j, int64_t value);
void json_double(struct json_out *j, double value, int decimals);
void json_bool(struct json_out *j, bool value);
void json_null(struct json_out *j);
/* A value that may be unknown: null when !known (schema 1: the key is
 * always there, null when unknown). */
void json_int_or_null(struct json_out *j, bool known, int64_t value);
void json_double_or_null(struct json_out *j, bool known, double value, int decimals);
/* The "error" value every document of schema 1 ends with (docs/json.md):
 * null when err is NULL or holds no error, else {"code": the code's name
 * (pr_error_code_name: "usage", "input", "io", ...), "message": err->msg}. */
void json_error(struct json_out *j, const struct pr_error *err);
/* A wall-clock time (util/walltime.h) as an ISO 8601 UTC string with
 * `decimals` digits of the second; null when unix_ns is 0 or negative
 * (unknown). */
void json_wall_time(struct json_out *j, int64_t unix_ns, int decimals);
/* Ends the document with a newline (the caller flushes the stream and
 * checks it). */
void json_finish(struct json_out *j);

/* Writes value as a JSON string literal (with quotes) to out. */
void json_write_escaped(FILE *out, const char *value);

#endif
