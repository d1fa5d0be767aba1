/* SPDX-License-Identifier: BSD-3-Clause */
/* The curly-brace text of `show configuration` (what configuration backups
 * store): statements end with `;` or open a block with `{`, `[ a b ]`
 * lists, quoted strings, comments, and the `inactive:`, `protect:` and
 * `replace:` prefixes. */
#include <string.h>

#include "junos_lex.h"
#include "junos_read.h"
#include "junos_words.h"

struct curly_reader {
    struct junos_lexer lx;
    struct junos_words words;
    struct junos_words list;
};

/* Reads statements into parent until its closing brace (depth > 0) or the
 * end of the text (depth 0). */
static int read_block(struct curly_reader *r, struct junos_node *parent, unsigned depth,
                      unsigned open_line, struct pr_error *err)
{
    const char *origin = r->lx.origin;
    bool inactive = false;
    bool in_list = false;
    unsigned stmt_line = 0;
    for (;;) {
        enum junos_tok_kind kind;
        if (junos_lex_next(&r->lx, &kind, err) != 0)
            return -1;
        unsigned line = r->lx.line;
        switch (kind) {
        case JUNOS_TOK_NEWLINE:
            continue;
        case JUNOS_TOK_WORD:
            if (r->words.n == 0 && !in_list && !r->lx.quoted &&
                (strcmp(r->lx.text, "inactive:") == 0 || strcmp(r->lx.text, "protect:") == 0 ||
                 strcmp(r->lx.text, "replace:") == 0 || strcmp(r->lx.text, "active:") == 0)) {
                if (strcmp(r->lx.text, "inactive:") == 0)
                    inactive = true;
                stmt_line = line;
                continue;
            }
            if (r->words.n == 0 && !inactive)
                stmt_line = line;
            if (junos_words_push(in_list ? &r->list : &r->words, r->lx.text, line, err) != 0)
                return -1;
            continue;
        case JUNOS_TOK_LBRACKET:
            if (in_list)
                return pr_error_set(err, PR_ERR_INPUT, "%s:%u: '[' inside a list", origin, line);
            if (r->words.n == 0)
                return pr_error_set(err, PR_ERR_INPUT, "%s:%u: list with no statement before it",
                                    origin, line);
            in_list = true;
            continue;
        case JUNOS_TOK_RBRACKET:
            if (!in_list)
                return pr_error_set(err, PR_ERR_INPUT, "%s:%u: ']' without '['", origin, line);
            in_list = false;
            continue;
        case JUNOS_TOK_SEMI:
        case JUNOS_TOK_LBRACE: {
            if (in_list)
                return pr_error_set(err, PR_ERR_INPUT, "%s:%u: list not closed with ']'", origin,
                                    line);
            if (r->words.n == 0) {
                if (kind == JUNOS_TOK_LBRACE)
                    return pr_error_set(err, PR_ERR_INPUT, "%s:%u: '{' with no statement before it",
                                        origin, line);
                inactive = false;
                continue; /* a stray ';' */
            }
            if (kind == JUNOS_TOK_LBRACE && r->list.n > 0)
                return pr_error_set(err, PR_ERR_INPUT, "%s:%u: '{' after a list", origin, line);
            struct junos_node *node =
                junos_tree_add_statement(parent, r->words.items, r->words.n, r->list.items,
                                         r->list.n, stmt_line, inactive, err);
            if (node == NULL) {
                pr_error_prefix(err, "%s:%u", origin, stmt_line);
                return -1;
            }
            junos_words_clear(&r->words);
            junos_words_clear(&r->list);
            inactive = false;
            if (kind == JUNOS_TOK_LBRACE) {
                if (depth + 1 >= JUNOS_MAX_DEPTH)
                    return pr_error_set(err, PR_ERR_INPUT, "%s:%u: blocks nested deeper than %d",
                                        origin, line, JUNOS_MAX_DEPTH);
                if (read_block(r, node, depth + 1, line, err) != 0)
                    return -1;
            }
            continue;
        }
        case JUNOS_TOK_RBRACE:
            if (r->words.n > 0 || in_list || inactive)
                return pr_error_set(err, PR_ERR_INPUT,
                                    "%s:%u: statement not ended with ';' before '}'", origin,
                                    stmt_line ? stmt_line : line);
            if (depth == 0)
                return pr_error_set(err, PR_ERR_INPUT, "%s:%u: '}' without '{'", origin, line);
            return 0;
        case JUNOS_TOK_EOF:
            if (r->words.n > 0 || in_list || inactive)
                return pr_error_set(err, PR_ERR_INPUT, "%s:%u: statement not ended with ';'",
                                    origin, stmt_line ? stmt_line : line);
            if (depth > 0)
                return pr_error_set(err, PR_ERR_INPUT, "%s:%u: '{' never closed", origin,
                                    open_line);
            return 0;
        }
    }
}

struct junos_node *junos_curly_read(const char *text, size_t len, const char *origin,
                                    struct pr_error *err)
{
    struct curly_reader r;
    memset(&r, 0, sizeof r);
    junos_lex_init(&r.lx, text, len, origin);
    struct junos_node *root = junos_tree_new();
    if (root == NULL) {
        pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
    } else if (read_block(&r, root, 0, 0, err) != 0) {
        junos_node_free(root);
        root = NULL;
    }
    junos_lex_free(&r.lx);
    junos_words_free(&r.words);
    junos_words_free(&r.list);
    return root;
}
