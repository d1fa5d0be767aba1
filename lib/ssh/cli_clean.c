/* SPDX-License-Identifier: BSD-3-Clause */
/* The CLI output cleaner (ssh/cli_clean.h): a terminal model small enough
 * to reason about, and the prompt, pager and echo rules on top of it. */
#include "ssh/cli_clean.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ---- patterns ---- */

static size_t list_count(const char *const *list)
{
    size_t n = 0;
    while (list != NULL && list[n] != NULL)
        n++;
    return n;
}

static void regex_list_free(regex_t *res, size_t n)
{
    for (size_t i = 0; i < n; i++)
        regfree(&res[i]);
    free(res);
}

static int regex_list_compile(const char *const *list, regex_t **out, size_t *n_out,
                              struct pr_error *err)
{
    *out = NULL;
    *n_out = 0;
    size_t n = list_count(list);
    if (n == 0)
        return 0;
    regex_t *res = calloc(n, sizeof *res);
    if (res == NULL)
        return pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
    for (size_t i = 0; i < n; i++) {
        if (regcomp(&res[i], list[i], REG_EXTENDED | REG_NOSUB) != 0) {
            regex_list_free(res, i);
            return pr_error_set(err, PR_ERR_INTERNAL, "CLI pattern '%.80s' does not compile",
                                list[i]);
        }
    }
    *out = res;
    *n_out = n;
    return 0;
}

int pr_cli_patterns_compile(struct pr_cli_patterns *p, const char *const *prompts,
                            const char *const *pagers, const char *const *above_prompt,
                            const char *const *errors, struct pr_error *err)
{
    memset(p, 0, sizeof *p);
    if (regex_list_compile(prompts, &p->prompts, &p->n_prompts, err) != 0 ||
        regex_list_compile(pagers, &p->pagers, &p->n_pagers, err) != 0 ||
        regex_list_compile(above_prompt, &p->above_prompt, &p->n_above_prompt, err) != 0 ||
        regex_list_compile(errors, &p->errors, &p->n_errors, err) != 0) {
        pr_cli_patterns_free(p);
        return -1;
    }
    return 0;
}

void pr_cli_patterns_free(struct pr_cli_patterns *p)
{
    if (p == NULL)
        return;
    regex_list_free(p->prompts, p->n_prompts);
    regex_list_free(p->pagers, p->n_pagers);
    regex_list_free(p->above_prompt, p->n_above_prompt);
    regex_list_free(p->errors, p->n_errors);
    memset(p, 0, sizeof *p);
}

/* ---- the terminal model ---- */

void pr_cli_clean_init(struct pr_cli_clean *c)
{
    memset(c, 0, sizeof *c);
}

void pr_cli_clean_free(struct pr_cli_clean *c)
{
    if (c == NULL)
        return;
    free(c->text);
    memset(c, 0, sizeof *c);
}

/* Room for n more bytes and the NUL. */
static int clean_reserve(struct pr_cli_clean *c, size_t n)
{
    if (n > SIZE_MAX / 2 - c->len)
        return -1;
    size_t need = c->len + n + 1;
    if (need <= c->cap)
        return 0;
    size_t cap = c->cap != 0 ? c->cap : 4096;
    while (cap < need)
        cap *= 2;
    char *grown = realloc(c->text, cap);
    if (grown == NULL)
        return -1;
    c->text = grown;
    c->cap = cap;
    return 0;
}

static void clean_clear_line(struct pr_cli_clean *c)
{
    c->len = c->line_start;
}

static void clean_newline(struct pr_cli_clean *c)
{
    c->text[c->len++] = '\n';
    c->line_start = c->len;
}

/* Deletes the character before the cursor: one byte, or a whole UTF-8
 * sequence. Never crosses the start of the line. */
static void clean_backspace(struct pr_cli_clean *c)
{
    while (c->len > c->line_start) {
        unsigned char last = (unsigned char)c->text[--c->len];
        if ((last & 0xC0) != 0x80)
            break;
    }
}

/* The CSI just ended with final: what it means for the line. */
static void clean_csi(struct pr_cli_clean *c, unsigned char final)
{
    c->csi_params[c->csi_len < sizeof c->csi_params ? c->csi_len : sizeof c->csi_params - 1] = '\0';
    const char *params = c->csi_params;
    if (final == 'K' && strcmp(params, "2") == 0)
        clean_clear_line(c); /* erase the whole line */
    else if (final == 'G' &&
             (params[0] == '\0' || strcmp(params, "0") == 0 || strcmp(params, "1") == 0))
        clean_clear_line(c); /* cursor to column 1: what follows overwrites */
}

