/* SPDX-License-Identifier: BSD-3-Clause */
/* Bytes from a switch, a file or a log on their way to a terminal or into a
 * JSON string: the one place that decides what is valid UTF-8 and what is
 * a control character. Every writer of outside text goes through it:
 * util/json.c (JSON strings), the text report (model/switch.c cleans every
 * string of a switch that was read), dhcp-log's text, the monitoring
 * formats (report_clean.c). */
#ifndef PR_UTIL_SAFE_TEXT_H
#define PR_UTIL_SAFE_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* The length (1 to 4) of the valid UTF-8 sequence at s, or 0 when s does
 * not start one (a stray continuation byte, an overlong form, a surrogate,
 * a code point past U+10FFFF, a sequence cut by the end of the string). */
size_t pr_utf8_len(const char *s);

/* Whether the character of n bytes at s (n from pr_utf8_len, > 0) is a
 * control character: C0 (U+0000 to U+001F), DEL, or C1 (U+0080 to U+009F,
 * which terminals also obey: U+009B starts an escape sequence). */
bool pr_utf8_is_control(const char *s, size_t n);

/* Copies src into dst (len > 0, always terminated, cut at a character
 * boundary) fit for a terminal: valid UTF-8 kept, every control character
 * (ESC of an escape sequence, a newline, a backspace) and every byte that
 * is not valid UTF-8 replaced by '?'. Never longer than src, so dst may be
 * src itself. */
void pr_text_safe(char *dst, size_t len, const char *src);

/* pr_text_safe in place. */
void pr_text_make_safe(char *s);

/* pr_text_make_safe of each line of s: its newlines stay (a configuration
 * snippet of several lines). */
void pr_text_make_safe_lines(char *s);

#endif
