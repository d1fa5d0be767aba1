/* SPDX-License-Identifier: BSD-3-Clause */
/* Statement by statement: what each global and interface line of an
 * IOS-style configuration sets. Platform defaults are applied later, in
 * ios_facts.c. */
#include "cisco/ios_model.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli/cli_text.h"
#include "util/strutil.h"

#define MAX_TOKENS 24

struct toks {
    const char *w[MAX_TOKENS];
    size_t len[MAX_TOKENS];
    size_t n;
};

static void tokenize(const char *text, struct toks *t)
{
    t->n = 0;
    const char *p = text;
    while (*p != '\0' && t->n < MAX_TOKENS) {
        while (*p == ' ' || *p == '\t')
            p++;
        if (*p == '\0')
            break;
        size_t len = strcspn(p, " \t");
        t->w[t->n] = p;
        t->len[t->n] = len;
        t->n++;
        p += len;
    }
}

static bool tok_is(const struct toks *t, size_t i, const char *word)
{
    return i < t->n && t->len[i] == strlen(word) && strncasecmp(t->w[i], word, t->len[i]) == 0;
}

/* Whether tokens at..at+k-1 are the space-separated words. */
static bool tok_seq(const struct toks *t, size_t at, const char *words)
{
    const char *p = words;
    size_t i = at;
    while (*p != '\0') {
        size_t len = strcspn(p, " ");
        if (i >= t->n || t->len[i] != len || strncasecmp(t->w[i], p, len) != 0)
            return false;
        i++;
        p += len;
        while (*p == ' ')
            p++;
    }
    return true;
}

static size_t seq_len(const char *words)
{
    size_t n = 1;
    for (const char *p = words; *p; p++)
        n += *p == ' ';
    return n;
}

static bool tok_int(const struct toks *t, size_t i, long long min, long long max, long long *out)
{
    char buf[24];
    if (i >= t->n || t->len[i] >= sizeof buf)
        return false;
    memcpy(buf, t->w[i], t->len[i]);
    buf[t->len[i]] = '\0';
    return pr_parse_int(buf, min, max, out);
}

static void set(struct ios_setting *s, int value, const struct ios_line *line)
{
    s->value = value;
    s->line = line;
}

static void clear(struct ios_setting *s)
{
    s->value = 0;
    s->line = NULL;
}

/* A statement with its leading `no` / `default` taken off. */
struct stmt {
    struct toks t;
    size_t at; /* first token after no/default */
    bool no;
    bool dflt;
    const struct ios_line *line;
};

static void stmt_init(struct stmt *s, const struct ios_line *line)
{
    tokenize(line->text, &s->t);
    s->line = line;
    s->no = tok_is(&s->t, 0, "no");
    s->dflt = tok_is(&s->t, 0, "default");
    s->at = (s->no || s->dflt) ? 1 : 0;
}

/* Matches `words` right after no/default; returns the index after them. */
static bool is(const struct stmt *s, const char *words, size_t *next)
{
    if (!tok_seq(&s->t, s->at, words))
        return false;
    *next = s->at + seq_len(words);
    return true;
}

static int bad(const struct ios_model *m, const char *where, const struct ios_line *line,
               const char *why, struct pr_error *err)
{
    return pr_error_set(err, PR_ERR_INPUT, "%s:%u: %s%s\"%.120s\": %s", m->cfg->origin,
                        line->lineno, where ? where : "", where ? ": " : "", line->text, why);
}

/* "1000", "100full", "25gfull", "100g", "100g-4" -> Mb/s; 0 when not a speed. */
static int speed_token(const struct toks *t, size_t i)
{
    if (i >= t->n || !isdigit((unsigned char)t->w[i][0]))
        return 0;
    long v = 0;
    size_t k = 0;
    while (k < t->len[i] && isdigit((unsigned char)t->w[i][k]) && v < 10000000)
        v = v * 10 + (t->w[i][k++] - '0');
    if (k < t->len[i] && (t->w[i][k] == 'g' || t->w[i][k] == 'G'))
        v *= 1000;
    return v > 0 && v <= 1600000 ? (int)v : 0;
}

