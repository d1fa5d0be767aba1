/* SPDX-License-Identifier: BSD-3-Clause */
/* Fuzz harness: arbitrary bytes read as a walk file (snmprec or snmpwalk
 * -On, detected from the content), then a lookup and a subtree copy on
 * whatever was stored. */
#include <stddef.h>
#include <stdint.h>

#include "snmp/walk.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct pr_snmp_store store, copy;
    pr_snmp_store_init(&store);
    pr_snmp_store_init(&copy);
    struct pr_error err = {0};
    if (pr_snmp_walk_parse_buffer((const char *)data, size, "fuzz", &store, NULL, &err) == 0) {
        static const uint32_t if_table[] = {1, 3, 6, 1, 2, 1, 2, 2, 1};
        pr_snmp_store_copy_subtree(&copy, &store, if_table, 9, &err);
        char buf[256];
        for (size_t i = 0; i < store.n && i < 64; i++)
            pr_snmp_value_format(&store.vb[i].value, buf, sizeof buf);
        if (store.n > 0)
            (void)pr_snmp_store_get(&store, store.vb[0].name, store.vb[0].name_len);
    }
    pr_snmp_store_free(&copy);
    pr_snmp_store_free(&store);
    return 0;
}
