/* SPDX-License-Identifier: BSD-3-Clause */
/* The Cumulus Linux driver: ifupdown2 and NVUE configurations through
 * their readers (cumulus_eni.c, cumulus_nvue.c), agents under NVIDIA /
 * Cumulus Networks' enterprise (40310) through the standard MIBs, fixes in
 * the dialect read. */
#include <stdlib.h>
#include <string.h>

#include "cli/cli_text.h"
#include "cumulus/cumulus.h"
#include "cumulus/cumulus_cli.h"
#include "driver.h"
#include "util/strutil.h"

static void priv_free(void *p)
{
    cl_model_free(p);
}

const struct cl_model *cumulus_switch_model(const struct pr_switch *sw)
{
    if (sw == NULL || sw->driver_priv_free != priv_free)
        return NULL;
    return sw->driver_priv;
}

int cumulus_config_read(const char *text, size_t len, const char *origin, struct pr_switch *sw,
                        struct pr_error *err)
{
    struct cl_model *m;
    if (cl_model_read(text, len, origin != NULL ? origin : "configuration", &m, err) != 0)
        return -1;
    if (cl_fill_switch(m, sw, err) != 0) {
        cl_model_free(m);
        return -1;
    }
    pr_driver_install_priv(sw, m, priv_free);
    return 0;
}

int cumulus_config_apply(const char *text, size_t len, const char *snippet, char **out,
                         size_t *out_len, struct pr_error *err)
{
    return cli_text_append(text, len, snippet, out, out_len, err);
}

static int cumulus_match(const char *sys_object_id, const char *sys_descr, const char *config_text,
                         size_t config_len)
{
    if (config_text != NULL && config_len > 0) {
        int score = cl_detect(config_text, config_len, NULL);
        return score == 0 ? 0 : 50 + (score > 40 ? 40 : score);
    }
    if (sys_object_id != NULL && strncmp(sys_object_id, "1.3.6.1.4.1.40310.", 18) == 0)
        return 40;
    return sys_descr != NULL && strstr(sys_descr, "Cumulus Linux") != NULL ? 20 : 0;
}

static int cumulus_read_config(const struct pr_config_text *config, struct pr_switch *sw,
                               struct pr_error *err)
{
    return pr_driver_read_config_with(config, sw, "cumulus", cumulus_config_read, err);
}

static int cumulus_read_snmp(struct pr_snmp_source *snmp, struct pr_switch *sw,
                             struct pr_error *err)
{
    return pr_driver_generic_snmp.read_snmp(snmp, sw, err);
}

void cumulus_snippet(const struct pr_switch *sw, const struct pr_port *port,
                     const struct pr_finding *finding, char *buf, size_t buf_len)
{
    const struct cl_model *m = cumulus_switch_model(sw);
    if (m != NULL) {
        cl_snippet(m, port, finding, buf, buf_len);
        return;
    }
    pr_driver_generic_snmp.snippet(sw, port, finding, buf, buf_len);
}

/* The block, then what applies it: `nv config apply` after NVUE
 * commands, a reminder of `ifreload -a` after ifupdown2 stanzas. */
static int cumulus_merge_fixes(const struct pr_switch *sw, struct pr_fix_block *block)
{
    const struct cl_model *m = cumulus_switch_model(sw);
    if (pr_driver_merge_config_fixes(sw, m != NULL, "#", block) != 0)
        return -1;
    if (m == NULL || block->text == NULL || block->text[0] == '\0')
        return 0;
    const char *tail = m->dialect == CL_NVUE ? "nv config apply\n" : "# then: sudo ifreload -a\n";
    size_t n = strlen(block->text), t = strlen(tail);
    bool nl = n > 0 && block->text[n - 1] != '\n';
    char *grown = realloc(block->text, n + nl + t + 1);
    if (grown == NULL)
        return -1;
    if (nl)
        grown[n++] = '\n';
    memcpy(grown + n, tail, t + 1);
    block->text = grown;
    return 0;
}

const struct pr_driver pr_driver_cumulus = {
    .name = "cumulus",
    .config_dialects = "Cumulus Linux (ifupdown2, NVUE)",
    .netconf_filter = NULL,
    .cli = &cumulus_cli_dialect,
    .match = cumulus_match,
    .read_snmp = cumulus_read_snmp,
    .read_config = cumulus_read_config,
    .names_match = pr_driver_names_equal,
    .snippet = cumulus_snippet,
    .merge_fixes = cumulus_merge_fixes,
};
