/* SPDX-License-Identifier: BSD-3-Clause */
#include "junos_lex.h"

#include <stdlib.h>
#include <string.h>

void junos_lex_init(struct junos_lexer *lx, const char *text, size_t len, const char *origin)
{
    memset(lx, 0, sizeof *lx);
    lx->p = text;
    lx->end = text + len;
    lx->line = 1;
    lx->origin = origin != NULL ? origin : "configuration";
}

void junos_lex_free(struct junos_lexer *lx)
{
    if (lx == NULL)
        return;
    free(lx->text);
    lx->text = NULL;
    lx->text_cap = 0;
}

static int text_put(struct junos_lexer *lx, size_t at, char c, struct pr_error *err)
{
    if (at + 1 >= lx->text_cap) {
        size_t cap = lx->text_cap ? lx->text_cap * 2 : 64;
        char *text = realloc(lx->text, cap);
        if (text == NULL)
            return pr_error_set(err, PR_ERR_INTERNAL, "out of memory reading %s", lx->origin);
        lx->text = text;
        lx->text_cap = cap;
    }
    lx->text[at] = c;
    lx->text[at + 1] = '\0';
    return 0;
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

static bool ends_word(char c)
{
    return is_space(c) || c == '\n' || c == ';' || c == '{' || c == '}' || c == '\0';
}

/* Skips blanks and comments; stops at a line end or a token. */
static int skip_blank(struct junos_lexer *lx, struct pr_error *err)
{
    while (lx->p < lx->end) {
        char c = *lx->p;
        if (is_space(c)) {
            lx->p++;
        } else if (c == '#') {
            while (lx->p < lx->end && *lx->p != '\n')
                lx->p++;
        } else if (c == '/' && lx->p + 1 < lx->end && lx->p[1] == '*') {
            unsigned start = lx->line;
            lx->p += 2;
            while (lx->p < lx->end && !(*lx->p == '*' && lx->p + 1 < lx->end && lx->p[1] == '/')) {
                if (*lx->p == '\n')
                    lx->line++;
                lx->p++;
            }
            if (lx->p >= lx->end)
                return pr_error_set(err, PR_ERR_INPUT, "%s:%u: comment never closed", lx->origin,
                                    start);
            lx->p += 2;
        } else {
            break;
        }
    }
    return 0;
}

static int read_quoted(struct junos_lexer *lx, struct pr_error *err)
{
    unsigned start = lx->line;
    size_t n = 0;
    lx->p++; /* opening quote */
    while (lx->p < lx->end && *lx->p != '"') {
        char c = *lx->p++;
        if (c == '\\' && lx->p < lx->end)
            c = *lx->p++;
        if (c == '\n')
            lx->line++;
        if (text_put(lx, n++, c, err) != 0)
            return -1;
    }
    if (lx->p >= lx->end)
        return pr_error_set(err, PR_ERR_INPUT, "%s:%u: quoted string never closed", lx->origin,
                            start);
    lx->p++; /* closing quote */
    if (n == 0 && text_put(lx, 0, '\0', err) != 0)
        return -1;
    lx->quoted = true;
    return 0;
}

int junos_lex_next(struct junos_lexer *lx, enum junos_tok_kind *kind, struct pr_error *err)
{
    lx->quoted = false;
    if (skip_blank(lx, err) != 0)
        return -1;
    if (lx->p >= lx->end) {
        *kind = JUNOS_TOK_EOF;
        return 0;
    }
    char c = *lx->p;
    switch (c) {
    case '\n':
        lx->p++;
        lx->line++;
        *kind = JUNOS_TOK_NEWLINE;
        return 0;
    case '{':
        lx->p++;
        *kind = JUNOS_TOK_LBRACE;
        return 0;
    case '}':
        lx->p++;
        *kind = JUNOS_TOK_RBRACE;
        return 0;
    case ';':
        lx->p++;
        *kind = JUNOS_TOK_SEMI;
        return 0;
    case '[':
        lx->p++;
        *kind = JUNOS_TOK_LBRACKET;
        return 0;
    case ']':
        lx->p++;
        *kind = JUNOS_TOK_RBRACKET;
        return 0;
    case '"':
        *kind = JUNOS_TOK_WORD;
        return read_quoted(lx, err);
    case '\0':
        return pr_error_set(err, PR_ERR_INPUT, "%s:%u: NUL byte in the configuration", lx->origin,
                            lx->line);
    default:
        break;
    }
    /* A bare word; [ and ] inside it (ge-0/0/[1-5]) belong to it. */
    size_t n = 0;
    while (lx->p < lx->end && !ends_word(*lx->p)) {
        if (text_put(lx, n++, *lx->p++, err) != 0)
            return -1;
    }
    *kind = JUNOS_TOK_WORD;
    return 0;
}
