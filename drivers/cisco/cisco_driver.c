/* SPDX-License-Identifier: BSD-3-Clause */
/* The Cisco driver: Catalyst IOS / IOS-XE, Nexus NX-OS and Arista EOS
 * (the same configuration family). Saved or fetched running-configs go
 * through the IOS-style interpreter (ios_*.c), the IOS-XE native model
 * (NETCONF or a saved XML file) through iosxe_xml.c into the same model;
 * SNMP through cisco_snmp.c. */
#include <string.h>

#include "cisco/cisco_cli.h"

#include "cisco/cisco_names.h"
#include "cisco/cisco_snmp.h"
#include "cisco/ios.h"
#include "cisco/iosxe_xml.h"
#include "driver.h"

/* The IOS-XE native model: every interface (with its spanning-tree, ethernet
 * and channel-group augments) and the global spanning-tree container. On
 * the wire the global container is in the native namespace and only its
 * children (mode, portfast default...) in Cisco-IOS-XE-spanning-tree,
 * while an interface's <spanning-tree> is itself in that namespace. */
static const char iosxe_netconf_filter[] =
    "<native xmlns=\"http://cisco.com/ns/yang/Cisco-IOS-XE-native\">"
    "<interface/><spanning-tree/>"
    "</native>";

static bool oid_under(const char *oid, const char *prefix)
{
    size_t n = strlen(prefix);
    return oid != NULL && strncmp(oid, prefix, n) == 0 && (oid[n] == '.' || oid[n] == '\0');
}

static int cisco_match(const char *sys_object_id, const char *sys_descr, const char *config_text,
                       size_t config_len)
{
    if (config_text != NULL && iosxe_xml_is_xml(config_text, config_len)) {
        if (iosxe_xml_is_native(config_text, config_len))
            return 90;
    } else if (config_text != NULL) {
        struct ios_platform_info info;
        ios_detect_platform(config_text, config_len, &info);
        if (info.platform != IOS_PLATFORM_UNKNOWN)
            return 50 + (info.score > 40 ? 40 : info.score);
    }
    if (oid_under(sys_object_id, "1.3.6.1.4.1.9"))
        return 40;
    if (oid_under(sys_object_id, "1.3.6.1.4.1.30065"))
        return 30;
    if (sys_descr != NULL && (strstr(sys_descr, "Cisco IOS") || strstr(sys_descr, "NX-OS") ||
                              strstr(sys_descr, "Arista")))
        return 20;
    return 0;
}

/* A running-config as text, or the IOS-XE native model (NETCONF or a saved
 * XML file). */
static int cisco_config_read(const char *text, size_t len, const char *origin, struct pr_switch *sw,
                             struct pr_error *err)
{
    return iosxe_xml_is_xml(text, len) ? iosxe_xml_read(text, len, origin, sw, err)
                                       : ios_config_read(text, len, origin, sw, err);
}

static int cisco_read_config(const struct pr_config_text *config, struct pr_switch *sw,
                             struct pr_error *err)
{
    return pr_driver_read_config_with(config, sw, "cisco", cisco_config_read, err);
}

static void cisco_snippet(const struct pr_switch *sw, const struct pr_port *port,
                          const struct pr_finding *finding, char *buf, size_t buf_len)
{
    ios_snippet(sw, port, finding, buf, buf_len);
}

const struct pr_driver pr_driver_cisco = {
    .name = "cisco",
    .cli = &cisco_cli_dialect,

    .config_dialects = "IOS, IOS-XE, NX-OS, EOS",
    .netconf_filter = iosxe_netconf_filter,
    .match = cisco_match,
    .read_snmp = cisco_snmp_read,
    .read_config = cisco_read_config,
    .names_match = cisco_names_match,
    .snippet = cisco_snippet,
    .merge_fixes = ios_merge_fixes,
    .read_fdb = cisco_read_fdb,
};
