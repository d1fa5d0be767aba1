/* SPDX-License-Identifier: BSD-3-Clause */
#include "cli/cli_dialect.h"

#include "driver.h"

int cli_dialect_read(const struct cli_dialect *d, const char *text, size_t len, const char *origin,
                     struct pr_switch *sw, struct pr_error *err)
{
    if (origin == NULL)
        origin = "configuration";
    if (text == NULL || d->detect(text, len, NULL, 0) == 0)
        return pr_error_set(err, PR_ERR_UNSUPPORTED, "%s: %s", origin, d->refusal);
    return cli_dialect_read_as(d, text, len, origin, sw, err);
}

int cli_dialect_read_as(const struct cli_dialect *d, const char *text, size_t len,
                        const char *origin, struct pr_switch *sw, struct pr_error *err)
{
    struct cli_text *lines;
    if (cli_text_read(text, len, origin ? origin : "configuration", d->comment, &lines, err) != 0)
        return -1;
    void *model;
    if (d->build(lines, &model, err) != 0)
        return -1;
    if (d->note != NULL)
        d->note(model, text, len);
    if (d->fill(model, sw, err) != 0) {
        d->free(model);
        return -1;
    }
    pr_driver_install_priv(sw, model, d->free);
    return 0;
}

const void *cli_dialect_model(const struct cli_dialect *d, const struct pr_switch *sw)
{
    if (sw == NULL || sw->driver_priv_free != d->free)
        return NULL;
    return sw->driver_priv;
}
