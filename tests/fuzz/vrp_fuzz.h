/* SPDX-License-Identifier: BSD-3-Clause */
/* The body both `#`-sectioned family harnesses run (fuzz_huawei_config.c,
 * fuzz_comware_config.c): read the input as dialect d, judge every port,
 * write the fix of its first findings, apply each to the input and read
 * the result again. Header-only: each harness is its own executable. */
#ifndef VRP_FUZZ_H
#define VRP_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "cli/vrp_family.h"
#include "driver.h"
#include "rules/rules.h"

static inline int vrp_fuzz_one(enum vrp_dialect d, const struct pr_driver *drv, const uint8_t *data,
                               size_t size)
{
    if (size > 1 << 20)
        return 0;
    const char *text = (const char *)data;
    struct pr_switch sw;
    pr_switch_init(&sw, "fuzz", "fuzz");
    struct pr_error err = {0};
    if (vrp_config_read(d, text, size, "fuzz", &sw, &err) == 0) {
        /* Applied and read again: the fixes of the first ports only, each
         * re-read being a whole read. */
        unsigned applied_n = 0;
        for (size_t i = 0; i < sw.n_ports; i++) {
            struct pr_port *port = &sw.ports[i];
            port->expect_vlan = 100;
            rules_judge_port(&sw, port);
            for (size_t k = 0; k < port->n_findings && k < 4 && applied_n < 8; k++) {
                char fix[PR_FIX_MAX];
                drv->snippet(&sw, port, &port->findings[k], fix, sizeof fix);
                applied_n++;
                char *applied;
                size_t applied_len;
                if (vrp_config_apply(text, size, fix, &applied, &applied_len, &err) != 0)
                    continue;
                struct pr_switch again;
                pr_switch_init(&again, "fuzz", "fuzz");
                (void)vrp_config_read(d, applied, applied_len, "fuzz", &again, &err);
                pr_switch_free(&again);
                free(applied);
            }
        }
    }
    pr_switch_free(&sw);
    return 0;
}

#endif
