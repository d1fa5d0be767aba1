/* SPDX-License-Identifier: BSD-3-Clause */
/* libFuzzer harness: pr_xml_parse() on arbitrary bytes, as a switch
 * or a saved file could hand it. A parsed document is walked once so the
 * tree it builds is touched too. */
#include <stddef.h>
#include <stdint.h>

#include "util/xml.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static size_t fuzz_walk(const xmlNode *node)
{
    size_t count = 0;
    for (; node != NULL; node = node->next)
        count += 1 + fuzz_walk(node->children);
    return count;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    xmlDoc *doc = NULL;
    struct pr_error err;
    if (pr_xml_parse((const char *)data, size, &doc, &err) == 0) {
        if (fuzz_walk(xmlDocGetRootElement(doc)) == 0)
            __builtin_trap(); /* a parsed document always has a root */
        xmlFreeDoc(doc);
    } else if (doc != NULL || err.msg[0] == '\0') {
        __builtin_trap(); /* errors leave no document and say why */
    }
    return 0;
}
