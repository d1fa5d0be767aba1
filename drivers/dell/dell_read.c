/* SPDX-License-Identifier: BSD-3-Clause */
/* dell_config_read(): text -> lines -> OS10 model -> switch facts; the
 * model stays in sw->driver_priv for the snippets. */
#include <stdlib.h>
#include <string.h>

#include "dell/dell.h"
#include "dell/os10.h"
#include "driver.h"
#include "util/strutil.h"

static void priv_free(void *p)
{
    os10_model_free(p);
}

static const struct os10_model *switch_model(const struct pr_switch *sw)
{
    if (sw == NULL || sw->driver_priv_free != priv_free)
        return NULL;
    return sw->driver_priv;
}

bool dell_switch_has_config(const struct pr_switch *sw)
{
    return switch_model(sw) != NULL;
}

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

int dell_config_read(const char *text, size_t len, const char *origin, struct pr_switch *sw,
                     struct pr_error *err)
{
    if (origin == NULL)
        origin = "configuration";
    if (os10_detect(text, len, NULL, 0) == 0)
        return pr_error_set(err, PR_ERR_UNSUPPORTED,
                            "%s: not a Dell OS10 configuration (no `! Version 10.` header and no "
                            "ethernet1/1/1-style interfaces)",
                            origin);
    struct cli_text *t;
    if (cli_text_read(text, len, origin, '!', &t, err) != 0)
        return -1;
    struct os10_model *m;
    if (os10_model_build(t, &m, err) != 0)
        return -1;
    version_of(text, len, m->version, sizeof m->version);
    if (os10_fill_switch(m, sw, err) != 0) {
        os10_model_free(m);
        return -1;
    }
    if (sw->driver_priv_free != NULL)
        sw->driver_priv_free(sw->driver_priv);
    sw->driver_priv = m;
    sw->driver_priv_free = priv_free;
    return 0;
}

void dell_snippet(const struct pr_switch *sw, const struct pr_port *port,
                  const struct pr_finding *finding, char *buf, size_t buf_len)
{
    const struct os10_model *m = switch_model(sw);
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