static int vlan_value(const struct ios_model *m, const char *where, const struct stmt *s, size_t i,
                      struct ios_setting *out, struct pr_error *err)
{
    long long vlan;
    if (tok_is(&s->t, i, "name") || tok_is(&s->t, i, "dynamic")) {
        set(out, 0, s->line);
        return 0;
    }
    if (!tok_int(&s->t, i, 1, 4094, &vlan))
        return bad(m, where, s->line, "not a VLAN number (1-4094)", err);
    set(out, (int)vlan, s->line);
    return 0;
}

static int iface_spanning_tree(const struct ios_model *m, struct ios_iface *ifc,
                               const struct stmt *s, const char *where, struct pr_error *err)
{
    size_t i;
    (void)err;
    (void)where;
    if (is(s, "spanning-tree portfast", &i)) {
        if (m->platform == IOS_PLATFORM_EOS) {
            if (i == s->t.n)
                set(&ifc->eos_edge, !s->no && !s->dflt, s->line);
            else if (tok_is(&s->t, i, "auto"))
                set(&ifc->eos_auto, !s->no, s->line);
            return 0;
        }
        if (s->no || s->dflt) {
            clear(&ifc->portfast);
            return 0;
        }
        if (tok_is(&s->t, i, "edge"))
            i++;
        if (i == s->t.n)
            set(&ifc->portfast, IOS_PF_ACCESS, s->line);
        else if (tok_is(&s->t, i, "trunk"))
            set(&ifc->portfast, IOS_PF_TRUNK, s->line);
        else if (tok_is(&s->t, i, "disable") || tok_is(&s->t, i, "network"))
            set(&ifc->portfast, IOS_PF_DISABLE, s->line);
    } else if (is(s, "spanning-tree port type", &i)) {
        if (s->no || s->dflt)
            clear(&ifc->portfast);
        else if (tok_is(&s->t, i, "edge"))
            set(&ifc->portfast, tok_is(&s->t, i + 1, "trunk") ? IOS_PF_TRUNK : IOS_PF_ACCESS,
                s->line);
        else if (tok_is(&s->t, i, "network") || tok_is(&s->t, i, "normal"))
            set(&ifc->portfast, IOS_PF_DISABLE, s->line);
    } else if (is(s, "spanning-tree bpduguard", &i)) {
        if (s->no || s->dflt)
            clear(&ifc->bpduguard);
        else if (tok_is(&s->t, i, "enable") || tok_is(&s->t, i, "enabled"))
            set(&ifc->bpduguard, 1, s->line);
        else if (tok_is(&s->t, i, "disable") || tok_is(&s->t, i, "disabled"))
            set(&ifc->bpduguard, 0, s->line);
    }
    return 0;
}

static int iface_channel_group(const struct ios_model *m, struct ios_iface *ifc,
                               const struct stmt *s, size_t i, const char *where,
                               struct pr_error *err)
{
    if (s->no || s->dflt) {
        clear(&ifc->channel);
        clear(&ifc->chmode);
        return 0;
    }
    long long id;
    if (!tok_int(&s->t, i, 1, 4096, &id))
        return bad(m, where, s->line, "not a channel-group number (1-4096)", err);
    set(&ifc->channel, (int)id, s->line);
    i++;
    if (tok_is(&s->t, i, "force"))
        i++;
    if (i == s->t.n) {
        set(&ifc->chmode, IOS_CG_ON, s->line);
        return 0;
    }
    if (!tok_is(&s->t, i, "mode"))
        return bad(m, where, s->line, "expected \"mode\" after the channel-group number", err);
    static const struct {
        const char *word;
        int mode;
    } modes[] = {{"active", IOS_CG_ACTIVE},
                 {"passive", IOS_CG_PASSIVE},
                 {"on", IOS_CG_ON},
                 {"desirable", IOS_CG_DESIRABLE},
                 {"auto", IOS_CG_AUTO}};
    for (size_t k = 0; k < sizeof modes / sizeof modes[0]; k++) {
        if (tok_is(&s->t, i + 1, modes[k].word)) {
            set(&ifc->chmode, modes[k].mode, s->line);
            return 0;
        }
    }
    return bad(m, where, s->line,
               "unknown channel-group mode (active, passive, on, desirable, auto)", err);
}

