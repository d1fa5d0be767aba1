/* SPDX-License-Identifier: BSD-3-Clause */
/* What the dialects' detect() functions share: they tell a configuration
 * from its text alone, line by line (cli_scan_lines), each kind of line
 * only the dialect writes adding to a score once (cli_score_add), or by
 * the telling words found anywhere (cli_marks_score). A detect() reads at
 * most the first CLI_DETECT_BYTES of a text.
 *
 * Ownership: nothing is allocated; look() gets a line that lives until it
 * returns. */
#ifndef PR_CLI_DETECT_H
#define PR_CLI_DETECT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define CLI_DETECT_BYTES ((size_t)1 << 20)

/* Calls look() on each line of text[0, len) that is not blank and holds
 * no NUL byte: without its leading blanks and tabs (counted in indent) and
 * its trailing blanks and carriage return, cut to 255 bytes; lineno counts
 * from 1. */
void cli_scan_lines(const char *text, size_t len,
                    void (*look)(void *ctx, const char *line, unsigned indent, unsigned lineno),
                    void *ctx);

/* A dialect's score: the points of the kinds of lines seen, and the line
 * that names it ("line 3: ver 08.0.95hT213"). */
struct cli_score {
    int points;
    uint32_t seen; /* the kinds (0 to 31) counted already */
    char evidence[160];
};

/* Adds points for a line of kind the first time the kind is seen; the
 * line becomes the evidence when it is the first counted, or decisive (a
 * version header outranks the lines before it). */
void cli_score_add(struct cli_score *sc, unsigned kind, int points, bool decisive, const char *line,
                   unsigned lineno);

/* detect()'s answer: sc's points when they reach min_score, with its
 * evidence (may be NULL); 0 and "" below it. */
int cli_score_result(const struct cli_score *sc, int min_score, char *evidence,
                     size_t evidence_len);

/* Whether s begins with prefix. */
bool cli_has_prefix(const char *s, const char *prefix);

/* A words-only detect(): words a dialect writes (a banner, its interface
 * names, statements only it has). */
struct cli_mark {
    const char *text; /* found anywhere in the first CLI_DETECT_BYTES */
    int weight;
};

/* The weights of the marks found, summed, when they reach min_score, and
 * the first mark found (in the order of marks) into evidence (may be
 * NULL); 0 and "" below it. */
int cli_marks_score(const char *text, size_t len, const struct cli_mark *marks, size_t n_marks,
                    int min_score, char *evidence, size_t evidence_len);

#endif
