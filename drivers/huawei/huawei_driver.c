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
    if (config_text != NULL && config_len > 0)
        return vrp_driver_match_config(VRP_HUAWEI, config_text, config_len);
    if (huawei_snmp_object_id(sys_object_id))
        return 40;
    return sys_descr != NULL && strstr(sys_descr, "Huawei Versatile Routing Platform") ? 20 : 0;
}

static int huawei_read_config(const struct pr_config_text *config, struct pr_switch *sw,
                              struct pr_error *err)
{
    return vrp_driver_read_config(VRP_HUAWEI, "Huawei VRP",
                                  "no !Software Version header and too few lines only VRP writes",
                                  config, sw, err);
}

static void huawei_snippet(const struct pr_switch *sw, const struct pr_port *port,
                           const struct pr_finding *finding, char *buf, size_t buf_len)
{
    vrp_driver_snippet(VRP_HUAWEI, sw, port, finding, buf, buf_len);
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
    .merge_fixes = vrp_driver_merge_fixes,
};
