/* SPDX-License-Identifier: BSD-3-Clause */
/* EXOS command by command: what each sets. Defaults are applied later, in
 * exos_facts.c. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "extreme/exos.h"
#include "util/strutil.h"

#define EXOS_MAX_PORTS 4096

static void set(struct exos_setting *s, int value, const struct cli_line *line)
{
    s->value = value;
    s->line = line;
}

static int bad(const struct exos_model *m, const struct cli_line *line, const char *why,
               struct pr_error *err)
{
    return pr_error_set(err, PR_ERR_INPUT, "%s:%u: \"%.120s\": %s", m->text->origin, line->lineno,
                        line->text, why);
}

static bool is(const char *word, const char *what)
{
    return strcasecmp(word, what) == 0;
}

static struct exos_port *find_or_add(struct exos_model *m, const char *name, struct pr_error *err)
{
    for (size_t i = 0; i < m->n_ports; i++)
        if (strcmp(m->ports[i].name, name) == 0)
            return &m->ports[i];
    if (m->n_ports == EXOS_MAX_PORTS) {
        pr_error_set(err, PR_ERR_INPUT, "%s: more than %d ports", m->text->origin, EXOS_MAX_PORTS);
        return NULL;
    }
    if (m->n_ports == m->cap_ports) {
        size_t cap = m->cap_ports ? m->cap_ports * 2 : 64;
        struct exos_port *grown = realloc(m->ports, cap * sizeof *grown);
        if (grown == NULL) {
            pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
            return NULL;
        }
        m->ports = grown;
        m->cap_ports = cap;
    }
    struct exos_port *p = &m->ports[m->n_ports++];
    memset(p, 0, sizeof *p);
    pr_strlcpy(p->name, name, sizeof p->name);
    return p;
}

/* "5" or "1:5": *slot 0 when there is none. */
static bool one_port(const char *s, const char *end, int *slot, int *port)
{
    int a = 0, b = 0, n = 0;
    const char *p = s;
    while (p < end && isdigit((unsigned char)*p) && n < 5)
        a = a * 10 + (*p++ - '0'), n++;
    if (n == 0 || n == 5)
        return false;
    if (p < end && *p == ':') {
        p++;
        n = 0;
        while (p < end && isdigit((unsigned char)*p) && n < 5)
            b = b * 10 + (*p++ - '0'), n++;
        if (n == 0 || n == 5 || p != end)
            return false;
        *slot = a;
        *port = b;
        return a > 0 && b > 0;
    }
    *slot = 0;
    *port = a;
    return p == end && a > 0;
}

typedef int (*port_visit)(struct exos_model *m, struct exos_port *p, void *arg,
                          struct pr_error *err);

/* "1-12", "1-2,11", "1:1-1:24": calls visit for each port (added when
 * new). 1: done; 0: not a port list; -1: error. */
static int each_port(struct exos_model *m, const char *list, port_visit visit, void *arg,
                     struct pr_error *err)
{
    const char *s = list;
    if (*s == '\0')
        return 0;
    while (*s != '\0') {
        const char *comma = strchr(s, ',');
        const char *end = comma ? comma : s + strlen(s);
        const char *dash = memchr(s, '-', (size_t)(end - s));
        int slot_a, a, slot_b, b;
        if (!one_port(s, dash ? dash : end, &slot_a, &a))
            return 0;
        if (dash != NULL) {
            if (!one_port(dash + 1, end, &slot_b, &b) || slot_b != slot_a || b < a ||
                b - a >= EXOS_MAX_PORTS)
                return 0;
        } else {
            b = a;
        }
        for (int n = a; n <= b; n++) {
            char name[16];
            if (slot_a > 0)
                snprintf(name, sizeof name, "%d:%d", slot_a, n);
            else
                snprintf(name, sizeof name, "%d", n);
            struct exos_port *p = find_or_add(m, name, err);
            if (p == NULL || (visit != NULL && visit(m, p, arg, err) != 0))
                return -1;
        }
        s = comma ? comma + 1 : end;
    }
    return 1;
}

