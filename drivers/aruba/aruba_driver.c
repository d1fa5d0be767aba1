/* SPDX-License-Identifier: BSD-3-Clause */
/* The HPE/Aruba driver: AOS-CX and ArubaOS-Switch (ProCurve) saved
 * configurations through their interpreters (aoscx_*.c, procurve_*.c),
 * fixes in each dialect's syntax. */
#include <string.h>

#include "aruba/aruba.h"
#include "driver.h"

static int aruba_match(const char *sys_object_id, const char *sys_descr, const char *config_text,
                       size_t config_len)
{
    (void)sys_object_id;
    (void)sys_descr;
    if (config_text == NULL || config_len == 0)
        return 0;
    int score;
    if (aruba_detect(config_text, config_len, &score, NULL, 0) == ARUBA_UNKNOWN)
        return 0;
    return 50 + (score > 40 ? 40 : score);
}

/* Standard MIBs for now: the generic reader. */
static int aruba_read_snmp(struct pr_snmp_source *snmp, struct pr_switch *sw, struct pr_error *err)
{
    return pr_driver_generic_snmp.read_snmp(snmp, sw, err);
}

static int aruba_read_config(const struct pr_config_text *config, struct pr_switch *sw,
                             struct pr_error *err)
{
    if (config->text == NULL)
        return pr_error_set(err, PR_ERR_USAGE, "the aruba driver was given no configuration");
    if (aruba_config_read(config->text, config->len, config->origin, sw, err) != 0)
        return -1;
    pr_switch_add_source(sw, config->kind ? config->kind : "config");
    return 0;
}

const struct pr_driver pr_driver_aruba = {
    .name = "aruba",
    .config_dialects = "AOS-CX, ArubaOS-Switch (ProCurve)",
    .netconf_filter = NULL,
    .match = aruba_match,
    .read_snmp = aruba_read_snmp,
    .read_config = aruba_read_config,
    .names_match = pr_driver_names_equal,
    .snippet = aruba_snippet,
};
