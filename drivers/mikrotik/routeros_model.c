/* SPDX-License-Identifier: BSD-3-Clause */
/* The export, menu by menu: logical lines (continuations joined), each
 * split into words (a "quoted value" and a `[ find ... ]` selector are one
 * word each), then what `add` and `set` do in the menus read:
 * /interface bridge, /interface bridge port, /interface bridge vlan,
 * /interface ethernet, /interface bonding. Other menus are skipped. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mikrotik/routeros.h"
#include "util/strutil.h"

#define MAX_WORDS 64
#define MAX_ITEMS 4096

struct words {
    size_t n;
    char *w[MAX_WORDS];
};

static int bad(const char *origin, unsigned lineno, const char *why, struct pr_error *err)
{
    return pr_error_set(err, PR_ERR_INPUT, "%s:%u: %s", origin, lineno, why);
}

/* Splits the logical line s (modified in place) into words; quotes are
 * removed and `\"` / `\\` unescaped. */
static int split(char *s, struct words *out, const char *origin, unsigned lineno,
                 struct pr_error *err)
{
    out->n = 0;
    char *p = s;
    while (*p != '\0') {
        while (*p == ' ' || *p == '\t')
            p++;
        if (*p == '\0')
            break;
        if (out->n == MAX_WORDS)
            return bad(origin, lineno, "more than 64 words in one command", err);
        char *start = p, *dst = p;
        if (*p == '[') {
            char *close = strchr(p, ']');
            if (close == NULL)
                return bad(origin, lineno, "a [ selector that is never closed", err);
            p = close + 1;
            if (*p != '\0')
                *p++ = '\0';
            out->w[out->n++] = start;
            continue;
        }
        bool quoted = false;
        while (*p != '\0' && (quoted || (*p != ' ' && *p != '\t'))) {
            if (*p == '"') {
                quoted = !quoted;
                p++;
                continue;
            }
            if (*p == '\\' && p[1] != '\0') {
                p++;
                *dst++ = *p++;
                continue;
            }
            *dst++ = *p++;
        }
        if (quoted)
            return bad(origin, lineno, "a quoted value that is never closed", err);
        bool end = *p == '\0';
        *dst = '\0';
        if (!end)
            p++;
        out->w[out->n++] = start;
    }
    return 0;
}

/* The value of key in words from `at` on ("" when absent). */
static const char *arg(const struct words *w, size_t at, const char *key)
{
    size_t n = strlen(key);
    for (size_t i = at; i < w->n; i++) {
        if (strncmp(w->w[i], key, n) == 0 && w->w[i][n] == '=')
            return w->w[i] + n + 1;
    }
    return NULL;
}

static void take(struct ro_value *v, const struct words *w, size_t at, const char *key,
                 unsigned lineno)
{
    const char *s = arg(w, at, key);
    if (s == NULL)
        return;
    pr_strlcpy(v->text, s, sizeof v->text);
    v->lineno = lineno;
}

/* `[ find KEY=VALUE ]` -> VALUE of KEY ("" when the selector is another). */
static void selector(const char *word, const char *key, char *out, size_t len)
{
    out[0] = '\0';
    if (word[0] != '[')
        return;
    const char *p = strstr(word, key);
    size_t n = strlen(key);
    if (p == NULL || p[n] != '=')
        return;
    p += n + 1;
    size_t k = 0;
    if (*p == '"')
        p++;
    while (*p != '\0' && *p != ' ' && *p != ']' && *p != '"' && k + 1 < len)
        out[k++] = *p++;
    out[k] = '\0';
}

static void *grow(void **items, size_t *n, size_t size, struct pr_error *err)
{
    if (*n >= MAX_ITEMS) {
        pr_error_set(err, PR_ERR_INPUT, "more than 4096 entries in one menu");
        return NULL;
    }
    /* Doubling capacity: grow when n is 0 or a power of two. */
    if (*n == 0 || (*n & (*n - 1)) == 0) {
        size_t cap = *n ? *n * 2 : 8;
        void *grown = realloc(*items, cap * size);
        if (grown == NULL) {
            pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
            return NULL;
        }
        *items = grown;
    }
    void *item = (char *)*items + (*n)++ * size;
    memset(item, 0, size);
    return item;
}

