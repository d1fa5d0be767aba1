/* SPDX-License-Identifier: BSD-3-Clause */
/* The one XML reader of portready, for NETCONF replies and saved XML
 * configurations alike. */
#ifndef PR_UTIL_XML_H
#define PR_UTIL_XML_H

#include <stddef.h>

#include <libxml/tree.h>

#include "util/error.h"

/* Parses len bytes of XML into *out (the caller frees it with xmlFreeDoc).
 * Safe for hostile input: no network access, no entity substitution, no
 * DTD loading, any document carrying a DOCTYPE is refused, and one deeper
 * than PR_XML_MAX_DEPTH, with an element of more than PR_XML_MAX_ATTRIBUTES
 * attributes or more than PR_XML_MAX_NODES nodes (util/xml_scan.h) is
 * refused before libxml2 sees it. Errors (PR_ERR_INPUT) name the line and
 * the reason (the bound, or libxml2's). */
int pr_xml_parse(const char *xml, size_t len, xmlDoc **out, struct pr_error *err);

#endif