static void iface_speed(struct ios_iface *ifc, const struct stmt *s, size_t i)
{
    if (s->no || s->dflt) {
        clear(&ifc->speed);
        clear(&ifc->speed_auto);
        return;
    }
    if (tok_is(&s->t, i, "auto")) {
        set(&ifc->speed, 0, s->line);
        set(&ifc->speed_auto, speed_token(&s->t, i + 1), s->line);
        return;
    }
    if (tok_is(&s->t, i, "nonegotiate")) {
        set(&ifc->speed, -1, s->line);
        clear(&ifc->speed_auto);
        return;
    }
    if (tok_is(&s->t, i, "forced"))
        i++;
    int mbps = speed_token(&s->t, i);
    if (mbps > 0) {
        set(&ifc->speed, mbps, s->line);
        clear(&ifc->speed_auto);
    }
}

static int iface_switchport(const struct ios_model *m, struct ios_iface *ifc, const struct stmt *s,
                            size_t i, const char *where, struct pr_error *err)
{
    if (i == s->t.n) {
        if (s->dflt)
            clear(&ifc->switchport);
        else
            set(&ifc->switchport, !s->no, s->line);
    } else if (tok_is(&s->t, i, "mode")) {
        if (s->no || s->dflt)
            clear(&ifc->swmode);
        else if (tok_is(&s->t, i + 1, "access"))
            set(&ifc->swmode, IOS_SWMODE_ACCESS, s->line);
        else if (tok_is(&s->t, i + 1, "trunk"))
            set(&ifc->swmode, IOS_SWMODE_TRUNK, s->line);
        else if (tok_is(&s->t, i + 1, "dynamic"))
            set(&ifc->swmode, IOS_SWMODE_DYNAMIC, s->line);
        else if (tok_is(&s->t, i + 1, "fex-fabric"))
            set(&ifc->swmode, IOS_SWMODE_FABRIC, s->line);
        else
            set(&ifc->swmode, IOS_SWMODE_OTHER, s->line);
    } else if (tok_seq(&s->t, i, "access vlan")) {
        if (s->no || s->dflt)
            clear(&ifc->access_vlan);
        else
            return vlan_value(m, where, s, i + 2, &ifc->access_vlan, err);
    } else if (tok_seq(&s->t, i, "trunk native vlan")) {
        if (s->no || s->dflt)
            clear(&ifc->native_vlan);
        else if (!tok_is(&s->t, i + 3, "tag"))
            return vlan_value(m, where, s, i + 3, &ifc->native_vlan, err);
    }
    return 0;
}

/* The port-channel settings that decide LACP fallback. */
static int iface_port_channel(const struct ios_model *m, struct ios_iface *ifc,
                              const struct stmt *s, const char *where, struct pr_error *err)
{
    size_t i;
    if (is(s, "port-channel standalone-disable", &i)) {
        if (s->dflt)
            clear(&ifc->standalone_disable);
        else
            set(&ifc->standalone_disable, !s->no, s->line);
    } else if (is(s, "lacp suspend-individual", &i)) {
        if (s->dflt)
            clear(&ifc->suspend_individual);
        else
            set(&ifc->suspend_individual, !s->no, s->line);
    } else if (is(s, "port-channel lacp fallback timeout", &i)) {
        long long secs;
        if (s->no || s->dflt)
            clear(&ifc->eos_fallback_timeout);
        else if (!tok_int(&s->t, i, 1, 100000, &secs))
            return bad(m, where, s->line, "not a timeout in seconds", err);
        else
            set(&ifc->eos_fallback_timeout, (int)secs, s->line);
    } else if (is(s, "port-channel lacp fallback", &i)) {
        if (s->dflt)
            clear(&ifc->eos_fallback);
        else if (s->no)
            set(&ifc->eos_fallback, IOS_EOS_FALLBACK_NONE, s->line);
        else if (tok_is(&s->t, i, "individual"))
            set(&ifc->eos_fallback, IOS_EOS_FALLBACK_INDIVIDUAL, s->line);
        else
            set(&ifc->eos_fallback, IOS_EOS_FALLBACK_STATIC, s->line);
    }
    return 0;
}

