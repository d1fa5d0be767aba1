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
    }
    return 0;
}
