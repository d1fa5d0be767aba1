/* SPDX-License-Identifier: BSD-3-Clause */
#include "cli/cli_ports.h"

#include <stdlib.h>

#include "cli/cli_text.h"
#include "util/strutil.h"

static int by_name(const void *a, const void *b)
{
    const struct cli_port_ref *x = a, *y = b;
    return cli_name_cmp(x->name, y->name);
}

int cli_add_ports(struct pr_switch *sw, struct cli_port_ref *refs, size_t n,
                  void (*fill)(const void *item, struct pr_port *port, void *ctx), void *ctx,
                  struct pr_error *err)
{
    if (n > 0)
        qsort(refs, n, sizeof *refs, by_name);
    for (size_t i = 0; i < n; i++) {
        struct pr_port *port = pr_switch_add_port(sw, refs[i].name, err);
        if (port == NULL)
            return -1;
        port->if_type = 6; /* ethernetCsmacd */
        if (refs[i].alias != NULL)
            pr_strlcpy(port->alias, refs[i].alias, sizeof port->alias);
        /* Members of one aggregate share one role (core/roles.c). */
        pr_strlcpy(port->lag_name, refs[i].lag_name, sizeof port->lag_name);
        fill(refs[i].item, port, ctx);
        if (refs[i].stp_from_lag && refs[i].lag_name[0] != '\0')
            pr_port_facts_from_aggregate(&port->facts, refs[i].lag_name);
    }
    return 0;
}

struct table_fill {
    const struct cli_port_table *table;
    const struct pr_switch *sw;
};

static void fill_from_table(const void *item, struct pr_port *port, void *ctx)
{
    const struct table_fill *tf = ctx;
    tf->table->fill(tf->table->model, tf->sw, item, port);
}

int cli_fill_ports(struct pr_switch *sw, const struct cli_port_table *table, struct pr_error *err)
{
    struct cli_port_ref *refs = calloc(table->n_items ? table->n_items : 1, sizeof *refs);
    if (refs == NULL)
        return pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
    size_t n = 0;
    const char *item = table->items;
    for (size_t i = 0; i < table->n_items; i++, item += table->item_size) {
        refs[n] = (struct cli_port_ref){.item = item};
        if (table->describe(table->model, item, &refs[n]))
            n++;
    }
    struct table_fill tf = {table, sw};
    int rc = cli_add_ports(sw, refs, n, fill_from_table, &tf, err);
    free(refs);
    return rc;
}
