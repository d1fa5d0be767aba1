/* SPDX-License-Identifier: BSD-3-Clause */
/* Which IOS-style platform a running-config comes from, from its text
 * alone. Each recognisable line adds to a platform's score; lines that only
 * other vendors write (Comware `#` separators and `undo`, Junos braces and
 * `set` lines) count against every Cisco-style platform. */
#include "cisco/ios_config.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli/cli_detect.h"
#include "util/strutil.h"

enum { P_IOS, P_NXOS, P_EOS, P_COUNT };

struct detect {
    int score[P_COUNT];
    int foreign;
    char evidence[P_COUNT][160];
    int major, minor;
    char version[32];
};

static bool has_prefix_ci(const char *s, const char *prefix)
{
    return strncasecmp(s, prefix, strlen(prefix)) == 0;
}

static void add(struct detect *d, int platform, int points, const char *line, unsigned lineno)
{
    /* Keep the first strong evidence, else the first weak one. */
    bool replace = d->evidence[platform][0] == '\0' || (points >= 10 && d->score[platform] < 10);
    if (replace) {
        d->evidence[platform][0] = '\0';
        pr_strlcatf(d->evidence[platform], sizeof d->evidence[platform], "line %u: %.120s", lineno,
                    line);
    }
    d->score[platform] += points;
}

/* "version 15.2", "version 6.2(12)": the number and whether it has a
 * parenthesised part (NX-OS). */
static void parse_version(struct detect *d, const char *v, bool *nxos_style)
{
    size_t n = strcspn(v, " ,");
    if (n >= sizeof d->version)
        n = sizeof d->version - 1;
    memcpy(d->version, v, n);
    d->version[n] = '\0';
    *nxos_style = strchr(d->version, '(') != NULL;
    char *rest;
    long major = strtol(v, &rest, 10);
    if (rest == v || *rest != '.')
        return;
    const char *minor_text = rest + 1;
    long minor = strtol(minor_text, &rest, 10);
    if (rest == minor_text)
        return;
    d->major = major > 0 && major < 1000 ? (int)major : -1;
    d->minor = minor >= 0 && minor < 1000 ? (int)minor : -1;
}

static const char *const ios_ifnames[] = {
    "GigabitEthernet",      "FastEthernet",
    "TenGigabitEthernet",   "TwentyFiveGigE",
    "FortyGigabitEthernet", "HundredGigE",
    "TwoGigabitEthernet",   "FiveGigabitEthernet",
    "AppGigabitEthernet",   "TwentyFiveGigabitEthernet",
};

