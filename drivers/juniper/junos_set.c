/* SPDX-License-Identifier: BSD-3-Clause */
/* `display set` lines, applied in order: set, delete, deactivate,
 * activate (protect and unprotect change nothing portready reads). */
#include <string.h>

#include "junos_lex.h"
#include "junos_read.h"
#include "junos_words.h"

enum set_verb { VERB_SET, VERB_DELETE, VERB_DEACTIVATE, VERB_ACTIVATE, VERB_IGNORE };

static int verb_parse(const char *word, enum set_verb *verb)
{
    static const struct {
        const char *name;
        enum set_verb verb;
    } verbs[] = {
        {"set", VERB_SET},           {"delete", VERB_DELETE},  {"deactivate", VERB_DEACTIVATE},
        {"activate", VERB_ACTIVATE}, {"protect", VERB_IGNORE}, {"unprotect", VERB_IGNORE},
    };
    for (size_t i = 0; i < sizeof verbs / sizeof verbs[0]; i++) {
        if (strcmp(word, verbs[i].name) == 0) {
            *verb = verbs[i].verb;
            return 0;
        }
    }
    return -1;
}

/* The existing node at words (active or not), or NULL. */
static struct junos_node *find_path(struct junos_node *root, const struct junos_words *words)
{
    struct junos_node *at = root;
    for (size_t i = 0; at != NULL && i < words->n; i++)
        at = junos_node_child_any(at, words->items[i]);
    return at;
}

static int run_line(struct junos_node *root, enum set_verb verb, struct junos_words *words,
                    struct junos_words *list, unsigned line, const char *origin,
                    struct pr_error *err)
{
    if (words->n == 0)
        return pr_error_set(err, PR_ERR_INPUT, "%s:%u: command with no statement", origin, line);
    if (verb != VERB_SET && list->n > 0)
        return pr_error_set(err, PR_ERR_INPUT, "%s:%u: a '[ ]' list is only accepted after set",
                            origin, line);
    if (words->n > JUNOS_MAX_DEPTH * 2)
        return pr_error_set(err, PR_ERR_INPUT, "%s:%u: statement deeper than %d words", origin,
                            line, JUNOS_MAX_DEPTH * 2);
    struct junos_node *node;
    switch (verb) {
    case VERB_SET:
        if (junos_tree_add_statement(root, words->items, words->n, list->items, list->n, line,
                                     false, err) == NULL) {
            pr_error_prefix(err, "%s:%u", origin, line);
            return -1;
        }
        return 0;
    case VERB_DELETE:
        /* Deleting what is not there is a warning in Junos, not an error. */
        junos_node_remove(find_path(root, words));
        return 0;
    case VERB_DEACTIVATE:
    case VERB_ACTIVATE:
        node = find_path(root, words);
        if (node != NULL)
            node->inactive = verb == VERB_DEACTIVATE;
        return 0;
    case VERB_IGNORE:
        return 0;
    }
    return 0;
}

int junos_set_apply(struct junos_node *root, const char *text, size_t len, const char *origin,
                    struct pr_error *err)
{
    struct junos_lexer lx;
    struct junos_words words = {0}, list = {0};
    junos_lex_init(&lx, text, len, origin);
    origin = lx.origin;
    int rc = 0;
    bool have_verb = false, in_list = false, list_done = false;
    enum set_verb verb = VERB_SET;
    unsigned line = 1;
    for (;;) {
        enum junos_tok_kind kind;
        line = lx.line;
        if (junos_lex_next(&lx, &kind, err) != 0) {
            rc = -1;
            break;
        }
        if (kind == JUNOS_TOK_NEWLINE || kind == JUNOS_TOK_EOF) {
            if (in_list) {
                rc = pr_error_set(err, PR_ERR_INPUT, "%s:%u: list not closed with ']'", origin,
                                  line);
                break;
            }
            if (have_verb && run_line(root, verb, &words, &list, line, origin, err) != 0) {
                rc = -1;
                break;
            }
            junos_words_clear(&words);
            junos_words_clear(&list);
            have_verb = list_done = false;
            if (kind == JUNOS_TOK_EOF)
                break;
            continue;
        }
        if (kind == JUNOS_TOK_WORD && !have_verb) {
            if (lx.quoted || verb_parse(lx.text, &verb) != 0) {
                rc = pr_error_set(err, PR_ERR_INPUT,
                                  "%s:%u: '%.40s' is not a set, delete, deactivate or activate "
                                  "command",
                                  origin, line, lx.text);
                break;
            }
            have_verb = true;
            continue;
        }
        if (kind == JUNOS_TOK_WORD && !list_done) {
            if (junos_words_push(in_list ? &list : &words, lx.text, line, err) != 0) {
                rc = -1;
                break;
            }
            continue;
        }
        if (kind == JUNOS_TOK_LBRACKET && have_verb && !in_list && !list_done) {
            in_list = true;
            continue;
        }
        if (kind == JUNOS_TOK_RBRACKET && in_list) {
            in_list = false;
            list_done = true;
            continue;
        }
        rc = pr_error_set(err, PR_ERR_INPUT, "%s:%u: unexpected %s in a set line", origin, line,
                          kind == JUNOS_TOK_WORD ? "word after ']'"
                          : kind == JUNOS_TOK_LBRACE || kind == JUNOS_TOK_RBRACE
                              ? "brace (curly-brace text mixed with set lines?)"
                          : kind == JUNOS_TOK_SEMI ? "';'"
                                                   : "bracket");
        break;
    }
    junos_lex_free(&lx);
    junos_words_free(&words);
    junos_words_free(&list);
    return rc;
}

struct junos_node *junos_set_read(const char *text, size_t len, const char *origin,
                                  struct pr_error *err)
{
    struct junos_node *root = junos_tree_new();
    if (root == NULL) {
        pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
        return NULL;
    }
    if (junos_set_apply(root, text, len, origin, err) != 0) {
        junos_node_free(root);
        return NULL;
    }
    return root;
}
