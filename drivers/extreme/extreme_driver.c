/* SPDX-License-Identifier: BSD-3-Clause */
/* The Extreme driver: EXOS saved configurations through their interpreter
 * (exos_*.c), agents under Extreme's enterprise (1916) through the
 * standard MIBs, fixes as EXOS commands. */
#include <stdlib.h>
#include <string.h>

#include "cli/cli_dialect.h"
#include "driver.h"
#include "extreme/extreme_cli.h"
#include "extreme/exos.h"
#include "extreme/extreme.h"
#include "generic-snmp/generic_snmp.h"

static int build(struct cli_text *lines, void **model, struct pr_error *err)
{
    struct exos_model *m = NULL;
    int rc = exos_model_build(lines, &m, err);
    *model = m;
    return rc;
}

static int fill(const void *model, struct pr_switch *sw, struct pr_error *err)
{
    return exos_fill_switch(model, sw, err);
}

static void model_free(void *model)
{
    exos_model_free(model);
}

static const struct cli_dialect exos_dialect = {
    .refusal = "not an EXOS configuration (no `# Module ... configuration.` headers and too few "
               "commands only EXOS writes)",
    .detect = exos_detect,
    .comment = '#',
    .build = build,
    .fill = fill,
    .free = model_free,
};

bool extreme_switch_has_config(const struct pr_switch *sw)
{
    return cli_dialect_model(&exos_dialect, sw) != NULL;
}

int extreme_config_read(const char *text, size_t len, const char *origin, struct pr_switch *sw,
                        struct pr_error *err)
{
    return cli_dialect_read(&exos_dialect, text, len, origin, sw, err);
}

void extreme_snippet(const struct pr_switch *sw, const struct pr_port *port,
                     const struct pr_finding *finding, char *buf, size_t buf_len)
{
    const struct exos_model *m = cli_dialect_model(&exos_dialect, sw);
    exos_snippet(m, sw, port, finding, buf, buf_len);
    if (m == NULL && buf_len > 0 && buf[0] == '\0')
        pr_driver_generic_snmp.snippet(sw, port, finding, buf, buf_len);
}

int extreme_config_apply(const char *text, size_t len, const char *snippet, char **out,
                         size_t *out_len, struct pr_error *err)
{
    return cli_text_append(text, len, snippet, out, out_len, err);
}

static int extreme_match(const char *sys_object_id, const char *sys_descr, const char *config_text,
                         size_t config_len)
{
    if (config_text != NULL && config_len > 0) {
        int score = exos_detect(config_text, config_len, NULL, 0);
        return score == 0 ? 0 : 50 + (score > 40 ? 40 : score);
    }
    if (sys_object_id != NULL && strncmp(sys_object_id, "1.3.6.1.4.1.1916.", 17) == 0)
        return 40;
    return sys_descr != NULL && (strstr(sys_descr, "ExtremeXOS") != NULL ||
                                 strstr(sys_descr, "Switch Engine") != NULL)
               ? 20
               : 0;
}

static int extreme_read_config(const struct pr_config_text *config, struct pr_switch *sw,
                               struct pr_error *err)
{
    return pr_driver_read_config_with(config, sw, "extreme", extreme_config_read, err);
}

static int extreme_read_snmp(struct pr_snmp_source *src, struct pr_switch *sw, struct pr_error *err)
{
    struct pr_snmp_store store;
    pr_snmp_store_init(&store);
    int rc = generic_snmp_fetch(src, NULL, 0, &store, err);
    if (rc == 0)
        rc = generic_snmp_interpret(&store, src, sw, err);
    if (rc == 0)
        pr_switch_add_source(sw, pr_snmp_source_kind(src));
    pr_snmp_store_free(&store);
    return rc;
}

static int extreme_merge_fixes(const struct pr_switch *sw, struct pr_fix_block *block)
{
    bool exos = extreme_switch_has_config(sw);
    if (pr_driver_merge_fixes(sw, "#", block) != 0)
        return -1;
    block->paste = block->text != NULL && exos;
    return 0;
}

const struct pr_driver pr_driver_extreme = {
    .name = "extreme",
    .config_dialects = "EXOS",
    .netconf_filter = NULL,
    .cli = &extreme_cli_dialect,
    .match = extreme_match,
    .read_snmp = extreme_read_snmp,
    .read_config = extreme_read_config,
    .names_match = pr_driver_names_equal,
    .snippet = extreme_snippet,
    .merge_fixes = extreme_merge_fixes,
};