static struct ro_bridge *find_bridge(struct routeros_model *m, const char *name)
{
    for (size_t i = 0; i < m->n_bridges; i++) {
        if (strcmp(m->bridges[i].name, name) == 0)
            return &m->bridges[i];
    }
    return NULL;
}

static struct ro_ether *find_ether(struct routeros_model *m, const char *name, bool by_default)
{
    for (size_t i = 0; i < m->n_ethers; i++) {
        if (strcmp(by_default ? m->ethers[i].default_name : m->ethers[i].name, name) == 0)
            return &m->ethers[i];
    }
    return NULL;
}

static struct ro_bport *find_bport(struct routeros_model *m, const char *interface)
{
    for (size_t i = 0; i < m->n_bports; i++) {
        if (strcmp(m->bports[i].interface, interface) == 0)
            return &m->bports[i];
    }
    return NULL;
}

static struct ro_bond *find_bond(struct routeros_model *m, const char *name)
{
    for (size_t i = 0; i < m->n_bonds; i++) {
        if (strcmp(m->bonds[i].name, name) == 0)
            return &m->bonds[i];
    }
    return NULL;
}

enum menu { M_OTHER, M_BRIDGE, M_BPORT, M_BVLAN, M_ETHER, M_BOND };

static enum menu menu_of(const struct words *w, size_t *cmd)
{
    /* The menu's words run up to the first command word (or key=value). */
    char path[160] = "";
    size_t i = 0;
    for (; i < w->n; i++) {
        const char *s = w->w[i];
        if (i > 0 && (strcmp(s, "add") == 0 || strcmp(s, "set") == 0 || strcmp(s, "remove") == 0 ||
                      strchr(s, '=') != NULL))
            break;
        pr_strlcatf(path, sizeof path, "%s%s", i ? " " : "", s[0] == '/' ? s + 1 : s);
    }
    *cmd = i;
    /* RouterOS 7 also writes menus with slashes ("/interface/bridge/port"). */
    for (char *p = path; *p; p++) {
        if (*p == '/')
            *p = ' ';
    }
    static const struct {
        const char *path;
        enum menu menu;
    } menus[] = {
        {"interface bridge", M_BRIDGE},     {"interface bridge port", M_BPORT},
        {"interface bridge vlan", M_BVLAN}, {"interface ethernet", M_ETHER},
        {"interface bonding", M_BOND},
    };
    for (size_t k = 0; k < sizeof menus / sizeof menus[0]; k++) {
        if (strcmp(path, menus[k].path) == 0)
            return menus[k].menu;
    }
    return M_OTHER;
}

