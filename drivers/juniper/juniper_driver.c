/* SPDX-License-Identifier: BSD-3-Clause */
/* The Juniper driver: Junos configuration (saved file or NETCONF reply)
 * read by the junos_ interpreter, Juniper over SNMP (juniper_snmp.c), and
 * Junos `set` snippets. */
#include <string.h>

#include "driver.h"
#include "juniper/juniper_cli.h"
#include "juniper/juniper_snmp.h"
#include "junos_config.h"
#include "junos_snippet.h"

/* Interfaces (with interface-range), protocols (rstp, mstp, vstp, stp,
 * lacp), vlans (names to ids), groups and the top-level apply-groups that
 * put them into effect, chassis (aggregated-devices). */
static const char junos_netconf_filter[] =
    "<configuration xmlns=\"http://xml.juniper.net/xnm/1.1/xnm\">"
    "<interfaces/><protocols/><vlans/><groups/><apply-groups/><chassis/>"
    "</configuration>";

/* Bounded substring search (config_text need not be NUL-terminated). */
static bool contains(const char *text, size_t len, const char *needle)
{
    size_t n = strlen(needle);
    if (text == NULL || n == 0 || len < n)
        return false;
    for (size_t i = 0; i + n <= len; i++) {
        if (text[i] == needle[0] && memcmp(text + i, needle, n) == 0)
            return true;
    }
    return false;
}

static int config_score(const char *text, size_t len)
{
    if (text == NULL || len == 0)
        return 0;
    size_t head = len < 65536 ? len : 65536;
    switch (junos_detect_format(text, head)) {
    case JUNOS_FORMAT_XML:
        if (contains(text, head, "xml.juniper.net") || contains(text, head, "<configuration"))
            return 90;
        return 0;
    case JUNOS_FORMAT_SET:
        if (contains(text, head, "set interfaces ") || contains(text, head, "set protocols ") ||
            contains(text, head, "set system "))
            return 90;
        return 0;
    case JUNOS_FORMAT_CURLY:
        if (contains(text, head, "interfaces {") &&
            (contains(text, head, "version ") || contains(text, head, "system {") ||
             contains(text, head, "protocols {")))
            return 85;
        return 0;
    default:
        return 0;
    }
}

static int juniper_match(const char *sys_object_id, const char *sys_descr, const char *config_text,
                         size_t config_len)
{
    int score = config_score(config_text, config_len);
    if (score > 0)
        return score;
    if (juniper_snmp_object_id(sys_object_id))
        return 50;
    if (sys_descr != NULL && (strstr(sys_descr, "JUNOS") || strstr(sys_descr, "Junos")))
        return 40;
    return 0;
}

/* XML, curly-brace text or `display set` (junos_config.h). */
static int juniper_read_config(const struct pr_config_text *config, struct pr_switch *sw,
                               struct pr_error *err)
{
    return pr_driver_read_config_with(config, sw, "juniper", junos_config_read, err);
}

static void juniper_snippet(const struct pr_switch *sw, const struct pr_port *port,
                            const struct pr_finding *finding, char *buf, size_t buf_len)
{
    if (junos_config_of(sw) != NULL)
        junos_snippet(sw, port, finding, buf, buf_len);
    else
        pr_driver_generic_snmp.snippet(sw, port, finding, buf, buf_len);
}

const struct pr_driver pr_driver_juniper = {
    .name = "juniper",
    .config_dialects = "Junos",
    .netconf_filter = junos_netconf_filter,

    .cli = &juniper_cli_dialect,
    .match = juniper_match,
    .read_snmp = juniper_snmp_read,
    .read_config = juniper_read_config,
    .names_match = pr_driver_names_equal,
    .snippet = juniper_snippet,
    .merge_fixes = junos_merge_fixes,
    .read_fdb = juniper_read_fdb,
};
