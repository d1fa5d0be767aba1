/* SPDX-License-Identifier: BSD-3-Clause */
/* Which HPE/Aruba dialect a configuration is written in, from its text
 * alone. Each line only that dialect writes adds to its score (once per
 * kind of line); lines of other families (Comware `#` and `undo`,
 * FastIron `untagged ethe`, Cisco `switchport`, Junos braces) count
 * against both. */
#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "aruba/aoscx.h"
#include "aruba/procurve.h"
#include "util/strutil.h"

enum {
    K_HEADER,
    K_PORT,
    K_LAG,
    K_VLAN,
    K_ROUTING,
    K_EDGE,
    K_VRF,
    K_TRUNK,
    K_MEMBERS,
    K_EXIT,
    K_PASSWORD,
    K_COUNT
};

struct score {
    int points;
    bool seen[K_COUNT];
    char evidence[160];
};

static bool has_prefix(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

static void add(struct score *sc, int kind, int points, const char *line, unsigned lineno)
{
    if (sc->seen[kind])
        return;
    sc->seen[kind] = true;
    if (sc->evidence[0] == '\0' || kind == K_HEADER)
        snprintf(sc->evidence, sizeof sc->evidence, "line %u: %.120s", lineno, line);
    sc->points += points;
}

/* "1/1/1" (AOS-CX member/slot/port, optionally :channel). */
static bool cx_port_word(const char *w)
{
    int a, b, c, n = 0;
    return sscanf(w, "%d/%d/%d%n", &a, &b, &c, &n) == 3 && isdigit((unsigned char)w[0]) &&
           (w[n] == '\0' || w[n] == ':' || w[n] == '-');
}

/* A ProCurve port list word: "1-24", "A1", "1/1-1/48", "Trk1", "B10,F21". */
static bool pc_list_word(const char *w)
{
    if (*w == '\0')
        return false;
    for (const char *p = w; *p; p++) {
        if (!isalnum((unsigned char)*p) && *p != '-' && *p != ',' && *p != '/')
            return false;
    }
    return isdigit((unsigned char)w[strlen(w) - 1]);
}

static void look(struct score *cx, struct score *pc, const char *line, unsigned indent,
                 unsigned lineno)
{
    char w1[64] = "", w2[64] = "", w3[64] = "";
    sscanf(line, "%63s %63s %63s", w1, w2, w3);
    if (has_prefix(line, "!Version ArubaOS-CX ") || has_prefix(line, "!Version AOS-CX ")) {
        add(cx, K_HEADER, 60, line, lineno);
        return;
    }
    if (line[0] == ';' && strstr(line, "Configuration Editor; Created on release #") != NULL) {
        add(pc, K_HEADER, 60, line, lineno);
        return;
    }
    if (indent == 0 &&
        (strcmp(line, "#") == 0 || has_prefix(line, "undo ") || has_prefix(line, "sysname "))) {
        cx->points -= 10; /* Comware */
        pc->points -= 10;
        return;
    }
    if (strstr(line, " ethe ") != NULL || strstr(line, " ethernet ") != NULL ||
        has_prefix(line, "switchport ") ||
        (line[0] != '!' && strchr("{}", line[strlen(line) - 1]))) {
        cx->points -= 5; /* FastIron, Cisco, Junos */
        pc->points -= 5;
        return;
    }
    if (indent == 0 && strcmp(w1, "interface") == 0) {
        if (cx_port_word(w2))
            add(cx, K_PORT, 10, line, lineno);
        else if (strcmp(w2, "lag") == 0 && isdigit((unsigned char)w3[0]))
            add(cx, K_LAG, 5, line, lineno);
        else if (pc_list_word(w2))
            add(pc, K_PORT, 5, line, lineno);
        return;
    }
    if (indent > 0 && (has_prefix(line, "vlan access ") || has_prefix(line, "vlan trunk "))) {
        add(cx, K_VLAN, 10, line, lineno);
    } else if (indent > 0 && (strcmp(line, "no routing") == 0 || strcmp(line, "routing") == 0)) {
        add(cx, K_ROUTING, 5, line, lineno);
    } else if (indent > 0 && has_prefix(line, "spanning-tree port-type ")) {
        add(cx, K_EDGE, 10, line, lineno);
    } else if (indent == 0 &&
               (has_prefix(line, "https-server vrf ") || has_prefix(line, "ssh server vrf ") ||
                has_prefix(line, "!export-password"))) {
        add(cx, K_VRF, 5, line, lineno);
    } else if (indent == 0 && strcmp(w1, "trunk") == 0 && pc_list_word(w2) &&
               strncasecmp(w3, "trk", 3) == 0) {
        add(pc, K_TRUNK, 10, line, lineno);
    } else if (indent > 0 && (strcmp(w1, "untagged") == 0 || strcmp(w1, "tagged") == 0) &&
               pc_list_word(w2) && w3[0] == '\0') {
        add(pc, K_MEMBERS, 10, line, lineno);
    } else if (indent == 0 && strcmp(w1, "spanning-tree") == 0 && pc_list_word(w2) &&
               (strcmp(w3, "admin-edge-port") == 0 || strcmp(w3, "auto-edge-port") == 0 ||
                strcmp(w3, "bpdu-protection") == 0 || strcmp(w3, "priority") == 0)) {
        add(pc, K_EDGE, 10, line, lineno);
    } else if (indent > 0 && strcmp(line, "exit") == 0) {
        add(pc, K_EXIT, 5, line, lineno);
    } else if (indent == 0 &&
               (strcmp(line, "password manager") == 0 || has_prefix(line, "password manager "))) {
        add(pc, K_PASSWORD, 5, line, lineno);
    }
}

static void scan(const char *text, size_t len, struct score *cx, struct score *pc)
{
    memset(cx, 0, sizeof *cx);
    memset(pc, 0, sizeof *pc);
    char line[256];
    unsigned lineno = 0;
    size_t i = 0;
    size_t limit = len < (size_t)1 << 20 ? len : (size_t)1 << 20;
    while (i < limit) {
        size_t j = i;
        while (j < limit && text[j] != '\n')
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
            look(cx, pc, line, indent, lineno);
        i = j + 1;
    }
}

/* The smallest score that names the dialect. */
#define MIN_SCORE 20

static int result(const struct score *sc, char *evidence, size_t evidence_len)
{
    if (evidence != NULL && evidence_len > 0)
        pr_strlcpy(evidence, sc->evidence, evidence_len);
    return sc->points >= MIN_SCORE ? sc->points : 0;
}

int aoscx_detect(const char *text, size_t len, char *evidence, size_t evidence_len)
{
    struct score cx, pc;
    scan(text, len, &cx, &pc);
    if (pc.points > cx.points)
        return result(&(struct score){0}, evidence, evidence_len);
    return result(&cx, evidence, evidence_len);
}

int procurve_detect(const char *text, size_t len, char *evidence, size_t evidence_len)
{
    struct score cx, pc;
    scan(text, len, &cx, &pc);
    if (cx.points >= pc.points)
        return result(&(struct score){0}, evidence, evidence_len);
    return result(&pc, evidence, evidence_len);
}