static int iface_stmt(struct ios_model *m, struct ios_iface *ifc, const struct ios_line *line,
                      int depth, struct pr_error *err);

/* NX-OS `inherit port-profile NAME`: the profile's lines apply first. */
static int iface_inherit(struct ios_model *m, struct ios_iface *ifc, const struct stmt *s, size_t i,
                         int depth, struct pr_error *err)
{
    if (s->no || s->dflt || i >= s->t.n || depth > 4)
        return 0;
    char head[160];
    snprintf(head, sizeof head, "port-profile type ethernet %.*s", (int)s->t.len[i], s->t.w[i]);
    const struct ios_block *b = ios_config_find_block(m->cfg, head);
    if (b == NULL) {
        snprintf(head, sizeof head, "port-profile %.*s", (int)s->t.len[i], s->t.w[i]);
        b = ios_config_find_block(m->cfg, head);
    }
    if (b == NULL)
        return 0;
    for (size_t k = 1; k < b->n; k++) {
        if (iface_stmt(m, ifc, &m->cfg->lines[b->first + k], depth + 1, err) != 0)
            return -1;
    }
    return 0;
}

static int iface_stmt(struct ios_model *m, struct ios_iface *ifc, const struct ios_line *line,
                      int depth, struct pr_error *err)
{
    struct stmt s;
    stmt_init(&s, line);
    char where[PR_NAME_MAX + 16];
    snprintf(where, sizeof where, "interface %s", ifc->name);
    size_t i;
    if (is(&s, "shutdown", &i) && i == s.t.n) {
        if (s.dflt)
            clear(&ifc->shutdown);
        else
            set(&ifc->shutdown, !s.no, line);
    } else if (is(&s, "switchport", &i)) {
        return iface_switchport(m, ifc, &s, i, where, err);
    } else if (is(&s, "spanning-tree", &i)) {
        return iface_spanning_tree(m, ifc, &s, where, err);
    } else if (is(&s, "channel-group", &i)) {
        return iface_channel_group(m, ifc, &s, i, where, err);
    } else if (is(&s, "speed", &i)) {
        iface_speed(ifc, &s, i);
    } else if (is(&s, "duplex", &i)) {
        if (s.no || s.dflt || i == s.t.n)
            clear(&ifc->duplex);
        else
            set(&ifc->duplex, !tok_is(&s.t, i, "auto"), line);
    } else if (is(&s, "negotiation auto", &i) || is(&s, "negotiate auto", &i)) {
        if (s.dflt)
            clear(&ifc->negotiate);
        else
            set(&ifc->negotiate, !s.no, line);
    } else if (is(&s, "description", &i)) {
        ifc->description = s.no || s.dflt || i == s.t.n ? NULL : line;
    } else if (is(&s, "inherit port-profile", &i)) {
        return iface_inherit(m, ifc, &s, i, depth, err);
    } else {
        return iface_port_channel(m, ifc, &s, where, err);
    }
    return 0;
}

/* "1-10,20" -> marks; false on a malformed list. */
static bool vlan_list(const struct toks *t, size_t i, bool marks[4095])
{
    char buf[256];
    if (i >= t->n || t->len[i] >= sizeof buf)
        return false;
    memcpy(buf, t->w[i], t->len[i]);
    buf[t->len[i]] = '\0';
    return cli_vlan_list(buf, false, marks);
}

