#include <string.h>

#include "cisco/cisco_snmp.h"
#include "driver.h"

static int cisco_match(const char *sys_object_id, const char *sys_descr, const char *config_text,
                       size_t config_len)
{
    (void)config_text;
    (void)config_len;
    if (cisco_snmp_object_id(sys_object_id))
        return 50;
    if (sys_descr != NULL &&
        (strstr(sys_descr, "Cisco IOS") != NULL || strstr(sys_descr, "Cisco NX-OS") != NULL))
        return 40;
    return 0;
}

static int cisco_collect(struct pr_collect_ctx *ctx, struct pr_error *err)
{
    if (ctx->snmp != NULL)
        return cisco_snmp_collect(ctx, err);
    return pr_error_set(err, PR_ERR_UNSUPPORTED, "the cisco driver reads SNMP only for now");
}

static void cisco_snippet(const struct pr_switch *sw, const struct pr_port *port,
                          const struct pr_finding *finding, char *buf, size_t buf_len)
{
    pr_driver_generic_snmp.snippet(sw, port, finding, buf, buf_len);
}

const struct pr_driver pr_driver_cisco = {
    .name = "cisco",
    .match = cisco_match,
    .collect = cisco_collect,
    .snippet = cisco_snippet,
};
