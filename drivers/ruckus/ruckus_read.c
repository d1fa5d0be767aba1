/* SPDX-License-Identifier: BSD-3-Clause */
/* ruckus_config_read(): text -> lines -> model -> switch facts; the model
 * stays in sw->driver_priv for the snippets. */
#include <stdlib.h>
#include <string.h>

#include "driver.h"
#include "ruckus/fastiron.h"
#include "ruckus/ruckus.h"

static void priv_free(void *p)
{
    fastiron_model_free(p);
}

static const struct fastiron_model *switch_model(const struct pr_switch *sw)
{
    if (sw == NULL || sw->driver_priv_free != priv_free)
        return NULL;
    return sw->driver_priv;
}

bool ruckus_switch_has_config(const struct pr_switch *sw)
{
    return switch_model(sw) != NULL;
}

int ruckus_config_read(const char *text, size_t len, const char *origin, struct pr_switch *sw,
                       struct pr_error *err)
{
    if (origin == NULL)
        origin = "configuration";
    if (text == NULL || fastiron_detect(text, len, NULL, 0) == 0)
        return pr_error_set(err, PR_ERR_UNSUPPORTED,
                            "%s: not a FastIron (Ruckus/Brocade ICX) configuration (no ver line "
                            "and too few lines only FastIron writes)",
                            origin);
    return ruckus_config_read_as(text, len, origin, sw, err);
}

int ruckus_config_read_as(const char *text, size_t len, const char *origin, struct pr_switch *sw,
                          struct pr_error *err)
{
    if (origin == NULL)
        origin = "configuration";
    struct cli_text *t;
    if (cli_text_read(text, len, origin, '!', &t, err) != 0)
        return -1;
    struct fastiron_model *m;
    if (fastiron_model_build(t, &m, err) != 0)
        return -1;
    if (fastiron_fill_switch(m, sw, err) != 0) {
        fastiron_model_free(m);
        return -1;
    }
    pr_driver_install_priv(sw, m, priv_free);
    return 0;
}

void ruckus_snippet(const struct pr_switch *sw, const struct pr_port *port,
                    const struct pr_finding *finding, char *buf, size_t buf_len)
{
    const struct fastiron_model *m = switch_model(sw);
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