static int global_timer(const struct ios_model *m, const struct stmt *s, size_t i,
                        struct ios_setting *out, long long min, long long max, struct pr_error *err)
{
    long long secs;
    if (s->no || s->dflt) {
        clear(out);
        return 0;
    }
    if (!tok_int(&s->t, i, min, max, &secs))
        return bad(m, NULL, s->line, "timer out of range", err);
    set(out, (int)secs, s->line);
    return 0;
}

static int global_vlan(struct ios_model *m, const struct stmt *s, size_t i, struct pr_error *err)
{
    bool marks[4095] = {false};
    if (!vlan_list(&s->t, i, marks))
        return bad(m, NULL, s->line, "not a VLAN list (e.g. 1-10,20)", err);
    size_t opt = i + 1;
    if (opt == s->t.n) {
        for (int v = 1; v < 4095; v++) {
            if (marks[v])
                m->vlan_stp_off[v] = s->no ? s->line : NULL;
        }
        return 0;
    }
    bool fwd = tok_is(&s->t, opt, "forward-time");
    if (!fwd && !tok_is(&s->t, opt, "max-age"))
        return 0;
    long long secs = 0;
    if (!s->no && !s->dflt && !tok_int(&s->t, opt + 1, fwd ? 4 : 6, fwd ? 30 : 40, &secs))
        return bad(m, NULL, s->line, "timer out of range", err);
    for (int v = 1; v < 4095; v++) {
        if (!marks[v])
            continue;
        if (v == 1) {
            struct ios_setting *g = fwd ? &m->forward_time : &m->max_age;
            if (s->no || s->dflt)
                clear(g);
            else
                set(g, (int)secs, s->line);
        } else if (fwd) {
            m->vlan_forward_time[v] = (uint8_t)secs;
        }
    }
    return 0;
}

static int global_mode(struct ios_model *m, const struct stmt *s, size_t i, struct pr_error *err)
{
    static const struct {
        const char *word;
        int mode;
    } modes[] = {
        {"pvst", PR_MODE_PVST},  {"rapid-pvst", PR_MODE_RAPID_PVST},
        {"mst", PR_MODE_MSTP},   {"mstp", PR_MODE_MSTP},
        {"rstp", PR_MODE_RSTP},  {"none", PR_MODE_OFF},
        {"backup", PR_MODE_OFF},
    };
    if (s->no || s->dflt) {
        clear(&m->stp_mode);
        return 0;
    }
    for (size_t k = 0; k < sizeof modes / sizeof modes[0]; k++) {
        if (tok_is(&s->t, i, modes[k].word)) {
            set(&m->stp_mode, modes[k].mode, s->line);
            return 0;
        }
    }
    return bad(m, NULL, s->line, "unknown spanning-tree mode", err);
}

