/* SPDX-License-Identifier: BSD-3-Clause */
/* libFuzzer harness for the IOS-style configuration reader (IOS, IOS-XE,
 * NX-OS, EOS share the entry point): read, judge every port, write every
 * fix snippet and merge it back into the input. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cisco/ios.h"
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
    if (ios_config_read(text, size, "fuzz", &sw, &err) == 0) {
        for (size_t i = 0; i < sw.n_ports; i++) {
            struct pr_port *port = &sw.ports[i];
            port->expect_vlan = 100;
            rules_judge_port(&sw, port);
            for (size_t k = 0; k < port->n_findings && k < 4; k++) {
                char fix[PR_FIX_MAX];
                ios_snippet(&sw, port, &port->findings[k], fix, sizeof fix);
                char *merged;
                size_t merged_len;
                if (memchr(text, '\0', size) == NULL &&
                    ios_config_merge(text, size, fix, &merged, &merged_len, &err) == 0)
                    free(merged);
            }
        }
    }
    pr_switch_free(&sw);
    return 0;
}
