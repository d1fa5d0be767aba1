/* SPDX-License-Identifier: BSD-3-Clause */
/* What the huawei and comware drivers share: the same reader, so the same
 * match, read, snippet and fix-block steps, each for its dialect. */
#include "cli/vrp_family.h"

int vrp_driver_match_config(enum vrp_dialect d, const char *text, size_t len)
{
    int score = vrp_detect(d, text, len, NULL, 0);
    if (score <= 0)
        return 0;
    return 50 + (score > 40 ? 40 : score);
}

int vrp_driver_read_config(enum vrp_dialect d, const char *what, const char *why,
                           const struct pr_config_text *config, struct pr_switch *sw,
                           struct pr_error *err)
{
    if (config->text == NULL)
        return pr_error_set(err, PR_ERR_USAGE, "the %s reader was given no configuration", what);
    if (vrp_detect(d, config->text, config->len, NULL, 0) <= 0)
        return pr_error_set(err, PR_ERR_UNSUPPORTED, "%s: not a %s configuration (%s)",
                            config->origin ? config->origin : "configuration", what, why);
    if (vrp_config_read(d, config->text, config->len, config->origin, sw, err) != 0)
        return -1;
    pr_switch_add_source(sw, config->kind ? config->kind : "config");
    return 0;
}

void vrp_driver_snippet(enum vrp_dialect d, const struct pr_switch *sw, const struct pr_port *port,
                        const struct pr_finding *finding, char *buf, size_t buf_len)
{
    const struct vrp_model *m = vrp_switch_model(sw);
    vrp_snippet(d, m, port, finding, buf, buf_len);
    /* Read from an agent, what configuration cannot fix still gets the
     * generic driver's advice. */
    if (m == NULL && buf_len > 0 && buf[0] == '\0')
        pr_driver_generic_snmp.snippet(sw, port, finding, buf, buf_len);
}

int vrp_driver_merge_fixes(const struct pr_switch *sw, struct pr_fix_block *block)
{
    if (pr_driver_merge_fixes(sw, "#", block) != 0)
        return -1;
    block->paste = block->text != NULL && vrp_switch_model(sw) != NULL;
    return 0;
}
