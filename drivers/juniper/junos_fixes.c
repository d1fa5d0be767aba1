/* SPDX-License-Identifier: BSD-3-Clause */
/* The block of `set` commands that ends a Junos switch's report: the fixes
 * of every judged port but the uplinks, each line once. The switch-wide
 * lines (legacy STP to RSTP, which every edge fix under legacy STP also
 * carries) come first, after a `#` line marking them disruptive; the other
 * lines follow in port order. */
#include <string.h>

#include "driver.h"
#include "junos_config.h"
#include "junos_snippet.h"
#include "util/strbuf.h"

static bool has_line(const struct pr_strbuf *buf, const char *line, size_t len)
{
    for (const char *p = buf->data; p != NULL && *p;) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        if (n == len && memcmp(p, line, len) == 0)
            return true;
        p = nl ? nl + 1 : NULL;
    }
    return false;
}

/* Adds each line of fix to out unless out or skip holds it already. */
static void add_lines(struct pr_strbuf *out, const struct pr_strbuf *skip, const char *fix)
{
    for (const char *line = fix; *line;) {
        const char *nl = strchr(line, '\n');
        size_t len = nl ? (size_t)(nl - line) : strlen(line);
        if (len > 0 && !has_line(out, line, len) && (skip == NULL || !has_line(skip, line, len))) {
            pr_strbuf_add(out, line, len);
            pr_strbuf_add(out, "\n", 1);
        }
        line = nl ? nl + 1 : line + len;
    }
}

int junos_merge_fixes(const struct pr_switch *sw, struct pr_fix_block *block)
{
    if (junos_config_of(sw) == NULL)
        return pr_driver_merge_fixes(sw, "#", block);
    memset(block, 0, sizeof *block);
    struct pr_strbuf wide = {0}, ports = {0}, text = {0};
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < sw->n_ports; i++) {
            const struct pr_port *port = &sw->ports[i];
            for (size_t k = 0; k < port->n_findings; k++) {
                const struct pr_finding *f = &port->findings[k];
                bool switch_wide = pr_finding_is_switch_wide(port, f);
                if (!pr_driver_fix_in_block(port, f) || switch_wide != (pass == 0))
                    continue;
                if (switch_wide)
                    add_lines(&wide, NULL, f->fix);
                else
                    add_lines(&ports, &wide, f->fix);
            }
        }
    }
    if (wide.len > 0)
        pr_strbuf_addf(&text, "#%s\n%s", pr_driver_switch_wide_note, wide.data);
    if (ports.len > 0)
        pr_strbuf_add(&text, ports.data, ports.len);
    bool failed = wide.failed || ports.failed || text.failed;
    block->switch_wide = pr_strbuf_take(&wide);
    pr_strbuf_free(&ports);
    block->text = pr_strbuf_take(&text);
    block->paste = true;
    if (failed) {
        pr_fix_block_free(block);
        return -1;
    }
    return 0;
}
