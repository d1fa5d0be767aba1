#include <string.h>

#include "driver.h"
#include "juniper/juniper_snmp.h"

static int juniper_match(const char *sys_object_id, const char *sys_descr, const char *config_text,
                         size_t config_len)
{
    (void)config_text;
    (void)config_len;
    if (juniper_snmp_object_id(sys_object_id))
        return 50;
    if (sys_descr != NULL && strstr(sys_descr, "JUNOS") != NULL)
        return 40;
    return 0;
}

static int juniper_collect(struct pr_collect_ctx *ctx, struct pr_error *err)
{
    if (ctx->snmp != NULL)
        return juniper_snmp_collect(ctx, err);
    return pr_error_set(err, PR_ERR_UNSUPPORTED, "the juniper driver reads SNMP only for now");
}

static void juniper_snippet(const struct pr_switch *sw, const struct pr_port *port,
                            const struct pr_finding *finding, char *buf, size_t buf_len)
{
    pr_driver_generic_snmp.snippet(sw, port, finding, buf, buf_len);
}

const struct pr_driver pr_driver_juniper = {
    .name = "juniper",
    .match = juniper_match,
    .collect = juniper_collect,
    .snippet = juniper_snippet,
};