static int vlan_index(struct exos_model *m, const char *name, bool add)
{
    for (size_t i = 0; i < m->n_vlans; i++)
        if (strcasecmp(m->vlans[i].name, name) == 0)
            return (int)i;
    if (!add || m->n_vlans == EXOS_MAX_VLANS)
        return -1;
    struct exos_vlan *v = &m->vlans[m->n_vlans];
    memset(v, 0, sizeof *v);
    pr_strlcpy(v->name, name, sizeof v->name);
    return (int)m->n_vlans++;
}

struct member_arg {
    const struct cli_stmt *s;
    int vlan, value;
};

static int visit_untagged(struct exos_model *m, struct exos_port *p, void *arg,
                          struct pr_error *err)
{
    (void)m;
    (void)err;
    const struct member_arg *a = arg;
    set(&p->untagged, a->vlan + 1, a->s->line);
    return 0;
}

static int visit_tagged(struct exos_model *m, struct exos_port *p, void *arg, struct pr_error *err)
{
    (void)m;
    (void)err;
    const struct member_arg *a = arg;
    set(&p->tagged, a->vlan + 1, a->s->line);
    return 0;
}

static int visit_delete(struct exos_model *m, struct exos_port *p, void *arg, struct pr_error *err)
{
    (void)err;
    const struct member_arg *a = arg;
    if (p->untagged.value == a->vlan + 1)
        set(&p->untagged, 0, NULL);
    if (p->tagged.value == a->vlan + 1)
        set(&p->tagged, 0, NULL);
    if (strcasecmp(m->vlans[a->vlan].name, "default") == 0)
        p->default_deleted = true;
    return 0;
}

static int visit_value(struct exos_model *m, struct exos_port *p, void *arg, struct pr_error *err)
{
    (void)m;
    (void)err;
    const struct member_arg *a = arg;
    struct exos_setting *target = a->vlan == 0 ? &p->disabled : &p->edge;
    set(target, a->value, a->s->line);
    return 0;
}

struct sharing_arg {
    const struct cli_stmt *s;
    size_t master;
    bool lacp;
};

static int visit_member(struct exos_model *m, struct exos_port *p, void *arg, struct pr_error *err)
{
    (void)m;
    (void)err;
    const struct sharing_arg *a = arg;
    set(&p->master, (int)a->master + 1, a->s->line);
    set(&p->lacp, a->lacp, a->s->line);
    return 0;
}

static int list_or_bad(struct exos_model *m, const struct cli_stmt *s, size_t i, port_visit visit,
                       void *arg, struct pr_error *err)
{
    if (i >= s->n)
        return bad(m, s->line, "no port list", err);
    int rc = each_port(m, s->w[i], visit, arg, err);
    if (rc == 0)
        return bad(m, s->line, "not a port list (1-12, 1:1-1:24, 1,3,5)", err);
    return rc < 0 ? -1 : 0;
}

static int configure_vlan(struct exos_model *m, const struct cli_stmt *s, struct pr_error *err)
{
    if (s->n < 4)
        return 0;
    int v = vlan_index(m, s->w[2], true);
    if (v < 0)
        return 0;
    struct member_arg a = {s, v, 0};
    if (is(s->w[3], "tag") && s->n >= 5) {
        long long tag;
        if (!cli_stmt_int(s, 4, 1, 4094, &tag))
            return bad(m, s->line, "not a VLAN tag (1-4094)", err);
        set(&m->vlans[v].tag, (int)tag, s->line);
    } else if (is(s->w[3], "add") && s->n >= 6 && is(s->w[4], "ports")) {
        bool tagged = s->n >= 7 && is(s->w[6], "tagged");
        return list_or_bad(m, s, 5, tagged ? visit_tagged : visit_untagged, &a, err);
    } else if (is(s->w[3], "delete") && s->n >= 6 && is(s->w[4], "ports")) {
        if (is(s->w[5], "all")) {
            for (size_t i = 0; i < m->n_ports; i++)
                visit_delete(m, &m->ports[i], &a, err);
            if (strcasecmp(s->w[2], "default") == 0)
                m->default_delete_all = s->line;
            return 0;
        }
        return list_or_bad(m, s, 5, visit_delete, &a, err);
    }
    return 0;
}

