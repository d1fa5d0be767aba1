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
 * DTD loading, and any document carrying a DOCTYPE is refused. Errors
 * (PR_ERR_INPUT) name the line and libxml2's reason. */
int pr_xml_parse(const char *xml, size_t len, xmlDoc **out, struct pr_error *err);

#endif
