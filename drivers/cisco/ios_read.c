/* SPDX-License-Identifier: BSD-3-Clause */
/* ios_config_read(): text -> configuration -> model -> switch facts. */
#include "cisco/ios.h"

#include "cisco/ios_model.h"

static void model_free_priv(void *priv)
{
    ios_model_free(priv);
}

static const struct ios_model *switch_model(const struct pr_switch *sw)
{
    if (sw == NULL || sw->driver_priv_free != model_free_priv)
        return NULL;
    return sw->driver_priv;
}

enum ios_platform ios_switch_platform(const struct pr_switch *sw)
{
    const struct ios_model *m = switch_model(sw);
    return m != NULL ? m->platform : IOS_PLATFORM_UNKNOWN;
}

const struct ios_model *ios_switch_model(const struct pr_switch *sw)
{
    return switch_model(sw);
}

int ios_config_read(const char *text, size_t len, const char *origin, struct pr_switch *sw,
                    struct pr_error *err)
{
    if (origin == NULL)
        origin = "configuration";
    struct ios_config *cfg;
    if (ios_config_parse(text, len, origin, &cfg, err) != 0)
        return -1;
    if (cfg->platform.platform == IOS_PLATFORM_UNKNOWN) {
        ios_config_free(cfg);
        return pr_error_set(err, PR_ERR_UNSUPPORTED,
                            "%s: not an IOS, IOS-XE, NX-OS or EOS configuration (no version line, "
                            "device header or Cisco interface names)",
                            origin);
    }
    return ios_config_install(cfg, sw, err);
}

int ios_config_install(struct ios_config *cfg, struct pr_switch *sw, struct pr_error *err)
{
    struct ios_model *model;
    if (ios_model_build(cfg, &model, err) != 0)
        return -1;
    if (ios_model_fill_switch(model, sw, err) != 0) {
        ios_model_free(model);
        return -1;
    }
    if (sw->driver_priv_free != NULL)
        sw->driver_priv_free(sw->driver_priv);
    sw->driver_priv = model;
    sw->driver_priv_free = model_free_priv;
    return 0;
}
