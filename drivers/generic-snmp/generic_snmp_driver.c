#include "driver.h"

static int generic_snmp_match(const char *sys_object_id, const char *sys_descr,
                              const char *config_text, size_t config_len)
{
    (void)sys_object_id;
    (void)sys_descr;
    (void)config_text;
    (void)config_len;
    return 0;
}

static int generic_snmp_collect(struct pr_collect_ctx *ctx, struct pr_error *err)
{
    (void)ctx;
    return pr_error_set(err, PR_ERR_UNSUPPORTED, "the generic-snmp driver is not built yet");
}

static void generic_snmp_snippet(const struct pr_switch *sw, const struct pr_port *port,
                                 const struct pr_finding *finding, char *buf, size_t buf_len)
{
    (void)sw;
    (void)port;
    (void)finding;
    if (buf_len > 0)
        buf[0] = '\0';
}

const struct pr_driver pr_driver_generic_snmp = {
    .name = "generic-snmp",
    .match = generic_snmp_match,
    .collect = generic_snmp_collect,
    .snippet = generic_snmp_snippet,
};
