/* SPDX-License-Identifier: BSD-3-Clause */
#include "cisco/ios_config.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli/cli_text.h"
#include "util/strutil.h"

/* What the reader is skipping over. */
struct skip_state {
    enum { SKIP_NONE, SKIP_BANNER, SKIP_MACRO } kind;
    char delim[8]; /* banner end marker ("^C", "#", "EOF") */
    unsigned start_line;
    char what[48]; /* "banner motd" for the error message */
};

static bool is_blank(char c)
{
    return c == ' ' || c == '\t';
}

/* A `banner TYPE [DELIM...]` line: sets st to skip until the closing
 * delimiter unless the banner closes on the same line. */
static void banner_begin(const char *text, unsigned lineno, struct skip_state *st)
{
    const char *p = text + strlen("banner");
    while (is_blank(*p))
        p++;
    const char *type = p;
    while (*p != '\0' && !is_blank(*p))
        p++;
    size_t type_len = (size_t)(p - type);
    while (is_blank(*p))
        p++;
    st->start_line = lineno;
    st->what[0] = '\0';
    pr_strlcatf(st->what, sizeof st->what, "banner %.*s", (int)(type_len < 32 ? type_len : 32),
                type);
    if (*p == '\0') {
        /* EOS: the banner text follows on its own lines up to "EOF". */
        st->kind = SKIP_BANNER;
        pr_strlcpy(st->delim, "EOF", sizeof st->delim);
        return;
    }
    size_t dlen = (p[0] == '^' && p[1] != '\0') ? 2 : 1;
    memcpy(st->delim, p, dlen);
    st->delim[dlen] = '\0';
    if (strstr(p + dlen, st->delim) != NULL)
        return; /* opened and closed on one line */
    st->kind = SKIP_BANNER;
}

/* Whether a skipped line ends the banner or macro being skipped. */
static bool skip_ends(const struct skip_state *st, const char *text)
{
    if (st->kind == SKIP_MACRO)
        return strcmp(text, "@") == 0;
    if (strcmp(st->delim, "EOF") == 0)
        return strcmp(text, "EOF") == 0;
    return strstr(text, st->delim) != NULL;
}

static int push_line(struct ios_config *cfg, size_t *cap, unsigned lineno, unsigned indent,
                     const char *text, struct pr_error *err)
{
    if (cfg->n_lines == *cap) {
        size_t ncap = *cap ? *cap * 2 : 256;
        struct ios_line *lines = realloc(cfg->lines, ncap * sizeof *lines);
        if (lines == NULL)
            return pr_error_set(err, PR_ERR_INTERNAL, "%s: out of memory", cfg->origin);
        cfg->lines = lines;
        *cap = ncap;
    }
    cfg->lines[cfg->n_lines++] = (struct ios_line){lineno, indent, text};
    return 0;
}

static int build_blocks(struct ios_config *cfg, struct pr_error *err)
{
    size_t heads = 0;
    for (size_t i = 0; i < cfg->n_lines; i++) {
        if (i == 0 || cfg->lines[i].indent == 0)
            heads++;
    }
    cfg->blocks = calloc(heads ? heads : 1, sizeof *cfg->blocks);
    if (cfg->blocks == NULL)
        return pr_error_set(err, PR_ERR_INTERNAL, "%s: out of memory", cfg->origin);
    for (size_t i = 0; i < cfg->n_lines; i++) {
        if (i == 0 || cfg->lines[i].indent == 0)
            cfg->blocks[cfg->n_blocks++] = (struct ios_block){i, 1};
        else
            cfg->blocks[cfg->n_blocks - 1].n++;
    }
    return 0;
}

int ios_config_parse(const char *text, size_t len, const char *origin, struct ios_config **out,
                     struct pr_error *err)
{
    *out = NULL;
    if (origin == NULL)
        origin = "configuration";
    if (cli_text_check_nul(text, len, origin, err) != 0)
        return -1;
    struct ios_config *cfg = calloc(1, sizeof *cfg);
    if (cfg == NULL || (cfg->buf = malloc(len + 1)) == NULL) {
        free(cfg);
        return pr_error_set(err, PR_ERR_INTERNAL, "%s: out of memory", origin);
    }
    pr_strlcpy(cfg->origin, origin, sizeof cfg->origin);
    memcpy(cfg->buf, text, len);
    cfg->buf[len] = '\0';
    ios_detect_platform(text, len, &cfg->platform);

    struct skip_state skip = {.kind = SKIP_NONE};
    size_t cap = 0;
    unsigned lineno = 0;
    char *p = cfg->buf;
    char *end = cfg->buf + len;
    while (p < end) {
        unsigned indent;
        char *line = cli_cut_line(&p, end, &indent);
        lineno++;

        if (skip.kind != SKIP_NONE) {
            if (skip_ends(&skip, line))
                skip.kind = SKIP_NONE;
            continue;
        }
        if (*line == '\0' || *line == '!' || *line == '#')
            continue;
        if (indent == 0 && strcmp(line, "end") == 0) {
            cfg->end_lineno = lineno;
            break;
        }
        if (indent == 0 && strncmp(line, "banner", 6) == 0 && (line[6] == ' ' || !line[6])) {
            banner_begin(line, lineno, &skip);
            continue;
        }
        if (indent == 0 && strncmp(line, "macro name ", 11) == 0) {
            skip.kind = SKIP_MACRO;
            skip.start_line = lineno;
            pr_strlcpy(skip.what, "macro", sizeof skip.what);
            pr_strlcpy(skip.delim, "@", sizeof skip.delim);
            continue;
        }
        if (push_line(cfg, &cap, lineno, indent, line, err) != 0) {
            ios_config_free(cfg);
            return -1;
        }
    }
    if (skip.kind != SKIP_NONE) {
        pr_error_set(err, PR_ERR_INPUT, "%s:%u: %s is never closed (no line with \"%s\")", origin,
                     skip.start_line, skip.what, skip.delim);
        ios_config_free(cfg);
        return -1;
    }
    if (build_blocks(cfg, err) != 0) {
        ios_config_free(cfg);
        return -1;
    }
    *out = cfg;
    return 0;
}

void ios_config_free(struct ios_config *cfg)
{
    if (cfg == NULL)
        return;
    free(cfg->buf);
    free(cfg->lines);
    free(cfg->blocks);
    free(cfg);
}

/* Compares two statements word by word, ignoring case and extra blanks. */
static bool words_equal(const char *a, const char *b)
{
    for (;;) {
        while (is_blank(*a))
            a++;
        while (is_blank(*b))
            b++;
        if (*a == '\0' || *b == '\0')
            return *a == *b;
        size_t la = strcspn(a, " \t"), lb = strcspn(b, " \t");
        if (la != lb || strncasecmp(a, b, la) != 0)
            return false;
        a += la;
        b += lb;
    }
}

const struct ios_block *ios_config_find_block(const struct ios_config *cfg, const char *head)
{
    for (size_t i = 0; i < cfg->n_blocks; i++) {
        if (words_equal(cfg->lines[cfg->blocks[i].first].text, head))
            return &cfg->blocks[i];
    }
    return NULL;
}
