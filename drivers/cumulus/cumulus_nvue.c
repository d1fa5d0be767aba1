/* SPDX-License-Identifier: BSD-3-Clause */
/* NVUE's configuration: the YAML of `nv config show` (a `- header:` and a
 * `- set:` document of nested maps, `{}` for a present key, `|` blocks)
 * and the lines of `nv config show -o commands` (`nv set PATH VALUE`, `nv
 * unset PATH`). Both become command paths ("interface swp1 bridge domain
 * br_default stp admin-edge on") read by one interpreter, so a YAML
 * document followed by commands reads as the switch after them.
 * Interface keys may be ranges and lists ("swp1-18", "eth0,swp19-22"). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli/cli_text.h"
#include "cumulus/cumulus.h"
#include "util/strutil.h"

#define NV_DEPTH 24
#define NV_WORDS 24
#define NV_WORD  96

struct nv_path {
    size_t n;
    char w[NV_WORDS][NV_WORD];
};

struct nvue {
    struct cl_model *m;
    const struct cli_line *line;
    char stmt[120];
    bool unset;
    struct pr_error *err;
    int rc;
    const struct nv_path *path; /* the path each_iface applies */
};

static int bad(struct nvue *v, const char *why)
{
    v->rc = pr_error_set(v->err, PR_ERR_INPUT, "%s:%u: \"%.120s\": %s", v->m->origin,
                         v->line->lineno, v->stmt, why);
    return -1;
}

static void put(struct nvue *v, struct cl_setting *s, int value)
{
    if (v->unset)
        memset(s, 0, sizeof *s);
    else
        cl_set(s, value, v->line->lineno, v->stmt);
}

static int flag(struct nvue *v, struct cl_setting *s, const struct nv_path *p, size_t i)
{
    if (v->unset) {
        put(v, s, 0);
        return 0;
    }
    int b = i < p->n ? cl_bool(p->w[i]) : -1;
    if (b < 0)
        return bad(v, "not on/off");
    put(v, s, b);
    return 0;
}

static int number(struct nvue *v, struct cl_setting *s, const struct nv_path *p, size_t i, long lo,
                  long hi, const char *what)
{
    if (v->unset) {
        put(v, s, 0);
        return 0;
    }
    char *end;
    long n = i < p->n ? strtol(p->w[i], &end, 10) : 0;
    if (i >= p->n || end == p->w[i] || *end != '\0' || n < lo || n > hi)
        return bad(v, what);
    put(v, s, (int)n);
    return 0;
}

static bool is(const struct nv_path *p, size_t i, const char *w)
{
    return i < p->n && strcmp(p->w[i], w) == 0;
}

static struct cl_iface *bridge_of(struct nvue *v, const char *name)
{
    struct cl_iface *br = cl_iface_get(v->m, name, v->line->lineno, v->err);
    if (br != NULL)
        br->is_bridge = true;
    else
        v->rc = -1;
    return br;
}

/* bridge domain BR PATH... */
static int bridge_domain(struct nvue *v, const struct nv_path *p, size_t i)
{
    if (i >= p->n)
        return 0;
    struct cl_iface *br = bridge_of(v, p->w[i]);
    if (br == NULL)
        return -1;
    i++;
    if (is(p, i, "untagged"))
        return number(v, &br->pvid, p, i + 1, 1, 4094, "not a VLAN (1-4094)");
    if (!is(p, i, "stp"))
        return 0;
    i++;
    if (is(p, i, "state")) {
        if (v->unset)
            put(v, &br->stp, 1);
        else if (is(p, i + 1, "up") || is(p, i + 1, "down"))
            put(v, &br->stp, is(p, i + 1, "up"));
        else
            return bad(v, "not an STP state (up, down)");
    } else if (is(p, i, "mode")) {
        put(v, &br->pvrst, is(p, i + 1, "pvrst"));
    } else if (is(p, i, "force-protocol-version")) {
        if (!v->unset && !is(p, i + 1, "stp") && !is(p, i + 1, "rstp"))
            return bad(v, "not a protocol version (stp, rstp)");
        put(v, &br->forcevers, is(p, i + 1, "stp"));
    } else if (is(p, i, "forward-delay")) {
        return number(v, &br->fwd, p, i + 1, 2, 255, "not a forward delay in seconds");
    } else if (is(p, i, "max-age")) {
        return number(v, &br->age, p, i + 1, 2, 255, "not a max age in seconds");
    }
    return 0;
}

