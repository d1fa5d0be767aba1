/* SPDX-License-Identifier: BSD-3-Clause */
/* The FS.com FSOS driver: saved configurations through fsos_read.c, fixes
 * in its syntax; agents (FS.com's enterprise, 52642) get the generic
 * MIBs. */
#include <string.h>

#include "driver.h"
#include "fsos/fsos.h"
#include "fsos/fsos_cli.h"

static int fsos_match(const char *sys_object_id, const char *sys_descr, const char *config_text,
                      size_t config_len)
{
    if (config_text != NULL && config_len > 0) {
        int score = fsos_detect(config_text, config_len, NULL, 0);
        return score == 0 ? 0 : 50 + (score > 40 ? 40 : score);
    }
    if (sys_object_id != NULL && strncmp(sys_object_id, "1.3.6.1.4.1.52642.", 18) == 0)
        return 30;
    /* `show version`'s first line, where the CLI's prompt cannot tell. */
    return sys_descr != NULL && strstr(sys_descr, "Fiberstore Co., Limited") != NULL ? 20 : 0;
}

static int fsos_read_config(const struct pr_config_text *config, struct pr_switch *sw,
                            struct pr_error *err)
{
    return pr_driver_read_config_with(config, sw, "fsos", fsos_config_read, err);
}

static int fsos_read_snmp(struct pr_snmp_source *snmp, struct pr_switch *sw, struct pr_error *err)
{
    return pr_driver_generic_snmp.read_snmp(snmp, sw, err);
}

static int fsos_merge_fixes(const struct pr_switch *sw, struct pr_fix_block *block)
{
    return pr_driver_merge_config_fixes(sw, fsos_switch_model(sw) != NULL, "!", block);
}

const struct pr_driver pr_driver_fsos = {
    .name = "fsos",
    .config_dialects = "FSOS (FS.com)",
    .netconf_filter = NULL,
    .cli = &fsos_cli_dialect,
    .match = fsos_match,
    .read_snmp = fsos_read_snmp,
    .read_config = fsos_read_config,
    .names_match = pr_driver_names_equal,
    .snippet = fsos_snippet,
    .merge_fixes = fsos_merge_fixes,
};
