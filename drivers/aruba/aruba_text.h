/* SPDX-License-Identifier: BSD-3-Clause */
/* The line reader and the words both HPE/Aruba dialects share: AOS-CX
 * (`show running-config`, `!` comments, four-blank indentation) and
 * ArubaOS-Switch / ProCurve (`;` comments, three-blank indentation closed
 * by `exit`). A configuration becomes its significant lines, each with its
 * line number and indentation; comment lines, blank lines, the CLI's
 * `Running configuration:` / `Current configuration:` header and AOS-CX
 * banners (`banner motd X` ... `X`) are dropped. Trailing NUL bytes (as a
 * ProCurve agent sends after the text) end the text; a NUL before them is
 * an error.
 *
 * Ownership: aruba_text_read() allocates a struct aruba_text that owns a
 * copy of the text; every `text` pointer points into it. aruba_text_free()
 * releases it and accepts NULL. */
#ifndef PR_ARUBA_TEXT_H
#define PR_ARUBA_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/error.h"

struct aruba_line {
    unsigned lineno;  /* 1-based, in the text read */
    unsigned indent;  /* leading blanks */
    const char *text; /* without leading and trailing blanks */
};

struct aruba_text {
    char *buf;
    struct aruba_line *lines;
    size_t n_lines;
    char origin[128];
};

/* comment is the dialect's comment character ('!' or ';'). Errors
 * (PR_ERR_INPUT) name origin and line: a NUL byte inside the text, a
 * banner that is never closed. */
int aruba_text_read(const char *text, size_t len, const char *origin, char comment,
                    struct aruba_text **out, struct pr_error *err);

void aruba_text_free(struct aruba_text *t);

/* Length of text without the NUL bytes and blanks that trail it. */
size_t aruba_text_trimmed_len(const char *text, size_t len);

#define ARUBA_MAX_TOKENS 24

/* A statement split into words; a double-quoted string is one word
 * (without its quotes). `no` in front is taken off and noted. */
struct aruba_stmt {
    const struct aruba_line *line;
    bool no;
    size_t n;
    char w[ARUBA_MAX_TOKENS][64]; /* longer words are cut */
};

void aruba_stmt_init(struct aruba_stmt *s, const struct aruba_line *line);

/* Whether the words from `at` on begin with the space-separated `words`
 * (case-insensitive); *next is the index after them. */
bool aruba_stmt_is(const struct aruba_stmt *s, size_t at, const char *words, size_t *next);

/* Word i as an integer in [min, max]. */
bool aruba_stmt_int(const struct aruba_stmt *s, size_t i, long long min, long long max,
                    long long *out);

/* "1-10,20" (also "all" when all_ok): marks VLANs 1-4094 in marks[4095];
 * false on a malformed list. */
bool aruba_vlan_list(const char *text, bool all_ok, bool marks[4095]);

/* A speed word ("1000-full", "100-half", "10g-full", "2.5g", "1000",
 * "auto-1000") -> Mb/s; 0 when it names none. */
int aruba_speed_mbps(const char *word);

/* Natural order of port names: "2" < "10", "A2" < "A10", "1/1/2" <
 * "1/1/10". */
int aruba_name_cmp(const char *a, const char *b);

#endif
