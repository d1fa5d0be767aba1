/* SPDX-License-Identifier: BSD-3-Clause */
/* The CLI output cleaner: turns what a switch's CLI sends to an
 * interactive terminal into the text a saved file of the same output
 * holds. It knows no vendor: prompts, pager prompts and the lines a CLI
 * writes just above its prompt come in as POSIX extended regular
 * expressions (struct pr_cli_patterns), from the caller.
 *
 * Bytes go through a small terminal model:
 *   - "\r\n", "\n\r" and "\n" end a line; a lone "\r" returns to the start
 *     of the line, which what follows overwrites (pagers erase themselves
 *     with "\r" + spaces + "\r");
 *   - backspace deletes the character before it (and "\b \b" erasing);
 *   - ANSI/ECMA-48 escapes (CSI, OSC, DCS, two-byte ESC sequences) are
 *     dropped; "erase line" (ESC[2K) and "cursor to column 1" (ESC[G,
 *     ESC[1G) empty the current line;
 *   - NUL, BEL, DEL and every other control byte except TAB are dropped;
 *     bytes from 0x80 up are kept as they are.
 * The text therefore never holds an escape, a "\r", a backspace or a NUL.
 *
 * Ownership: struct pr_cli_clean and struct pr_cli_patterns are the
 * caller's; *_free() releases what they hold and accepts a zeroed or
 * already freed struct. */
#ifndef PR_SSH_CLI_CLEAN_H
#define PR_SSH_CLI_CLEAN_H

#include <regex.h>
#include <stdbool.h>
#include <stddef.h>

#include "util/error.h"

/* Prompt and pager lines are short: a longer partial line is neither. */
#define PR_CLI_PROMPT_MAX 256

struct pr_cli_patterns {
    regex_t *prompts;
    size_t n_prompts;
    regex_t *pagers;
    size_t n_pagers;
    regex_t *above_prompt; /* lines a CLI writes above its prompt ("{master:0}") */
    size_t n_above_prompt;
    regex_t *errors; /* the first line of a refused command ("% Invalid input") */
    size_t n_errors;
};

/* Compiles the NULL-terminated lists (any may be NULL: none). Each
 * expression is matched against one whole line, without its trailing
 * blanks; anchor it with ^ and $. Returns -1 (PR_ERR_INTERNAL naming the
 * expression) when one does not compile; p then holds nothing. */
int pr_cli_patterns_compile(struct pr_cli_patterns *p, const char *const *prompts,
                            const char *const *pagers, const char *const *above_prompt,
                            const char *const *errors, struct pr_error *err);
void pr_cli_patterns_free(struct pr_cli_patterns *p);

enum pr_cli_esc {
    PR_CLI_ESC_NONE = 0,
    PR_CLI_ESC_START,  /* after ESC */
    PR_CLI_ESC_CSI,    /* ESC [ ... final byte */
    PR_CLI_ESC_STRING, /* OSC, DCS, SOS, PM, APC: up to BEL or ESC \ */
    PR_CLI_ESC_STRING_ESC,
    PR_CLI_ESC_TWO, /* ESC, intermediates, final byte */
};

struct pr_cli_clean {
    char *text; /* cleaned text, NUL-terminated (NULL until the first byte) */
    size_t len; /* bytes in text, the partial line included */
    size_t cap;
    size_t line_start; /* where the current, unterminated line begins */
    bool pending_cr;   /* a "\r" whose meaning the next byte decides */
    enum pr_cli_esc esc;
    char csi_params[16]; /* the parameter bytes of the CSI being read */
    size_t csi_len;
};

void pr_cli_clean_init(struct pr_cli_clean *c);
void pr_cli_clean_free(struct pr_cli_clean *c);

/* Feeds n bytes. Returns -1 only when memory runs out. */
int pr_cli_clean_feed(struct pr_cli_clean *c, const void *bytes, size_t n);

/* The current partial line (after the last line end), NUL-terminated. */
const char *pr_cli_clean_partial(const struct pr_cli_clean *c, size_t *len);

/* Forgets the partial line (a prompt or pager prompt that was answered). */
void pr_cli_clean_drop_partial(struct pr_cli_clean *c);

/* Forgets every completed line, keeping the partial one (so a long
 * session holds one command's output at a time). Marks taken before are
 * void. */
void pr_cli_clean_discard(struct pr_cli_clean *c);

/* Where the next completed line will start: a mark for
 * pr_cli_clean_output(). */
size_t pr_cli_clean_mark(const struct pr_cli_clean *c);

/* Whether line (len bytes, trailing blanks ignored) is wholly matched by
 * one of the n expressions. Lines longer than PR_CLI_PROMPT_MAX never are. */
bool pr_cli_line_matches(const regex_t *res, size_t n, const char *line, size_t len);

/* When the partial line is a pager prompt, drops it and returns true. */
bool pr_cli_clean_take_pager(struct pr_cli_clean *c, const struct pr_cli_patterns *p);

/* When the partial line is a prompt, copies it (trailing blanks removed)
 * into prompt and returns true; else false. */
bool pr_cli_clean_prompt(const struct pr_cli_clean *c, const struct pr_cli_patterns *p,
                         char *prompt, size_t prompt_len);

/* The completed lines from mark up to the partial line, as the output of
 * command: the echo of command dropped from the top (the first line when
 * it is the command, or ends with it after a prompt), pager lines dropped
 * wherever they are, the lines the CLI writes above its prompt dropped
 * from the bottom, trailing blanks cut from every line. *out (NUL-
 * terminated, *out_len bytes) is the caller's to free(). command may be
 * NULL (no echo to drop). Returns -1 when memory runs out. */
int pr_cli_clean_output(const struct pr_cli_clean *c, size_t mark, const char *command,
                        const struct pr_cli_patterns *p, char **out, size_t *out_len);

/* Lines of an output looked at for a refusal. */
#define PR_CLI_ERROR_LINES 3

/* Whether one of the first PR_CLI_ERROR_LINES lines of text that are not
 * blank matches an error pattern (leading blanks ignored); that line, at
 * most line_len - 1 bytes of it, goes to line. */
bool pr_cli_output_error(const char *text, size_t len, const struct pr_cli_patterns *p, char *line,
                         size_t line_len);

#endif
