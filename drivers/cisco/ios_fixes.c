/* SPDX-License-Identifier: BSD-3-Clause */
/* The block of configuration that ends a Cisco-family switch's report: the
 * fixes of every judged port but the uplinks, merged as one would type them
 * in configuration mode: the switch-wide lines first (marked with a `!`
 * comment as disruptive), then the other global lines, then one
 * `interface X` block per interface holding every line its fixes give it,
 * each line once. A comment that leads an interface's snippet stays in
 * front of that interface. */
#include <stdlib.h>
#include <string.h>

#include "cisco/ios.h"
#include "driver.h"
#include "util/strbuf.h"

struct group {
    char *head;            /* "interface GigabitEthernet1/0/3"; NULL: global lines */
    struct pr_strbuf text; /* its lines, each ending in '\n' */
};

struct merge {
    struct group *groups;
    size_t n, cap;
    struct pr_strbuf wide;    /* switch-wide lines */
    struct pr_strbuf globals; /* other global lines and lone comments */
    bool failed;
};

/* Whether buf already holds line (a whole line). */
static bool has_line(const struct pr_strbuf *buf, const char *line, size_t len)
{
    for (const char *p = buf->data; p != NULL && *p;) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        if (n == len && memcmp(p, line, len) == 0)
            return true;
        p = nl ? nl + 1 : NULL;
    }
    return false;
}

static void add_line(struct pr_strbuf *buf, const char *line, size_t len)
{
    if (has_line(buf, line, len))
        return;
    pr_strbuf_add(buf, line, len);
    pr_strbuf_add(buf, "\n", 1);
}

static struct group *group_for(struct merge *m, const char *head, size_t len, bool *created)
{
    *created = false;
    for (size_t i = 0; i < m->n; i++) {
        if (strlen(m->groups[i].head) == len && memcmp(m->groups[i].head, head, len) == 0)
            return &m->groups[i];
    }
    if (m->n == m->cap) {
        size_t cap = m->cap ? m->cap * 2 : 16;
        struct group *g = realloc(m->groups, cap * sizeof *g);
        if (g == NULL) {
            m->failed = true;
            return NULL;
        }
        m->groups = g;
        m->cap = cap;
    }
    struct group *g = &m->groups[m->n];
    memset(g, 0, sizeof *g);
    g->head = strndup(head, len);
    if (g->head == NULL) {
        m->failed = true;
        return NULL;
    }
    m->n++;
    *created = true;
    return g;
}

/* Adds one snippet. Its comment lines wait for what follows them. */
static void add_snippet(struct merge *m, const char *fix, bool switch_wide, const char *indent)
{
    struct group *current = NULL;
    struct pr_strbuf pending = {0};
    for (const char *line = fix; line != NULL && *line != '\0';) {
        const char *nl = strchr(line, '\n');
        size_t len = nl ? (size_t)(nl - line) : strlen(line);
        const char *next = nl ? nl + 1 : NULL;
        if (len == 0) {
            line = next;
            continue;
        }
        if (line[0] == '!') {
            add_line(&pending, line, len);
        } else if (strncmp(line, "interface ", 10) == 0) {
            bool created;
            current = group_for(m, line, len, &created);
            if (current != NULL && pending.len > 0) {
                /* Before a new interface's head (its text's first lines);
                 * inside one that has lines already. */
                for (const char *c = pending.data; *c;) {
                    const char *cnl = strchr(c, '\n');
                    size_t clen = cnl ? (size_t)(cnl - c) : strlen(c);
                    if (created) {
                        add_line(&current->text, c, clen);
                    } else {
                        char buf[PR_FIX_MAX];
                        size_t n = strlen(indent);
                        if (n + clen < sizeof buf) {
                            memcpy(buf, indent, n);
                            memcpy(buf + n, c, clen);
                            add_line(&current->text, buf, n + clen);
                        }
                    }
                    c = cnl ? cnl + 1 : c + clen;
                }
                pr_strbuf_free(&pending);
            }
        } else if (line[0] == ' ' && current != NULL) {
            add_line(&current->text, line, len);
        } else {
            current = NULL;
            add_line(switch_wide ? &m->wide : &m->globals, line, len);
        }
        line = next;
    }
    if (pending.len > 0)
        pr_strbuf_add(&m->globals, pending.data, pending.len);
    m->failed |= pending.failed;
    pr_strbuf_free(&pending);
}

int ios_merge_fixes(const struct pr_switch *sw, struct pr_fix_block *block)
{
    memset(block, 0, sizeof *block);
    struct merge m = {0};
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < sw->n_ports; i++) {
            const struct pr_port *port = &sw->ports[i];
            for (size_t k = 0; k < port->n_findings; k++) {
                const struct pr_finding *f = &port->findings[k];
                bool wide = pr_finding_is_switch_wide(port, f);
                if (pr_driver_fix_in_block(port, f) && wide == (pass == 0))
                    add_snippet(&m, f->fix, wide, " ");
            }
        }
    }
    struct pr_strbuf text = {0};
    if (m.wide.len > 0)
        pr_strbuf_addf(&text, "!%s\n%s!\n", pr_driver_switch_wide_note, m.wide.data);
    if (m.globals.len > 0)
        pr_strbuf_add(&text, m.globals.data, m.globals.len);
    for (size_t i = 0; i < m.n; i++) {
        struct group *g = &m.groups[i];
        /* Leading comments were put first in the group's text. */
        const char *body = g->text.data ? g->text.data : "";
        const char *first_member = body;
        while (*first_member == '!') {
            const char *nl = strchr(first_member, '\n');
            first_member = nl ? nl + 1 : first_member + strlen(first_member);
        }
        pr_strbuf_add(&text, body, (size_t)(first_member - body));
        pr_strbuf_addf(&text, "%s\n%s", g->head, first_member);
        m.failed |= g->text.failed;
        pr_strbuf_free(&g->text);
        free(g->head);
    }
    free(m.groups);
    bool failed = m.failed || m.wide.failed || m.globals.failed || text.failed;
    block->switch_wide = pr_strbuf_take(&m.wide);
    pr_strbuf_free(&m.globals);
    block->text = pr_strbuf_take(&text);
    block->paste = true;
    if (failed) {
        pr_fix_block_free(block);
        return -1;
    }
    return 0;
}