static void look_at(void *ctx, const char *line, unsigned indent, unsigned lineno)
{
    struct detect *d = ctx;
    size_t len = strlen(line);
    if (indent == 0 && (strcmp(line, "#") == 0 || cli_has_prefix(line, "undo ") ||
                        cli_has_prefix(line, "sysname "))) {
        d->foreign += 10; /* HPE Comware */
        return;
    }
    if (indent == 0 && (strcmp(line, "exit") == 0 || cli_has_prefix(line, "serviceport ") ||
                        (cli_has_prefix(line, "interface ") && isdigit((unsigned char)line[10])))) {
        d->foreign += 5; /* Broadcom FASTPATH / EFOS */
        return;
    }
    if (indent == 0 &&
        (cli_has_prefix(line, "set ") || line[len - 1] == '{' || line[len - 1] == '}')) {
        d->foreign += 5; /* Junos */
        return;
    }
    if (line[0] == '!') {
        if (strstr(line, "RANCID-CONTENT-TYPE:") != NULL) {
            const char *type = strchr(line, ':') + 1;
            while (*type == ' ')
                type++;
            if (cli_has_prefix(type, "arista"))
                add(d, P_EOS, 20, line, lineno);
            else if (cli_has_prefix(type, "cisco-nx"))
                add(d, P_NXOS, 20, line, lineno);
            else if (strcmp(type, "cisco") == 0 || cli_has_prefix(type, "cisco-xe"))
                add(d, P_IOS, 20, line, lineno);
        } else if (cli_has_prefix(line, "! device: ") &&
                   (strstr(line, "(DCS-") || strstr(line, "EOS-") || strstr(line, "(vEOS") ||
                    strstr(line, "(cEOS"))) {
            add(d, P_EOS, 20, line, lineno);
            const char *eos = strstr(line, "EOS-");
            if (eos != NULL && d->version[0] == '\0') {
                bool unused;
                parse_version(d, eos + 4, &unused);
                d->version[strcspn(d->version, ")")] = '\0';
            }
        } else if (cli_has_prefix(line, "!Command: show running-config")) {
            add(d, P_NXOS, 5, line, lineno);
        } else if (cli_has_prefix(line, "! Command: show running-config")) {
            add(d, P_EOS, 5, line, lineno);
        } else if (strstr(line, "IOS XE") || strstr(line, "IOS-XE")) {
            add(d, P_IOS, 5, line, lineno);
        }
        return;
    }
    if (indent != 0)
        return;
    if (cli_has_prefix(line, "version ") && isdigit((unsigned char)line[8])) {
        bool nxos_style;
        parse_version(d, line + 8, &nxos_style);
        add(d, nxos_style ? P_NXOS : P_IOS, 20, line, lineno);
    } else if (cli_has_prefix(line, "Current configuration : ") ||
               cli_has_prefix(line, "boot-start-marker")) {
        add(d, P_IOS, 10, line, lineno);
    } else if (cli_has_prefix(line, "feature ") || cli_has_prefix(line, "install feature-set ") ||
               cli_has_prefix(line, "vdc ")) {
        add(d, P_NXOS, 5, line, lineno);
    } else if (strcmp(line, "interface mgmt0") == 0 ||
               cli_has_prefix(line, "system default switchport")) {
        add(d, P_NXOS, 10, line, lineno);
    } else if (cli_has_prefix(line, "spanning-tree mode pvst") ||
               cli_has_prefix(line, "spanning-tree extend system-id")) {
        add(d, P_IOS, 10, line, lineno);
    } else if (cli_has_prefix(line, "spanning-tree mode mstp") ||
               cli_has_prefix(line, "spanning-tree mode rstp") ||
               cli_has_prefix(line, "transceiver qsfp default-mode") ||
               cli_has_prefix(line, "service routing protocols model") ||
               cli_has_prefix(line, "daemon TerminAttr") ||
               cli_has_prefix(line, "management api http-commands")) {
        add(d, P_EOS, 5, line, lineno);
    } else if (cli_has_prefix(line, "interface Port-Channel") ||
               strcmp(line, "interface Management1") == 0) {
        add(d, P_EOS, 5, line, lineno);
    } else if (cli_has_prefix(line, "interface ")) {
        const char *name = line + 10;
        for (size_t i = 0; i < sizeof ios_ifnames / sizeof ios_ifnames[0]; i++) {
            if (has_prefix_ci(name, ios_ifnames[i]) &&
                isdigit((unsigned char)name[strlen(ios_ifnames[i])])) {
                if (d->score[P_IOS] < 10)
                    add(d, P_IOS, 10, line, lineno);
                break;
            }
        }
    }
}

void ios_detect_platform(const char *text, size_t len, struct ios_platform_info *out)
{
    struct detect d;
    memset(&d, 0, sizeof d);
    d.major = d.minor = -1;
    cli_scan_lines(text, len, look_at, &d);

    memset(out, 0, sizeof *out);
    out->version_major = out->version_minor = -1;
    int best = P_IOS;
    for (int p = 0; p < P_COUNT; p++) {
        if (d.score[p] > d.score[best])
            best = p;
    }
    int score = d.score[best] - d.foreign;
    if (score < IOS_PLATFORM_MIN_SCORE) {
        out->platform = IOS_PLATFORM_UNKNOWN;
        return;
    }
    out->score = score;
    out->version_major = d.major;
    out->version_minor = d.minor;
    pr_strlcpy(out->version, d.version, sizeof out->version);
    pr_strlcpy(out->evidence, d.evidence[best], sizeof out->evidence);
    if (best == P_NXOS)
        out->platform = IOS_PLATFORM_NXOS;
    else if (best == P_EOS)
        out->platform = IOS_PLATFORM_EOS;
    else
        out->platform = d.major >= 16 ? IOS_PLATFORM_IOS_XE : IOS_PLATFORM_IOS;
}

const char *ios_platform_name(enum ios_platform platform)
{
    switch (platform) {
    case IOS_PLATFORM_IOS:
        return "IOS";
    case IOS_PLATFORM_IOS_XE:
        return "IOS-XE";
    case IOS_PLATFORM_NXOS:
        return "NX-OS";
    case IOS_PLATFORM_EOS:
        return "EOS";
    case IOS_PLATFORM_UNKNOWN:
        break;
    }
    return "unknown";
}
