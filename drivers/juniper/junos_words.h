/* SPDX-License-Identifier: BSD-3-Clause */
/* A growing list of copied words: the tokens of one statement while a
 * reader collects them. Owns its strings; junos_words_clear() frees them. */
#ifndef JUNOS_WORDS_H
#define JUNOS_WORDS_H

#include <stddef.h>

#include "util/error.h"

/* Longest statement (in words) the readers accept. */
#define JUNOS_MAX_WORDS 4096

struct junos_words {
    char **items;
    size_t n;
    size_t cap;
};

int junos_words_push(struct junos_words *words, const char *word, unsigned line,
                     struct pr_error *err);
void junos_words_clear(struct junos_words *words);
void junos_words_free(struct junos_words *words);

#endif
