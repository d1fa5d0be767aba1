/* SPDX-License-Identifier: BSD-3-Clause */
/* The TP-Link driver: saved configurations through tplink_read.c, fixes in
 * its syntax; agents (TP-Link's enterprise, 11863) get the generic MIBs. */
#include <string.h>

#include "driver.h"
#include "tplink/tplink.h"
#include "tplink/tplink_cli.h"

/* A sysDescr or `show system-info` answer naming TP-Link's switch lines
 * ("JetStream 24-Port Gigabit ...", "DeltaStream 8-Port ... GPON", the boot
 * loader "TP-LINK BOOTUTIL"). */
static bool tplink_descr(const char *text)
{
    static const char *const names[] = {"TP-LINK", "TP-Link", "JetStream", "DeltaStream", NULL};
    for (size_t i = 0; text != NULL && names[i] != NULL; i++) {
        if (strstr(text, names[i]) != NULL)
            return true;
    }
    return false;
}

static int tplink_match(const char *sys_object_id, const char *sys_descr, const char *config_text,
                        size_t config_len)
{
    if (config_text != NULL && config_len > 0) {
        int score = tplink_detect(config_text, config_len, NULL, 0);
        return score == 0 ? 0 : 50 + (score > 40 ? 40 : score);
    }
    if (sys_object_id != NULL && strncmp(sys_object_id, "1.3.6.1.4.1.11863.", 18) == 0)
        return 30;
    return tplink_descr(sys_descr) ? 20 : 0;
}

static int tplink_read_config(const struct pr_config_text *config, struct pr_switch *sw,
                              struct pr_error *err)
{
    return pr_driver_read_config_with(config, sw, "tplink", tplink_config_read, err);
}

static int tplink_read_snmp(struct pr_snmp_source *snmp, struct pr_switch *sw, struct pr_error *err)
{
    return pr_driver_generic_snmp.read_snmp(snmp, sw, err);
}

static int tplink_merge_fixes(const struct pr_switch *sw, struct pr_fix_block *block)
{
    return pr_driver_merge_config_fixes(sw, tplink_switch_model(sw) != NULL, "!", block);
}

const struct pr_driver pr_driver_tplink = {
    .name = "tplink",
    .config_dialects = "TP-Link",
    .netconf_filter = NULL,
    .cli = &tplink_cli_dialect,
    .match = tplink_match,
    .read_snmp = tplink_read_snmp,
    .read_config = tplink_read_config,
    .names_match = pr_driver_names_equal,
    .snippet = tplink_snippet,
    .merge_fixes = tplink_merge_fixes,
};
