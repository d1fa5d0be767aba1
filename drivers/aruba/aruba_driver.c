/* SPDX-License-Identifier: BSD-3-Clause */
/* The HPE/Aruba driver: AOS-CX and ArubaOS-Switch (ProCurve) saved
 * configurations through their interpreters (aoscx_*.c, procurve_*.c),
 * agents through the generic MIBs and HP-ICF-BRIDGE (aruba_snmp.c), fixes
 * in each dialect's syntax. */
#include <string.h>

#include "aruba/aruba.h"
#include "aruba/aruba_snmp.h"
#include "driver.h"

/* A configuration of either dialect; an agent under HP's (11) or Aruba's
 * (47196) enterprise. */
static int aruba_match(const char *sys_object_id, const char *sys_descr, const char *config_text,
                       size_t config_len)
{
    (void)sys_descr;
    if (config_text != NULL && config_len > 0) {
        int score;
        if (aruba_detect(config_text, config_len, &score, NULL, 0) == ARUBA_UNKNOWN)
            return 0;
        return 50 + (score > 40 ? 40 : score);
    }
    return aruba_snmp_object_id(sys_object_id) ? 40 : 0;
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
    .read_snmp = aruba_snmp_read,
    .read_config = aruba_read_config,
    .names_match = pr_driver_names_equal,
    .snippet = aruba_snippet,
};