static int enable_sharing(struct exos_model *m, const struct cli_stmt *s, struct pr_error *err)
{
    if (s->n < 5 || !is(s->w[3], "grouping"))
        return 0;
    int slot, n;
    if (!one_port(s->w[2], s->w[2] + strlen(s->w[2]), &slot, &n))
        return bad(m, s->line, "not a master port", err);
    struct exos_port *master = find_or_add(m, s->w[2], err);
    if (master == NULL)
        return -1;
    struct sharing_arg a = {s, (size_t)(master - m->ports), is(s->w[s->n - 1], "lacp")};
    return list_or_bad(m, s, 4, visit_member, &a, err);
}

static int configure_sharing(struct exos_model *m, const struct cli_stmt *s, struct pr_error *err)
{
    size_t k;
    if (s->n < 6 || !cli_stmt_is(s, 3, "lacp fallback", &k) || k >= s->n)
        return 0;
    const struct exos_port *known = exos_find(m, s->w[2]);
    if (known == NULL)
        return 0; /* EXOS refuses it before `enable sharing`: nothing it sets */
    struct exos_port *master = &m->ports[known - m->ports];
    if (is(s->w[k], "enable") || is(s->w[k], "disable")) {
        set(&master->fallback, is(s->w[k], "enable"), s->line);
    } else if (is(s->w[k], "timeout")) {
        long long v;
        if (!cli_stmt_int(s, k + 1, 0, 100, &v))
            return bad(m, s->line, "not a fallback timeout (0-100 s)", err);
        set(&master->fb_timeout, (int)v, s->line);
    }
    return 0;
}

static int configure_stpd(struct exos_model *m, const struct cli_stmt *s, struct pr_error *err)
{
    if (s->n < 5 || !is(s->w[2], "s0"))
        return 0;
    long long v;
    if (is(s->w[3], "mode")) {
        int mode = is(s->w[4], "dot1d")   ? PR_MODE_STP
                   : is(s->w[4], "dot1w") ? PR_MODE_RSTP
                   : is(s->w[4], "mstp")  ? PR_MODE_MSTP
                                          : -1;
        if (mode < 0)
            return bad(m, s->line, "not an stpd mode (dot1d, dot1w, mstp)", err);
        set(&m->mode, mode, s->line);
    } else if (is(s->w[3], "forwarddelay")) {
        if (!cli_stmt_int(s, 4, 4, 30, &v))
            return bad(m, s->line, "forward delay out of range (4-30 s)", err);
        set(&m->fwd, (int)v, s->line);
    } else if (is(s->w[3], "maxage")) {
        if (!cli_stmt_int(s, 4, 6, 40, &v))
            return bad(m, s->line, "max age out of range (6-40 s)", err);
        set(&m->age, (int)v, s->line);
    } else if (is(s->w[3], "ports") && is(s->w[4], "link-type") && s->n >= 7) {
        /* link-type TYPE [edge-safeguard ...] PORTS: the list is last. */
        struct member_arg a = {s, 1, is(s->w[5], "edge")};
        return list_or_bad(m, s, s->n - 1, visit_value, &a, err);
    }
    return 0;
}

