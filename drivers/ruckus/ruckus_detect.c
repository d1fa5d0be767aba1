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

#include "cli/cli_detect.h"
#include "ruckus/fastiron.h"
#include "util/strutil.h"

enum { K_VER, K_IF, K_MEMBERS, K_RSTP, K_LAG, K_VLAN, K_STACK, K_NAME, K_BANNER, K_COUNT };

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

static void look(void *ctx, const char *line, unsigned indent, unsigned lineno)
{
    struct cli_score *sc = ctx;
    char w1[64] = "", w2[64] = "", w3[64] = "";
    sscanf(line, "%63s %63s %63s", w1, w2, w3);
    size_t n = strlen(line);
    if (cli_has_prefix(line, "switchport") || line[n - 1] == '{' || line[n - 1] == '}' ||
        (indent == 0 && (strcmp(line, "#") == 0 || cli_has_prefix(line, "undo ")))) {
        sc->points -= 10;
        return;
    }
    if (line[0] == '!' && (strstr(line, "Ruckus") != NULL || strstr(line, "Brocade") != NULL ||
                           strstr(line, "Foundry") != NULL)) {
        cli_score_add(sc, K_BANNER, 5, false, line, lineno);
    } else if (indent == 0 && strcmp(w1, "ver") == 0 && isdigit((unsigned char)w2[0]) &&
               strchr(w2, '.') != NULL) {
        cli_score_add(sc, K_VER, 20, true, line, lineno);
    } else if (indent == 0 && strcmp(w1, "interface") == 0 && strcmp(w2, "ethernet") == 0 &&
               port_name(w3)) {
        cli_score_add(sc, K_IF, 10, false, line, lineno);
    } else if (indent > 0 && (strcmp(w1, "untagged") == 0 || strcmp(w1, "tagged") == 0) &&
               (strcmp(w2, "ethe") == 0 || strcmp(w2, "ethernet") == 0 || strcmp(w2, "lag") == 0)) {
        cli_score_add(sc, K_MEMBERS, 10, false, line, lineno);
    } else if (cli_has_prefix(line, "spanning-tree 802-1w") ||
               cli_has_prefix(line, "no spanning-tree 802-1w")) {
        cli_score_add(sc, K_RSTP, 10, false, line, lineno);
    } else if (indent == 0 && strcmp(w1, "lag") == 0 &&
               (strcmp(w3, "dynamic") == 0 || strcmp(w3, "static") == 0)) {
        cli_score_add(sc, K_LAG, 10, false, line, lineno);
    } else if (indent == 0 && strcmp(w1, "vlan") == 0 && strstr(line, " by port") != NULL) {
        cli_score_add(sc, K_VLAN, 10, false, line, lineno);
    } else if (indent == 0 && strcmp(w1, "stack") == 0 && strcmp(w2, "unit") == 0) {
        cli_score_add(sc, K_STACK, 5, false, line, lineno);
    } else if (indent > 0 && strcmp(w1, "port-name") == 0) {
        cli_score_add(sc, K_NAME, 5, false, line, lineno);
    }
}

#define MIN_SCORE 20

int fastiron_detect(const char *text, size_t len, char *evidence, size_t evidence_len)
{
    struct cli_score sc = {0};
    cli_scan_lines(text, len < CLI_DETECT_BYTES ? len : CLI_DETECT_BYTES, look, &sc);
    return cli_score_result(&sc, MIN_SCORE, evidence, evidence_len);
}
