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

static int juniper_collect(struct pr_collect_ctx *ctx, struct pr_error *err)
{
    struct pr_switch *sw = ctx->sw;
    if (ctx->config_text != NULL) {
        if (junos_config_read(ctx->config_text, ctx->config_len, ctx->config_origin, sw, err) != 0)
            return -1;
        pr_switch_add_source(sw, ctx->config_kind != NULL ? ctx->config_kind : "config");
        return 0;
    }
    /* With both an agent and a configuration, the core collects each and
     * merges them (core/merge.h). */
    if (ctx->snmp != NULL)
        return juniper_snmp_collect(ctx, err);
    return pr_error_set(err, PR_ERR_USAGE,
                        "the juniper driver needs a configuration (--config or --netconf) or SNMP");
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
    .cli = &juniper_cli_dialect,
    .match = juniper_match,
    .collect = juniper_collect,
    .snippet = juniper_snippet,
};
