/* SPDX-License-Identifier: BSD-3-Clause */
/* ruckus_config_read(): text -> lines -> model -> switch facts; the model
 * stays in sw->driver_priv for the snippets. */
#include <stdlib.h>
#include <string.h>

#include "cli/cli_dialect.h"
#include "driver.h"
#include "ruckus/fastiron.h"
#include "ruckus/ruckus.h"

static int build(struct cli_text *lines, void **model, struct pr_error *err)
{
    struct fastiron_model *m = NULL;
    int rc = fastiron_model_build(lines, &m, err);
    *model = m;
    return rc;
}

static int fill(const void *model, struct pr_switch *sw, struct pr_error *err)
{
    return fastiron_fill_switch(model, sw, err);
}

static void model_free(void *model)
{
    fastiron_model_free(model);
}

static const struct cli_dialect fastiron_dialect = {
    .refusal = "not a FastIron (Ruckus/Brocade ICX) configuration (no ver line and too few "
               "lines only FastIron writes)",
    .detect = fastiron_detect,
    .comment = '!',
    .build = build,
    .fill = fill,
    .free = model_free,
};

bool ruckus_switch_has_config(const struct pr_switch *sw)
{
    return cli_dialect_model(&fastiron_dialect, sw) != NULL;
}

int ruckus_config_read(const char *text, size_t len, const char *origin, struct pr_switch *sw,
                       struct pr_error *err)
{
    return cli_dialect_read(&fastiron_dialect, text, len, origin, sw, err);
}

int ruckus_config_read_as(const char *text, size_t len, const char *origin, struct pr_switch *sw,
                          struct pr_error *err)
{
    return cli_dialect_read_as(&fastiron_dialect, text, len, origin, sw, err);
}

void ruckus_snippet(const struct pr_switch *sw, const struct pr_port *port,
                    const struct pr_finding *finding, char *buf, size_t buf_len)
{
    const struct fastiron_model *m = cli_dialect_model(&fastiron_dialect, sw);
    fastiron_snippet(m, port, finding, buf, buf_len);
    /* Read from an agent, what configuration cannot fix (no link, blocking
     * now) still gets the generic driver's advice. */
    if (m == NULL && buf_len > 0 && buf[0] == '\0')
        pr_driver_generic_snmp.snippet(sw, port, finding, buf, buf_len);
}

int ruckus_config_apply(const char *text, size_t len, const char *snippet, char **out,
                        size_t *out_len, struct pr_error *err)
{
    return cli_text_append(text, len, snippet, out, out_len, err);
}