struct member_ctx {
    struct nvue *v;
    struct cl_iface *bond;
};

static bool add_member(const char *name, void *ctx);

/* interface NAME PATH... for one NAME (c, which any interface added
 * here may move: found again after). */
static int iface_path(struct nvue *v, struct cl_iface *c, const struct nv_path *p, size_t i)
{
    char name[CL_NAME_MAX];
    pr_strlcpy(name, c->name, sizeof name);
    if (is(p, i, "link") && is(p, i + 1, "state")) {
        if (v->unset)
            put(v, &c->link_down, 0);
        else if (is(p, i + 2, "up") || is(p, i + 2, "down"))
            put(v, &c->link_down, is(p, i + 2, "down"));
        else
            return bad(v, "not a link state (up, down)");
    } else if (is(p, i, "link") && is(p, i + 1, "speed")) {
        if (is(p, i + 2, "auto"))
            return 0;
        return number(v, &c->speed, p, i + 2, 1, 1000000, "not a speed in Mb/s");
    } else if (is(p, i, "link") && is(p, i + 1, "auto-negotiate")) {
        return flag(v, &c->autoneg, p, i + 2);
    } else if (is(p, i, "type")) {
        if (is(p, i + 1, "bond") || is(p, i + 1, "peerlink"))
            c->is_bond = true;
    } else if (is(p, i, "bond")) {
        c->is_bond = true;
        if (is(p, i + 1, "member") && i + 2 < p->n) {
            struct member_ctx ctx = {v, c};
            if (!cl_expand(p->w[i + 2], add_member, &ctx))
                return v->rc != 0 ? -1 : bad(v, "not a list of interfaces");
        } else if (is(p, i + 1, "mode")) {
            put(v, &c->lacp, v->unset || is(p, i + 2, "lacp"));
        } else if (is(p, i + 1, "lacp-bypass")) {
            return flag(v, &c->bypass, p, i + 2);
        }
    } else if (is(p, i, "bridge") && is(p, i + 1, "domain") && i + 2 < p->n) {
        if (bridge_of(v, p->w[i + 2]) == NULL)
            return -1;
        c = cl_find(v->m, name);
        if (v->unset && i + 3 >= p->n) {
            memset(&c->bridged, 0, sizeof c->bridged);
            c->bridge_name[0] = '\0';
            return 0;
        }
        if (!c->bridged.set || strcmp(c->bridge_name, p->w[i + 2]) != 0) {
            cl_set(&c->bridged, 1, v->line->lineno, v->stmt);
            pr_strlcpy(c->bridge_name, p->w[i + 2], sizeof c->bridge_name);
        }
        i += 3;
        if (is(p, i, "access"))
            return number(v, &c->access, p, i + 1, 1, 4094, "not a VLAN (1-4094)");
        if (is(p, i, "untagged")) {
            if (is(p, i + 1, "none"))
                return 0;
            return number(v, &c->pvid, p, i + 1, 1, 4094, "not a VLAN (1-4094)");
        }
        if (is(p, i, "stp") && is(p, i + 1, "admin-edge"))
            return flag(v, &c->admin_edge, p, i + 2);
        if (is(p, i, "stp") && is(p, i + 1, "auto-edge"))
            return flag(v, &c->auto_edge, p, i + 2);
        if (is(p, i, "stp") && is(p, i + 1, "bpdu-guard"))
            return flag(v, &c->bpdu_guard, p, i + 2);
    } else if (is(p, i, "description") && i + 1 < p->n && !v->unset) {
        pr_strlcpy(c->alias, p->w[i + 1], sizeof c->alias);
    }
    return 0;
}

