/* SPDX-License-Identifier: BSD-3-Clause */
/* dell_config_read(): text -> lines -> OS10 model -> switch facts; the
 * model stays in sw->driver_priv for the snippets. */
#include <stdlib.h>
#include <string.h>

#include "cli/cli_dialect.h"
#include "dell/dell.h"
#include "dell/os10.h"
#include "driver.h"
#include "util/strutil.h"

/* The word after `! Version ` on OS10's first line ("10.5.2.3"). */
static void version_of(const char *text, size_t len, char *out, size_t out_len)
{
    out[0] = '\0';
    static const char marker[] = "! Version ";
    size_t n = sizeof marker - 1;
    if (len < n || memcmp(text, marker, n) != 0)
        return;
    size_t w = 0;
    for (size_t k = n;
         k < len && text[k] != '\r' && text[k] != '\n' && text[k] != ' ' && w + 1 < out_len; k++)
        out[w++] = text[k];
    out[w] = '\0';
}

static int build(struct cli_text *lines, void **model, struct pr_error *err)
{
    struct os10_model *m = NULL;
    int rc = os10_model_build(lines, &m, err);
    *model = m;
    return rc;
}

static void note(void *model, const char *text, size_t len)
{
    struct os10_model *m = model;
    version_of(text, len, m->version, sizeof m->version);
}

static int fill(const void *model, struct pr_switch *sw, struct pr_error *err)
{
    return os10_fill_switch(model, sw, err);
}

static void model_free(void *model)
{
    os10_model_free(model);
}

static const struct cli_dialect os10_dialect = {
    .refusal = "not a Dell OS10 configuration (no `! Version 10.` header and no "
               "ethernet1/1/1-style interfaces)",
    .detect = os10_detect,
    .comment = '!',
    .build = build,
    .note = note,
    .fill = fill,
    .free = model_free,
};

bool dell_switch_has_config(const struct pr_switch *sw)
{
    return cli_dialect_model(&os10_dialect, sw) != NULL;
}

int dell_config_read(const char *text, size_t len, const char *origin, struct pr_switch *sw,
                     struct pr_error *err)
{
    return cli_dialect_read(&os10_dialect, text, len, origin, sw, err);
}

void dell_snippet(const struct pr_switch *sw, const struct pr_port *port,
                  const struct pr_finding *finding, char *buf, size_t buf_len)
{
    const struct os10_model *m = cli_dialect_model(&os10_dialect, sw);
    if (m != NULL) {
        os10_snippet(m, port, finding, buf, buf_len);
        return;
    }
    /* Read from an agent: PowerConnect, N-series and OS9 speak other
     * dialects, so the generic driver's advice. */
    pr_driver_generic_snmp.snippet(sw, port, finding, buf, buf_len);
}

int dell_config_apply(const char *text, size_t len, const char *snippet, char **out,
                      size_t *out_len, struct pr_error *err)
{
    return cli_text_append(text, len, snippet, out, out_len, err);
}
