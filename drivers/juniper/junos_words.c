/* SPDX-License-Identifier: BSD-3-Clause */
#include "junos_words.h"

#include <stdlib.h>
#include <string.h>

int junos_words_push(struct junos_words *words, const char *word, unsigned line,
                     struct pr_error *err)
{
    if (words->n >= JUNOS_MAX_WORDS)
        return pr_error_set(err, PR_ERR_INPUT, "line %u: statement longer than %d words", line,
                            JUNOS_MAX_WORDS);
    if (words->n == words->cap) {
        size_t cap = words->cap ? words->cap * 2 : 16;
        char **items = realloc(words->items, cap * sizeof *items);
        if (items == NULL)
            return pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
        words->items = items;
        words->cap = cap;
    }
    char *copy = strdup(word);
    if (copy == NULL)
        return pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
    words->items[words->n++] = copy;
    return 0;
}

void junos_words_clear(struct junos_words *words)
{
    for (size_t i = 0; i < words->n; i++)
        free(words->items[i]);
    words->n = 0;
}

void junos_words_free(struct junos_words *words)
{
    if (words == NULL)
        return;
    junos_words_clear(words);
    free(words->items);
    words->items = NULL;
    words->cap = 0;
}
