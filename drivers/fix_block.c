/* SPDX-License-Identifier: BSD-3-Clause */
/* The block of configuration at the end of a switch's report, for families
 * whose snippets stand alone (driver.h pr_driver_merge_fixes). */
#include <stdlib.h>
#include <string.h>

#include "driver.h"
#include "util/strbuf.h"

const char pr_driver_switch_wide_note[] =
    " switch-wide and disruptive: the whole switch reconverges; schedule it";

bool pr_driver_fix_in_block(const struct pr_port *port, const struct pr_finding *finding)
{
    return finding->fix[0] != '\0' && port->role.role != PR_ROLE_UPLINK &&
           finding->severity != PR_SEV_INFO;
}

/* The snippets already added, a set of strings (open addressing over
 * 2 x the findings' count + 1 slots, so one is always empty): a switch with
 * thousands of ports and as many distinct fixes takes no longer per fix. */
struct kept_set {
    const char **slots;
    size_t n_slots;
};

static size_t text_hash(const char *text)
{
    size_t h = 1469598103934665603u;
    for (const char *p = text; *p; p++)
        h = (h ^ (unsigned char)*p) * 1099511628211u;
    return h;
}

/* Whether text was kept already; keeps it when not. */
static bool seen_or_keep(struct kept_set *kept, const char *text)
{
    size_t i = text_hash(text) % kept->n_slots;
    while (kept->slots[i] != NULL) {
        if (strcmp(kept->slots[i], text) == 0)
            return true;
        i = (i + 1) % kept->n_slots;
    }
    kept->slots[i] = text;
    return false;
}

/* Adds each distinct fix of the pass's kind (switch-wide or not) once. */
static void add_pass(const struct pr_switch *sw, bool switch_wide, struct pr_strbuf *out,
                     struct kept_set *kept)
{
    for (size_t i = 0; i < sw->n_ports; i++) {
        const struct pr_port *port = &sw->ports[i];
        for (size_t k = 0; k < port->n_findings; k++) {
            const struct pr_finding *f = &port->findings[k];
            if (!pr_driver_fix_in_block(port, f) ||
                pr_finding_is_switch_wide(port, f) != switch_wide || seen_or_keep(kept, f->fix))
                continue;
            pr_strbuf_addf(out, "%s\n", f->fix);
        }
    }
}

static size_t count_findings(const struct pr_switch *sw)
{
    size_t n = 0;
    for (size_t i = 0; i < sw->n_ports; i++)
        n += sw->ports[i].n_findings;
    return n;
}

int pr_driver_merge_fixes(const struct pr_switch *sw, const char *comment,
                          struct pr_fix_block *block)
{
    memset(block, 0, sizeof *block);
    struct kept_set kept = {.n_slots = 2 * count_findings(sw) + 1};
    kept.slots = calloc(kept.n_slots, sizeof *kept.slots);
    if (kept.slots == NULL)
        return -1;
    struct pr_strbuf wide = {0}, text = {0};
    add_pass(sw, true, &wide, &kept);
    if (wide.len > 0)
        pr_strbuf_addf(&text, "%s%s\n%s", comment, pr_driver_switch_wide_note, wide.data);
    add_pass(sw, false, &text, &kept);
    free(kept.slots);
    bool failed = wide.failed || text.failed;
    block->switch_wide = pr_strbuf_take(&wide);
    block->text = pr_strbuf_take(&text);
    if (failed) {
        pr_fix_block_free(block);
        return -1;
    }
    return 0;
}

int pr_driver_merge_config_fixes(const struct pr_switch *sw, bool from_config, const char *comment,
                                 struct pr_fix_block *block)
{
    if (pr_driver_merge_fixes(sw, from_config ? comment : "#", block) != 0)
        return -1;
    block->paste = block->text != NULL && from_config;
    return 0;
}

int pr_driver_read_config_with(const struct pr_config_text *config, struct pr_switch *sw,
                               const char *driver,
                               int (*read)(const char *text, size_t len, const char *origin,
                                           struct pr_switch *sw, struct pr_error *err),
                               struct pr_error *err)
{
    if (config->text == NULL)
        return pr_error_set(err, PR_ERR_USAGE, "the %s driver was given no configuration", driver);
    if (read(config->text, config->len, config->origin, sw, err) != 0)
        return -1;
    pr_switch_add_source(sw, config->kind ? config->kind : "config");
    return 0;
}

void pr_driver_install_priv(struct pr_switch *sw, void *priv, void (*priv_free)(void *))
{
    if (sw->driver_priv_free != NULL)
        sw->driver_priv_free(sw->driver_priv);
    sw->driver_priv = priv;
    sw->driver_priv_free = priv_free;
}
