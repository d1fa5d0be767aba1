/* SPDX-License-Identifier: BSD-3-Clause */
/* The bounding pass over XML: a byte-at-a-time state machine, so it can be
 * fed a stream in pieces that split a tag anywhere. */
#include "util/xml_scan.h"

#include <stdio.h>
#include <string.h>

enum scan_state {
    S_TEXT,       /* character data */
    S_LT,         /* after '<' */
    S_NAME,       /* the name of a start tag */
    S_TAG,        /* inside a start tag, after its name */
    S_TAG_SLASH,  /* '/' inside a start tag: "/>" ends an empty element */
    S_QUOTE,      /* an attribute value */
    S_END_TAG,    /* "</...>" */
    S_PI,         /* "<?...?>" */
    S_BANG,       /* after "<!" */
    S_BANG_DASH,  /* after "<!-" */
    S_COMMENT,    /* "<!--...-->" */
    S_CDATA_OPEN, /* matching "<![CDATA[" */
    S_CDATA,      /* "<![CDATA[...]]>" */
    S_DECL,       /* "<!DOCTYPE ...>" and other declarations */
};

void pr_xml_scan_init(struct pr_xml_scan *scan)
{
    memset(scan, 0, sizeof *scan);
    scan->state = S_TEXT;
    scan->line = 1;
}

static int scan_fail(struct pr_xml_scan *scan, const char *what)
{
    scan->failed = true;
    snprintf(scan->error, sizeof scan->error, "line %zu: %s", scan->line, what);
    return -1;
}

static int count_node(struct pr_xml_scan *scan)
{
    if (++scan->nodes <= PR_XML_MAX_NODES)
        return 0;
    char what[96];
    snprintf(what, sizeof what, "more than %u nodes (elements, attributes, text) in one document",
             PR_XML_MAX_NODES);
    return scan_fail(scan, what);
}

static int start_element(struct pr_xml_scan *scan)
{
    scan->attributes = 0;
    scan->name_len = 0;
    if (++scan->depth > PR_XML_MAX_DEPTH) {
        char what[64];
        snprintf(what, sizeof what, "elements nested more than %d deep", PR_XML_MAX_DEPTH);
        return scan_fail(scan, what);
    }
    return count_node(scan);
}

static int add_attribute(struct pr_xml_scan *scan)
{
    if (++scan->attributes > PR_XML_MAX_ATTRIBUTES) {
        char what[128];
        snprintf(what, sizeof what, "element <%.*s%s> has more than %d attributes",
                 (int)scan->name_len, scan->name, scan->name_len == sizeof scan->name ? "..." : "",
                 PR_XML_MAX_ATTRIBUTES);
        return scan_fail(scan, what);
    }
    return count_node(scan);
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Inside a start tag, after its name. */
static int tag_byte(struct pr_xml_scan *scan, char c)
{
    if (c == '=')
        return add_attribute(scan);
    if (c == '"' || c == '\'') {
        scan->quote = c;
        scan->state = S_QUOTE;
    } else if (c == '/') {
        scan->state = S_TAG_SLASH;
    } else if (c == '>') {
        scan->state = S_TEXT;
    }
    return 0;
}

static int scan_byte(struct pr_xml_scan *scan, char c)
{
    static const char cdata[] = "CDATA[";
    switch ((enum scan_state)scan->state) {
    case S_TEXT:
        if (c == '<') {
            scan->in_text = false;
            scan->state = S_LT;
        } else if (!scan->in_text) {
            scan->in_text = true;
            return count_node(scan);
        }
        return 0;
    case S_LT:
        if (c == '/') {
            if (scan->depth > 0)
                scan->depth--;
            scan->state = S_END_TAG;
        } else if (c == '?') {
            scan->run = 0;
            scan->state = S_PI;
            return count_node(scan);
        } else if (c == '!') {
            scan->state = S_BANG;
        } else {
            scan->state = S_NAME;
            int rc = start_element(scan);
            scan->name[scan->name_len++] = c;
            return rc;
        }
        return 0;
    case S_NAME:
        if (!is_space(c) && c != '/' && c != '>') {
            if (scan->name_len < sizeof scan->name)
                scan->name[scan->name_len++] = c;
            return 0;
        }
        scan->state = S_TAG;
        return tag_byte(scan, c);
    case S_TAG:
        return tag_byte(scan, c);
    case S_TAG_SLASH:
        if (c == '>') {
            if (scan->depth > 0)
                scan->depth--;
            scan->state = S_TEXT;
            return 0;
        }
        scan->state = S_TAG;
        return tag_byte(scan, c);
    case S_QUOTE:
        if (c == scan->quote)
            scan->state = S_TAG;
        return 0;
    case S_END_TAG:
        if (c == '>')
            scan->state = S_TEXT;
        return 0;
    case S_PI:
        if (c == '>' && scan->run == 1)
            scan->state = S_TEXT;
        scan->run = c == '?';
        return 0;
    case S_BANG:
        if (c == '-') {
            scan->state = S_BANG_DASH;
        } else if (c == '[') {
            scan->run = 0;
            scan->state = S_CDATA_OPEN;
        } else {
            scan->brackets = 0;
            scan->state = S_DECL;
        }
        return 0;
    case S_BANG_DASH:
        scan->run = 0;
        scan->state = c == '-' ? S_COMMENT : S_DECL;
        scan->brackets = 0;
        return c == '-' ? count_node(scan) : 0;
    case S_COMMENT:
        if (c == '>' && scan->run >= 2)
            scan->state = S_TEXT;
        scan->run = c == '-' ? scan->run + 1 : 0;
        return 0;
    case S_CDATA_OPEN:
        if (c != cdata[scan->run]) {
            scan->brackets = 0;
            scan->state = S_DECL;
        } else if (++scan->run == sizeof cdata - 1) {
            scan->run = 0;
            scan->state = S_CDATA;
            if (!scan->in_text) {
                scan->in_text = true; /* one text node with the text around it */
                return count_node(scan);
            }
        }
        return 0;
    case S_CDATA:
        if (c == '>' && scan->run >= 2) {
            scan->state = S_TEXT;
            scan->in_text = true;
        }
        scan->run = c == ']' ? scan->run + 1 : 0;
        return 0;
    case S_DECL:
        if (c == '[')
            scan->brackets++;
        else if (c == ']' && scan->brackets > 0)
            scan->brackets--;
        else if (c == '>' && scan->brackets == 0)
            scan->state = S_TEXT;
        return 0;
    }
    return 0;
}

int pr_xml_scan_feed(struct pr_xml_scan *scan, const char *data, size_t n)
{
    if (scan->failed)
        return -1;
    for (size_t i = 0; i < n; i++) {
        char c = data[i];
        if (c == '\n')
            scan->line++;
        if (scan_byte(scan, c) != 0)
            return -1;
    }
    return 0;
}