static bool add_member(const char *name, void *ctx)
{
    struct member_ctx *c = ctx;
    struct nvue *v = c->v;
    char bond[CL_NAME_MAX];
    pr_strlcpy(bond, c->bond->name, sizeof bond); /* the table may move */
    struct cl_iface *ifc = cl_iface_get(v->m, name, v->line->lineno, v->err);
    if (ifc == NULL) {
        v->rc = -1;
        return false;
    }
    c->bond = cl_find(v->m, bond);
    if (v->unset) {
        memset(&ifc->master, 0, sizeof ifc->master);
        ifc->master_name[0] = '\0';
    } else {
        cl_set(&ifc->master, 1, v->line->lineno, v->stmt);
        pr_strlcpy(ifc->master_name, bond, sizeof ifc->master_name);
    }
    return true;
}

static bool each_iface(const char *name, void *ctx)
{
    struct nvue *v = ctx;
    struct cl_iface *ifc = cl_iface_get(v->m, name, v->line->lineno, v->err);
    if (ifc == NULL) {
        v->rc = -1;
        return false;
    }
    if (strncmp(name, "bond", 4) == 0 || strcmp(name, "peerlink") == 0)
        ifc->is_bond = true; /* NVUE makes bondN and peerlink bonds by their names */
    return iface_path(v, ifc, v->path, 2) == 0;
}

static int nv_path_do(struct nvue *v, const struct nv_path *p)
{
    if (is(p, 0, "bridge") && is(p, 1, "domain"))
        return bridge_domain(v, p, 2);
    if (!is(p, 0, "interface") || p->n < 3)
        return 0;
    v->path = p;
    if (!cl_expand(p->w[1], each_iface, v))
        return v->rc != 0 ? -1 : bad(v, "not a list of interfaces");
    return 0;
}

static void path_text(const struct nv_path *p, const char *prefix, char *out, size_t len)
{
    pr_strlcpy(out, prefix, len);
    for (size_t i = 0; i < p->n; i++)
        pr_strlcatf(out, len, "%s%s", out[0] ? " " : "", p->w[i]);
}

/* `nv set interface swp1 link state up`: the words after `nv set`. */
static int command(struct nvue *v, const char *text)
{
    v->unset = strncmp(text, "nv unset ", 9) == 0;
    const char *at = text + (v->unset ? 9 : 7);
    struct nv_path p = {0};
    char copy[1024];
    pr_strlcpy(copy, at, sizeof copy);
    for (char *save = NULL, *w = strtok_r(copy, " \t", &save); w != NULL;
         w = strtok_r(NULL, " \t", &save)) {
        if (p.n == NV_WORDS)
            break;
        size_t n = strlen(w);
        if (n >= 2 && (w[0] == '\'' || w[0] == '"') && w[n - 1] == w[0]) {
            w[n - 1] = '\0';
            w++;
        }
        pr_strlcpy(p.w[p.n++], w, NV_WORD);
    }
    pr_strlcpy(v->stmt, text, sizeof v->stmt);
    return nv_path_do(v, &p);
}

/* A YAML key or scalar without its quotes. */
static void scalar(const char *s, size_t n, char *out, size_t len)
{
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    if (n >= 2 && (s[0] == '\'' || s[0] == '"') && s[n - 1] == s[0]) {
        s++;
        n -= 2;
    }
    if (n >= len)
        n = len - 1;
    memcpy(out, s, n);
    out[n] = '\0';
}

struct yaml {
    unsigned indent[NV_DEPTH];
    char key[NV_DEPTH][NV_WORD];
    size_t depth;
    unsigned block; /* inside a `|` or `>` block indented deeper than this, +1; 0 none */
};

