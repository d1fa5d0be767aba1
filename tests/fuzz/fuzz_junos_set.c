/* SPDX-License-Identifier: BSD-3-Clause */
/* libFuzzer harness: the Junos set reader, then group and range
 * expansion and the port model, on arbitrary bytes. */
#include <stddef.h>
#include <stdint.h>

#include "juniper/junos_expand.h"
#include "juniper/junos_model.h"
#include "juniper/junos_read.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct pr_error err = {0};
    struct junos_node *raw = junos_set_read((const char *)data, size, "fuzz", &err);
    if (raw == NULL)
        return 0;
    struct junos_node *tree = junos_expand(raw, &err);
    if (tree != NULL) {
        struct pr_switch sw;
        struct junos_model_info info;
        pr_switch_init(&sw, "fuzz", "fuzz");
        if (junos_model_build(tree, &sw, &info, &err) == 0)
            junos_model_info_free(&info);
        pr_switch_free(&sw);
    }
    junos_node_free(tree);
    junos_node_free(raw);
    return 0;
}
