/* SPDX-License-Identifier: BSD-3-Clause */
/* The body the Junos harnesses share (header-only: each fuzz_junos_*.c is
 * its own executable): one of the three readers on arbitrary bytes, then
 * group and range expansion and the port model. */
#ifndef FUZZ_JUNOS_H
#define FUZZ_JUNOS_H

#include <stddef.h>
#include <stdint.h>

#include "juniper/junos_expand.h"
#include "juniper/junos_model.h"
#include "juniper/junos_read.h"

typedef struct junos_node *(*fuzz_junos_reader)(const char *text, size_t len, const char *origin,
                                                struct pr_error *err);

static inline int fuzz_junos_one(fuzz_junos_reader read, const uint8_t *data, size_t size)
{
    struct pr_error err = {0};
    struct junos_node *raw = read((const char *)data, size, "fuzz", &err);
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

#endif
