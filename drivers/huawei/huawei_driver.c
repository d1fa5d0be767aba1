/* SPDX-License-Identifier: BSD-3-Clause */
/* The Huawei driver: VRP (S-series, CloudEngine) saved configurations
 * through the `#`-sectioned family's reader (cli/vrp_family.h), agents
 * through the generic MIBs and HUAWEI-MSTP-MIB (huawei_snmp.c), fixes in
 * VRP syntax. */
#include <string.h>

#include "cli/vrp_family.h"
#include "driver.h"
#include "huawei/huawei_snmp.h"

/* A VRP configuration; an agent under Huawei's enterprise (2011); a
 * description naming VRP. */
static int huawei_match(const char *sys_object_id, const char *sys_descr, const char *config_text,
                        size_t config_len)
{
    if (config_text != NULL && config_len > 0) {
        int score = vrp_detect(VRP_HUAWEI, config_text, config_len, NULL, 0);
        if (score <= 0)
            return 0;
        return 50 + (score > 40 ? 40 : score);
    }
    if (huawei_snmp_object_id(sys_object_id))
        return 40;
    return sys_descr != NULL && strstr(sys_descr, "Huawei Versatile Routing Platform") ? 20 : 0;
}

static int huawei_read_config(const struct pr_config_text *config, struct pr_switch *sw,
                              struct pr_error *err)
{
    if (config->text == NULL)
        return pr_error_set(err, PR_ERR_USAGE, "the huawei driver was given no configuration");
    if (vrp_detect(VRP_HUAWEI, config->text, config->len, NULL, 0) <= 0)
        return pr_error_set(err, PR_ERR_UNSUPPORTED,
                            "%s: not a Huawei VRP configuration (no !Software Version header and "
                            "too few lines only VRP writes)",
                            config->origin ? config->origin : "configuration");
    if (vrp_config_read(VRP_HUAWEI, config->text, config->len, config->origin, sw, err) != 0)
        return -1;
    pr_switch_add_source(sw, config->kind ? config->kind : "config");
    return 0;
}

static void huawei_snippet(const struct pr_switch *sw, const struct pr_port *port,
                           const struct pr_finding *finding, char *buf, size_t buf_len)
{
    const struct vrp_model *m = vrp_switch_model(sw);
    vrp_snippet(VRP_HUAWEI, m, port, finding, buf, buf_len);
    /* Read from an agent, what configuration cannot fix still gets the
     * generic driver's advice. */
    if (m == NULL && buf_len > 0 && buf[0] == '\0')
        pr_driver_generic_snmp.snippet(sw, port, finding, buf, buf_len);
}

/* One block, `#` lines between the switch-wide part and the rest, to
 * paste in system view when read from a configuration. */
static int huawei_merge_fixes(const struct pr_switch *sw, struct pr_fix_block *block)
{
    if (pr_driver_merge_fixes(sw, "#", block) != 0)
        return -1;
    block->paste = block->text != NULL && vrp_switch_model(sw) != NULL;
    return 0;
}

const struct pr_driver pr_driver_huawei = {
    .name = "huawei",
    .config_dialects = "Huawei VRP",
    .netconf_filter = NULL,
    .cli = NULL,
    .match = huawei_match,
    .read_snmp = huawei_snmp_read,
    .read_config = huawei_read_config,
    .names_match = pr_driver_names_equal,
    .snippet = huawei_snippet,
    .merge_fixes = huawei_merge_fixes,
};
