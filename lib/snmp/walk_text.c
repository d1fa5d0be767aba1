/* SPDX-License-Identifier: BSD-3-Clause */
/* Text helpers shared by the walk-file readers: lines, hex, numbers. */
#include "snmp/walk.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Makes room for n more bytes of the current line (plus its NUL). */
static int line_reserve(struct walk_cursor *c, size_t used, size_t n, struct pr_error *err)
{
    if (used + n + 1 <= c->line_cap)
        return 0;
    size_t cap = c->line_cap ? c->line_cap : 256;
    while (cap < used + n + 1)
        cap *= 2;
    char *line = realloc(c->line, cap);
    if (line == NULL)
        return pr_error_set(err, PR_ERR_INTERNAL, "%s:%zu: out of memory", c->name, c->line_no);
    c->line = line;
    c->line_cap = cap;
    return 0;
}

#define WALK_CHUNK (64 * 1024)

/* Reads the next chunk of the file into data; false at the end of the
 * file (c->eof) or on error (-1 in *rc). */
static bool chunk_fill(struct walk_cursor *c, int *rc, struct pr_error *err)
{
    *rc = 0;
    if (c->eof)
        return false;
    size_t got = fread(c->chunk, 1, WALK_CHUNK, c->file);
    c->data = c->chunk;
    c->len = got;
    c->pos = 0;
    c->read_total += got;
    if (c->read_total > c->max_bytes) {
        *rc = pr_error_set(err, PR_ERR_INPUT, "%s: larger than %zu bytes (%zu MiB)", c->name,
                           c->max_bytes, c->max_bytes >> 20);
        return false;
    }
    if (got == 0) {
        c->eof = true;
        if (ferror(c->file))
            *rc = pr_error_set(err, PR_ERR_IO, "%s: read error", c->name);
        return false;
    }
    return true;
}

int walk_next_line(struct walk_cursor *c, struct pr_error *err)
{
    if (c->replay) {
        c->replay = false;
        return 1;
    }
    size_t n = 0;
    bool any = false;
    for (;;) {
        if (c->pos >= c->len) {
            int rc = 0;
            if (c->file == NULL || !chunk_fill(c, &rc, err)) {
                if (rc != 0)
                    return -1;
                if (!any)
                    return 0;
                break; /* a last line without a newline */
            }
        }
        any = true;
        const char *start = c->data + c->pos;
        size_t avail = c->len - c->pos;
        const char *nl = memchr(start, '\n', avail);
        size_t piece = nl ? (size_t)(nl - start) : avail;
        if (line_reserve(c, n, piece, err) != 0)
            return -1;
        memcpy(c->line + n, start, piece);
        n += piece;
        c->pos += nl ? piece + 1 : piece;
        if (memchr(start, '\0', piece) != NULL) {
            c->line_no++; /* a device full of zeros stops here, at once */
            return walk_error(c, err, "NUL byte in line");
        }
        if (nl != NULL)
            break;
    }
    c->line_no++;
    if (line_reserve(c, n, 0, err) != 0)
        return -1;
    if (n > 0 && c->line[n - 1] == '\r')
        n--;
    c->line[n] = '\0';
    c->line_len = n;
    return 1;
}