/* One command (words from `at`) in menu. */
static int command(struct routeros_model *m, enum menu menu, const struct words *w, size_t at,
                   unsigned lineno, struct pr_error *err)
{
    if (at >= w->n)
        return 0;
    const char *verb = w->w[at];
    bool add = strcmp(verb, "add") == 0, set = strcmp(verb, "set") == 0;
    if (!add && !set)
        return 0;
    char sel[RO_NAME] = "";
    const char *sel_word = set && at + 1 < w->n ? w->w[at + 1] : "";
    switch (menu) {
    case M_BRIDGE: {
        struct ro_bridge *b = NULL;
        if (add) {
            const char *name = arg(w, at, "name");
            if (name == NULL)
                name = "bridge1"; /* RouterOS names an unnamed bridge bridgeN */
            b = find_bridge(m, name);
            if (b == NULL) {
                b = grow((void **)&m->bridges, &m->n_bridges, sizeof *b, err);
                if (b == NULL)
                    return -1;
                pr_strlcpy(b->name, name, sizeof b->name);
            }
        } else {
            selector(sel_word, "name", sel, sizeof sel);
            b = find_bridge(m, sel[0] ? sel : sel_word);
        }
        if (b == NULL)
            return 0;
        take(&b->protocol_mode, w, at, "protocol-mode", lineno);
        take(&b->vlan_filtering, w, at, "vlan-filtering", lineno);
        take(&b->forward_delay, w, at, "forward-delay", lineno);
        take(&b->disabled, w, at, "disabled", lineno);
        return 0;
    }
    case M_BPORT: {
        struct ro_bport *p = NULL;
        if (add) {
            const char *iface = arg(w, at, "interface");
            if (iface == NULL)
                return bad(m->origin, lineno, "a bridge port without interface=", err);
            p = find_bport(m, iface);
            if (p == NULL) {
                p = grow((void **)&m->bports, &m->n_bports, sizeof *p, err);
                if (p == NULL)
                    return -1;
                pr_strlcpy(p->interface, iface, sizeof p->interface);
                p->lineno = lineno;
            }
            const char *bridge = arg(w, at, "bridge");
            pr_strlcpy(p->bridge, bridge ? bridge : "", sizeof p->bridge);
        } else {
            selector(sel_word, "interface", sel, sizeof sel);
            p = find_bport(m, sel);
        }
        if (p == NULL)
            return 0;
        take(&p->edge, w, at, "edge", lineno);
        take(&p->bpdu_guard, w, at, "bpdu-guard", lineno);
        take(&p->pvid, w, at, "pvid", lineno);
        take(&p->disabled, w, at, "disabled", lineno);
        const char *c = arg(w, at, "comment");
        if (c != NULL)
            pr_strlcpy(p->comment, c, sizeof p->comment);
        return 0;
    }
    case M_BVLAN: {
        if (!add)
            return 0;
        struct ro_bvlan *v = grow((void **)&m->bvlans, &m->n_bvlans, sizeof *v, err);
        if (v == NULL)
            return -1;
        const char *s;
        if ((s = arg(w, at, "bridge")) != NULL)
            pr_strlcpy(v->bridge, s, sizeof v->bridge);
        if ((s = arg(w, at, "vlan-ids")) != NULL)
            pr_strlcpy(v->vlan_ids, s, sizeof v->vlan_ids);
        if ((s = arg(w, at, "tagged")) != NULL)
            pr_strlcpy(v->tagged, s, sizeof v->tagged);
        if ((s = arg(w, at, "untagged")) != NULL)
            pr_strlcpy(v->untagged, s, sizeof v->untagged);
        v->lineno = lineno;
        return 0;
    }
    case M_ETHER: {
        if (!set)
            return 0;
        /* `set [ find default-name=ether1 ] name=wan`, or by its name. */
        struct ro_ether *e = NULL;
        selector(sel_word, "default-name", sel, sizeof sel);
        if (sel[0] != '\0') {
            e = find_ether(m, sel, true);
            if (e == NULL) {
                e = grow((void **)&m->ethers, &m->n_ethers, sizeof *e, err);
                if (e == NULL)
                    return -1;
                pr_strlcpy(e->default_name, sel, sizeof e->default_name);
                pr_strlcpy(e->name, sel, sizeof e->name);
            }
        } else {
            selector(sel_word, "name", sel, sizeof sel);
            e = find_ether(m, sel[0] ? sel : sel_word, false);
        }
        if (e == NULL)
            return 0;
        const char *name = arg(w, at, "name");
        if (name != NULL)
            pr_strlcpy(e->name, name, sizeof e->name);
        const char *c = arg(w, at, "comment");
        if (c != NULL)
            pr_strlcpy(e->comment, c, sizeof e->comment);
        take(&e->disabled, w, at, "disabled", lineno);
        take(&e->auto_neg, w, at, "auto-negotiation", lineno);
        take(&e->speed, w, at, "speed", lineno);
        return 0;
    }
    case M_BOND: {
        struct ro_bond *b = NULL;
        if (add) {
            const char *name = arg(w, at, "name");
            if (name == NULL)
                name = "bonding1";
            b = find_bond(m, name);
            if (b == NULL) {
                b = grow((void **)&m->bonds, &m->n_bonds, sizeof *b, err);
                if (b == NULL)
                    return -1;
                pr_strlcpy(b->name, name, sizeof b->name);
            }
        } else {
            selector(sel_word, "name", sel, sizeof sel);
            b = find_bond(m, sel[0] ? sel : sel_word);
        }
        if (b == NULL)
            return 0;
        take(&b->mode, w, at, "mode", lineno);
        take(&b->slaves, w, at, "slaves", lineno);
        take(&b->disabled, w, at, "disabled", lineno);
        return 0;
    }
    case M_OTHER:
        break;
    }
    return 0;
}

