/* SPDX-License-Identifier: BSD-3-Clause */
/* The Broadcom FASTPATH-family driver (EFOS): saved configurations through
 * their interpreter (fastpath_model.c), fixes in its syntax. Agents get
 * the generic MIBs and their vendor's SWITCHING MIB (fastpath_snmp.c). */
#include <stdlib.h>
#include <string.h>

#include "cli/cli_dialect.h"
#include "driver.h"
#include "fastpath/fastpath_cli.h"
#include "fastpath/fastpath.h"
#include "fastpath/fastpath_read.h"
#include "fastpath/fastpath_snmp.h"

static int build(struct cli_text *lines, void **model, struct pr_error *err)
{
    struct fastpath_model *m = NULL;
    int rc = fastpath_model_build(lines, &m, err);
    *model = m;
    return rc;
}

static int fill(const void *model, struct pr_switch *sw, struct pr_error *err)
{
    return fastpath_fill_switch(model, sw, err);
}

static void model_free(void *model)
{
    fastpath_model_free(model);
}

static const struct cli_dialect efos_dialect = {
    .refusal = "not a FASTPATH/EFOS configuration (no EFOS system description and too few "
               "statements only FASTPATH writes)",
    .detect = fastpath_detect,
    .comment = '!',
    .build = build,
    .fill = fill,
    .free = model_free,
};

static const struct fastpath_model *switch_model(const struct pr_switch *sw)
{
    return cli_dialect_model(&efos_dialect, sw);
}

int fastpath_config_read(const char *text, size_t len, const char *origin, struct pr_switch *sw,
                         struct pr_error *err)
{
    return cli_dialect_read(&efos_dialect, text, len, origin, sw, err);
}

int fastpath_config_read_as(const char *text, size_t len, const char *origin, struct pr_switch *sw,
                            struct pr_error *err)
{
    return cli_dialect_read_as(&efos_dialect, text, len, origin, sw, err);
}

void fastpath_switch_snippet(const struct pr_switch *sw, const struct pr_port *port,
                             const struct pr_finding *finding, char *buf, size_t buf_len)
{
    const struct fastpath_model *m = switch_model(sw);
    /* An agent that answered no FASTPATH object may have no FASTPATH CLI
     * (a Netgear smart switch is set up on its web pages): advice. */
    if (m == NULL && sw->driver_name == pr_driver_generic_snmp.name) {
        pr_driver_generic_snmp.snippet(sw, port, finding, buf, buf_len);
        return;
    }
    fastpath_snippet(m, port, finding, buf, buf_len);
    if (m == NULL && buf_len > 0 && buf[0] == '\0')
        pr_driver_generic_snmp.snippet(sw, port, finding, buf, buf_len);
}

int fastpath_config_apply(const char *text, size_t len, const char *snippet, char **out,
                          size_t *out_len, struct pr_error *err)
{
    return cli_text_append(text, len, snippet, out, out_len, err);
}

static int fastpath_match(const char *sys_object_id, const char *sys_descr, const char *config_text,
                          size_t config_len)
{
    if (config_text != NULL && config_len > 0) {
        int score = fastpath_detect(config_text, config_len, NULL, 0);
        return score == 0 ? 0 : 50 + (score > 40 ? 40 : score);
    }
    if (fastpath_snmp_object_id(sys_object_id))
        return 40;
    return sys_descr != NULL && strncmp(sys_descr, "EFOS", 4) == 0 ? 20 : 0;
}

static int fastpath_read_config(const struct pr_config_text *config, struct pr_switch *sw,
                                struct pr_error *err)
{
    return pr_driver_read_config_with(config, sw, "fastpath", fastpath_config_read, err);
}

static int fastpath_read_snmp(struct pr_snmp_source *snmp, struct pr_switch *sw,
                              struct pr_error *err)
{
    return fastpath_snmp_read(snmp, sw, err);
}

static int fastpath_merge_fixes(const struct pr_switch *sw, struct pr_fix_block *block)
{
    return pr_driver_merge_config_fixes(sw, switch_model(sw) != NULL, "!", block);
}

const struct pr_driver pr_driver_fastpath = {
    .name = "fastpath",
    .config_dialects = "FASTPATH (EFOS)",
    .netconf_filter = NULL,
    .cli = &fastpath_cli_dialect,
    .match = fastpath_match,
    .read_snmp = fastpath_read_snmp,
    .read_config = fastpath_read_config,
    .names_match = pr_driver_names_equal,
    .snippet = fastpath_switch_snippet,
    .merge_fixes = fastpath_merge_fixes,
};
