/* SPDX-License-Identifier: BSD-3-Clause */
/* Checking what a NETCONF server sends as it arrives, in pieces of any
 * size: the byte count against a cap, and the XML of every message against
 * the bounds of util/xml_scan.h. Messages are framed as RFC 6242 says: the
 * hello and NETCONF 1.0 messages end with "]]>]]>", NETCONF 1.1 messages
 * are chunks ("\n#SIZE\n" and SIZE bytes) ending with "\n##\n"; only the
 * XML inside is scanned, and each message is scanned on its own. Bytes
 * whose framing is not understood are only counted (libnetconf2 reports
 * them). Internal to lib/netconf (relay.c), also used by the unit tests and
 * the fuzz harness. */
#ifndef PR_NETCONF_FRAMES_H
#define PR_NETCONF_FRAMES_H

#include <stdbool.h>
#include <stddef.h>

#include "util/xml_scan.h"

struct netconf_frames {
    size_t max_bytes;
    size_t received;
    size_t messages; /* complete messages seen */
    int state;
    size_t chunk_left;
    size_t eom_matched;
    struct pr_xml_scan scan;
    bool failed;
    char error[200]; /* once failed: the bound exceeded, with its line */
};

/* max_bytes: the most bytes accepted in all. */
void netconf_frames_init(struct netconf_frames *f, size_t max_bytes);

/* Checks the next n bytes. Returns 0, or -1 once a bound is exceeded (and
 * on every later call), with the reason in f->error: "more than N bytes"
 * or "XML: line N: ..." (util/xml_scan.h). */
int netconf_frames_feed(struct netconf_frames *f, const char *data, size_t n);

#endif
