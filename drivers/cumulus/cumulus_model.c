/* SPDX-License-Identifier: BSD-3-Clause */
/* What both Cumulus dialects share: the interface table, settings, yes/no
 * words, name ranges, and telling the dialects apart. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cumulus/cumulus.h"
#include "util/strutil.h"

#define CL_MAX_IFACES 8192
#define CL_MAX_EXPAND 4096

void cl_set(struct cl_setting *s, int value, unsigned lineno, const char *stmt)
{
    s->set = true;
    s->value = value;
    s->lineno = lineno;
    pr_strlcpy(s->stmt, stmt, sizeof s->stmt);
}

int cl_bool(const char *w)
{
    static const char *const yes[] = {"yes", "on", "1", "enabled", "true", NULL};
    static const char *const no[] = {"no", "off", "0", "disabled", "false", NULL};
    for (size_t i = 0; yes[i] != NULL; i++) {
        if (strcasecmp(w, yes[i]) == 0)
            return 1;
        if (strcasecmp(w, no[i]) == 0)
            return 0;
    }
    return -1;
}

struct cl_iface *cl_find(const struct cl_model *m, const char *name)
{
    if (m == NULL)
        return NULL;
    size_t k = cli_names_find(&m->names, m->ifs, name);
    return k == CLI_NAMES_NONE ? NULL : &m->ifs[k];
}

static const char *name_of(const void *item)
{
    return ((const struct cl_iface *)item)->name;
}

struct cl_iface *cl_iface_get(struct cl_model *m, const char *name, unsigned lineno,
                              struct pr_error *err)
{
    struct cl_iface *ifc = cl_find(m, name);
    if (ifc != NULL)
        return ifc;
    if (strlen(name) >= CL_NAME_MAX) {
        pr_error_set(err, PR_ERR_INPUT, "%s:%u: interface name '%.80s' is too long", m->origin,
                     lineno, name);
        return NULL;
    }
    if (m->n_ifs == CL_MAX_IFACES) {
        pr_error_set(err, PR_ERR_INPUT, "%s:%u: more than %d interfaces", m->origin, lineno,
                     CL_MAX_IFACES);
        return NULL;
    }
    if (m->n_ifs == m->cap_ifs) {
        size_t cap = m->cap_ifs ? m->cap_ifs * 2 : 64;
        struct cl_iface *grown = realloc(m->ifs, cap * sizeof *grown);
        if (grown == NULL) {
            pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
            return NULL;
        }
        m->ifs = grown;
        m->cap_ifs = cap;
    }
    if (cli_names_reserve(&m->names, m->ifs, m->n_ifs, err) != 0)
        return NULL;
    ifc = &m->ifs[m->n_ifs++];
    memset(ifc, 0, sizeof *ifc);
    pr_strlcpy(ifc->name, name, sizeof ifc->name);
    cli_names_put(&m->names, m->ifs, m->n_ifs - 1);
    return ifc;
}

/* One item of a list: "swp3", or "swp1-18" (a prefix, a first and a last
 * number), or "swp1s0-3" (the last number ranges). */
static bool expand_item(const char *item, size_t *count, bool (*add)(const char *name, void *ctx),
                        void *ctx)
{
    const char *dash = strrchr(item, '-');
    size_t n = strlen(item);
    if (n == 0 || n >= CL_NAME_MAX)
        return false;
    bool range = dash != NULL && dash > item && isdigit((unsigned char)dash[-1]) &&
                 dash[1] != '\0' && strspn(dash + 1, "0123456789") == strlen(dash + 1);
    if (!range) {
        if (++*count > CL_MAX_EXPAND)
            return false;
        return add(item, ctx);
    }
    const char *digits = dash;
    while (digits > item && isdigit((unsigned char)digits[-1]))
        digits--;
    if (digits == item)
        return false;
    long first = strtol(digits, NULL, 10), last = strtol(dash + 1, NULL, 10);
    if (last < first || last - first >= CL_MAX_EXPAND || dash - digits > 6 || strlen(dash + 1) > 6)
        return false;
    char prefix[CL_NAME_MAX];
    size_t plen = (size_t)(digits - item);
    memcpy(prefix, item, plen);
    prefix[plen] = '\0';
    for (long k = first; k <= last; k++) {
        char name[CL_NAME_MAX + 8];
        snprintf(name, sizeof name, "%s%ld", prefix, k);
        if (++*count > CL_MAX_EXPAND || strlen(name) >= CL_NAME_MAX || !add(name, ctx))
            return false;
    }
    return true;
}

