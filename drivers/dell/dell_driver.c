/* SPDX-License-Identifier: BSD-3-Clause */
/* The Dell driver: OS10 saved configurations through their interpreter
 * (os10_*.c), agents under Dell's enterprises through the standard MIBs
 * (dell_snmp.c), fixes in OS10 syntax. */
#include <string.h>

#include "dell/dell.h"
#include "dell/dell_cli.h"
#include "dell/os10.h"
#include "driver.h"

/* An OS10 configuration; an agent under Dell's enterprises (674, 6027);
 * a description naming Dell's OSes. */
static int dell_match(const char *sys_object_id, const char *sys_descr, const char *config_text,
                      size_t config_len)
{
    if (config_text != NULL && config_len > 0) {
        int score = os10_detect(config_text, config_len, NULL, 0);
        return score == 0 ? 0 : 50 + (score > 40 ? 40 : score);
    }
    if (dell_snmp_object_id(sys_object_id))
        return 40;
    return sys_descr != NULL && (strstr(sys_descr, "Dell EMC Networking OS10") != NULL ||
                                 strstr(sys_descr, "PowerConnect") != NULL)
               ? 20
               : 0;
}

static int dell_read_config(const struct pr_config_text *config, struct pr_switch *sw,
                            struct pr_error *err)
{
    return pr_driver_read_config_with(config, sw, "dell", dell_config_read, err);
}

/* Read from an OS10 configuration, the block is OS10 configuration to
 * paste; from an agent it is the generic driver's advice. */
static int dell_merge_fixes(const struct pr_switch *sw, struct pr_fix_block *block)
{
    return pr_driver_merge_config_fixes(sw, dell_switch_has_config(sw), "!", block);
}

const struct pr_driver pr_driver_dell = {
    .name = "dell",
    .config_dialects = "Dell OS10",
    .netconf_filter = NULL,
    .cli = &dell_cli_dialect,
    .match = dell_match,
    .read_snmp = dell_snmp_read,
    .read_config = dell_read_config,
    .names_match = pr_driver_names_equal,
    .snippet = dell_snippet,
    .merge_fixes = dell_merge_fixes,
};
