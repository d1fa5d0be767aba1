/* SPDX-License-Identifier: BSD-3-Clause */
/* The Cisco driver: Catalyst IOS / IOS-XE, Nexus NX-OS and Arista EOS
 * (the same configuration family). Saved or fetched running-configs go
 * through the IOS-style interpreter (ios_*.c), the IOS-XE native model
 * (NETCONF or a saved XML file) through iosxe_xml.c into the same model;
 * SNMP through cisco_snmp.c. */
#include <string.h>

#include "cisco/cisco_cli.h"
#include "cisco/cisco_snmp.h"
#include "cisco/ios.h"
#include "cisco/iosxe_xml.h"
#include "driver.h"

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

static int cisco_collect(struct pr_collect_ctx *ctx, struct pr_error *err)
{
    if (ctx->config_text != NULL) {
        bool xml = iosxe_xml_is_xml(ctx->config_text, ctx->config_len);
        int rc = xml ? iosxe_xml_read(ctx->config_text, ctx->config_len, ctx->config_origin,
                                      ctx->sw, err)
                     : ios_config_read(ctx->config_text, ctx->config_len, ctx->config_origin,
                                       ctx->sw, err);
        if (rc != 0)
            return -1;
        pr_switch_add_source(ctx->sw, ctx->config_kind ? ctx->config_kind : "config");
        return 0;
    }
    /* CISCO-STP-EXTENSIONS, per-VLAN BRIDGE-MIB, err-disable, vmVlan, on
     * top of the standard MIBs. */
    if (ctx->snmp != NULL)
        return cisco_snmp_collect(ctx, err);
    return pr_error_set(err, PR_ERR_USAGE, "the cisco driver needs a configuration or SNMP");
}

static void cisco_snippet(const struct pr_switch *sw, const struct pr_port *port,
                          const struct pr_finding *finding, char *buf, size_t buf_len)
{
    ios_snippet(sw, port, finding, buf, buf_len);
}

const struct pr_driver pr_driver_cisco = {
    .name = "cisco",
    .cli = &cisco_cli_dialect,
    .match = cisco_match,
    .collect = cisco_collect,
    .snippet = cisco_snippet,
};
