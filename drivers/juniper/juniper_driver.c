/* The Juniper driver: Junos configuration (saved file or NETCONF reply)
 * read by the junos_ interpreter, and Junos `set` snippets. */
#include <string.h>

#include "driver.h"
#include "junos_config.h"
#include "junos_snippet.h"

#define JUNIPER_ENTERPRISE_OID "1.3.6.1.4.1.2636"

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
    size_t n = strlen(JUNIPER_ENTERPRISE_OID);
    if (sys_object_id != NULL && strncmp(sys_object_id, JUNIPER_ENTERPRISE_OID, n) == 0 &&
        (sys_object_id[n] == '.' || sys_object_id[n] == '\0'))
        score = score > 95 ? score : 95;
    if (sys_descr != NULL && (strstr(sys_descr, "JUNOS") || strstr(sys_descr, "Junos")))
        score = score > 80 ? score : 80;
    return score;
}

static int juniper_collect(struct pr_collect_ctx *ctx, struct pr_error *err)
{
    struct pr_switch *sw = ctx->sw;
    if (ctx->config_text != NULL) {
        if (junos_config_read(ctx->config_text, ctx->config_len, ctx->config_origin, sw, err) != 0)
            return -1;
        pr_switch_add_source(sw, ctx->config_kind != NULL ? ctx->config_kind : "config");
        /* Live state from SNMP (oper status, STP state) merges here when
         * ctx->snmp is also given. */
        return 0;
    }
    if (ctx->snmp != NULL)
        return pr_error_set(err, PR_ERR_UNSUPPORTED,
                            "Juniper over SNMP: use --driver generic-snmp for now");
    return pr_error_set(err, PR_ERR_USAGE,
                        "the juniper driver needs a configuration (--config or --netconf)");
}

static void juniper_snippet(const struct pr_switch *sw, const struct pr_port *port,
                            const struct pr_finding *finding, char *buf, size_t buf_len)
{
    junos_snippet(sw, port, finding, buf, buf_len);
}

const struct pr_driver pr_driver_juniper = {
    .name = "juniper",
    .match = juniper_match,
    .collect = juniper_collect,
    .snippet = juniper_snippet,
};