/* One byte in an escape sequence; returns true while it belongs to it. */
static bool clean_escape(struct pr_cli_clean *c, unsigned char b)
{
    switch (c->esc) {
    case PR_CLI_ESC_START:
        if (b == '[') {
            c->esc = PR_CLI_ESC_CSI;
            c->csi_len = 0;
        } else if (b == ']' || b == 'P' || b == 'X' || b == '^' || b == '_') {
            c->esc = PR_CLI_ESC_STRING;
        } else if (b >= 0x20 && b <= 0x2F) {
            c->esc = PR_CLI_ESC_TWO;
        } else if (b == 0x1B) {
            c->esc = PR_CLI_ESC_START;
        } else if (b >= 0x30 && b <= 0x7E) {
            c->esc = PR_CLI_ESC_NONE;
        } else {
            c->esc = PR_CLI_ESC_NONE;
            return false; /* not an escape after all: the byte is text */
        }
        return true;
    case PR_CLI_ESC_CSI:
        if (b >= 0x40 && b <= 0x7E) {
            clean_csi(c, b);
            c->esc = PR_CLI_ESC_NONE;
        } else if (b >= 0x20 && b <= 0x3F) {
            if (c->csi_len < sizeof c->csi_params - 1)
                c->csi_params[c->csi_len] = (char)b;
            c->csi_len++;
        } else if (b == 0x1B) {
            c->esc = PR_CLI_ESC_START;
        } else {
            c->esc = PR_CLI_ESC_NONE;
            return false;
        }
        return true;
    case PR_CLI_ESC_STRING:
        if (b == 0x07)
            c->esc = PR_CLI_ESC_NONE;
        else if (b == 0x1B)
            c->esc = PR_CLI_ESC_STRING_ESC;
        return true;
    case PR_CLI_ESC_STRING_ESC:
        c->esc = b == '\\' ? PR_CLI_ESC_NONE : PR_CLI_ESC_STRING;
        return true;
    case PR_CLI_ESC_TWO:
        if (b >= 0x30 && b <= 0x7E)
            c->esc = PR_CLI_ESC_NONE;
        else if (b < 0x20 || b > 0x2F) {
            c->esc = PR_CLI_ESC_NONE;
            return false;
        }
        return true;
    case PR_CLI_ESC_NONE:
        break;
    }
    return false;
}

int pr_cli_clean_feed(struct pr_cli_clean *c, const void *bytes, size_t n)
{
    /* Each byte adds at most one: reserve once. */
    if (clean_reserve(c, n) != 0)
        return -1;
    const unsigned char *in = bytes;
    for (size_t i = 0; i < n; i++) {
        unsigned char b = in[i];
        if (c->esc != PR_CLI_ESC_NONE && clean_escape(c, b))
            continue;
        if (c->pending_cr) {
            if (b == '\r')
                continue;
            c->pending_cr = false;
            if (b != '\n')
                clean_clear_line(c); /* a lone CR: back to column 1 */
        }
        switch (b) {
        case '\n':
            clean_newline(c);
            break;
        case '\r':
            c->pending_cr = true;
            break;
        case '\b':
            clean_backspace(c);
            break;
        case 0x1B:
            c->esc = PR_CLI_ESC_START;
            break;
        case '\t':
            c->text[c->len++] = '\t';
            break;
        default:
            if (b >= 0x20 && b != 0x7F)
                c->text[c->len++] = (char)b;
            break;
        }
    }
    c->text[c->len] = '\0';
    return 0;
}

const char *pr_cli_clean_partial(const struct pr_cli_clean *c, size_t *len)
{
    if (c->text == NULL) {
        *len = 0;
        return "";
    }
    *len = c->len - c->line_start;
    return c->text + c->line_start;
}

void pr_cli_clean_drop_partial(struct pr_cli_clean *c)
{
    if (c->text == NULL)
        return;
    c->len = c->line_start;
    c->text[c->len] = '\0';
}

void pr_cli_clean_discard(struct pr_cli_clean *c)
{
    if (c->text == NULL)
        return;
    size_t partial = c->len - c->line_start;
    memmove(c->text, c->text + c->line_start, partial);
    c->len = partial;
    c->line_start = 0;
    c->text[c->len] = '\0';
}

size_t pr_cli_clean_mark(const struct pr_cli_clean *c)
{
    return c->line_start;
}

/* ---- lines ---- */

static size_t trim_right(const char *line, size_t len)
{
    while (len > 0 && (line[len - 1] == ' ' || line[len - 1] == '\t'))
        len--;
    return len;
}

static size_t skip_left(const char *line, size_t len)
{
    size_t i = 0;
    while (i < len && (line[i] == ' ' || line[i] == '\t'))
        i++;
    return i;
}