bool cl_expand(const char *list, bool (*add)(const char *name, void *ctx), void *ctx)
{
    size_t count = 0;
    const char *p = list;
    while (*p != '\0') {
        size_t n = strcspn(p, ", \t");
        if (n > 0) {
            char item[CL_NAME_MAX];
            if (n >= sizeof item)
                return false;
            memcpy(item, p, n);
            item[n] = '\0';
            if (strcmp(item, "glob") != 0 && !expand_item(item, &count, add, ctx))
                return false;
        }
        p += n;
        while (*p == ',' || *p == ' ' || *p == '\t')
            p++;
    }
    return true;
}

bool cl_front_port(const char *name)
{
    return strncmp(name, "swp", 3) == 0 && name[3] != '\0' && strchr(name, '.') == NULL;
}

const struct cl_iface *cl_governing(const struct cl_model *m, const struct cl_iface *port)
{
    if (port == NULL || port->master_name[0] == '\0')
        return port;
    const struct cl_iface *bond = cl_find(m, port->master_name);
    return bond != NULL ? bond : port;
}

/* The first 64 kB: ifupdown2's `iface swpN` stanzas and its bridge, bond
 * and mstpctl attributes, or NVUE's `- set:` document and `nv set` lines. */
int cl_detect(const char *text, size_t len, enum cl_dialect *dialect)
{
    size_t limit = len < 65536 ? len : 65536;
    int eni = 0, nvue = 0;
    bool iface = false, attr = false, set_doc = false, nv_cmd = false, yaml_if = false,
         header = false;
    for (size_t pos = 0; pos < limit;) {
        const char *start = text + pos;
        const char *nl = memchr(start, '\n', limit - pos);
        size_t n = nl ? (size_t)(nl - start) : limit - pos;
        pos += nl ? n + 1 : n;
        char line[160];
        size_t k = n < sizeof line - 1 ? n : sizeof line - 1;
        memcpy(line, start, k);
        line[k] = '\0';
        while (k > 0 && (line[k - 1] == '\r' || line[k - 1] == ' '))
            line[--k] = '\0';
        const char *t = line;
        while (*t == ' ' || *t == '\t')
            t++;
        bool indented = t != line;
        if (!indented && (strncmp(t, "iface swp", 9) == 0 || strncmp(t, "iface bond", 10) == 0 ||
                          strncmp(t, "iface br", 8) == 0))
            iface = true;
        else if (indented &&
                 (strncmp(t, "bridge-ports ", 13) == 0 || strncmp(t, "bond-slaves ", 12) == 0 ||
                  strncmp(t, "mstpctl-", 8) == 0 || strncmp(t, "bridge-vlan-aware ", 18) == 0))
            attr = true;
        else if (strcmp(t, "- set:") == 0)
            set_doc = true;
        else if (strcmp(t, "- header:") == 0)
            header = true;
        else if (strncmp(t, "nv set interface ", 17) == 0 || strncmp(t, "nv set bridge ", 14) == 0)
            nv_cmd = true;
        else if (indented && strncmp(t, "swp", 3) == 0 && k > 0 && line[k - 1] == ':')
            yaml_if = true;
    }
    eni = (iface ? 30 : 0) + (attr ? 30 : 0);
    nvue = (set_doc ? 30 : 0) + (header ? 10 : 0) + (yaml_if ? 20 : 0) + (nv_cmd ? 60 : 0);
    if (eni < 60 && nvue < 40)
        return 0;
    if (dialect != NULL)
        *dialect = nvue > eni ? CL_NVUE : CL_ENI;
    return nvue > eni ? nvue : eni;
}

int cl_model_read(const char *text, size_t len, const char *origin, struct cl_model **out,
                  struct pr_error *err)
{
    *out = NULL;
    enum cl_dialect dialect = CL_ENI;
    if (cl_detect(text, len, &dialect) == 0)
        return pr_error_set(err, PR_ERR_UNSUPPORTED,
                            "%s: not a Cumulus Linux configuration (no ifupdown2 `iface swpN` "
                            "stanza with bridge, bond or mstpctl attributes, and no NVUE `- set:` "
                            "document or `nv set interface` line)",
                            origin);
    struct cl_model *m = calloc(1, sizeof *m);
    if (m == NULL)
        return pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
    m->dialect = dialect;
    m->names.stride = sizeof *m->ifs;
    m->names.name_of = name_of;
    pr_strlcpy(m->origin, origin, sizeof m->origin);
    int rc = dialect == CL_NVUE ? cl_nvue_read(m, text, len, err) : cl_eni_read(m, text, len, err);
    if (rc != 0) {
        cl_model_free(m);
        return -1;
    }
    *out = m;
    return 0;
}

void cl_model_free(struct cl_model *m)
{
    if (m == NULL)
        return;
    cli_names_free(&m->names);
    free(m->ifs);
    free(m);
}
