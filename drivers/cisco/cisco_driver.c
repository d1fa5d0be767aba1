#include "driver.h"

static int cisco_match(const char *sys_object_id, const char *sys_descr, const char *config_text,
                       size_t config_len)
{
    (void)sys_object_id;
    (void)sys_descr;
    (void)config_text;
    (void)config_len;
    return 0;
}

static int cisco_collect(struct pr_collect_ctx *ctx, struct pr_error *err)
{
    (void)ctx;
    return pr_error_set(err, PR_ERR_UNSUPPORTED, "the cisco driver is not built yet");
}

static void cisco_snippet(const struct pr_switch *sw, const struct pr_port *port,
                          const struct pr_finding *finding, char *buf, size_t buf_len)
{
    (void)sw;
    (void)port;
    (void)finding;
    if (buf_len > 0)
        buf[0] = '\0';
}

const struct pr_driver pr_driver_cisco = {
    .name = "cisco",
    .match = cisco_match,
    .collect = cisco_collect,
    .snippet = cisco_snippet,
};
