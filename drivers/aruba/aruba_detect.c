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
#include "cli/cli_detect.h"
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

/* The two dialects' scores, kept side by side over one scan. */
struct scores {
    struct cli_score cx, pc;
};

static void look(void *ctx, const char *line, unsigned indent, unsigned lineno)
{
    struct cli_score *cx = &((struct scores *)ctx)->cx, *pc = &((struct scores *)ctx)->pc;
    char w1[64] = "", w2[64] = "", w3[64] = "";
    sscanf(line, "%63s %63s %63s", w1, w2, w3);
    if (cli_has_prefix(line, "!Version ArubaOS-CX ") || cli_has_prefix(line, "!Version AOS-CX ")) {
        cli_score_add(cx, K_HEADER, 60, true, line, lineno);
        return;
    }
    if (line[0] == ';' && strstr(line, "Configuration Editor; Created on release #") != NULL) {
        cli_score_add(pc, K_HEADER, 60, true, line, lineno);
        return;
    }
    if (indent == 0 && (strcmp(line, "#") == 0 || cli_has_prefix(line, "undo ") ||
                        cli_has_prefix(line, "sysname "))) {
        cx->points -= 10; /* Comware */
        pc->points -= 10;
        return;
    }
    if (strstr(line, " ethe ") != NULL || strstr(line, " ethernet ") != NULL ||
        cli_has_prefix(line, "switchport ") ||
        (line[0] != '!' && strchr("{}", line[strlen(line) - 1]))) {
        cx->points -= 5; /* FastIron, Cisco, Junos */
        pc->points -= 5;
        return;
    }
    if (indent == 0 && strcmp(w1, "interface") == 0) {
        if (cx_port_word(w2))
            cli_score_add(cx, K_PORT, 10, false, line, lineno);
        else if (strcmp(w2, "lag") == 0 && isdigit((unsigned char)w3[0]))
            cli_score_add(cx, K_LAG, 5, false, line, lineno);
        else if (pc_list_word(w2))
            cli_score_add(pc, K_PORT, 5, false, line, lineno);
        return;
    }
    if (indent > 0 &&
        (cli_has_prefix(line, "vlan access ") || cli_has_prefix(line, "vlan trunk "))) {
        cli_score_add(cx, K_VLAN, 10, false, line, lineno);
    } else if (indent > 0 && (strcmp(line, "no routing") == 0 || strcmp(line, "routing") == 0)) {
        cli_score_add(cx, K_ROUTING, 5, false, line, lineno);
    } else if (indent > 0 && cli_has_prefix(line, "spanning-tree port-type ")) {
        cli_score_add(cx, K_EDGE, 10, false, line, lineno);
    } else if (indent == 0 && (cli_has_prefix(line, "https-server vrf ") ||
                               cli_has_prefix(line, "ssh server vrf ") ||
                               cli_has_prefix(line, "!export-password"))) {
        cli_score_add(cx, K_VRF, 5, false, line, lineno);
    } else if (indent == 0 && strcmp(w1, "trunk") == 0 && pc_list_word(w2) &&
               strncasecmp(w3, "trk", 3) == 0) {
        cli_score_add(pc, K_TRUNK, 10, false, line, lineno);
    } else if (indent > 0 && (strcmp(w1, "untagged") == 0 || strcmp(w1, "tagged") == 0) &&
               pc_list_word(w2) && w3[0] == '\0') {
        cli_score_add(pc, K_MEMBERS, 10, false, line, lineno);
    } else if (indent == 0 && strcmp(w1, "spanning-tree") == 0 && pc_list_word(w2) &&
               (strcmp(w3, "admin-edge-port") == 0 || strcmp(w3, "auto-edge-port") == 0 ||
                strcmp(w3, "bpdu-protection") == 0 || strcmp(w3, "priority") == 0)) {
        cli_score_add(pc, K_EDGE, 10, false, line, lineno);
    } else if (indent > 0 && strcmp(line, "exit") == 0) {
        cli_score_add(pc, K_EXIT, 5, false, line, lineno);
    } else if (indent == 0 && (strcmp(line, "password manager") == 0 ||
                               cli_has_prefix(line, "password manager "))) {
        cli_score_add(pc, K_PASSWORD, 5, false, line, lineno);
    }
}

static void scan(const char *text, size_t len, struct scores *sc)
{
    memset(sc, 0, sizeof *sc);
    cli_scan_lines(text, len < CLI_DETECT_BYTES ? len : CLI_DETECT_BYTES, look, sc);
}

/* The smallest score that names the dialect. */
#define MIN_SCORE 20

int aoscx_detect(const char *text, size_t len, char *evidence, size_t evidence_len)
{
    struct scores sc;
    scan(text, len, &sc);
    if (sc.pc.points > sc.cx.points)
        return cli_score_result(&(struct cli_score){0}, MIN_SCORE, evidence, evidence_len);
    return cli_score_result(&sc.cx, MIN_SCORE, evidence, evidence_len);
}

int procurve_detect(const char *text, size_t len, char *evidence, size_t evidence_len)
{
    struct scores sc;
    scan(text, len, &sc);
    if (sc.cx.points >= sc.pc.points)
        return cli_score_result(&(struct cli_score){0}, MIN_SCORE, evidence, evidence_len);
    return cli_score_result(&sc.pc, MIN_SCORE, evidence, evidence_len);
}