static int global_stmt(struct ios_model *m, const struct ios_line *line, struct pr_error *err)
{
    struct stmt s;
    stmt_init(&s, line);
    size_t i;
    bool on = !s.no && !s.dflt;
    if (is(&s, "spanning-tree mode", &i))
        return global_mode(m, &s, i, err);
    if (is(&s, "spanning-tree vlan", &i))
        return global_vlan(m, &s, i, err);
    if (is(&s, "spanning-tree mst forward-time", &i) || is(&s, "spanning-tree forward-time", &i))
        return global_timer(m, &s, i, &m->forward_time, 4, 30, err);
    if (is(&s, "spanning-tree mst max-age", &i) || is(&s, "spanning-tree max-age", &i))
        return global_timer(m, &s, i, &m->max_age, 6, 40, err);
    if (is(&s, "spanning-tree portfast default", &i) ||
        is(&s, "spanning-tree portfast edge default", &i) ||
        is(&s, "spanning-tree port type edge default", &i)) {
        if (on)
            set(&m->portfast_default, 1, line);
        else
            clear(&m->portfast_default);
    } else if (is(&s, "spanning-tree portfast network default", &i) ||
               is(&s, "spanning-tree port type network default", &i)) {
        if (on)
            set(&m->portfast_default, 0, line);
        else
            clear(&m->portfast_default);
    } else if (is(&s, "spanning-tree portfast bpduguard default", &i) ||
               is(&s, "spanning-tree portfast edge bpduguard default", &i) ||
               is(&s, "spanning-tree port type edge bpduguard default", &i) ||
               is(&s, "spanning-tree edge-port bpduguard default", &i)) {
        if (s.dflt)
            clear(&m->bpduguard_default);
        else
            set(&m->bpduguard_default, on, line);
    } else if (is(&s, "system default switchport shutdown", &i)) {
        set(&m->sys_switchport_shutdown, on, line);
    } else if (is(&s, "system default switchport", &i) && i == s.t.n) {
        set(&m->sys_switchport, on, line);
    }
    return 0;
}

bool ios_is_physical_name(const char *name)
{
    static const char *const prefixes[] = {
        "GigabitEthernet",
        "FastEthernet",
        "TenGigabitEthernet",
        "TwentyFiveGigE",
        "TwentyFiveGigabitEthernet",
        "FortyGigabitEthernet",
        "FortyGigE",
        "HundredGigE",
        "HundredGigabitEthernet",
        "TwoGigabitEthernet",
        "FiveGigabitEthernet",
        "TwoHundredGigE",
        "FourHundredGigE",
        "TenGigE",
        "Ethernet",
    };
    if (strchr(name, '.') != NULL || strchr(name, ' ') != NULL)
        return false;
    for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++) {
        size_t len = strlen(prefixes[i]);
        if (strncasecmp(name, prefixes[i], len) == 0 && isdigit((unsigned char)name[len]))
            return true;
    }
    return false;
}

int ios_speed_from_name(const char *name)
{
    static const struct {
        const char *prefix;
        int mbps;
    } speeds[] = {
        {"FastEthernet", 100},           {"GigabitEthernet", 1000},
        {"TwoGigabitEthernet", 2500},    {"FiveGigabitEthernet", 5000},
        {"TenGigabitEthernet", 10000},   {"TenGigE", 10000},
        {"TwentyFiveGigE", 25000},       {"TwentyFiveGigabitEthernet", 25000},
        {"FortyGigabitEthernet", 40000}, {"FortyGigE", 40000},
        {"HundredGigE", 100000},         {"HundredGigabitEthernet", 100000},
    };
    for (size_t i = 0; i < sizeof speeds / sizeof speeds[0]; i++) {
        size_t len = strlen(speeds[i].prefix);
        if (strncasecmp(name, speeds[i].prefix, len) == 0 && isdigit((unsigned char)name[len]))
            return speeds[i].mbps;
    }
    return 0;
}

static int channel_id_of(const char *name)
{
    if (strncasecmp(name, "port-channel", 12) != 0)
        return -1;
    long long id;
    return pr_parse_int(name + 12, 1, 100000, &id) ? (int)id : -1;
}

static const char *name_of(const void *item)
{
    return ((const struct ios_iface *)item)->name;
}

/* The first interface of each name is the one found (a later block of the
 * same name is read into its own entry, as before the index). */
static int index_names(struct ios_model *m, struct pr_error *err)
{
    m->names.stride = sizeof *m->ifaces;
    m->names.name_of = name_of;
    if (cli_names_resize(&m->names, m->n_ifaces, m->ifaces, 0, err) != 0)
        return -1;
    for (size_t i = 0; i < m->n_ifaces; i++) {
        if (cli_names_find(&m->names, m->ifaces, m->ifaces[i].name) == CLI_NAMES_NONE)
            cli_names_put(&m->names, m->ifaces, i);
    }
    return 0;
}

