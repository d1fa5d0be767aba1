/* SPDX-License-Identifier: BSD-3-Clause */
/* Tokens of Junos configuration text, shared by the curly-brace and the
 * `display set` readers: words (quoted strings unquoted), { } ; [ ] and
 * line ends. Comments (slash-star blocks and `#` to the end of the line,
 * such as `## SECRET-DATA` trailers) are skipped. */
#ifndef JUNOS_LEX_H
#define JUNOS_LEX_H

#include <stdbool.h>
#include <stddef.h>

#include "util/error.h"

enum junos_tok_kind {
    JUNOS_TOK_WORD,
    JUNOS_TOK_LBRACE,
    JUNOS_TOK_RBRACE,
    JUNOS_TOK_SEMI,
    JUNOS_TOK_LBRACKET,
    JUNOS_TOK_RBRACKET,
    JUNOS_TOK_NEWLINE,
    JUNOS_TOK_EOF,
};

/* The text of a word lives in the lexer's buffer until the next call. */
struct junos_lexer {
    const char *p;
    const char *end;
    unsigned line;
    const char *origin; /* for error messages */
    char *text;         /* owned; freed by junos_lex_free() */
    size_t text_cap;
    bool quoted; /* the last word was a quoted string */
};

void junos_lex_init(struct junos_lexer *lx, const char *text, size_t len, const char *origin);
void junos_lex_free(struct junos_lexer *lx);

/* Reads the next token; -1 with err set (naming origin:line) on an
 * unterminated string or comment, or when out of memory. */
int junos_lex_next(struct junos_lexer *lx, enum junos_tok_kind *kind, struct pr_error *err);

#endif
