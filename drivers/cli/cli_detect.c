/* SPDX-License-Identifier: BSD-3-Clause */
#include "cli/cli_detect.h"

#include <stdio.h>
#include <string.h>

#include "util/strutil.h"

void cli_scan_lines(const char *text, size_t len,
                    void (*look)(void *ctx, const char *line, unsigned indent, unsigned lineno),
                    void *ctx)
{
    char line[256];
    unsigned lineno = 0;
    for (size_t i = 0; i < len;) {
        size_t j = i;
        while (j < len && text[j] != '\n')
            j++;
        lineno++;
        size_t k = i;
        unsigned indent = 0;
        while (k < j && (text[k] == ' ' || text[k] == '\t')) {
            k++;
            indent++;
        }
        size_t n = j - k;
        if (n >= sizeof line)
            n = sizeof line - 1;
        memcpy(line, text + k, n);
        line[n] = '\0';
        while (n > 0 && (line[n - 1] == '\r' || line[n - 1] == ' '))
            line[--n] = '\0';
        if (n > 0 && memchr(text + k, '\0', j - k) == NULL)
            look(ctx, line, indent, lineno);
        i = j + 1;
    }
}

void cli_score_add(struct cli_score *sc, unsigned kind, int points, bool decisive, const char *line,
                   unsigned lineno)
{
    uint32_t bit = (uint32_t)1 << kind;
    if (sc->seen & bit)
        return;
    sc->seen |= bit;
    if (sc->evidence[0] == '\0' || decisive)
        snprintf(sc->evidence, sizeof sc->evidence, "line %u: %.120s", lineno, line);
    sc->points += points;
}

int cli_score_result(const struct cli_score *sc, int min_score, char *evidence, size_t evidence_len)
{
    bool named = sc->points >= min_score;
    if (evidence != NULL && evidence_len > 0)
        pr_strlcpy(evidence, named ? sc->evidence : "", evidence_len);
    return named ? sc->points : 0;
}

bool cli_has_prefix(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

int cli_marks_score(const char *text, size_t len, const struct cli_mark *marks, size_t n_marks,
                    int min_score, char *evidence, size_t evidence_len)
{
    int score = 0;
    const char *first = "";
    size_t limit = len < CLI_DETECT_BYTES ? len : CLI_DETECT_BYTES;
    for (size_t k = 0; k < n_marks; k++) {
        size_t n = strlen(marks[k].text);
        for (size_t i = 0; i + n <= limit; i++) {
            if (memcmp(text + i, marks[k].text, n) == 0) {
                score += marks[k].weight;
                if (first[0] == '\0')
                    first = marks[k].text;
                break;
            }
        }
    }
    if (score < min_score)
        score = 0;
    if (evidence != NULL && evidence_len > 0)
        pr_strlcpy(evidence, score > 0 ? first : "", evidence_len);
    return score;
}
