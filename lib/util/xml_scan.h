/* SPDX-License-Identifier: BSD-3-Clause */
/* Bounds on XML from switches and users, checked in one linear pass before
 * any XML library builds a tree: libxml2 (and libyang, under libnetconf2)
 * take time quadratic in the attributes of one element, and memory grows
 * with every node. The scan is fed bytes in pieces of any size (a whole
 * document, or a NETCONF stream as it arrives) and stops at the first bound
 * exceeded, with a message naming the bound and the line.
 *
 * It is a tokenizer, not a parser: it tells markup from text, quoted
 * attribute values, comments, CDATA sections, processing instructions and
 * declarations apart, and counts; whether the document is well formed is
 * left to the parser that runs after it. */
#ifndef PR_UTIL_XML_SCAN_H
#define PR_UTIL_XML_SCAN_H

#include <stdbool.h>
#include <stddef.h>

/* Elements inside one another. */
#define PR_XML_MAX_DEPTH 128
/* Attributes (namespace declarations included) of one element. */
#define PR_XML_MAX_ATTRIBUTES 256
/* Nodes of one document: elements, attributes, text runs, comments and
 * processing instructions. */
#define PR_XML_MAX_NODES 2000000u

struct pr_xml_scan {
    int state;
    char quote;          /* the quote of the attribute value being read */
    unsigned run;        /* progress through "-->", "]]>", "CDATA[", "?>" */
    unsigned brackets;   /* '[' open in a declaration */
    bool in_text;        /* a text node is open (counted once) */
    unsigned depth;      /* elements open */
    unsigned attributes; /* of the current start tag */
    size_t nodes;
    size_t line; /* 1-based */
    char name[48];
    size_t name_len;
    bool failed;
    char error[160]; /* "line N: ..." once failed */
};

void pr_xml_scan_init(struct pr_xml_scan *scan);

/* Scans the next n bytes. Returns 0, or -1 once a bound is exceeded (and on
 * every later call), with the reason in scan->error. */
int pr_xml_scan_feed(struct pr_xml_scan *scan, const char *data, size_t n);

#endif