int walk_error(const struct walk_cursor *c, struct pr_error *err, const char *fmt, ...)
{
    char what[PR_ERROR_MSG_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    return pr_error_set(err, PR_ERR_INPUT, "%s:%zu: %s", c->name, c->line_no, what);
}

int walk_bytes_append(struct walk_bytes *b, const void *data, size_t len)
{
    if (b->len + len + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 64;
        while (cap < b->len + len + 1)
            cap *= 2;
        uint8_t *grown = realloc(b->data, cap);
        if (grown == NULL)
            return -1;
        b->data = grown;
        b->cap = cap;
    }
    if (len > 0)
        memcpy(b->data + b->len, data, len);
    b->len += len;
    b->data[b->len] = '\0';
    return 0;
}

static int hex_digit(char ch)
{
    if (ch >= '0' && ch <= '9')
        return ch - '0';
    if (ch >= 'a' && ch <= 'f')
        return ch - 'a' + 10;
    if (ch >= 'A' && ch <= 'F')
        return ch - 'A' + 10;
    return -1;
}

int walk_hex_append(const char *text, struct walk_bytes *out, const char **bad)
{
    const char *p = text;
    for (;;) {
        while (*p == ' ' || *p == '\t')
            p++;
        if (*p == '\0')
            return 0;
        const char *token = p;
        while (*p != '\0' && *p != ' ' && *p != '\t')
            p++;
        size_t n = (size_t)(p - token);
        if (n % 2 != 0) {
            *bad = token;
            return -1;
        }
        for (size_t i = 0; i < n; i += 2) {
            int hi = hex_digit(token[i]), lo = hex_digit(token[i + 1]);
            if (hi < 0 || lo < 0) {
                *bad = token;
                return -1;
            }
            uint8_t byte = (uint8_t)(hi << 4 | lo);
            if (walk_bytes_append(out, &byte, 1) != 0) {
                *bad = token;
                return -1;
            }
        }
    }
}

bool walk_parse_number(const char *text, int64_t min, uint64_t max, uint64_t *bits,
                       const char **end)
{
    const char *p = text;
    bool negative = false;
    if (*p == '-' && min < 0) {
        negative = true;
        p++;
    }
    if (*p < '0' || *p > '9')
        return false;
    uint64_t magnitude = 0;
    while (*p >= '0' && *p <= '9') {
        uint64_t digit = (uint64_t)(*p - '0');
        if (magnitude > (UINT64_MAX - digit) / 10)
            return false;
        magnitude = magnitude * 10 + digit;
        p++;
    }
    if (negative) {
        if (magnitude > (uint64_t)(-(min + 1)) + 1)
            return false;
        *bits = (uint64_t)0 - magnitude;
    } else {
        if (magnitude > max)
            return false;
        *bits = magnitude;
    }
    *end = p;
    return true;
}

bool walk_parse_ipv4(const char *text, uint8_t out[4])
{
    const char *p = text;
    for (int i = 0; i < 4; i++) {
        uint64_t v;
        const char *end;
        if (!walk_parse_number(p, 0, 255, &v, &end))
            return false;
        out[i] = (uint8_t)v;
        p = end;
        if (i < 3) {
            if (*p != '.')
                return false;
            p++;
        }
    }
    return *p == '\0';
}

int walk_add(struct walk_cursor *c, const uint32_t *name, size_t name_len,
             const struct pr_snmp_value *value, struct pr_error *err)
{
    if (pr_snmp_rec_add(c->out, name, name_len, value, err) != 0) {
        pr_error_prefix(err, "%s:%zu", c->name, c->line_no);
        return -1;
    }
    c->stats->varbinds++;
    return 0;
}

int walk_malformed(struct walk_cursor *c, int rc, struct pr_error *err)
{
    if (rc == 0 || err == NULL || err->code != PR_ERR_INPUT)
        return rc;
    struct pr_snmp_walk_stats *st = c->stats;
    if (st->malformed < PR_SNMP_WALK_MALFORMED_LINES)
        st->malformed_lines[st->malformed] = c->line_no;
    if (st->malformed == 0) {
        /* Without walk_error's "NAME:LINE: ": the line is in the list. */
        const char *what = err->msg;
        size_t n = strlen(c->name);
        if (strncmp(what, c->name, n) == 0 && what[n] == ':') {
            const char *after = strstr(what + n + 1, ": ");
            if (after != NULL)
                what = after + 2;
        }
        snprintf(st->first_malformed, sizeof st->first_malformed, "%s", what);
        for (char *ch = st->first_malformed; *ch != '\0'; ch++)
            if ((unsigned char)*ch < 0x20 || (unsigned char)*ch >= 0x7f)
                *ch = '?'; /* raw bytes of the line: the warning stays one readable line */
    }
    st->malformed++;
    err->code = PR_OK;
    err->msg[0] = '\0';
    return 0;
}
