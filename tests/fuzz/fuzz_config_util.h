/* SPDX-License-Identifier: BSD-3-Clause */
/* The body of the fuzz harnesses of the dialects whose fixes are appended
 * to the text (header-only): read the input, judge every port, write the
 * fix of its first findings, apply each and read the result again. */
#ifndef FUZZ_CONFIG_UTIL_H
#define FUZZ_CONFIG_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "rules/rules.h"

typedef int (*fuzz_read_fn)(const char *text, size_t len, const char *origin, struct pr_switch *sw,
                            struct pr_error *err);
typedef void (*fuzz_snippet_fn)(const struct pr_switch *sw, const struct pr_port *port,
                                const struct pr_finding *finding, char *buf, size_t buf_len);
typedef int (*fuzz_apply_fn)(const char *text, size_t len, const char *snippet, char **out,
                             size_t *out_len, struct pr_error *err);

static inline int fuzz_config_one(const uint8_t *data, size_t size, fuzz_read_fn read,
                                  fuzz_snippet_fn snippet, fuzz_apply_fn apply)
{
    if (size > 1 << 20)
        return 0;
    const char *text = (const char *)data;
    struct pr_switch sw;
    pr_switch_init(&sw, "fuzz", "fuzz");
    struct pr_error err = {0};
    if (read(text, size, "fuzz", &sw, &err) == 0) {
        /* The fixes of the first ports only, each re-read a whole read. */
        unsigned applied_n = 0;
        for (size_t i = 0; i < sw.n_ports; i++) {
            struct pr_port *port = &sw.ports[i];
            port->expect_vlan = 100;
            rules_judge_port(&sw, port);
            for (size_t k = 0; k < port->n_findings && k < 4 && applied_n < 8; k++) {
                char fix[PR_FIX_MAX];
                snippet(&sw, port, &port->findings[k], fix, sizeof fix);
                char *applied;
                size_t applied_len;
                applied_n++;
                if (apply(text, size, fix, &applied, &applied_len, &err) != 0)
                    continue;
                struct pr_switch again;
                pr_switch_init(&again, "fuzz", "fuzz");
                (void)read(applied, applied_len, "fuzz", &again, &err);
                pr_switch_free(&again);
                free(applied);
            }
        }
    }
    pr_switch_free(&sw);
    return 0;
}

#endif