/* The next logical line from *pos: continuations joined into buf. */
static int logical_line(const char *text, size_t len, size_t *pos, unsigned *lineno,
                        unsigned *first, char **buf, size_t *cap, const char *origin,
                        struct pr_error *err)
{
    size_t n = 0;
    *first = *lineno + 1;
    bool more = true;
    while (more) {
        if (*pos >= len)
            return n > 0 ? bad(origin, *lineno, "a line continued (\\) at the end of the text", err)
                         : 1;
        size_t i = *pos, j = i;
        while (j < len && text[j] != '\n')
            j++;
        (*lineno)++;
        *pos = j + 1;
        size_t e = j;
        if (e > i && text[e - 1] == '\r')
            e--;
        if (n > 0) /* a continuation: its leading blanks go */
            while (i < e && (text[i] == ' ' || text[i] == '\t'))
                i++;
        /* An odd number of trailing backslashes continues the line. */
        size_t bs = 0;
        while (e - bs > i && text[e - bs - 1] == '\\')
            bs++;
        more = bs % 2 == 1;
        if (more)
            e--;
        if (memchr(text + i, '\0', e - i) != NULL)
            return bad(origin, *lineno, "a NUL byte inside the text", err);
        if (n + (e - i) + 1 > *cap) {
            size_t c = (*cap + (e - i) + 1) * 2;
            char *grown = realloc(*buf, c);
            if (grown == NULL)
                return pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
            *buf = grown;
            *cap = c;
        }
        memcpy(*buf + n, text + i, e - i);
        n += e - i;
        (*buf)[n] = '\0';
        if (n == 0 && !more)
            (*buf)[0] = '\0';
    }
    return 0;
}

/* "# 2025-03-10 11:59:19 by RouterOS 7.18.2" or Oxidized's "version:
 * 7.15.2 (stable)". */
static void version_of(const char *line, char *out, size_t len)
{
    const char *p = strstr(line, "by RouterOS ");
    if (p != NULL)
        p += 12;
    else if ((p = strstr(line, "# ")) == line && (p = strstr(line, "version: ")) != NULL &&
             strstr(line, "installed") == NULL && strstr(line, "factory") == NULL)
        p += 9;
    else
        return;
    size_t k = 0;
    while (*p != '\0' && *p != ' ' && k + 1 < len)
        out[k++] = *p++;
    out[k] = '\0';
}

int routeros_model_build(const char *text, size_t len, const char *origin,
                         struct routeros_model **out, struct pr_error *err)
{
    *out = NULL;
    struct routeros_model *m = calloc(1, sizeof *m);
    if (m == NULL)
        return pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
    pr_strlcpy(m->origin, origin ? origin : "configuration", sizeof m->origin);
    while (len > 0 && text[len - 1] == '\0')
        len--;
    char *buf = NULL;
    size_t cap = 0, pos = 0;
    unsigned lineno = 0, first;
    enum menu menu = M_OTHER;
    int rc = 0;
    struct words w;
    while (rc == 0) {
        int got = logical_line(text, len, &pos, &lineno, &first, &buf, &cap, m->origin, err);
        if (got != 0) {
            rc = got < 0 ? -1 : 0;
            break;
        }
        char *s = buf;
        while (*s == ' ' || *s == '\t')
            s++;
        if (*s == '#') {
            if (m->version[0] == '\0')
                version_of(s, m->version, sizeof m->version);
            continue;
        }
        if (*s == '\0' || *s == ':')
            continue; /* blank, or a scripting line */
        rc = split(s, &w, m->origin, first, err);
        if (rc != 0 || w.n == 0)
            break;
        size_t at = 0;
        if (w.w[0][0] == '/')
            menu = menu_of(&w, &at);
        rc = command(m, menu, &w, at, first, err);
        if (rc != 0 && err->msg[0] != '\0' && strstr(err->msg, m->origin) == NULL) {
            /* grow()'s errors name no place: say where. */
            char why[160];
            pr_strlcpy(why, err->msg, sizeof why);
            rc = bad(m->origin, first, why, err);
        }
    }
    free(buf);
    if (rc != 0) {
        routeros_model_free(m);
        return -1;
    }
    *out = m;
    return 0;
}

