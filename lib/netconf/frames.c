/* SPDX-License-Identifier: BSD-3-Clause */
/* RFC 6242 framing followed byte by byte, the XML inside each message
 * handed to the bounding scan. */
#include "netconf/frames.h"

#include <stdio.h>
#include <string.h>

enum frame_state {
    F_START,     /* a message starts */
    F_START_LF,  /* "\n" at the start: a chunk header or XML */
    F_EOM,       /* inside a message ending with "]]>]]>" */
    F_HASH,      /* after "\n#" */
    F_SIZE,      /* the digits of a chunk size */
    F_DATA,      /* chunk data */
    F_NEXT_LF,   /* after a chunk: "\n" */
    F_NEXT_HASH, /* after a chunk and "\n": "#" */
    F_END_LF,    /* after "\n##": "\n" ends the message */
    F_UNFRAMED,  /* framing not understood: bytes are counted, no more */
};

/* RFC 6242: a chunk size is at most 4294967295. */
#define FRAMES_CHUNK_MAX 4294967295u

static const char frames_eom[] = "]]>]]>";

static void message_start(struct netconf_frames *f)
{
    pr_xml_scan_init(&f->scan);
    f->state = F_START;
    f->eom_matched = 0;
}

void netconf_frames_init(struct netconf_frames *f, size_t max_bytes)
{
    memset(f, 0, sizeof *f);
    f->max_bytes = max_bytes;
    message_start(f);
}

static int frames_fail(struct netconf_frames *f, const char *what)
{
    f->failed = true;
    snprintf(f->error, sizeof f->error, "%s", what);
    return -1;
}

static int scan(struct netconf_frames *f, const char *data, size_t n)
{
    if (pr_xml_scan_feed(&f->scan, data, n) == 0)
        return 0;
    char what[sizeof f->error];
    snprintf(what, sizeof what, "XML: %s", f->scan.error);
    return frames_fail(f, what);
}

/* One byte of a message framed with "]]>]]>". */
static int eom_byte(struct netconf_frames *f, char c)
{
    if (scan(f, &c, 1) != 0)
        return -1;
    f->eom_matched = c == frames_eom[f->eom_matched] ? f->eom_matched + 1
                     : c == frames_eom[0]            ? 1
                                                     : 0;
    if (f->eom_matched == sizeof frames_eom - 1) {
        f->messages++;
        message_start(f);
    }
    return 0;
}

int netconf_frames_feed(struct netconf_frames *f, const char *data, size_t n)
{
    if (f->failed)
        return -1;
    if (n > f->max_bytes - f->received) {
        char what[64];
        snprintf(what, sizeof what, "more than %zu bytes", f->max_bytes);
        f->received = f->max_bytes;
        return frames_fail(f, what);
    }
    f->received += n;
    for (size_t i = 0; i < n; i++) {
        char c = data[i];
        switch ((enum frame_state)f->state) {
        case F_START:
            if (c == '\n') {
                f->state = F_START_LF;
                break;
            }
            f->state = F_EOM; /* XML from this byte on */
            if (eom_byte(f, c) != 0)
                return -1;
            break;
        case F_START_LF:
            if (c == '#') {
                f->state = F_HASH;
                break;
            }
            f->state = F_EOM;
            if (eom_byte(f, '\n') != 0 || eom_byte(f, c) != 0)
                return -1;
            break;
        case F_EOM:
            if (eom_byte(f, c) != 0)
                return -1;
            break;
        case F_HASH:
            if (c == '#') {
                f->state = F_END_LF;
            } else if (c >= '1' && c <= '9') {
                f->chunk_left = (size_t)(c - '0');
                f->state = F_SIZE;
            } else {
                f->state = F_UNFRAMED;
            }
            break;
        case F_SIZE:
            if (c >= '0' && c <= '9' && f->chunk_left <= (FRAMES_CHUNK_MAX - 9) / 10)
                f->chunk_left = f->chunk_left * 10 + (size_t)(c - '0');
            else
                f->state = c == '\n' ? F_DATA : F_UNFRAMED;
            break;
        case F_DATA: {
            size_t take = n - i < f->chunk_left ? n - i : f->chunk_left;
            if (scan(f, data + i, take) != 0)
                return -1;
            f->chunk_left -= take;
            i += take - 1;
            if (f->chunk_left == 0)
                f->state = F_NEXT_LF;
            break;
        }
        case F_NEXT_LF:
            f->state = c == '\n' ? F_NEXT_HASH : F_UNFRAMED;
            break;
        case F_NEXT_HASH:
            f->state = c == '#' ? F_HASH : F_UNFRAMED;
            break;
        case F_END_LF:
            if (c == '\n') {
                f->messages++;
                message_start(f);
            } else {
                f->state = F_UNFRAMED;
            }
            break;
        case F_UNFRAMED:
            return 0;
        }
    }
    return 0;
}
