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
    if (config_text != NULL && config_len > 0)
        return vrp_driver_match_config(VRP_COMWARE, config_text, config_len);
    int s = comware_snmp_match(sys_object_id, sys_descr);
    if (s > 0)
        return s;
    return sys_descr != NULL && strstr(sys_descr, "Comware") ? 20 : 0;
}

static int comware_read_config(const struct pr_config_text *config, struct pr_switch *sw,
                               struct pr_error *err)
{
    return vrp_driver_read_config(VRP_COMWARE, "Comware",
                                  "no version header and too few lines only Comware writes", config,
                                  sw, err);
}

static void comware_snippet(const struct pr_switch *sw, const struct pr_port *port,
                            const struct pr_finding *finding, char *buf, size_t buf_len)
{
    vrp_driver_snippet(VRP_COMWARE, sw, port, finding, buf, buf_len);
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
    .merge_fixes = vrp_driver_merge_fixes,
};
