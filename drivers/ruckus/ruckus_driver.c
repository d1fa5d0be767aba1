/* SPDX-License-Identifier: BSD-3-Clause */
/* The Ruckus / Brocade FastIron (ICX) driver: saved configurations through
 * their interpreter (fastiron_*.c), agents through the generic MIBs and
 * FOUNDRY-SN-SWITCH-GROUP-MIB (ruckus_snmp.c), fixes in FastIron syntax. */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "driver.h"
#include "ruckus/ruckus_cli.h"
#include "ruckus/fastiron.h"
#include "ruckus/ruckus.h"
#include "ruckus/ruckus_snmp.h"

/* A sysDescr, or what `show version` prints: a FastIron whose prompt is a
 * bare hostname ("sw1#") is told by it. The ICX's own answer names neither
 * "ICX" after the vendor nor "FastIron" ("Copyright (c) Ruckus Networks,
 * Inc. All rights reserved." ... "HW: Stackable ICX7150-48Z-HPOE", as
 * Oxidized's capture of an ICX7150 stack shows: docs/ruckus.md). */
static bool ruckus_descr(const char *text)
{
    static const char *const names[] = {
        "Ruckus ICX",      "Brocade ICX",       "FastIron", "Ruckus Wireless",
        "Ruckus Networks", "HW: Stackable ICX", NULL};
    for (size_t i = 0; text != NULL && names[i] != NULL; i++) {
        if (strstr(text, names[i]) != NULL)
            return true;
    }
    return false;
}

static int ruckus_match(const char *sys_object_id, const char *sys_descr, const char *config_text,
                        size_t config_len)
{
    if (config_text != NULL && config_len > 0) {
        int score = fastiron_detect(config_text, config_len, NULL, 0);
        return score == 0 ? 0 : 50 + (score > 40 ? 40 : score);
    }
    if (ruckus_snmp_object_id(sys_object_id))
        return 40;
    return ruckus_descr(sys_descr) ? 20 : 0;
}

static int ruckus_read_config(const struct pr_config_text *config, struct pr_switch *sw,
                              struct pr_error *err)
{
    return pr_driver_read_config_with(config, sw, "ruckus", ruckus_config_read, err);
}

/* The configuration's "1/1/1" and the agent's ifName ("1/1/1") or ifDescr
 * ("GigabitEthernet1/1/1", "10GigabitEthernet1/2/1"). */
static bool ruckus_names_match(const char *config_name, const char *snmp_name)
{
    if (strcasecmp(config_name, snmp_name) == 0)
        return true;
    size_t c = strlen(config_name), s = strlen(snmp_name);
    if (s <= c || strcmp(snmp_name + s - c, config_name) != 0)
        return false;
    return isalpha((unsigned char)snmp_name[s - c - 1]) != 0;
}

static int ruckus_merge_fixes(const struct pr_switch *sw, struct pr_fix_block *block)
{
    return pr_driver_merge_config_fixes(sw, ruckus_switch_has_config(sw), "!", block);
}

const struct pr_driver pr_driver_ruckus = {
    .name = "ruckus",
    .config_dialects = "FastIron (Ruckus/Brocade ICX)",
    .netconf_filter = NULL,
    .cli = &ruckus_cli_dialect,
    .match = ruckus_match,
    .read_snmp = ruckus_snmp_read,
    .read_config = ruckus_read_config,
    .names_match = ruckus_names_match,
    .snippet = ruckus_snippet,
    .merge_fixes = ruckus_merge_fixes,
};