/* The path of the keys open, without the document's `set` (a `header`
 * document is not configuration: false). */
static bool yaml_path(const struct yaml *y, struct nv_path *p)
{
    p->n = 0;
    size_t from = 0;
    if (y->depth > 0 && strcmp(y->key[0], "header") == 0)
        return false;
    if (y->depth > 0 && strcmp(y->key[0], "set") == 0)
        from = 1;
    for (size_t i = from; i < y->depth && p->n < NV_WORDS; i++)
        pr_strlcpy(p->w[p->n++], y->key[i], NV_WORD);
    return true;
}

static int yaml_line(struct nvue *v, struct yaml *y, const struct cli_line *line)
{
    unsigned indent = line->indent;
    const char *t = line->text;
    if (y->block != 0) {
        if (indent >= y->block)
            return 0;
        y->block = 0;
    }
    if (strcmp(t, "---") == 0 || strcmp(t, "...") == 0)
        return 0;
    if (t[0] == '-' && (t[1] == ' ' || t[1] == '\0')) {
        /* a list item: "- set:" opens a document, "- word" is a value */
        t++;
        indent++;
        while (*t == ' ') {
            t++;
            indent++;
        }
    }
    while (y->depth > 0 && y->indent[y->depth - 1] >= indent)
        y->depth--;
    const char *colon = strstr(t, ": ");
    size_t tlen = strlen(t);
    bool opens = tlen > 0 && t[tlen - 1] == ':' && (colon == NULL || colon > t + tlen - 2);
    char key[NV_WORD], value[NV_WORD] = "";
    if (opens) {
        scalar(t, tlen - 1, key, sizeof key);
    } else if (colon != NULL) {
        scalar(t, (size_t)(colon - t), key, sizeof key);
        const char *val = colon + 2;
        while (*val == ' ')
            val++;
        if (strcmp(val, "|") == 0 || strcmp(val, ">") == 0 || strcmp(val, "|-") == 0 ||
            strcmp(val, ">-") == 0) {
            y->block = indent + 1;
            return 0;
        }
        if (strcmp(val, "{}") != 0 && strcmp(val, "[]") != 0)
            scalar(val, strlen(val), value, sizeof value);
    } else {
        scalar(t, tlen, key, sizeof key); /* a bare list value */
    }
    if (opens) {
        if (y->depth == NV_DEPTH)
            return 0; /* deeper than any setting read here */
        y->indent[y->depth] = indent;
        pr_strlcpy(y->key[y->depth], key, NV_WORD);
        y->depth++;
        return 0;
    }
    struct nv_path p;
    if (!yaml_path(y, &p) || p.n + 2 > NV_WORDS)
        return 0;
    pr_strlcpy(p.w[p.n++], key, NV_WORD);
    if (value[0] != '\0')
        pr_strlcpy(p.w[p.n++], value, NV_WORD);
    v->unset = false;
    path_text(&p, "", v->stmt, sizeof v->stmt);
    return nv_path_do(v, &p);
}

int cl_nvue_read(struct cl_model *m, const char *text, size_t len, struct pr_error *err)
{
    struct cli_text *t;
    if (cli_text_read(text, len, m->origin, '#', &t, err) != 0)
        return -1;
    struct nvue v = {.m = m, .err = err};
    struct yaml y = {0};
    for (size_t i = 0; i < t->n_lines && v.rc == 0; i++) {
        v.line = &t->lines[i];
        const char *s = v.line->text;
        int rc;
        if (strncmp(s, "nv set ", 7) == 0 || strncmp(s, "nv unset ", 9) == 0)
            rc = command(&v, s);
        else if (strncmp(s, "nv ", 3) == 0)
            rc = 0; /* nv config apply, ... */
        else
            rc = yaml_line(&v, &y, v.line);
        if (rc != 0 && v.rc == 0)
            v.rc = -1;
    }
    cli_text_free(t);
    return v.rc;
}