bool pr_cli_line_matches(const regex_t *res, size_t n, const char *line, size_t len)
{
    len = trim_right(line, len);
    if (n == 0 || len > PR_CLI_PROMPT_MAX)
        return false;
    char copy[PR_CLI_PROMPT_MAX + 1];
    memcpy(copy, line, len);
    copy[len] = '\0';
    for (size_t i = 0; i < n; i++) {
        if (regexec(&res[i], copy, 0, NULL, 0) == 0)
            return true;
    }
    return false;
}

bool pr_cli_clean_take_pager(struct pr_cli_clean *c, const struct pr_cli_patterns *p)
{
    size_t len;
    const char *line = pr_cli_clean_partial(c, &len);
    if (len == 0 || !pr_cli_line_matches(p->pagers, p->n_pagers, line, len))
        return false;
    pr_cli_clean_drop_partial(c);
    return true;
}

bool pr_cli_clean_prompt(const struct pr_cli_clean *c, const struct pr_cli_patterns *p,
                         char *prompt, size_t prompt_len)
{
    size_t len;
    const char *line = pr_cli_clean_partial(c, &len);
    if (len == 0 || !pr_cli_line_matches(p->prompts, p->n_prompts, line, len))
        return false;
    len = trim_right(line, len);
    if (prompt_len > 0) {
        size_t n = len < prompt_len - 1 ? len : prompt_len - 1;
        memcpy(prompt, line, n);
        prompt[n] = '\0';
    }
    return true;
}

/* Whether line is the echo of command: the command itself, or a prompt
 * followed by it. */
static bool is_echo(const char *line, size_t len, const char *command)
{
    if (command == NULL)
        return false;
    size_t n = strlen(command);
    len = trim_right(line, len);
    size_t start = skip_left(line, len);
    if (n == 0 || len - start < n)
        return false;
    return memcmp(line + len - n, command, n) == 0;
}

int pr_cli_clean_output(const struct pr_cli_clean *c, size_t mark, const char *command,
                        const struct pr_cli_patterns *p, char **out, size_t *out_len)
{
    *out = NULL;
    *out_len = 0;
    size_t end = c->line_start;
    if (mark > end)
        mark = end;
    char *text = malloc(end - mark + 1);
    if (text == NULL)
        return -1;
    size_t len = 0;
    bool first = true;
    const char *src = c->text != NULL ? c->text : "";
    for (size_t at = mark; at < end;) {
        const char *line = src + at;
        const char *nl = memchr(line, '\n', end - at);
        size_t line_len = nl != NULL ? (size_t)(nl - line) : end - at;
        at += line_len + (nl != NULL ? 1 : 0);
        bool drop = (first && is_echo(line, line_len, command)) ||
                    pr_cli_line_matches(p->pagers, p->n_pagers, line, line_len);
        first = false;
        if (drop)
            continue;
        size_t kept = trim_right(line, line_len);
        memcpy(text + len, line, kept);
        len += kept;
        text[len++] = '\n';
    }
    /* From the bottom: blank lines and what the CLI writes above its
     * prompt. */
    while (len > 0) {
        size_t line_end = len - 1; /* the '\n' of the last line */
        size_t line_start = line_end;
        while (line_start > 0 && text[line_start - 1] != '\n')
            line_start--;
        size_t line_len = line_end - line_start;
        if (line_len == 0 ||
            pr_cli_line_matches(p->above_prompt, p->n_above_prompt, text + line_start, line_len))
            len = line_start;
        else
            break;
    }
    text[len] = '\0';
    *out = text;
    *out_len = len;
    return 0;
}

bool pr_cli_output_error(const char *text, size_t len, const struct pr_cli_patterns *p, char *line,
                         size_t line_len)
{
    /* The first lines that are not blank: a caret line marking where the
     * command went wrong may come before the message. */
    size_t at = 0;
    for (int seen = 0; seen < PR_CLI_ERROR_LINES && at < len;) {
        const char *start = text + at;
        const char *nl = memchr(start, '\n', len - at);
        size_t n = nl != NULL ? (size_t)(nl - start) : len - at;
        at += n + (nl != NULL ? 1 : 0);
        size_t skip = skip_left(start, n);
        size_t kept = trim_right(start, n);
        if (kept <= skip)
            continue;
        seen++;
        if (!pr_cli_line_matches(p->errors, p->n_errors, start + skip, kept - skip))
            continue;
        if (line_len > 0) {
            size_t copy = kept - skip < line_len - 1 ? kept - skip : line_len - 1;
            memcpy(line, start + skip, copy);
            line[copy] = '\0';
        }
        return true;
    }
    return false;
}
