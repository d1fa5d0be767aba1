/* SPDX-License-Identifier: BSD-3-Clause */
/* The Comware driver: H3C and HPE FlexNetwork / FlexFabric (Comware 5 and
 * 7) saved configurations through the `#`-sectioned family's reader
 * (cli/vrp_family.h), agents through the generic MIBs and HH3C-LswMSTP-MIB
 * (comware_snmp.c), fixes in Comware syntax. */
#include <string.h>

#include "cli/vrp_family.h"
#include "comware/comware_snmp.h"
#include "driver.h"

/* A Comware configuration; an H3C agent, or an HP one whose description
 * says Comware. */
static int comware_match(const char *sys_object_id, const char *sys_descr, const char *config_text,
                         size_t config_len)
{
    if (config_text != NULL && config_len > 0) {
        int score = vrp_detect(VRP_COMWARE, config_text, config_len, NULL, 0);
        if (score <= 0)
            return 0;
        return 50 + (score > 40 ? 40 : score);
    }
    int s = comware_snmp_match(sys_object_id, sys_descr);
    if (s > 0)
        return s;
    return sys_descr != NULL && strstr(sys_descr, "Comware") ? 20 : 0;
}

static int comware_read_config(const struct pr_config_text *config, struct pr_switch *sw,
                               struct pr_error *err)
{
    if (config->text == NULL)
        return pr_error_set(err, PR_ERR_USAGE, "the comware driver was given no configuration");
    if (vrp_detect(VRP_COMWARE, config->text, config->len, NULL, 0) <= 0)
        return pr_error_set(err, PR_ERR_UNSUPPORTED,
                            "%s: not a Comware configuration (no version header and too few lines "
                            "only Comware writes)",
                            config->origin ? config->origin : "configuration");
    if (vrp_config_read(VRP_COMWARE, config->text, config->len, config->origin, sw, err) != 0)
        return -1;
    pr_switch_add_source(sw, config->kind ? config->kind : "config");
    return 0;
}

static void comware_snippet(const struct pr_switch *sw, const struct pr_port *port,
                            const struct pr_finding *finding, char *buf, size_t buf_len)
{
    const struct vrp_model *m = vrp_switch_model(sw);
    vrp_snippet(VRP_COMWARE, m, port, finding, buf, buf_len);
    if (m == NULL && buf_len > 0 && buf[0] == '\0')
        pr_driver_generic_snmp.snippet(sw, port, finding, buf, buf_len);
}

static int comware_merge_fixes(const struct pr_switch *sw, struct pr_fix_block *block)
{
    if (pr_driver_merge_fixes(sw, "#", block) != 0)
        return -1;
    block->paste = block->text != NULL && vrp_switch_model(sw) != NULL;
    return 0;
}

const struct pr_driver pr_driver_comware = {
    .name = "comware",
    .config_dialects = "H3C/HPE Comware",
    .netconf_filter = NULL,
    .cli = NULL,
    .match = comware_match,
    .read_snmp = comware_snmp_read,
    .read_config = comware_read_config,
    .names_match = pr_driver_names_equal,
    .snippet = comware_snippet,
    .merge_fixes = comware_merge_fixes,
};
