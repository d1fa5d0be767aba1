/* SPDX-License-Identifier: BSD-3-Clause */
/* Merging a fix snippet into configuration text, as an engineer pasting it
 * in configuration mode would change the running-config: the lines under
 * `interface X` join that interface's block, global lines join the global
 * statements. */
#include <stdlib.h>
#include <string.h>

#include "cisco/ios.h"

struct insertion {
    unsigned before_line; /* insert before this line (n_lines + 1: at the end) */
    const char *text;     /* one or more lines, each ending in '\n' */
    size_t len;
};

struct outbuf {
    char *data;
    size_t len, cap;
};

static int out_add(struct outbuf *o, const char *text, size_t len)
{
    if (o->len + len + 1 > o->cap) {
        size_t cap = (o->len + len + 1) * 2;
        char *data = realloc(o->data, cap);
        if (data == NULL)
            return -1;
        o->data = data;
        o->cap = cap;
    }
    memcpy(o->data + o->len, text, len);
    o->len += len;
    o->data[o->len] = '\0';
    return 0;
}

/* The line after the block whose head is `interface NAME`; 0 when absent. */
static unsigned after_block(const struct ios_config *cfg, const char *head)
{
    const struct ios_block *b = ios_config_find_block(cfg, head);
    if (b == NULL)
        return 0;
    return cfg->lines[b->first + b->n - 1].lineno + 1;
}

/* Splits the snippet into insertions: each interface group goes after its
 * block (or, absent, with its head before the end), each global line
 * before the end. Comment lines are dropped. */
static size_t plan(const struct ios_config *cfg, char *snip, unsigned end_line,
                   struct insertion *ins, size_t max)
{
    size_t n = 0;
    char *line = snip;
    while (line != NULL && *line != '\0' && n < max) {
        char *next = strchr(line, '\n');
        size_t len = next ? (size_t)(next - line) + 1 : strlen(line);
        if (line[0] == '!' || line[0] == '\n') {
            line = next ? next + 1 : NULL;
            continue;
        }
        if (strncmp(line, "interface ", 10) == 0) {
            /* The group: the head and the indented lines below it. */
            char *end = line + len;
            while (*end == ' ' || *end == '\t') {
                char *nl = strchr(end, '\n');
                end = nl ? nl + 1 : end + strlen(end);
            }
            char head[256];
            size_t hl = len - (next ? 1 : 0);
            if (hl >= sizeof head)
                hl = sizeof head - 1;
            memcpy(head, line, hl);
            head[hl] = '\0';
            unsigned at = after_block(cfg, head);
            if (at != 0)
                ins[n++] = (struct insertion){at, line + len, (size_t)(end - (line + len))};
            else
                ins[n++] = (struct insertion){end_line, line, (size_t)(end - line)};
            line = end;
            continue;
        }
        ins[n++] = (struct insertion){end_line, line, len};
        line = next ? next + 1 : NULL;
    }
    return n;
}

int ios_config_merge(const char *text, size_t len, const char *snippet, char **out, size_t *out_len,
                     struct pr_error *err)
{
    *out = NULL;
    *out_len = 0;
    struct ios_config *cfg;
    if (ios_config_parse(text, len, "configuration", &cfg, err) != 0)
        return -1;
    unsigned n_text_lines = 0;
    for (size_t i = 0; i < len; i++)
        n_text_lines += text[i] == '\n';
    if (len > 0 && text[len - 1] != '\n')
        n_text_lines++;
    unsigned end_line = cfg->end_lineno ? cfg->end_lineno : n_text_lines + 1;

    /* A copy of the snippet whose every line ends in '\n'. */
    size_t slen = strlen(snippet);
    char *snip = malloc(slen + 2);
    /* At most one insertion a line: a whole switch's block has hundreds. */
    size_t max_ins = 1;
    for (size_t i = 0; i < slen; i++)
        max_ins += snippet[i] == '\n';
    struct insertion *ins = calloc(max_ins, sizeof *ins);
    struct outbuf o = {0};
    if (snip == NULL || ins == NULL)
        goto oom;
    memcpy(snip, snippet, slen + 1);
    if (slen > 0 && snip[slen - 1] != '\n') {
        snip[slen] = '\n';
        snip[slen + 1] = '\0';
    }
    size_t n_ins = plan(cfg, snip, end_line, ins, max_ins);

    unsigned lineno = 1;
    size_t pos = 0;
    for (;;) {
        for (size_t k = 0; k < n_ins; k++) {
            if (ins[k].before_line == lineno && out_add(&o, ins[k].text, ins[k].len) != 0)
                goto oom;
        }
        if (pos >= len)
            break;
        const char *nl = memchr(text + pos, '\n', len - pos);
        size_t ll = nl ? (size_t)(nl - (text + pos)) + 1 : len - pos;
        if (out_add(&o, text + pos, ll) != 0 || (nl == NULL && out_add(&o, "\n", 1) != 0))
            goto oom;
        pos += ll;
        lineno++;
    }
    free(snip);
    free(ins);
    snip = NULL;
    ins = NULL;
    if (o.data == NULL && out_add(&o, "", 0) != 0)
        goto oom;
    ios_config_free(cfg);
    *out = o.data;
    *out_len = o.len;
    return 0;
oom:
    free(snip);
    free(ins);
    free(o.data);
    ios_config_free(cfg);
    return pr_error_set(err, PR_ERR_INTERNAL, "out of memory merging a snippet");
}
