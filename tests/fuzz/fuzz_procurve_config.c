/* SPDX-License-Identifier: BSD-3-Clause */
/* libFuzzer harness for the ArubaOS-Switch (ProCurve) configuration reader: read the input as
 * that dialect, judge every port, write the fix of its first findings,
 * apply each to the input and read the result again. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "aruba/aruba.h"
#include "rules/rules.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 1 << 20)
        return 0;
    const char *text = (const char *)data;
    struct pr_switch sw;
    pr_switch_init(&sw, "fuzz", "fuzz");
    struct pr_error err = {0};
    if (aruba_config_read_as(ARUBA_PROCURVE, text, size, "fuzz", &sw, &err) == 0) {
        /* Applied and read again: the fixes of the first ports only, each
         * re-read being a whole read. */
        unsigned applied_n = 0;
        for (size_t i = 0; i < sw.n_ports; i++) {
            struct pr_port *port = &sw.ports[i];
            port->expect_vlan = 100;
            rules_judge_port(&sw, port);
            for (size_t k = 0; k < port->n_findings && k < 4; k++) {
                char fix[PR_FIX_MAX];
                aruba_snippet(&sw, port, &port->findings[k], fix, sizeof fix);
                char *applied;
                size_t applied_len;
                if (applied_n >= 8)
                    continue;
                applied_n++;
                if (aruba_config_apply(text, size, fix, &applied, &applied_len, &err) != 0)
                    continue;
                struct pr_switch again;
                pr_switch_init(&again, "fuzz", "fuzz");
                (void)aruba_config_read_as(ARUBA_PROCURVE, applied, applied_len, "fuzz", &again,
                                           &err);
                pr_switch_free(&again);
                free(applied);
            }
        }
    }
    pr_switch_free(&sw);
    return 0;
}
