/* SPDX-License-Identifier: BSD-3-Clause */
/* The line reader and the words the indented switch CLIs share (AOS-CX's
 * `show running-config` with `!` comments and four-blank indentation,
 * ArubaOS-Switch / ProCurve's `;` comments and three-blank indentation
 * closed by `exit`, and every dialect of that family). A configuration
 * becomes its significant lines, each with its line number and
 * indentation; comment lines, blank lines, the CLI's
 * `Running configuration:` / `Current configuration:` header and banners
 * (`banner motd X` ... `X`) are dropped. Trailing NUL bytes (as some
 * agents send after the text) end the text; a NUL before them is an
 * error.
 *
 * Ownership: cli_text_read() allocates a struct cli_text that owns a
 * copy of the text; every `text` pointer points into it. cli_text_free()
 * releases it and accepts NULL. */
#ifndef PR_CLI_TEXT_H
#define PR_CLI_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/error.h"

struct cli_line {
    unsigned lineno;  /* 1-based, in the text read */
    unsigned indent;  /* leading blanks */
    const char *text; /* without leading and trailing blanks */
};

struct cli_text {
    char *buf;
    struct cli_line *lines;
    size_t n_lines;
    char origin[128];
};

/* comment is the dialect's comment character ('!' or ';'). Errors
 * (PR_ERR_INPUT) name origin and line: a NUL byte inside the text, a
 * banner that is never closed. */
int cli_text_read(const char *text, size_t len, const char *origin, char comment,
                  struct cli_text **out, struct pr_error *err);

void cli_text_free(struct cli_text *t);

/* -1 with err set (PR_ERR_INPUT, "ORIGIN:LINE: NUL byte: ...") when
 * text[0, len) holds a NUL byte, 0 when it holds none. */
int cli_text_check_nul(const char *text, size_t len, const char *origin, struct pr_error *err);

/* Cuts the next line out of the text [*at, end), in place: its newline
 * becomes a NUL, and *at moves past it. Returns the line without its
 * leading blanks (counted in *indent) and trailing blanks and carriage
 * return. */
char *cli_cut_line(char **at, char *end, unsigned *indent);

/* Length of text without the NUL bytes and blanks that trail it. */
size_t cli_text_trimmed_len(const char *text, size_t len);

#define CLI_MAX_TOKENS 24

/* A statement split into words; a double-quoted string is one word
 * (without its quotes). `no` in front is taken off and noted. */
struct cli_stmt {
    const struct cli_line *line;
    bool no;
    size_t n;
    char w[CLI_MAX_TOKENS][64]; /* longer words are cut */
};

void cli_stmt_init(struct cli_stmt *s, const struct cli_line *line);

/* Whether the words from `at` on begin with the space-separated `words`
 * (case-insensitive); *next is the index after them. */
bool cli_stmt_is(const struct cli_stmt *s, size_t at, const char *words, size_t *next);

/* Word i as an integer in [min, max]. */
bool cli_stmt_int(const struct cli_stmt *s, size_t i, long long min, long long max, long long *out);

/* "1-10,20" (also "all" when all_ok): marks VLANs 1-4094 in marks[4095];
 * false on a malformed list. */
bool cli_vlan_list(const char *text, bool all_ok, bool marks[4095]);

/* A speed word ("1000-full", "100-half", "10g-full", "2.5g", "1000",
 * "auto-1000") -> Mb/s; 0 when it names none. */
int cli_speed_mbps(const char *word);

/* Natural order of port names: "2" < "10", "A2" < "A10", "1/1/2" <
 * "1/1/10". */
int cli_name_cmp(const char *a, const char *b);

/* The configuration text after a fix for a dialect whose saved text is the
 * commands the switch replays in order: text (without the NUL bytes and
 * blanks that trail it), a newline, the snippet, a newline. *out
 * (NUL-terminated, *out_len its length) is the caller's to free. */
int cli_text_append(const char *text, size_t len, const char *snippet, char **out, size_t *out_len,
                    struct pr_error *err);

/* `undo` in front (the `no` of the `#`-sectioned dialects): taken off and
 * noted in s->no, as cli_stmt_init() does for `no`. */
void cli_stmt_undo(struct cli_stmt *s);

/* A space-separated VLAN list with `to` ranges ("10 to 11 13 100 to 250",
 * also "all" when all_ok): marks VLANs 1-4094 in marks[4095]; false on a
 * malformed list. */
bool cli_vlan_words(const char *text, bool all_ok, bool marks[4095]);

#endif