static int command(struct exos_model *m, const struct cli_stmt *s, struct pr_error *err)
{
    if (s->n < 2)
        return 0;
    const char *verb = s->w[0], *what = s->w[1];
    if (is(verb, "create") && is(what, "vlan") && s->n >= 3) {
        vlan_index(m, s->w[2], true);
    } else if (is(verb, "configure") && is(what, "vlan")) {
        return configure_vlan(m, s, err);
    } else if (is(verb, "enable") && is(what, "sharing")) {
        return enable_sharing(m, s, err);
    } else if (is(verb, "configure") && is(what, "sharing")) {
        return configure_sharing(m, s, err);
    } else if (is(verb, "configure") && is(what, "stpd")) {
        return configure_stpd(m, s, err);
    } else if ((is(verb, "enable") || is(verb, "disable")) && is(what, "stpd") && s->n == 3 &&
               is(s->w[2], "s0")) {
        set(&m->stp, is(verb, "enable"), s->line);
    } else if ((is(verb, "enable") || is(verb, "disable")) &&
               (is(what, "port") || is(what, "ports")) && s->n >= 3) {
        struct member_arg a = {s, 0, is(verb, "disable")};
        return list_or_bad(m, s, 2, visit_value, &a, err);
    } else {
        /* Any other command naming ports (configure vr ... add ports 1-12,
         * configure ports 5 ...): the ports exist. */
        for (size_t i = 1; i + 1 < s->n; i++)
            if ((is(s->w[i], "ports") || is(s->w[i], "port")) &&
                each_port(m, s->w[i + 1], NULL, NULL, err) < 0)
                return -1;
    }
    return 0;
}

int exos_model_build(struct cli_text *text, struct exos_model **out, struct pr_error *err)
{
    struct exos_model *m = calloc(1, sizeof *m);
    if (m == NULL) {
        cli_text_free(text);
        return pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
    }
    m->text = text;
    vlan_index(m, "Default", true);
    set(&m->vlans[0].tag, 1, NULL);
    int rc = 0;
    for (size_t i = 0; i < text->n_lines && rc == 0; i++) {
        struct cli_stmt s;
        cli_stmt_init(&s, &text->lines[i]);
        rc = command(m, &s, err);
    }
    if (rc != 0) {
        exos_model_free(m);
        return -1;
    }
    *out = m;
    return 0;
}

void exos_model_free(struct exos_model *m)
{
    if (m == NULL)
        return;
    cli_text_free(m->text);
    free(m->ports);
    free(m);
}

const struct exos_port *exos_find(const struct exos_model *m, const char *name)
{
    for (size_t i = 0; m != NULL && i < m->n_ports; i++)
        if (strcmp(m->ports[i].name, name) == 0)
            return &m->ports[i];
    return NULL;
}

const struct exos_port *exos_master_of(const struct exos_model *m, const struct exos_port *p)
{
    if (m == NULL || p == NULL || p->master.line == NULL || p->master.value < 1 ||
        (size_t)p->master.value > m->n_ports)
        return NULL;
    return &m->ports[p->master.value - 1];
}

/* EXOS `show configuration`: its "# Module X configuration." headers, or
 * commands only EXOS writes. */
int exos_detect(const char *text, size_t len, char *evidence, size_t evidence_len)
{
    size_t limit = len < 65536 ? len : 65536;
    int score = 0;
    char first[120] = "";
    static const char *const marks[] = {
        "# Module ",       "configure vlan ",         "create vlan ",       "enable sharing ",
        "configure stpd ", "configure snmp sysName ", "configure sharing ", NULL};
    static const int weights[] = {30, 10, 10, 10, 10, 10, 10};
    for (size_t pos = 0; pos < limit;) {
        const char *start = text + pos;
        const char *nl = memchr(start, '\n', limit - pos);
        size_t n = nl ? (size_t)(nl - start) : limit - pos;
        pos += nl ? n + 1 : n;
        for (size_t i = 0; marks[i] != NULL; i++) {
            size_t k = strlen(marks[i]);
            if (n >= k && memcmp(start, marks[i], k) == 0) {
                if (score < 200)
                    score += weights[i];
                if (first[0] == '\0')
                    snprintf(first, sizeof first, "%.*s", (int)(n < 100 ? n : 100), start);
                break;
            }
        }
    }
    if (score < 30)
        score = 0;
    if (evidence != NULL && evidence_len > 0)
        pr_strlcpy(evidence, score > 0 ? first : "", evidence_len);
    return score;
}
