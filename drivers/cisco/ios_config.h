/* SPDX-License-Identifier: BSD-3-Clause */
/* The IOS-style configuration reader shared by Cisco IOS, IOS-XE, NX-OS and
 * Arista EOS: running-config text -> top-level statements, each with the
 * lines indented beneath it, plus the platform the text comes from.
 *
 * What is skipped: comment lines (`!...`, `#...`, RANCID and Oxidized
 * headers), blank lines, banners (`banner motd ^C ... ^C`, EOS `banner
 * login` ... `EOF`), IOS macros (`macro name X` ... `@`) and everything
 * after a top-level `end`.
 *
 * Ownership: ios_config_parse() allocates a struct ios_config that owns a
 * copy of the text; every `text` pointer points into that copy.
 * ios_config_free() releases it and accepts NULL. */
#ifndef PR_IOS_CONFIG_H
#define PR_IOS_CONFIG_H

#include <stddef.h>

#include "util/error.h"

enum ios_platform {
    IOS_PLATFORM_UNKNOWN = 0,
    IOS_PLATFORM_IOS,    /* classic Catalyst IOS (12.x, 15.x) */
    IOS_PLATFORM_IOS_XE, /* IOS-XE 16 and later (Catalyst 9000) */
    IOS_PLATFORM_NXOS,
    IOS_PLATFORM_EOS,
};

struct ios_platform_info {
    enum ios_platform platform;
    int score;         /* strength of the evidence (0: none) */
    int version_major; /* -1 when unknown */
    int version_minor; /* -1 when unknown */
    char version[32];  /* as written: "15.2", "6.2(12)", "4.29.2F"; "" unknown */
    char evidence[160];
};

/* The smallest score that names a platform. */
#define IOS_PLATFORM_MIN_SCORE 10

/* Recognises the platform from the text alone (version line, RANCID and
 * device headers, `feature` lines, interface names). Never fails: unknown
 * platforms come back as IOS_PLATFORM_UNKNOWN with score 0. */
void ios_detect_platform(const char *text, size_t len, struct ios_platform_info *out);

const char *ios_platform_name(enum ios_platform platform); /* "IOS", "NX-OS", ... */

struct ios_line {
    unsigned lineno;  /* 1-based line number in the text */
    unsigned indent;  /* leading blanks */
    const char *text; /* without leading and trailing blanks */
};

/* A top-level statement (lines[first]) and the n - 1 lines beneath it. */
struct ios_block {
    size_t first;
    size_t n;
};

struct ios_config {
    char *buf; /* the owned copy of the text */
    struct ios_line *lines;
    size_t n_lines;
    struct ios_block *blocks;
    size_t n_blocks;
    unsigned end_lineno; /* line of the top-level `end`; 0 when none */
    char origin[128];    /* file name or "netconf HOST" */
    struct ios_platform_info platform;
};

/* Reads text. Errors (PR_ERR_INPUT) name origin and line: a NUL byte, a
 * banner or macro that is never closed. */
int ios_config_parse(const char *text, size_t len, const char *origin, struct ios_config **out,
                     struct pr_error *err);

void ios_config_free(struct ios_config *cfg);

/* The block whose first line is exactly `head` (case-insensitive, blanks
 * collapsed); NULL when absent. */
const struct ios_block *ios_config_find_block(const struct ios_config *cfg, const char *head);

#endif
