/* SPDX-License-Identifier: BSD-3-Clause */
/* The Broadcom FASTPATH-family driver (EFOS): saved configurations through
 * their interpreter (fastpath_model.c), fixes in its syntax. Agents get
 * the generic MIBs. */
#include <stdlib.h>
#include <string.h>

#include "driver.h"
#include "fastpath/fastpath.h"
#include "fastpath/fastpath_read.h"

static void priv_free(void *p)
{
    fastpath_model_free(p);
}

static const struct fastpath_model *switch_model(const struct pr_switch *sw)
{
    if (sw == NULL || sw->driver_priv_free != priv_free)
        return NULL;
    return sw->driver_priv;
}

int fastpath_config_read(const char *text, size_t len, const char *origin, struct pr_switch *sw,
                         struct pr_error *err)
{
    if (origin == NULL)
        origin = "configuration";
    if (text == NULL || fastpath_detect(text, len, NULL, 0) == 0)
        return pr_error_set(err, PR_ERR_UNSUPPORTED,
                            "%s: not a FASTPATH/EFOS configuration (no EFOS system description "
                            "and too few statements only FASTPATH writes)",
                            origin);
    return fastpath_config_read_as(text, len, origin, sw, err);
}

int fastpath_config_read_as(const char *text, size_t len, const char *origin, struct pr_switch *sw,
                            struct pr_error *err)
{
    struct cli_text *t;
    if (cli_text_read(text, len, origin ? origin : "configuration", '!', &t, err) != 0)
        return -1;
    struct fastpath_model *m;
    if (fastpath_model_build(t, &m, err) != 0)
        return -1;
    if (fastpath_fill_switch(m, sw, err) != 0) {
        fastpath_model_free(m);
        return -1;
    }
    pr_driver_install_priv(sw, m, priv_free);
    return 0;
}

void fastpath_switch_snippet(const struct pr_switch *sw, const struct pr_port *port,
                             const struct pr_finding *finding, char *buf, size_t buf_len)
{
    const struct fastpath_model *m = switch_model(sw);
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
    (void)sys_object_id;
    if (config_text != NULL && config_len > 0) {
        int score = fastpath_detect(config_text, config_len, NULL, 0);
        return score == 0 ? 0 : 50 + (score > 40 ? 40 : score);
    }
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
    return pr_driver_generic_snmp.read_snmp(snmp, sw, err);
}

static int fastpath_merge_fixes(const struct pr_switch *sw, struct pr_fix_block *block)
{
    return pr_driver_merge_config_fixes(sw, switch_model(sw) != NULL, "!", block);
}

const struct pr_driver pr_driver_fastpath = {
    .name = "fastpath",
    .config_dialects = "FASTPATH (EFOS)",
    .netconf_filter = NULL,
    .cli = NULL,
    .match = fastpath_match,
    .read_snmp = fastpath_read_snmp,
    .read_config = fastpath_read_config,
    .names_match = pr_driver_names_equal,
    .snippet = fastpath_switch_snippet,
    .merge_fixes = fastpath_merge_fixes,
};
