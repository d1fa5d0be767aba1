/* SPDX-License-Identifier: BSD-3-Clause */
/* Whether a configuration is FastIron's, from its text alone. Each kind of
 * line only FastIron writes adds to the score once; lines of other
 * families (Cisco `switchport`, Junos braces, Comware `#`) count
 * against. */
#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "ruckus/fastiron.h"
#include "util/strutil.h"

enum { K_VER, K_IF, K_MEMBERS, K_RSTP, K_LAG, K_VLAN, K_STACK, K_NAME, K_BANNER, K_COUNT };

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
    if (sc->evidence[0] == '\0' || kind == K_VER)
        snprintf(sc->evidence, sizeof sc->evidence, "line %u: %.120s", lineno, line);
    sc->points += points;
}

/* "1/1/1", "1/2", "24". */
static bool port_name(const char *w)
{
    if (!isdigit((unsigned char)*w))
        return false;
    for (; *w; w++) {
        if (!isdigit((unsigned char)*w) && *w != '/')
            return false;
    }
    return true;
}

static void look(struct score *sc, const char *line, unsigned indent, unsigned lineno)
{
    char w1[64] = "", w2[64] = "", w3[64] = "";
    sscanf(line, "%63s %63s %63s", w1, w2, w3);
    size_t n = strlen(line);
    if (has_prefix(line, "switchport") || line[n - 1] == '{' || line[n - 1] == '}' ||
        (indent == 0 && (strcmp(line, "#") == 0 || has_prefix(line, "undo ")))) {
        sc->points -= 10;
        return;
    }
    if (line[0] == '!' && (strstr(line, "Ruckus") != NULL || strstr(line, "Brocade") != NULL ||
                           strstr(line, "Foundry") != NULL)) {
        add(sc, K_BANNER, 5, line, lineno);
    } else if (indent == 0 && strcmp(w1, "ver") == 0 && isdigit((unsigned char)w2[0]) &&
               strchr(w2, '.') != NULL) {
        add(sc, K_VER, 20, line, lineno);
    } else if (indent == 0 && strcmp(w1, "interface") == 0 && strcmp(w2, "ethernet") == 0 &&
               port_name(w3)) {
        add(sc, K_IF, 10, line, lineno);
    } else if (indent > 0 && (strcmp(w1, "untagged") == 0 || strcmp(w1, "tagged") == 0) &&
               (strcmp(w2, "ethe") == 0 || strcmp(w2, "ethernet") == 0 || strcmp(w2, "lag") == 0)) {
        add(sc, K_MEMBERS, 10, line, lineno);
    } else if (has_prefix(line, "spanning-tree 802-1w") ||
               has_prefix(line, "no spanning-tree 802-1w")) {
        add(sc, K_RSTP, 10, line, lineno);
    } else if (indent == 0 && strcmp(w1, "lag") == 0 &&
               (strcmp(w3, "dynamic") == 0 || strcmp(w3, "static") == 0)) {
        add(sc, K_LAG, 10, line, lineno);
    } else if (indent == 0 && strcmp(w1, "vlan") == 0 && strstr(line, " by port") != NULL) {
        add(sc, K_VLAN, 10, line, lineno);
    } else if (indent == 0 && strcmp(w1, "stack") == 0 && strcmp(w2, "unit") == 0) {
        add(sc, K_STACK, 5, line, lineno);
    } else if (indent > 0 && strcmp(w1, "port-name") == 0) {
        add(sc, K_NAME, 5, line, lineno);
    }
}

#define MIN_SCORE 20

int fastiron_detect(const char *text, size_t len, char *evidence, size_t evidence_len)
{
    struct score sc;
    memset(&sc, 0, sizeof sc);
    char line[256];
    unsigned lineno = 0;
    size_t limit = len < (size_t)1 << 20 ? len : (size_t)1 << 20;
    for (size_t i = 0; i < limit;) {
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
            look(&sc, line, indent, lineno);
        i = j + 1;
    }
    if (evidence != NULL && evidence_len > 0)
        pr_strlcpy(evidence, sc.points >= MIN_SCORE ? sc.evidence : "", evidence_len);
    return sc.points >= MIN_SCORE ? sc.points : 0;
}