void routeros_model_free(struct routeros_model *m)
{
    if (m == NULL)
        return;
    free(m->bridges);
    free(m->ethers);
    free(m->bonds);
    free(m->bports);
    free(m->bvlans);
    free(m);
}

const struct ro_bridge *routeros_bridge(const struct routeros_model *m, const char *name)
{
    return find_bridge((struct routeros_model *)m, name);
}

const struct ro_bport *routeros_bport(const struct routeros_model *m, const char *interface)
{
    return find_bport((struct routeros_model *)m, interface);
}

const struct ro_bond *routeros_bond(const struct routeros_model *m, const char *name)
{
    return find_bond((struct routeros_model *)m, name);
}

const struct ro_ether *routeros_ether(const struct routeros_model *m, const char *name)
{
    return find_ether((struct routeros_model *)m, name, false);
}

bool routeros_list_has(const char *list, const char *item)
{
    size_t n = strlen(item);
    for (const char *p = list; p != NULL && *p != '\0';) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        if (len == n && strncmp(p, item, n) == 0)
            return true;
        p = comma ? comma + 1 : NULL;
    }
    return false;
}

const struct ro_bond *routeros_bond_of(const struct routeros_model *m, const char *interface)
{
    for (size_t i = 0; i < m->n_bonds; i++) {
        if (routeros_list_has(m->bonds[i].slaves.text, interface))
            return &m->bonds[i];
    }
    return NULL;
}

/* Lines only an export writes: menus of RouterOS's own, `set [ find
 * default-name=...`, the header comment. */
int routeros_detect(const char *text, size_t len, char *evidence, size_t evidence_len)
{
    static const char *const marks[] = {
        "by RouterOS ",           "/interface bridge",
        "/interface ethernet",    "/ip address",
        "[ find default-name=",   "/system identity",
        "/interface list member", "/ip firewall filter",
        "platform: MikroTik",
    };
    int score = 0;
    bool seen[sizeof marks / sizeof marks[0]] = {false};
    size_t limit = len < (size_t)1 << 20 ? len : (size_t)1 << 20;
    unsigned lineno = 0;
    char first[160] = "";
    for (size_t i = 0; i < limit;) {
        size_t j = i;
        while (j < limit && text[j] != '\n')
            j++;
        lineno++;
        size_t n = j - i < 200 ? j - i : 200;
        char line[201];
        memcpy(line, text + i, n);
        line[n] = '\0';
        for (size_t k = 0; k < sizeof marks / sizeof marks[0]; k++) {
            const char *hit = strstr(line, marks[k]);
            if (seen[k] || hit == NULL || (marks[k][0] == '/' && hit != line))
                continue;
            seen[k] = true;
            score += marks[k][0] == '/' ? 10 : 15;
            if (first[0] == '\0')
                snprintf(first, sizeof first, "line %u: %.120s", lineno, line);
        }
        /* Other families: braces, `interface X` blocks, `!` comments. */
        if (n > 0 && (line[0] == '!' || line[n - 1] == '{' || strncmp(line, "interface ", 10) == 0))
            score -= 5;
        i = j + 1;
    }
    if (evidence != NULL && evidence_len > 0)
        pr_strlcpy(evidence, score >= 25 ? first : "", evidence_len);
    return score >= 25 ? score : 0;
}
