/* SPDX-License-Identifier: BSD-3-Clause */
#include "driver.h"

#include <string.h>

static const struct pr_driver *const driver_table[] = {
    &pr_driver_generic_snmp,
    &pr_driver_cisco,
    &pr_driver_juniper,
    NULL,
};

const struct pr_driver *const *pr_driver_table(void)
{
    return driver_table;
}

size_t pr_driver_cli_list(const struct pr_driver **out, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; driver_table[i] != NULL; i++) {
        if (driver_table[i]->cli != NULL && n < max)
            out[n++] = driver_table[i];
    }
    return n;
}

const struct pr_driver *pr_driver_find(const char *name)
{
    for (size_t i = 0; driver_table[i] != NULL; i++) {
        if (strcmp(driver_table[i]->name, name) == 0)
            return driver_table[i];
    }
    return NULL;
}

const struct pr_driver *pr_driver_choose(const char *sys_object_id, const char *sys_descr,
                                         const char *config_text, size_t config_len)
{
    const struct pr_driver *best = &pr_driver_generic_snmp;
    int best_score = 0;
    for (size_t i = 0; driver_table[i] != NULL; i++) {
        int score = driver_table[i]->match(sys_object_id, sys_descr, config_text, config_len);
        if (score > best_score) {
            best_score = score;
            best = driver_table[i];
        }
    }
    return best;
}
