/* SPDX-License-Identifier: BSD-3-Clause */
/* Text layout for the human report: lines that fit the report's width. */
#ifndef PR_REPORT_TEXT_WRAP_H
#define PR_REPORT_TEXT_WRAP_H

#include <stddef.h>
#include <stdio.h>

/* The width every line of the text report fits. */
#define TEXT_WIDTH 100

/* Prints text after `used` columns already printed on the current line,
 * breaking at spaces so no line passes TEXT_WIDTH; continuation lines
 * start with `indent` spaces. A word longer than a line is cut onto lines
 * of its own. Ends with a newline. */
void text_wrap(FILE *out, size_t used, size_t indent, const char *text);

/* Copies text into buf (buf_len > 3) cut to at most `columns` characters,
 * the cut marked with "...". */
void text_ellipsize(char *buf, size_t buf_len, const char *text, size_t columns);

#endif