struct channel_ref {
    int id;
    size_t at;
};

static int by_channel(const void *a, const void *b)
{
    const struct channel_ref *x = a, *y = b;
    if (x->id != y->id)
        return x->id < y->id ? -1 : 1;
    return x->at < y->at ? -1 : x->at > y->at;
}

/* Each member's Port-channel, found once (the first of its number). */
static int resolve_channels(struct ios_model *m, struct pr_error *err)
{
    struct channel_ref *refs = malloc((m->n_ifaces ? m->n_ifaces : 1) * sizeof *refs);
    if (refs == NULL)
        return pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
    size_t n = 0;
    for (size_t i = 0; i < m->n_ifaces; i++) {
        if (m->ifaces[i].channel_id >= 0)
            refs[n++] = (struct channel_ref){m->ifaces[i].channel_id, i};
    }
    qsort(refs, n, sizeof *refs, by_channel);
    for (size_t i = 0; i < m->n_ifaces; i++) {
        struct ios_iface *ifc = &m->ifaces[i];
        if (ifc->channel.line == NULL || n == 0)
            continue;
        size_t lo = 0, hi = n; /* the first ref whose id is not below the wanted one */
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (refs[mid].id < ifc->channel.value)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo < n && refs[lo].id == ifc->channel.value)
            ifc->channel_at = refs[lo].at + 1;
    }
    free(refs);
    return 0;
}

int ios_model_build(struct ios_config *cfg, struct ios_model **out, struct pr_error *err)
{
    *out = NULL;
    struct ios_model *m = calloc(1, sizeof *m);
    if (m == NULL) {
        ios_config_free(cfg);
        return pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
    }
    m->cfg = cfg;
    m->platform = cfg->platform.platform;
    size_t n_if = 0;
    for (size_t b = 0; b < cfg->n_blocks; b++) {
        const char *head = cfg->lines[cfg->blocks[b].first].text;
        if (strncmp(head, "interface ", 10) == 0)
            n_if++;
        else if (global_stmt(m, &cfg->lines[cfg->blocks[b].first], err) != 0)
            goto fail;
    }
    m->ifaces = calloc(n_if ? n_if : 1, sizeof *m->ifaces);
    if (m->ifaces == NULL) {
        pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
        goto fail;
    }
    for (size_t b = 0; b < cfg->n_blocks; b++) {
        const struct ios_block *blk = &cfg->blocks[b];
        const char *head = cfg->lines[blk->first].text;
        if (strncmp(head, "interface ", 10) != 0)
            continue;
        struct ios_iface *ifc = &m->ifaces[m->n_ifaces++];
        ifc->name = head + 10;
        while (*ifc->name == ' ')
            ifc->name++;
        ifc->block = blk;
        ifc->physical = ios_is_physical_name(ifc->name);
        ifc->channel_id = channel_id_of(ifc->name);
        for (size_t k = 1; k < blk->n; k++) {
            if (iface_stmt(m, ifc, &cfg->lines[blk->first + k], 0, err) != 0)
                goto fail;
        }
    }
    if (index_names(m, err) != 0 || resolve_channels(m, err) != 0)
        goto fail;
    *out = m;
    return 0;
fail:
    ios_model_free(m);
    return -1;
}

void ios_model_free(struct ios_model *model)
{
    if (model == NULL)
        return;
    ios_config_free(model->cfg);
    cli_names_free(&model->names);
    free(model->ifaces);
    free(model);
}

const struct ios_iface *ios_model_find(const struct ios_model *model, const char *name)
{
    size_t k = cli_names_find(&model->names, model->ifaces, name);
    return k != CLI_NAMES_NONE ? &model->ifaces[k] : NULL;
}

const struct ios_iface *ios_model_channel_of(const struct ios_model *model,
                                             const struct ios_iface *member)
{
    return member->channel_at != 0 ? &model->ifaces[member->channel_at - 1] : NULL;
}
