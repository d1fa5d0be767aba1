/* SPDX-License-Identifier: BSD-3-Clause */
#include "report/text_wrap.h"

#include <stdbool.h>
#include <string.h>

void text_wrap(FILE *out, size_t used, size_t indent, const char *text)
{
    size_t room = used < TEXT_WIDTH ? TEXT_WIDTH - used : 1;
    const size_t full = TEXT_WIDTH > indent ? TEXT_WIDTH - indent : 1;
    const char *p = text;
    while (*p == ' ')
        p++;
    if (*p == '\0')
        fputc('\n', out);
    while (*p != '\0') {
        size_t left = strlen(p);
        size_t take = left;
        if (left > room) {
            /* The last space within the room, else cut the word. */
            take = room;
            for (size_t i = room; i > 0; i--) {
                if (p[i] == ' ') {
                    take = i;
                    break;
                }
            }
        }
        fprintf(out, "%.*s\n", (int)take, p);
        p += take;
        while (*p == ' ')
            p++;
        if (*p != '\0')
            fprintf(out, "%*s", (int)indent, "");
        room = full;
    }
}

void text_ellipsize(char *buf, size_t buf_len, const char *text, size_t columns)
{
    size_t len = strlen(text);
    if (columns >= buf_len)
        columns = buf_len - 1;
    if (len <= columns) {
        memcpy(buf, text, len + 1);
        return;
    }
    size_t keep = columns > 3 ? columns - 3 : 0;
    memcpy(buf, text, keep);
    memcpy(buf + keep, "...", 4);
}
