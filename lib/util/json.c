/* SPDX-License-Identifier: BSD-3-Clause */
#include "util/json.h"

#include <math.h>

#include "util/safe_text.h"
#include "util/walltime.h"

void json_init(struct json_out *j, FILE *out, bool pretty)
{
    j->out = out;
    j->pretty = pretty;
    j->depth = 0;
    j->need_comma[0] = false;
    j->after_key = false;
}

static void newline_indent(struct json_out *j)
{
    if (!j->pretty)
        return;
    /* The newline and two blanks a level, in as few writes as fit. */
    static const char line[] = "\n                                                                ";
    size_t blanks = 2 * (size_t)j->depth, room = sizeof line - 2;
    size_t n = blanks < room ? blanks : room;
    fwrite(line, 1, 1 + n, j->out);
    for (blanks -= n; blanks > 0; blanks -= n) {
        n = blanks < room ? blanks : room;
        fwrite(line + 1, 1, n, j->out);
    }
}

/* Before any value or key: the comma and indentation it needs. */
static void before_item(struct json_out *j)
{
    if (j->after_key) {
        j->after_key = false;
        return;
    }
    if (j->depth > 0) {
        if (j->need_comma[j->depth])
            fputc(',', j->out);
        newline_indent(j);
    }
    j->need_comma[j->depth] = true;
}

static void open_scope(struct json_out *j, char c)
{
    before_item(j);
    fputc(c, j->out);
    if (j->depth < JSON_MAX_DEPTH - 1)
        j->depth++;
    j->need_comma[j->depth] = false;
}

static void close_scope(struct json_out *j, char c)
{
    bool had_items = j->need_comma[j->depth];
    if (j->depth > 0)
        j->depth--;
    if (had_items)
        newline_indent(j);
    fputc(c, j->out);
}

void json_begin_object(struct json_out *j)
{
    open_scope(j, '{');
}

void json_end_object(struct json_out *j)
{
    close_scope(j, '}');
}

void json_begin_array(struct json_out *j)
{
    open_scope(j, '[');
}

void json_end_array(struct json_out *j)
{
    close_scope(j, ']');
}

void json_write_escaped(FILE *out, const char *value)
{
    fputc('"', out);
    for (const unsigned char *p = (const unsigned char *)value; *p; p++) {
        /* A run of printable ASCII that needs no escape goes out at once. */
        const unsigned char *run = p;
        while (*p >= 0x20 && *p < 0x7f && *p != '"' && *p != '\\')
            p++;
        if (p > run)
            fwrite(run, 1, (size_t)(p - run), out);
        if (*p == '\0')
            break;
        /* Always valid UTF-8: a byte that starts no valid sequence is
         * U+FFFD; a control character, C1 too, is escaped. */
        size_t n = pr_utf8_len((const char *)p);
        if (n == 0) {
            fputs("\\ufffd", out);
            continue;
        }
        if (n > 1) {
            if (n == 2 && pr_utf8_is_control((const char *)p, n))
                fprintf(out, "\\u%04x", (unsigned)p[1]); /* U+0080 to U+009F */
            else
                fwrite(p, 1, n, out);
            p += n - 1;
            continue;
        }
        switch (*p) {
        case '"':
            fputs("\\\"", out);
            break;
        case '\\':
            fputs("\\\\", out);
            break;
        case '\n':
            fputs("\\n", out);
            break;
        case '\r':
            fputs("\\r", out);
            break;
        case '\t':
            fputs("\\t", out);
            break;
        default:
            if (*p < 0x20 || *p == 0x7f)
                fprintf(out, "\\u%04x", *p);
            else
                fputc(*p, out);
        }
    }
    fputc('"', out);
}

void json_key(struct json_out *j, const char *key)
{
    before_item(j);
    json_write_escaped(j->out, key);
    fputs(j->pretty ? ": " : ":", j->out);
    j->after_key = true;
}

void json_string(struct json_out *j, const char *value)
{
    before_item(j);
    if (value == NULL)
        fputs("null", j->out);
    else
        json_write_escaped(j->out, value);
}

void json_int(struct json_out *j, int64_t value)
{
    before_item(j);
    fprintf(j->out, "%lld", (long long)value);
}

void json_double(struct json_out *j, double value, int decimals)
{
    before_item(j);
    if (!isfinite(value))
        fputs("null", j->out);
    else
        fprintf(j->out, "%.*f", decimals, value);
}

void json_bool(struct json_out *j, bool value)
{
    before_item(j);
    fputs(value ? "true" : "false", j->out);
}

void json_null(struct json_out *j)
{
    before_item(j);
    fputs("null", j->out);
}

void json_int_or_null(struct json_out *j, bool known, int64_t value)
{
    if (known)
        json_int(j, value);
    else
        json_null(j);
}

void json_double_or_null(struct json_out *j, bool known, double value, int decimals)
{
    if (known)
        json_double(j, value, decimals);
    else
        json_null(j);
}

void json_error(struct json_out *j, const struct pr_error *err)
{
    if (err == NULL || err->code == PR_OK) {
        json_null(j);
        return;
    }
    json_begin_object(j);
    json_key(j, "code");
    json_string(j, pr_error_code_name(err->code));
    json_key(j, "message");
    json_string(j, err->msg);
    json_end_object(j);
}

void json_wall_time(struct json_out *j, int64_t unix_ns, int decimals)
{
    if (unix_ns <= 0) {
        json_null(j);
        return;
    }
    char text[PR_WALL_TEXT_MAX];
    pr_wall_format(unix_ns, decimals, text, sizeof text);
    json_string(j, text);
}

void json_finish(struct json_out *j)
{
    fputc('\n', j->out);
}
