/* SPDX-License-Identifier: BSD-3-Clause */
/* The HPE/Aruba driver: AOS-CX and ArubaOS-Switch (ProCurve) saved
 * configurations through their interpreters (aoscx_*.c, procurve_*.c),
 * agents through the generic MIBs and HP-ICF-BRIDGE (aruba_snmp.c), fixes
 * in each dialect's syntax. */
#include <string.h>

#include "aruba/aruba.h"
#include "aruba/aruba_cli.h"
#include "aruba/aruba_snmp.h"
#include "driver.h"

/* The names an HPE/Aruba sysDescr, login banner or `show version` answer
 * carries ("ArubaOS-CX", "HP J9148A ... Hewlett-Packard Development
 * Company", "Aruba JL322A 2930M"). */
static bool aruba_descr(const char *text)
{
    static const char *const names[] = {
        "ArubaOS",   "Aruba ",          "ProCurve",
        "ProVision", "Hewlett-Packard", "Hewlett Packard Enterprise",
        NULL};
    for (size_t i = 0; text != NULL && names[i] != NULL; i++) {
        if (strstr(text, names[i]) != NULL)
            return true;
    }
    return false;
}

/* A configuration of either dialect; an agent under HP's (11) or Aruba's
 * (47196) enterprise; a description naming HPE or Aruba. */
static int aruba_match(const char *sys_object_id, const char *sys_descr, const char *config_text,
                       size_t config_len)
{
    if (config_text != NULL && config_len > 0) {
        int score;
        if (aruba_detect(config_text, config_len, &score, NULL, 0) == ARUBA_UNKNOWN)
            return 0;
        return 50 + (score > 40 ? 40 : score);
    }
    if (aruba_snmp_object_id(sys_object_id))
        return 40;
    return aruba_descr(sys_descr) ? 20 : 0;
}

static int aruba_read_config(const struct pr_config_text *config, struct pr_switch *sw,
                             struct pr_error *err)
{
    return pr_driver_read_config_with(config, sw, "aruba", aruba_config_read, err);
}

/* The block of fixes: each snippet once, the switch-wide ones first under
 * the dialect's comment (AOS-CX `!`, ArubaOS-Switch `;`). Read from a
 * configuration it is that dialect's configuration to paste; from an
 * agent the snippets mix in the generic driver's advice. */
static int aruba_merge_fixes(const struct pr_switch *sw, struct pr_fix_block *block)
{
    enum aruba_dialect d = aruba_switch_dialect(sw);
    const char *comment = d == ARUBA_PROCURVE ? ";" : d == ARUBA_AOSCX ? "!" : "#";
    if (pr_driver_merge_fixes(sw, comment, block) != 0)
        return -1;
    block->paste = block->text != NULL && d != ARUBA_UNKNOWN;
    return 0;
}

const struct pr_driver pr_driver_aruba = {
    .name = "aruba",
    .config_dialects = "AOS-CX, ArubaOS-Switch (ProCurve)",
    .netconf_filter = NULL,
    .cli = &aruba_cli_dialect,
    .match = aruba_match,
    .read_snmp = aruba_snmp_read,
    .read_config = aruba_read_config,
    .names_match = pr_driver_names_equal,
    .snippet = aruba_snippet,
    .merge_fixes = aruba_merge_fixes,
};
